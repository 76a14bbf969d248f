import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension StateFile {
    /// Typed access to the state document; every failure names the file and what was wrong.
    struct Reader {
        let path: String

        func fail(_ reason: String) -> SandboxError { .stateFile(path: path, reason: reason) }

        /// The one JSON reader over `value`, its errors naming this state file.
        func json(_ value: JSONValue) -> JSONReader<SandboxError> { JSONReader(value) { fail($0.description) } }

        func member(_ value: JSONValue, _ key: String) throws(SandboxError) -> JSONValue {
            var object = json(value)
            return try object.field(key).value
        }

        func string(_ value: JSONValue, _ key: String) throws(SandboxError) -> String {
            var object = json(value)
            return try object.string(key)
        }

        func numberText(_ value: JSONValue, _ key: String) throws(SandboxError) -> String {
            var object = json(value)
            return try object.field(key).numberText()
        }

        func integer(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt64 {
            var object = json(value)
            return try object.integer(key)
        }

        func array(_ value: JSONValue, _ key: String) throws(SandboxError) -> [JSONValue] {
            var object = json(value)
            return try object.array(key).map(\.value)
        }

        func quantity(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt256 {
            var object = json(value)
            return try object.quantity(key)
        }

        func quantity64(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt64 {
            var object = json(value)
            return try object.quantity64(key)
        }

        func decimal(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt256 {
            var object = json(value)
            return try object.decimal(key)
        }

        func address(_ text: String) throws(SandboxError) -> Address {
            do { return try Address(hex: text.lowercased()) } catch { throw fail("\(error)") }
        }

        func hash(_ text: String) throws(SandboxError) -> Hash32 {
            do { return try Hash32(hex: text) } catch { throw fail("\(error)") }
        }

        func bytes(_ text: String) throws(SandboxError) -> [UInt8] {
            do { return try Hex.decode(text) } catch { throw fail("\(error)") }
        }

        /// Re-decodes a stored transaction and recovers its sender.
        func transaction(_ rawHex: String, arrival: UInt64) throws(SandboxError) -> PoolTransaction {
            do {
                let decoded = try DecodedTransaction(rawTransaction: try Hex.decode(rawHex))
                return PoolTransaction(decoded: decoded, from: try decoded.recoverSender(), arrival: arrival)
            } catch {
                throw fail("stored transaction: \(error)")
            }
        }
    }
}
