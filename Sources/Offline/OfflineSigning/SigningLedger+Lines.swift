import TerminalText
public import BundleFormat
import EthereumPrimitives
import StrictJSON

// The ledger's line format, read with the project's strict JSON parser: every line one object with the seven
// required fields below and, for a checkout payment, `payment`; numbers as plain unsigned integer literals, hashes and
// addresses as 0x hex.

extension SigningLedger {
    /// The fields of a ledger line: all required but `payment` (checkout payments only).
    static let fields: Set<String> = [
        "chainId", "chargeId", "nonce", "payment", "sender", "signedAt", "signingHash", "usdUnits",
    ]

    /// The entries of a ledger file; blank lines are skipped, anything else that is not an entry is an error.
    static func parse(_ contents: [UInt8], path: String) throws(LedgerError) -> [Entry] {
        var entries: [Entry] = []
        for (index, line) in contents.split(separator: 0x0a, omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            entries.append(try parseLine(Array(line), path: path, line: index + 1))
        }
        return entries
    }

    /// One line: a JSON object with ``fields`` (nothing else).
    static func parseLine(_ bytes: [UInt8], path: String, line: Int) throws(LedgerError) -> Entry {
        func fail(_ field: String?, _ reason: String) -> LedgerError {
            .corrupt(path: path, line: line, field: field, reason: reason)
        }
        let value: JSONValue
        do { value = try JSON.parse(bytes, maxDepth: 2) } catch { throw fail(nil, "not strict JSON: \(error)") }
        var object = JSONReader(value) { (error: JSONFieldError) -> LedgerError in
            switch error {
            case .missing(let key): return fail(key, "required field is missing")
            case .wrongType(let key, let expected, let found):
                return fail(
                    key.isEmpty ? nil : key, "expected \(expected == "an object" ? "a JSON object" : expected), found \(found)")
            case .invalid(let key, let reason): return fail(key, reason)
            case .malformed(let key, let cause): return fail(key, "\(cause)")
            case .unknown(let key):
                return fail(key, "unknown field (a ledger entry has exactly \(fields.sorted().joined(separator: ", ")))")
            }
        }
        try object.object().finish { fields.contains($0) }
        func integer(_ key: String) throws(LedgerError) -> UInt64 {
            let member = try object.field(key)
            guard let text = member.value.numberText else { throw member.wrongType(expected: "an unsigned integer") }
            guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw fail(key, "expected an unsigned integer, found \(text.prefix(40))")
            }
            guard let number = UInt64(text) else { throw fail(key, "\(text.prefix(40)) is out of range (at most \(UInt64.max))") }
            return number
        }
        func string(_ key: String) throws(LedgerError) -> String { try object.string(key) }
        let chargeID = try string("chargeId")
        guard (1...128).contains(chargeID.utf8.count), chargeID.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw fail("chargeId", "expected 1–128 bytes of printable ASCII without spaces")
        }
        let chainID = try integer("chainId")
        guard chainID > 0 else { throw fail("chainId", "expected a chain id above 0") }
        let sender: Address
        do { sender = try Address(hex: try string("sender"), field: "sender") } catch let error as LedgerError {
            throw error
        } catch { throw fail("sender", "expected a 0x address: \(error)") }
        let hash: Hash32
        do { hash = try Hash32(hex: try string("signingHash"), field: "signingHash") } catch let error as LedgerError {
            throw error
        } catch { throw fail("signingHash", "expected a 0x 32-byte hash: \(error)") }
        let usdText = try string("usdUnits")
        let usd: UInt256
        do {
            guard usdText.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { throw fail("usdUnits", "") }
            usd = try UInt256(decimal: usdText, field: "usdUnits")
        } catch {
            throw fail("usdUnits", "expected a decimal string of USDC units (digits only, below 2^256)")
        }
        let payment = try object.optionalString("payment")
        if let payment {
            guard payment.hasPrefix("eip681:"), payment.utf8.count == 71,
                payment.utf8.dropFirst(7).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else { throw fail("payment", "expected eip681: and 64 lower-case hex digits") }
        }
        return Entry(
            chargeID: chargeID, chainID: ChainID(chainID), sender: sender, nonce: try integer("nonce"), signingHash: hash,
            usdUnits: usd, signedAt: try integer("signedAt"), paymentKey: payment)
    }

    /// One compact, key-sorted JSON line (the project's strict serialiser), without the newline.
    static func render(_ entry: Entry) -> [UInt8] {
        var object: [String: JSONValue] = [
            "chainId": JSONValue(entry.chainID.value), "chargeId": .string(entry.chargeID),
            "nonce": JSONValue(entry.nonce), "sender": .string(entry.sender.checksummed),
            "signedAt": JSONValue(entry.signedAt), "signingHash": .string(entry.signingHash.hex),
            "usdUnits": .string(entry.usdUnits.decimalString),
        ]
        if let payment = entry.paymentKey { object["payment"] = .string(payment) }
        return JSON.serialize(.object(object))
    }
}

/// Why the ledger could not be used.
///
/// Signing stops: a ledger that cannot be read or written cannot protect against double payment.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible, FileAccessMirroring {
    /// A line that is not a ledger entry; `field` names the offending field when there is one.
    case corrupt(path: String, line: Int, field: String?, reason: String)
    /// The ledger is larger than its cap (``InputLimit/log``); refused before reading.
    case inputTooLarge(path: String, size: UInt64, cap: UInt64)
    /// Another run holds the ledger's lock (it is signing); `holder` is its pid when known.
    case locked(path: String, holder: Int32?)
    /// The file cannot be read.
    case cannotRead(path: String, reason: String)
    /// The file cannot be appended to.
    case cannotWrite(path: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .corrupt(let path, let line, let field, let reason):
            let at = field.map { ", field \"\($0)\"" } ?? ""
            return
                "signing ledger \(path.escapedForTerminal): line \(line)\(at) is not a valid entry (\(reason)); refusing to sign. "
                + "If a crash tore the last line, `sign ledger repair \(path.escapedForTerminal)` drops it (and only it)"
        case .inputTooLarge(let path, let size, let cap):
            return
                "signing ledger \(path.escapedForTerminal) is \(size) bytes, more than the \(cap)-byte cap; refused before reading"
        case .locked(let path, let holder):
            let by = holder.map { " by process \($0)" } ?? " by another run"
            return
                "signing ledger \(path.escapedForTerminal) is locked\(by) (another sign is running); nothing signed — re-run when it ends"
        case .cannotRead(let path, let reason): return "signing ledger \(path.escapedForTerminal) cannot be read: \(reason)"
        case .cannotWrite(let path, let reason): return "signing ledger \(path.escapedForTerminal) cannot be written: \(reason)"
        }
    }
}

extension SigningLedger {
    /// Whether `contents` is a whole valid ledger (``TornTail``'s test for the signing ledger).
    public static func isValid(_ contents: [UInt8]) -> Bool {
        (try? parse(contents, path: "")) != nil
    }

    /// Whether `line` (without its newline) is one valid entry: such a line is never dropped by a repair.
    public static func lineParses(_ line: [UInt8]) -> Bool {
        (try? parseLine(line, path: "", line: 0)) != nil
    }
}
