#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Something a tool did or refused, as it goes into the audit log.
///
/// When, which tool, what, for which purchase (fingerprint and charge id), and a few string details. Never a
/// secret: ``AuditLogWriter`` refuses details whose key or value looks like one (see ``AuditDetail``).
public struct AuditEvent: Equatable, Hashable, Sendable {
    /// What happened; the raw values are the log's `kind` strings.
    public enum Kind: String, CaseIterable, Sendable {
        /// `prepare` wrote an unsigned bundle.
        case prepared
        /// `sign` verified a bundle and showed the review.
        case reviewed
        /// An approval was made (`sign approve`) or the approvals met the quorum (`sign`).
        case approved
        /// The operator declined at the confirmation.
        case declined
        /// `sign` wrote a signed transaction.
        case signed
        /// `broadcast` submitted a transaction.
        case sent
        /// The transaction was included with status 1.
        case mined
        /// The transaction was included with status 0.
        case reverted
        /// The OpenRouter balance rose.
        case credited
        /// A tool refused; `details["reason"]` says why.
        case refused
    }

    /// The tool that wrote the event; ordered as the purchase flows (prepare, sign, broadcast).
    public enum Tool: String, CaseIterable, Sendable, Comparable {
        /// The online preparer.
        case prepare
        /// The offline signer.
        case sign
        /// The online broadcaster.
        case broadcast

        /// Pipeline order, used to break ties between events of the same second.
        public static func < (lhs: Tool, rhs: Tool) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// Unix seconds, by the writing machine's clock.
    public var time: UInt64
    /// The tool that wrote it.
    public var tool: Tool
    /// What happened.
    public var kind: Kind
    /// The purchase's fingerprint (`e63a-0530-9ff1-982d`), when the event concerns one.
    public var fingerprint: String?
    /// The charge id, when known.
    public var chargeID: String?
    /// Non-secret details by key (``AuditDetail`` names the common ones).
    public var details: [String: String]

    /// Creates an event; `time` defaults to the current clock.
    public init(
        time: UInt64 = AuditEvent.currentTime(), tool: Tool, kind: Kind, fingerprint: String?,
        chargeID: String?, details: [String: String] = [:]
    ) {
        self.time = time
        self.tool = tool
        self.kind = kind
        self.fingerprint = fingerprint
        self.chargeID = chargeID
        self.details = details
    }

    /// A refusal with its reason (`details["reason"]`), plus any other details.
    public static func refused(
        tool: Tool, reason: String, fingerprint: String? = nil, chargeID: String? = nil,
        details: [String: String] = [:], time: UInt64 = currentTime()
    ) -> AuditEvent {
        var all = details
        all[AuditDetail.reason] = reason
        return AuditEvent(
            time: time, tool: tool, kind: .refused, fingerprint: fingerprint, chargeID: chargeID,
            details: all)
    }

    /// The current Unix time in whole seconds (0 if the clock is before 1970).
    public static func currentTime() -> UInt64 {
        UInt64(clamping: Int64(systemClockSeconds()))
    }
}

/// `time(2)`, outside the type whose `time` property would shadow it.
private func systemClockSeconds() -> time_t { time(nil) }
