import SigningKeys
import EthereumPrimitives
import EthereumTransactions
import Foundation
import Secp256k1
import TestSupport
import Testing

/// One signed type-2 transaction with the values an independent implementation (eth-account) produced.
struct EIP1559Case: CustomTestStringConvertible, Sendable {
    let name: String
    let privateKey: [UInt8]
    let transaction: EIP1559Transaction
    let signingHash: String
    let raw: [UInt8]
    let hash: String
    let yParity: UInt8
    let r: [UInt8]
    let s: [UInt8]
    let sender: String
    var testDescription: String { name }

    func key() throws -> PrivateKey { try PrivateKey(SecretBytes(privateKey)) }
}

/// Reads the public vectors (Tests/Vectors) and the generated fixture files into cases.
enum TransactionFixtures {
    /// `eip1559/eip1559_examples.json`: two transactions signed with 0x46…46 (JSON numbers for fields).
    static func publicExamples() throws -> [EIP1559Case] {
        let root = try object(Fixtures.vectorJSON("eip1559/eip1559_examples.json"))
        let key = hexBytes(try string(root["private_key"]))
        let sender = try string(root["address"])
        return try array(root["cases"]).map { value in
            let entry = try object(value)
            let fields = try object(entry["fields"])
            #expect(try integer(fields["type"]) == 2)
            let transaction = EIP1559Transaction(
                chainID: ChainID(try integer(fields["chainId"])),
                nonce: try integer(fields["nonce"]),
                maxPriorityFeePerGas: Wei(UInt256(try integer(fields["maxPriorityFeePerGas"]))),
                maxFeePerGas: Wei(UInt256(try integer(fields["maxFeePerGas"]))),
                gasLimit: try integer(fields["gas"]),
                to: try Address(hex: string(fields["to"])),
                value: Wei(UInt256(try integer(fields["value"]))),
                data: hexBytes(try string(fields["data"])),
                accessList: try accessList(fields["accessList"])
            )
            return EIP1559Case(
                name: try string(entry["name"]), privateKey: key, transaction: transaction,
                signingHash: try string(entry["signing_hash"]), raw: hexBytes(try string(entry["raw"])),
                hash: try string(entry["hash"]), yParity: UInt8(try integer(entry["y_parity"])),
                r: try quantity(entry["r"]).bigEndianBytes, s: try quantity(entry["s"]).bigEndianBytes, sender: sender
            )
        }
    }

    /// `Fixtures/random_eip1559.json`, written by scripts/vectors/generate_transactions.py (0x quantities).
    static func randomCases() throws -> [EIP1559Case] {
        let root = try object(
            JSONSerialization.jsonObject(
                with: Fixtures.repositoryFile("Tests/EthereumTransactionsTests/Fixtures/random_eip1559.json")))
        return try array(root["cases"]).map { value in
            let entry = try object(value)
            let fields = try object(entry["fields"])
            let transaction = EIP1559Transaction(
                chainID: ChainID(try quantity64(fields["chainId"])),
                nonce: try quantity64(fields["nonce"]),
                maxPriorityFeePerGas: Wei(try quantity(fields["maxPriorityFeePerGas"])),
                maxFeePerGas: Wei(try quantity(fields["maxFeePerGas"])),
                gasLimit: try quantity64(fields["gas"]),
                to: try Address(hex: string(fields["to"])),
                value: Wei(try quantity(fields["value"])),
                data: hexBytes(try string(fields["data"])),
                accessList: try accessList(fields["accessList"])
            )
            return EIP1559Case(
                name: try string(entry["name"]), privateKey: hexBytes(try string(entry["privateKey"])),
                transaction: transaction, signingHash: try string(entry["signingHash"]),
                raw: hexBytes(try string(entry["raw"])), hash: try string(entry["hash"]),
                yParity: UInt8(try integer(entry["yParity"])), r: try quantity(entry["r"]).bigEndianBytes,
                s: try quantity(entry["s"]).bigEndianBytes, sender: try string(entry["sender"])
            )
        }
    }

    static func accessList(_ value: Any?) throws -> [AccessListEntry] {
        try array(value).map { value in
            let entry = try object(value)
            return AccessListEntry(
                address: try Address(hex: string(entry["address"])),
                storageKeys: try array(entry["storageKeys"]).map { try Hash32(hex: string($0)) }
            )
        }
    }

    static func object(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }
    static func array(_ value: Any?) throws -> [Any] { try #require(value as? [Any]) }
    static func string(_ value: Any?) throws -> String { try #require(value as? String) }
    static func integer(_ value: Any?) throws -> UInt64 { try #require((value as? NSNumber)?.uint64Value) }
    static func quantity(_ value: Any?) throws -> UInt256 { try UInt256(quantity: string(value), field: "fixture") }
    static func quantity64(_ value: Any?) throws -> UInt64 { try #require(quantity(value).uint64) }
}
