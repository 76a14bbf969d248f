import TerminalText
public import StrictJSON
import EthereumPrimitives

/// A JSON-RPC error object from the node: `{"code": -32000, "message": "nonce too low", "data": …}`.
///
/// `data` is kept as sent; ``revertData`` digs the revert bytes out of it and ``kind`` classifies the message.
public struct NodeError: Equatable, Sendable, CustomStringConvertible {
    /// The method that was called.
    public let method: String
    /// The error code (`3` for geth reverts, `-32000` for most pool rejections, `-32601` unknown method…).
    public let code: Int
    /// The message as the node wrote it.
    public let message: String
    /// The `data` member, when present.
    public let data: JSONValue?

    /// Creates an error from its parts.
    public init(method: String, code: Int, message: String, data: JSONValue? = nil) {
        self.method = method
        self.code = code
        self.message = message
        self.data = data
    }

    /// "eth_sendRawTransaction: node error -32000: nonce too low", plus the revert data when there is some.
    public var description: String {
        var text = "\(method): node error \(code): \(message.escapedForTerminal)"
        if let revertData { text += " (revert data \(Hex.encode(revertData)))" }
        return text
    }
}
