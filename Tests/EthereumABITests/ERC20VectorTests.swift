import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import Secp256k1
import SigningKeys
import TestSupport
import Testing

/// One checkout payment as eth-account signed it (Tests/Vectors/erc20/erc20_transfers.json).
struct ERC20PaymentVector: CustomTestStringConvertible, Sendable {
    let name: String
    let fields: [String: String]
    let token: String?
    var testDescription: String { name }

    subscript(_ key: String) -> String { fields[key] ?? "" }

    func number(_ key: String) throws -> UInt256 { try UInt256(decimal: self[key], field: key) }

    func number64(_ key: String) throws -> UInt64 { try #require(try number(key).uint64) }

    /// Every case of the vector file, with the file's key.
    static func all() throws -> (key: [UInt8], cases: [ERC20PaymentVector]) {
        let root = try #require(try Fixtures.vectorJSON("erc20/erc20_transfers.json") as? [String: Any])
        let entries = try #require(root["cases"] as? [[String: Any]])
        let cases = try entries.map { entry in
            ERC20PaymentVector(
                name: try #require(entry["name"] as? String), fields: entry.compactMapValues { $0 as? String },
                token: entry["token"] as? String)
        }
        return (hexBytes(try #require(root["privateKey"] as? String)), cases)
    }

    static var cases: [ERC20PaymentVector] { (try? all().cases) ?? [] }
}

/// eth-abi's calldata and eth-account's signed EIP-1559 transactions for checkout payments, reproduced with
/// ColdCredits' own `ERC20Transfer`, `EIP1559Transaction` and signer, and eth-account's bytes decoded by ours.
@Suite struct ERC20VectorTests {
    /// The transaction built from the request's parts alone: the calldata comes from `ERC20Transfer`, not the file.
    static func transaction(_ vector: ERC20PaymentVector) throws -> EIP1559Transaction {
        let recipient = try Address(hex: vector["recipient"])
        let amount = try vector.number("amount")
        let to = try vector.token.map { try Address(hex: $0) } ?? recipient
        let data = vector.token == nil ? [] : ERC20Transfer(recipient: recipient, amount: amount).calldata
        return EIP1559Transaction(
            chainID: ChainID(try vector.number64("chainId")), nonce: try vector.number64("nonce"),
            maxPriorityFeePerGas: Wei(try vector.number("maxPriorityFeePerGas")),
            maxFeePerGas: Wei(try vector.number("maxFeePerGas")), gasLimit: try vector.number64("gas"), to: to,
            value: Wei(vector.token == nil ? amount : .zero), data: data)
    }

    @Test("the file covers USDC on chains 1, 137 and 8453 and native transfers")
    func coverage() throws {
        let cases = try ERC20PaymentVector.all().cases
        for chain in KnownChain.all {
            #expect(cases.contains { $0.token == chain.usdc.checksummed && $0["chainId"] == "\(chain.chainID.value)" })
        }
        #expect(cases.contains { $0.token == nil })
    }

    @Test("ERC20Transfer gives eth-abi's calldata and decodes it back", arguments: ERC20PaymentVector.cases)
    func calldata(_ vector: ERC20PaymentVector) throws {
        let tx = try Self.transaction(vector)
        #expect(Hex.encode(tx.data) == vector["calldata"])
        if vector.token != nil {
            let decoded = try ERC20Transfer(calldata: hexBytes(vector["calldata"]))
            #expect(decoded.recipient.checksummed == vector["recipient"])
            #expect(decoded.amount.decimalString == vector["amount"])
        }
    }

    @Test("our signer gives eth-account's signing hash, raw bytes and hash", arguments: ERC20PaymentVector.cases)
    func signing(_ vector: ERC20PaymentVector) throws {
        let key = try PrivateKey(SecretBytes(try ERC20PaymentVector.all().key))
        let tx = try Self.transaction(vector)
        #expect(tx.signingHash.hex == vector["signingHash"])
        let signed = tx.signed(with: key)
        #expect(Hex.encode(signed.rawTransaction) == vector["raw"])
        #expect(signed.transactionHash.hex == vector["hash"])
        #expect(key.address.checksummed == vector["from"])
    }

    @Test("eth-account's raw bytes decode to the same transaction and sender", arguments: ERC20PaymentVector.cases)
    func decoding(_ vector: ERC20PaymentVector) throws {
        let decoded = try SignedTransaction(rawTransaction: hexBytes(vector["raw"]))
        #expect(decoded.transaction == (try Self.transaction(vector)))
        #expect(try decoded.recoverSender().checksummed == vector["from"])
        #expect(decoded.transactionHash.hex == vector["hash"])
    }

    @Test("a changed recipient or amount no longer matches eth-account's signing hash")
    func tamperedRequestIsCaught() throws {
        let vector = try #require(ERC20PaymentVector.cases.first { $0.token != nil })
        var tx = try Self.transaction(vector)
        var call = try ERC20Transfer(calldata: tx.data)
        call.amount = call.amount + 1
        tx.data = call.calldata
        #expect(tx.signingHash.hex != vector["signingHash"])
    }
}
