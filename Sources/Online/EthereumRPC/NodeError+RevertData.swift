import EthereumPrimitives
import StrictJSON

extension NodeError {
    /// The revert bytes (`0x08c379a0…` for `Error(string)`, a custom error's selector and arguments…), when the
    /// node sent any, or nil.
    ///
    /// Nodes put them in different places; these forms are recognised, searched in this order:
    /// - `data` is a hex string: geth, Erigon, Besu, anvil (`{"code":3,"message":"execution reverted","data":"0x…"}`);
    /// - `data` is `"Reverted 0x…"`: Nethermind;
    /// - `data` is an object with the bytes under `data` (hardhat: `{"message":…,"data":"0x…"}`), `result`
    ///   (ganache 7), `return` (ganache 6) or `originalError.data` (providers that wrap a node's error), at any
    ///   depth up to four objects;
    /// - `data` is an object keyed by transaction hash whose value holds `return` (ganache 6:
    ///   `{"0xabc…":{"error":"revert","return":"0x…"}}`).
    ///
    /// A string that is not valid `0x` hex with whole bytes is not revert data (it may be a message), and `0x`
    /// alone is empty revert data (a bare `revert()`).
    public var revertData: [UInt8]? {
        guard let data else { return nil }
        return Self.revertBytes(in: data, depth: 0)
    }

    private static let revertKeys = ["data", "result", "return", "originalError", "error"]

    private static func revertBytes(in value: JSONValue, depth: Int) -> [UInt8]? {
        guard depth <= 4 else { return nil }
        switch value {
        case .string(let text):
            return hexBytes(text)
        case .object(let members):
            for key in revertKeys {
                if let member = members[key], let bytes = revertBytes(in: member, depth: depth + 1) { return bytes }
            }
            // ganache 6 keys the details by transaction hash.
            for (key, member) in members.sorted(by: { $0.key < $1.key })
            where key.hasPrefix("0x") && member.objectValue != nil {
                if let bytes = revertBytes(in: member, depth: depth + 1) { return bytes }
            }
            return nil
        default:
            return nil
        }
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        var candidate = Substring(text)
        if candidate.lowercased().hasPrefix("reverted ") { candidate = candidate.dropFirst("reverted ".count) }
        guard candidate.hasPrefix("0x") else { return nil }
        do {
            return try Hex.decode(String(candidate), field: "error.data")
        } catch {
            // A string that is not hex is a message, not revert data: absence is the answer, not a failure.
            return nil
        }
    }
}
