import EthereumTransactions
import EthereumABI
public import BundleFormat
import Foundation
public import EthereumPrimitives

/// The cold machine's append-only record of what it signed, so that it never signs two different payments
/// for the same charge or the same (chain, sender, nonce), and so the rolling 24-hour limit can be enforced.
///
/// One JSON object per line: `{"chainId", "chargeId", "nonce", "sender", "signedAt", "signingHash", "usdUnits"}`.
/// Lines are read by the strict JSON reader (``SigningLedger/parse(_:path:)``). Appends happen under the file's
/// exclusive lock (``LockedAppendFile``), as one `O_APPEND` write followed by `fsync`, so a crash loses no
/// completed entry and two runs cannot both pass the ledger check.
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
        /// For a checkout payment, what is paid (`CheckoutBundle.paymentKey`); nil for a transfer intent.
        ///
        /// One deposit is paid once even when asked for by its document and by its URI.
        public var paymentKey: String?

        /// Creates an entry.
        public init(
            chargeID: String, chainID: ChainID, sender: Address, nonce: UInt64, signingHash: Hash32,
            usdUnits: UInt256, signedAt: UInt64, paymentKey: String? = nil
        ) {
            self.paymentKey = paymentKey
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

    /// What the ledger is called in messages.
    static let what = "signing ledger"

    /// An empty in-memory ledger.
    public init(entries: [Entry] = []) {
        path = nil
        self.entries = entries
    }

    /// Reads (or starts) the ledger at `path` for an early, read-only check.
    ///
    /// A bad line is an error naming the line and the field, never skipped. Signing itself re-reads the ledger
    /// under its lock (``transaction(at:lockTimeoutSeconds:_:)``).
    public init(path: String) throws(LedgerError) {
        let contents: [UInt8]?
        do { contents = try LockedAppendFile.readShared(path, what: Self.what, cap: InputLimit.log) } catch {
            throw LedgerError(error)
        }
        try self.init(path: path, contents: contents ?? [])
    }

    /// The ledger held in `contents` (the bytes of the file at `path`).
    public init(path: String, contents: [UInt8]) throws(LedgerError) {
        self.path = path
        entries = try Self.parse(contents, path: path)
    }

    /// Runs `body` with the ledger read under an exclusive lock and appends the entry it returns before the lock
    /// is released, so that no other run can sign between the ledger check and the append.
    ///
    /// `body` re-runs the conflict and daily-limit checks against the ledger it is given, and signs; the returned
    /// entry is appended durably (one write, `fsync` of the file and, when new, its folder). Another run holding
    /// the lock longer than `lockTimeoutSeconds` is ``LedgerError/locked(path:holder:)``.
    public static func transaction<T>(
        at path: String, lockTimeoutSeconds: Double = LockedAppendFile.defaultTimeoutSeconds,
        _ body: (SigningLedger) throws -> (result: T, append: Entry?)
    ) throws -> T {
        let file: LockedAppendFile
        do { file = try LockedAppendFile.open(path, what: what, cap: InputLimit.log, timeoutSeconds: lockTimeoutSeconds) } catch {
            throw LedgerError(error)
        }
        defer { file.close() }
        let ledger = try SigningLedger(path: path, contents: file.contents)
        let (result, entry) = try body(ledger)
        if let entry { try append(entry, to: file) }
        return result
    }

    /// An entry that conflicts with signing `candidate`: same charge, same (chain, sender, nonce) or same checkout
    /// payment (``Entry/paymentKey``), different hash.
    public func conflict(with candidate: Entry) -> Entry? {
        entries.first { entry in
            entry.signingHash != candidate.signingHash
                && (entry.chargeID == candidate.chargeID
                    || (entry.chainID == candidate.chainID && entry.sender == candidate.sender && entry.nonce == candidate.nonce)
                    || (entry.paymentKey != nil && entry.paymentKey == candidate.paymentKey))
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
        for entry in entries.reversed() where entry.signedAt > now || now - entry.signedAt < 86_400 {
            guard !seen.contains(entry.chargeID) else { continue }
            seen.insert(entry.chargeID)
            let (sum, overflow) = total.addingReportingOverflow(entry.usdUnits)
            total = overflow ? UInt256.max : sum
        }
        return total
    }

    /// Appends and syncs an entry, under the ledger's lock.
    public mutating func append(_ entry: Entry) throws(LedgerError) {
        guard let path else {
            entries.append(entry)
            return
        }
        let file: LockedAppendFile
        do { file = try LockedAppendFile.open(path, what: Self.what, cap: InputLimit.log) } catch { throw LedgerError(error) }
        defer { file.close() }
        try Self.append(entry, to: file)
        entries.append(entry)
    }

    /// One line per entry; a last line a hand edit left without its newline is ended first.
    static func append(_ entry: Entry, to file: LockedAppendFile) throws(LedgerError) {
        let separator: [UInt8] = file.contents.last.map { $0 == 0x0a ? [] : [0x0a] } ?? []
        do { try file.append(separator + render(entry) + [0x0a]) } catch { throw LedgerError(error) }
    }
}
