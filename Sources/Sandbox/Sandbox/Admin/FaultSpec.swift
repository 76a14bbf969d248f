public import StrictJSON

/// What a fault hits: the charge endpoint, the credits endpoint, the JSON-RPC endpoint, or the checkouts.
public enum FaultTarget: String, Sendable, Equatable, CaseIterable {
    /// `POST /api/v1/credits/coinbase`.
    case charge
    /// `GET /api/v1/credits`.
    case credits
    /// `POST /rpc` (a batch counts as one request).
    case rpc
    /// Every request under `/api/v1/checkouts`.
    case checkout
}

/// One injected fault, armed for the next ``count`` requests to ``target``.
///
/// JSON (`POST /sandbox/faults`): `{"target":"charge"|"credits"|"rpc"|"checkout", "status"?: 400…599, "retryAfter"?: seconds,
/// "count"?: n (default 1), "delayMs"?: ms, "stale"?: true}`. Flag (`--fault`): the same keys as
/// `key=value` pairs joined by commas, e.g. `target=rpc,status=503,count=3`. A fault answers with `status`
/// (with `Retry-After` when given) after waiting `delayMs`; with only `delayMs` the request is answered normally,
/// late; `stale` (credits only) serves the cached balance without refreshing it.
public struct FaultSpec: Sendable, Equatable {
    /// The endpoint hit.
    public var target: FaultTarget
    /// The HTTP status answered instead of the normal answer.
    public var status: Int?
    /// The `Retry-After` header value, in seconds.
    public var retryAfterSeconds: UInt64?
    /// How many requests the fault applies to.
    public var count: Int
    /// Milliseconds to wait before answering.
    public var delayMilliseconds: UInt64?
    /// Serve the credits snapshot without refreshing it.
    public var stale: Bool

    /// Creates a fault, checking the combination (see ``init(json:)`` for the rules).
    public init(
        target: FaultTarget, status: Int? = nil, retryAfterSeconds: UInt64? = nil, count: Int = 1,
        delayMilliseconds: UInt64? = nil, stale: Bool = false
    ) throws(SandboxError) {
        self.target = target
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.count = count
        self.delayMilliseconds = delayMilliseconds
        self.stale = stale
        try validate()
    }

    /// Reads the JSON form; unknown keys are refused.
    public init(json: JSONValue) throws(SandboxError) {
        let known: Set<String> = ["target", "status", "retryAfter", "count", "delayMs", "stale"]
        var fault = try JSONReader(json) { field in Self.invalid(field, known: known) }.object()
        try fault.finish(allowing: known.contains)
        let targetField = try fault.field("target")
        guard let target = FaultTarget(rawValue: try targetField.string()) else {
            throw Self.invalid(
                "target", JSON.serializedString(targetField.value),
                "expected \"charge\", \"credits\", \"rpc\" or \"checkout\"")
        }
        try self.init(
            target: target, status: try fault.optionalInteger("status").map { Int(clamping: $0) },
            retryAfterSeconds: try fault.optionalInteger("retryAfter"),
            count: Int(clamping: try fault.optionalInteger("count") ?? 1),
            delayMilliseconds: try fault.optionalInteger("delayMs"), stale: try fault.optionalField("stale")?.bool() ?? false)
    }

    /// Reads the flag form `target=rpc,status=503,count=3`.
    public init(flag: String) throws(SandboxError) {
        var members: [String: JSONValue] = [:]
        for pair in flag.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw Self.invalid("--fault", flag, "expected key=value pairs") }
            switch parts[0] {
            case "target": members["target"] = .string(parts[1])
            case "stale": members["stale"] = .bool(parts[1] == "true")
            default:
                guard JSON.isNumberLiteral(Array(parts[1].utf8)) else {
                    throw Self.invalid(parts[0], parts[1], "expected a number")
                }
                members[parts[0]] = .number(parts[1])
            }
        }
        try self.init(json: .object(members))
    }

    /// The JSON form.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["target": .string(target.rawValue), "count": .number(String(count))]
        if let status { members["status"] = .number(String(status)) }
        if let retryAfterSeconds { members["retryAfter"] = JSONValue(retryAfterSeconds) }
        if let delayMilliseconds { members["delayMs"] = JSONValue(delayMilliseconds) }
        if stale { members["stale"] = .bool(true) }
        return .object(members)
    }

    private func validate() throws(SandboxError) {
        if let status, !(400...599).contains(status) {
            throw Self.invalid("status", String(status), "expected an HTTP error status, 400…599")
        }
        guard count >= 1 else { throw Self.invalid("count", String(count), "expected at least 1") }
        if let delayMilliseconds, delayMilliseconds > 600_000 {
            throw Self.invalid("delayMs", String(delayMilliseconds), "at most 600000 (10 minutes)")
        }
        if stale, target != .credits { throw Self.invalid("stale", "true", "only the credits target has a cache") }
        guard status != nil || delayMilliseconds != nil || stale else {
            throw Self.invalid("fault", target.rawValue, "give a status, delayMs or stale")
        }
    }

    private static func invalid(_ name: String, _ value: String, _ reason: String) -> SandboxError {
        .invalidOption(name: name, value: value, reason: reason)
    }

    /// The option error for a field error of the one JSON reader.
    private static func invalid(_ error: JSONFieldError, known: Set<String>) -> SandboxError {
        let name = error.path.isEmpty ? "fault" : error.path
        switch error {
        case .missing: return invalid(name, "missing", "required")
        case .wrongType(_, let expected, let found): return invalid(name, found, "expected \(expected)")
        case .invalid(_, let reason): return invalid(name, "", reason)
        case .malformed(_, let cause): return invalid(name, "", "\(cause)")
        case .unknown: return invalid(name, "", "unknown key; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }
}
