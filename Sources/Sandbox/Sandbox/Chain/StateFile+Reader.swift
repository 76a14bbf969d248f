import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension StateFile {
    /// Typed access to the state document; every failure names the file and what was wrong.
    struct Reader {
        let path: String

        func fail(_ reason: String) -> SandboxError { .stateFile(path: path, reason: reason) }

        func member(_ value: JSONValue, _ key: String) throws(SandboxError) -> JSONValue {
            guard let member = value[key] else { throw fail("missing \(key)") }
            return member
        }

        func string(_ value: JSONValue, _ key: String) throws(SandboxError) -> String {
            guard let text = try member(value, key).stringValue else { throw fail("\(key) is not a string") }
            return text
        }

        func numberText(_ value: JSONValue, _ key: String) throws(SandboxError) -> String {
            guard let text = try member(value, key).numberText else { throw fail("\(key) is not a number") }
            return text
        }

        func integer(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt64 {
            guard let number = UInt64(try numberText(value, key)) else { throw fail("\(key) is not an integer") }
            return number
        }

        func array(_ value: JSONValue, _ key: String) throws(SandboxError) -> [JSONValue] {
            guard let items = try member(value, key).arrayValue else { throw fail("\(key) is not an array") }
            return items
        }

        func quantity(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt256 {
            do { return try UInt256(quantity: try string(value, key), field: key) } catch let error as SandboxError {
                throw error
            } catch { throw fail("\(error)") }
        }

        func quantity64(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt64 {
            guard let number = try quantity(value, key).uint64 else { throw fail("\(key) exceeds 64 bits") }
            return number
        }

        func decimal(_ value: JSONValue, _ key: String) throws(SandboxError) -> UInt256 {
            do { return try UInt256(decimal: try string(value, key), field: key) } catch let error as SandboxError {
                throw error
            } catch { throw fail("\(error)") }
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
