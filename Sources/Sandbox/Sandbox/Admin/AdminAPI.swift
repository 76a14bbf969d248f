import EthereumPrimitives
import HTTPTransport
import StrictJSON

/// The sandbox's own HTTP endpoints (loopback only, no authentication):.
///
/// - `GET /sandbox/faults` → `{"faults":[…]}`; `POST /sandbox/faults` with a ``FaultSpec`` object arms it and
/// answers the list; `DELETE /sandbox/faults` disarms all.
/// - `POST /sandbox/credits` with `{"total_credits"?: USD, "total_usage"?: USD}` sets the totals (exact decimals,
/// up to 6 places) and drops the cached snapshot.
/// - `GET /sandbox/info` → the ready line (``SandboxEndpoints/jsonLine``) once listening.
struct AdminAPI: Sendable {
    let node: ChainNode
    let faults: FaultInjector

    func faults(_ request: HTTPRequest) -> HTTPResponse {
        switch request.method {
        case .get: break
        case .delete: faults.clear()
        case .post:
            do {
                faults.arm(try FaultSpec(json: try JSON.parse(request.body)))
            } catch {
                return APIResponses.error(400, "\(error)")
            }
        default: return APIResponses.error(405, APIResponses.reason(405))
        }
        return APIResponses.json(.object(["faults": .array(faults.armed.map(\.jsonValue))]))
    }

    func setCredits(_ request: HTTPRequest) -> HTTPResponse {
        let body: JSONValue
        do { body = try JSON.parse(request.body) } catch { return APIResponses.error(400, "not JSON: \(error)") }
        func units(_ key: String) throws(PrimitiveError) -> UInt256? {
            guard let value = body[key] else { return nil }
            guard let text = value.numberText else {
                throw .invalidDecimal(field: key, found: value.kindName, reason: "expected a number")
            }
            return try DecimalAmount.parse(text, decimals: 6, field: key)
        }
        do {
            let credits = try units("total_credits")
            let usage = try units("total_usage")
            node.withState { $0.credits.set(credits: credits, usage: usage) }
        } catch {
            return APIResponses.error(400, "\(error)")
        }
        return APIResponses.json(.object(["ok": .bool(true)]))
    }
}
