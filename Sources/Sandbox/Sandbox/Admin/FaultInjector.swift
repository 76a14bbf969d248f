import HTTPTransport
import Synchronization

/// The armed faults, consumed in the order they were armed, one request at a time.
final class FaultInjector: Sendable {
    private let faults: Mutex<[FaultSpec]>

    init(_ initial: [FaultSpec] = []) { faults = Mutex(initial) }

    /// Arms a fault after those already armed.
    func arm(_ fault: FaultSpec) { faults.withLock { $0.append(fault) } }

    /// Disarms every fault.
    func clear() { faults.withLock { $0.removeAll() } }

    /// The faults still armed.
    var armed: [FaultSpec] { faults.withLock { $0 } }

    /// The first fault armed for `target`, counting this request against it.
    func take(_ target: FaultTarget) -> FaultSpec? {
        faults.withLock { faults in
            guard let index = faults.firstIndex(where: { $0.target == target }) else { return nil }
            let fault = faults[index]
            faults[index].count -= 1
            if faults[index].count <= 0 { faults.remove(at: index) }
            return fault
        }
    }

    /// Waits out a fault's delay (cancellation ends the wait early).
    static func delay(_ fault: FaultSpec?) async {
        guard let milliseconds = fault?.delayMilliseconds, milliseconds > 0 else { return }
        do { try await Task.sleep(for: .milliseconds(Int64(clamping: milliseconds))) } catch {
            // Cancelled (the server is stopping): answer at once.
        }
    }
}

extension FaultSpec {
    /// The answer on an API endpoint when the fault has a status: 410 on the charge endpoint carries the removed
    /// endpoint's exact body (docs/protocol.md §0); other statuses carry their usual reason; all in the envelope, with
    /// `Retry-After` when the fault has one.
    func apiResponse(status: Int) -> HTTPResponse {
        let message = target == .charge && status == 410 ? APIResponses.goneMessage : APIResponses.reason(status)
        return APIResponses.error(status, message, retryAfter: retryAfterSeconds)
    }

    /// The answer on the RPC endpoint: a plain-text HTTP error, as a node behind a failing proxy gives.
    func rpcResponse(status: Int) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let retryAfterSeconds { headers["Retry-After"] = String(retryAfterSeconds) }
        return HTTPResponse(
            status: status, text: "\(status) \(APIResponses.reason(status))\n",
            contentType: "text/plain", headers: headers)
    }
}
