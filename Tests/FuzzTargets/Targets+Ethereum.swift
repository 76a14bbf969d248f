import EthereumABI
import EthereumPrimitives
import EthereumRLP
import EthereumTransactions
import Foundation

/// No decoder took the input.
struct Refused: Error {}

/// The Ethereum encodings inside the documents and QR forms: RLP, raw transactions (type 2 and legacy), and the
/// ABI calldata of `swapAndTransferUniswapV3Native` with the contract's revert data.
extension FuzzTargets {
    /// The Ethereum targets.
    static let ethereum: [FuzzTarget] = [rlp, rawTransaction, rawTransactionHex, calldata, revertData]

    static let rlpTokens: [[UInt8]] = [
        [0x02], [0x01], [0xC0], [0x80], [0x00], [0x81, 0x7F], [0xB8, 0x38], [0xF8, 0x38], [0xB7], [0xF7],
        [0xBB, 0xFF, 0xFF, 0xFF, 0xFF], [0xFB, 0xFF, 0xFF, 0xFF, 0xFF], [0x88] + [UInt8](repeating: 0xFF, count: 8),
        [0xA0] + [UInt8](repeating: 0xFF, count: 32), [0xA1] + [UInt8](repeating: 0xFF, count: 33), [0x25], [0x26],
        [0x1B], [0x1C],
    ]
    static let rlpNesting: [[UInt8]] = [[0xC1], [0xF8, 0xFF], [0xC2, 0xC1]]

    static func rlpTarget(_ name: String, _ body: @escaping @Sendable ([UInt8]) throws -> Void) -> FuzzTarget {
        FuzzTarget(name, binaryTokens: rlpTokens, nesting: rlpNesting, maxLength: 1 << 13) { input in
            FuzzTarget.outcome { try body(input) }
        }
    }

    /// `RLP.decode`; whatever decodes re-encodes byte-identically (the decoder is canonical).
    static let rlp = rlpTarget("rlp") { input in
        let item = try RLP.decode(input)
        guard RLP.encode(item) == input else { throw FuzzFinding("RLP re-encoding differs from the input") }
    }

    /// A raw signed transaction, type 2 or legacy: every decoder of it, the hashes and the sender recovery.
    static let rawTransaction = rlpTarget("raw-transaction") { input in
        var decoded = false
        if let signed = try? SignedTransaction(rawTransaction: input) {
            decoded = true
            guard signed.rawTransaction == input else { throw FuzzFinding("type-2 re-encoding differs") }
            _ = signed.transactionHash
            _ = try? signed.recoverSender()
        }
        if let legacy = try? SignedLegacyTransaction(rawTransaction: input) {
            decoded = true
            _ = legacy.signingHash
            _ = try? legacy.recoverSender()
        }
        if let any = try? DecodedTransaction(rawTransaction: input) {
            decoded = true
            _ = any.signingHash
            _ = any.transactionHash
        }
        guard decoded else { throw Refused() }
    }

    /// A raw transaction as `broadcast` reads it from a text file: `0x` hex, then decoded.
    static let rawTransactionHex = FuzzTarget(
        "raw-transaction-hex", dictionary: ["0x02", "0xf8", "0x", "0X", " ", "\n"], maxLength: 1 << 14
    ) { input in
        FuzzTarget.outcome {
            let text = String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let raw = try Hex.decode(text, field: "raw transaction")
            _ = try SignedTransaction(rawTransaction: raw).recoverSender()
        }
    }

    static let abiTokens: [[UInt8]] = [
        TransfersContract.swapAndTransferSelector, [UInt8](repeating: 0, count: 32),
        [UInt8](repeating: 0, count: 31) + [0x40], [UInt8](repeating: 0, count: 31) + [0xE0],
        [UInt8](repeating: 0, count: 28) + [0x7F, 0xFF, 0xFF, 0xFF], [UInt8](repeating: 0, count: 29) + [0x01, 0, 0],
    ]

    /// `TransfersContract.decodeSwapAndTransfer`: canonical calldata re-encodes byte-identically.
    static let calldata = FuzzTarget("calldata", binaryTokens: abiTokens, maxLength: 1 << 12) { input in
        FuzzTarget.outcome {
            let (intent, tier) = try TransfersContract.decodeSwapAndTransfer(input)
            guard TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: tier) == input else {
                throw FuzzFinding("calldata re-encoding differs from the input")
            }
        }
    }

    /// `ContractRevert(revertData:)`: a node's revert data, shown to the user.
    static let revertData = FuzzTarget("revert-data", binaryTokens: abiTokens, maxLength: 1 << 12) { input in
        ContractRevert(revertData: input).description.isEmpty ? .refused : .accepted
    }
}
