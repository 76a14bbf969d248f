import BundleFormat
import Foundation
import EthereumPrimitives
import HTTPTransport
import StrictJSON

/// OpenRouter's credits API as documented (docs/protocol.md §2): `POST /api/v1/credits/coinbase` and
/// `GET /api/v1/credits`, with bearer keys, the error envelope, and the armed faults.
///
/// Keys: any listed API or management key may create charges; only management keys may read credits (403
/// otherwise). No `Authorization` header is 401 "No auth credentials found", an unknown key 401 "User not found.".
/// Faults are applied before anything else, as a proxy or rate limiter in front of the service would.
struct CreditsAPI: Sendable {
    let factory: ChargeFactory
    let apiKeys: Set<String>
    let managementKeys: Set<String>
    let chargeLimitsCents: ClosedRange<UInt64>
    let cacheSeconds: UInt64
    let node: ChainNode
    let faults: FaultInjector

    /// `POST /api/v1/credits/coinbase`.
    func createCharge(_ request: HTTPRequest) async -> HTTPResponse {
        let fault = faults.take(.charge)
        await FaultInjector.delay(fault)
        if let fault, let status = fault.status { return fault.apiResponse(status: status) }
        if let failure = authenticate(request, managementOnly: false) { return failure }
        let body: JSONValue
        do { body = try JSON.parse(request.body) } catch {
            return APIResponses.error(400, "Invalid request body: not JSON (\(error))")
        }
        guard body.objectValue != nil else {
            return APIResponses.error(400, "Invalid request body: expected an object")
        }
        let cents: UInt64
        switch amountCents(body["amount"]) {
        case .success(let value): cents = value
        case .failure(let failure): return APIResponses.error(400, "Invalid credit amount: \(failure.message)")
        }
        guard let senderText = body["sender"]?.stringValue else {
            return APIResponses.error(400, "Invalid request body: sender must be an EVM address string")
        }
        let sender: Address
        do { sender = try Address(hex: senderText, field: "sender") } catch {
            return APIResponses.error(400, "Invalid request body: \(error)")
        }
        let chainID = factory.deployment.chainID.value
        let requested = body["chain_id"].flatMap { $0.numberText ?? $0.stringValue }.flatMap { UInt64($0) }
        guard requested == chainID else {
            return APIResponses.error(
                400,
                "Invalid request body: chain_id must be \(chainID), the chain this "
                    + "sandbox serves")
        }
        let data = factory.charge(cents: cents, sender: sender, now: node.now())
        return APIResponses.json(.object(["data": data]))
    }

    /// `GET /api/v1/credits`: the totals in USD, from a snapshot at most ``cacheSeconds`` old.
    func credits(_ request: HTTPRequest) async -> HTTPResponse {
        let fault = faults.take(.credits)
        await FaultInjector.delay(fault)
        if let fault, let status = fault.status { return fault.apiResponse(status: status) }
        if let failure = authenticate(request, managementOnly: true) { return failure }
        let keepStale = fault?.stale ?? false
        let snapshot = node.withState { state in
            state.credits.read(
                now: state.now(wallClock: node.wallClockNow()), maxAge: cacheSeconds,
                keepStale: keepStale)
        }
        func usd(_ units: UInt256) -> JSONValue {
            .number(DecimalAmount.format(units, decimals: 6, minimumFractionDigits: 1))
        }
        return APIResponses.json(
            .object([
                "data": .object([
                    "total_credits": usd(snapshot.totalCredits), "total_usage": usd(snapshot.totalUsage),
                ])
            ]))
    }

    /// 401 without a known bearer key, 403 for a non-management key when `managementOnly`; nil when allowed.
    func authenticate(_ request: HTTPRequest, managementOnly: Bool) -> HTTPResponse? {
        guard let header = request.headers["Authorization"], header.hasPrefix("Bearer "),
            case let key = String(header.dropFirst("Bearer ".count)).trimmingWhitespace, !key.isEmpty
        else { return APIResponses.error(401, "No auth credentials found") }
        if managementKeys.contains(key) { return nil }
        guard apiKeys.contains(key) else { return APIResponses.error(401, "User not found.") }
        return managementOnly ? APIResponses.error(403, "Only management keys can perform this operation") : nil
    }

    private struct AmountFailure: Error { let message: String }

    private func amountCents(_ value: JSONValue?) -> Result<UInt64, AmountFailure> {
        guard let value else { return .failure(AmountFailure(message: "amount is required")) }
        guard let text = value.numberText else {
            return .failure(AmountFailure(message: "amount must be a number, found \(value.kindName)"))
        }
        func usd(_ cents: UInt64) -> String { "$" + DecimalAmount.format(UInt256(cents), decimals: 2) }
        let dollars = "\(usd(chargeLimitsCents.lowerBound))…\(usd(chargeLimitsCents.upperBound))"
        do {
            let cents = try USDAmount.cents(jsonNumber: text)
            guard chargeLimitsCents.contains(cents) else {
                return .failure(AmountFailure(message: "\(text) is outside the purchase limits \(dollars)"))
            }
            return .success(cents)
        } catch .tooPrecise {
            return .failure(AmountFailure(message: "\(text) has more than 2 decimal places"))
        } catch {
            return .failure(AmountFailure(message: "\(text) is outside the purchase limits \(dollars)"))
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

/// OpenRouter's answers: the error envelope `{"error":{"code":N,"message":"…"}}` with the HTTP status equal to
/// `code`, and JSON bodies.
enum APIResponses {
    /// The body of the removed endpoint, verbatim from docs/protocol.md §0.
    static let goneMessage =
        "The Coinbase APIs used by this endpoint have been deprecated, so the Coinbase Commerce "
        + "credits API has been removed. Use the web credits purchase flow instead."

    /// A JSON body with `status`.
    static func json(_ value: JSONValue, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: all, body: .init(JSON.serialize(value)))
    }

    /// The error envelope.
    static func error(_ status: Int, _ message: String, retryAfter: UInt64? = nil) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let retryAfter { headers["Retry-After"] = String(retryAfter) }
        return json(
            .object(["error": .object(["code": .number(String(status)), "message": .string(message)])]),
            status: status, headers: headers)
    }

    /// A short reason for an HTTP status.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 402: return "Insufficient credits"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Rate limit exceeded"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP \(status)"
        }
    }
}
