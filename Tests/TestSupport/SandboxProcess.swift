public import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `sandbox serve` process for end-to-end tests: started on a free loopback port, stopped (SIGTERM, then
/// waited for) by ``stop()``, so a test leaves nothing running.
public final class SandboxProcess: @unchecked Sendable {
    // @unchecked: the process handle is only touched from the owning test.
    private let process: Process
    /// The folder holding its ready file and logs.
    public let directory: URL
    /// What the ready line says.
    public let info: [String: Any]

    /// The chain id it serves.
    public var chainID: Int { info["chainId"] as? Int ?? 0 }
    /// `…/api/v1`.
    public var apiURL: String { info["apiURL"] as? String ?? "" }
    /// `…/rpc`.
    public var rpcURL: String { info["rpcURL"] as? String ?? "" }
    /// The origin, for `/sandbox/…` admin requests.
    public var origin: String { String(apiURL.dropLast("/api/v1".count)) }

    /// Starts `sandbox serve --chain-id chainID` with `arguments` and waits (up to 10 s) for its ready line.
    public init(chainID: Int, arguments: [String] = [], directory: URL) throws {
        self.directory = directory
        let ready = directory.appendingPathComponent("sandbox-ready.json")
        process = Process()
        process.executableURL = ToolRunner.binDirectory.appendingPathComponent("sandbox")
        process.arguments = ["serve", "--chain-id", String(chainID), "--ready-file", ready.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: Self.create(directory.appendingPathComponent("sandbox.log")))
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let data = try? Data(contentsOf: ready),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            {
                info = object
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw SandboxStartError(
            log: (try? String(contentsOf: directory.appendingPathComponent("sandbox.log"), encoding: .utf8)) ?? "")
    }

    /// Stops the process and waits for it.
    public func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// Calls a JSON-RPC method (a `sandbox_*` admin method or any `eth_*`) and returns its `result`.
    @discardableResult
    public func rpc(_ method: String, _ params: [Any] = []) throws -> Any? {
        let body: [String: Any] = ["jsonrpc": "2.0", "id": 1, "method": method, "params": params]
        let response = try post(rpcURL, body: JSONSerialization.data(withJSONObject: body))
        return (try JSONSerialization.jsonObject(with: response) as? [String: Any])?["result"]
    }

    /// Arms a fault (`POST /sandbox/faults`), for example `["target": "rpc", "status": 503, "count": 1]`.
    public func fault(_ spec: [String: Any]) throws {
        _ = try post(origin + "/sandbox/faults", body: JSONSerialization.data(withJSONObject: spec))
    }

    /// Creates a checkout (`POST /api/v1/checkouts` with the sandbox's key) and returns the document's bytes.
    public func createCheckout(amount: String, network: String, expiresAt: String? = nil) throws -> Data {
        var body: [String: Any] = ["amount": amount, "currency": "USDC", "network": network]
        if let expiresAt { body["expiresAt"] = expiresAt }
        return try post(apiURL + "/checkouts", body: JSONSerialization.data(withJSONObject: body), key: "sandbox-key")
    }

    private func post(_ url: String, body: Data, key: String? = nil) throws -> Data {
        guard let target = URL(string: url) else { throw SandboxStartError(log: "bad URL \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Data?
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result = data
            done.signal()
        }.resume()
        done.wait()
        return result ?? Data()
    }

    private static func create(_ url: URL) -> URL {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }
}

/// The sandbox did not print its ready line; `log` holds what it wrote on stderr.
public struct SandboxStartError: Error, CustomStringConvertible {
    /// The sandbox's stderr.
    public let log: String
    /// The log.
    public var description: String { "sandbox did not start: \(log)" }
}
