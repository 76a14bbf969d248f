public import Foundation
public import BundleFormat
import StrictJSON
public import EthereumPrimitives

/// What `broadcast` has done for one signed transaction, kept beside it (`<signed>.state.json`) so a re-run
/// after a crash or timeout resumes instead of resending blindly — and never sends another transaction for the
/// same charge.
public struct BroadcastState: Equatable, Sendable {
    /// The `format` value.
    public static let format = "coldcredits.broadcast-state"

    /// One submission to one node.
    public struct Submission: Equatable, Sendable {
        /// Which transaction (hash).
        public var hash: Hash32
        /// The node's origin (scheme, host, port; never a path that may hold a key).
        public var rpc: String
        /// Unix seconds.
        public var at: UInt64
        /// "accepted", "already known", or the node's error.
        public var outcome: String
    }

    /// Hashes of the primary transaction and its ladder rungs.
    public var hashes: [Hash32]
    /// The charge.
    public var chargeID: String
    /// The highest rung sent so far (0 = primary).
    public var rung: Int
    /// Unix seconds of the last send.
    public var lastSentAt: UInt64?
    /// Every submission.
    public var submissions: [Submission]
    /// The mined hash, once seen.
    public var minedHash: Hash32?
    /// Total credits before the first send, as the API reported them; written (and synced) before anything is
    /// sent, so a credit is only ever claimed from a rise over a figure this file kept.
    public var creditsBefore: String?
    /// Where the payment stands; changed only through ``record(_:)``.
    public private(set) var status: BroadcastStatus

    /// A fresh state for `hashes`.
    public init(hashes: [Hash32], chargeID: String) {
        self.hashes = hashes
        self.chargeID = chargeID
        rung = 0
        submissions = []
        status = .new
    }

    /// Moves the status by `event` (see ``BroadcastStatus/applying(_:)``); returns whether it changed.
    @discardableResult
    public mutating func record(_ event: BroadcastEvent) -> Bool {
        let next = status.applying(event)
        defer { status = next }
        return next != status
    }

    /// Canonical JSON.
    public func json() -> Data {
        let object: JSONValue = [
            "format": .string(Self.format), "version": 1, "hashes": JSONValue(hashes.map(\.hex)),
            "chargeId": .string(chargeID), "rung": JSONValue(rung), "lastSentAt": JSONValue(lastSentAt),
            "minedHash": JSONValue(minedHash?.hex), "creditsBefore": JSONValue(creditsBefore),
            "status": .string(status.rawValue),
            "submissions": .array(
                submissions.map {
                    [
                        "hash": .string($0.hash.hex), "rpc": .string($0.rpc), "at": JSONValue($0.at),
                        "outcome": .string($0.outcome),
                    ]
                }),
        ]
        return object.canonicalDocument
    }

    /// The latest time a state file may hold: 9999-12-31T23:59:59Z.
    public static let latestTime: UInt64 = 253_402_300_799

    /// Reads a state file strictly; the rung must index `hashes`, times must be before the year 10000.
    public init(json data: Data) throws(BundleError) {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: Self.format, version: 1)
        hashes = try top.array("hashes").map { item throws(BundleError) -> Hash32 in
            guard let text = item.value.stringValue, let hash = try? Hash32(hex: text) else {
                throw item.invalid("expected a 32-byte hash")
            }
            return hash
        }
        chargeID = try top.string("chargeId")
        let rungValue = try top.integer("rung")
        // The rung indexes the hashes, and the follow loop adds to it and to the times: bound them here.
        guard rungValue < UInt64(max(hashes.count, 1)) else {
            throw .invalidField(path: "rung", reason: "expected 0 to \(max(hashes.count, 1) - 1), found \(rungValue)")
        }
        rung = Int(rungValue)
        lastSentAt = try top.optionalInteger("lastSentAt")
        if let lastSentAt, lastSentAt > Self.latestTime {
            throw .invalidField(path: "lastSentAt", reason: "expected Unix seconds up to \(Self.latestTime), found \(lastSentAt)")
        }
        minedHash = try top.optionalHash("minedHash")
        creditsBefore = try top.optionalString("creditsBefore")
        let statusText = try top.string("status")
        guard let parsedStatus = BroadcastStatus(rawValue: statusText) else {
            throw .invalidField(
                path: "status",
                reason: "expected one of " + BroadcastStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        status = parsedStatus
        var parsed: [Submission] = []
        for item in try top.array("submissions") {
            var s = try item.object()
            let at = try s.integer("at")
            guard at <= Self.latestTime else {
                throw .invalidField(path: s.childPath("at"), reason: "expected Unix seconds up to \(Self.latestTime)")
            }
            parsed.append(
                Submission(hash: try s.hash("hash"), rpc: try s.string("rpc"), at: at, outcome: try s.string("outcome")))
            try s.finish()
        }
        submissions = parsed
        try top.finish()
    }
}
