import EthereumTransactions
import EthereumABI
import BundleFormat
import Foundation
import Glibc
public import EthereumPrimitives

/// The cold machine's append-only record of what it signed, so that it never signs two different payments
/// for the same charge or the same (chain, sender, nonce), and so the rolling 24-hour limit can be enforced.
///
/// One JSON object per line: `{"chainId", "chargeId", "nonce", "sender", "signedAt", "signingHash", "usdUnits"}`.
/// Appends are `O_APPEND` writes followed by `fsync`, so a crash loses no completed entry.
public struct SigningLedger: Sendable {
    /// One signed payment.
    public struct Entry: Equatable, Sendable {
        /// The charge id.
        public var chargeID: String
        /// The chain.
        public var chainID: ChainID
        /// The payer.
        public var sender: Address
        /// The nonce used.
        public var nonce: UInt64
        /// The primary signing hash.
        public var signingHash: Hash32
        /// The purchase in USDC units.
        public var usdUnits: UInt256
        /// Unix seconds.
        public var signedAt: UInt64

        /// Creates an entry.
        public init(
            chargeID: String, chainID: ChainID, sender: Address, nonce: UInt64, signingHash: Hash32,
            usdUnits: UInt256, signedAt: UInt64
        ) {
            self.chargeID = chargeID
            self.chainID = chainID
            self.sender = sender
            self.nonce = nonce
            self.signingHash = signingHash
            self.usdUnits = usdUnits
            self.signedAt = signedAt
        }
    }

    /// The file, or nil for an in-memory ledger (tests).
    public let path: String?
    /// Entries read so far.
    public private(set) var entries: [Entry]

    /// An empty in-memory ledger.
    public init(entries: [Entry] = []) {
        path = nil
        self.entries = entries
    }

    /// Opens (or starts) the ledger at `path`; a corrupt line is an error naming the line, never skipped.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { entries = []; return }
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var parsed: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let entry = Self.parse(String(line)) else {
                throw LedgerError.corrupt(path: path, line: index + 1)
            }
            parsed.append(entry)
        }
        entries = parsed
    }

    /// An entry that conflicts with signing `candidate`: same charge or same (chain, sender, nonce), different hash.
    public func conflict(with candidate: Entry) -> Entry? {
        entries.first { entry in
            entry.signingHash != candidate.signingHash
                && (entry.chargeID == candidate.chargeID
                    || (entry.chainID == candidate.chainID && entry.sender == candidate.sender && entry.nonce == candidate.nonce))
        }
    }

    /// Whether exactly this payment was signed before.
    public func alreadySigned(_ candidate: Entry) -> Entry? {
        entries.first { $0.signingHash == candidate.signingHash }
    }

    /// USDC units signed in the 24 hours before `now`, counting each charge once and excluding `exceptCharge`.
    public func signedUSDUnits(inDayBefore now: UInt64, exceptCharge: String) -> UInt256 {
        var seen: Set<String> = [exceptCharge]
        var total = UInt256.zero
        for entry in entries.reversed() where entry.signedAt + 86_400 > now && !seen.contains(entry.chargeID) {
            seen.insert(entry.chargeID)
            total = total.addingReportingOverflow(entry.usdUnits).partialValue  // bounded by per-purchase limits
        }
        return total
    }

    /// Appends and syncs an entry.
    public mutating func append(_ entry: Entry) throws {
        entries.append(entry)
        guard let path else { return }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let line = Array(Self.render(entry).utf8) + [0x0a]
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw LedgerError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw LedgerError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func render(_ e: Entry) -> String {
        "{\"chainId\": \(e.chainID.value), \"chargeId\": \(jsonString(e.chargeID)), \"nonce\": \(e.nonce), "
            + "\"sender\": \"\(e.sender.checksummed)\", \"signedAt\": \(e.signedAt), \"signingHash\": \"\(e.signingHash.hex)\", "
            + "\"usdUnits\": \"\(e.usdUnits.decimalString)\"}"
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: CanonicalJSONString.encode(text), as: UTF8.self)
    }

    static func parse(_ line: String) -> Entry? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let chain = (object["chainId"] as? NSNumber)?.uint64Value, let charge = object["chargeId"] as? String,
            let nonce = (object["nonce"] as? NSNumber)?.uint64Value, let senderText = object["sender"] as? String,
            let sender = try? Address(hex: senderText), let signedAt = (object["signedAt"] as? NSNumber)?.uint64Value,
            let hashText = object["signingHash"] as? String, let hash = try? Hash32(hex: hashText),
            let usdText = object["usdUnits"] as? String, let usd = try? UInt256(decimal: usdText, field: "usdUnits")
        else { return nil }
        return Entry(
            chargeID: charge, chainID: ChainID(chain), sender: sender, nonce: nonce, signingHash: hash,
            usdUnits: usd, signedAt: signedAt)
    }
}

/// Why the ledger could not be used.
///
/// Signing stops: a ledger that cannot be read or written cannot protect against double payment.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line that is not a ledger entry.
    case corrupt(path: String, line: Int)
    /// The file cannot be appended to.
    case cannotWrite(path: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .corrupt(let path, let line): return "signing ledger \(path): line \(line) is not a valid entry; refusing to sign"
        case .cannotWrite(let path, let reason): return "signing ledger \(path) cannot be written: \(reason)"
        }
    }
}
