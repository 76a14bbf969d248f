import Foundation
import HTTPTransport
import LoopbackHTTP
import Synchronization
import Testing

@Suite("LoopbackHTTPServer with URLSessionTransport over real sockets")
struct LoopbackHTTPServerTests {
    /// Starts a server, runs `body` against its base URL, and always stops it.
    private func withServer<T>(
        _ handler: @escaping LoopbackHTTPServer.Handler,
        _ body: (URL) async throws -> T
    ) async throws -> T {
        let server = LoopbackHTTPServer(handler: handler)
        let port = try server.start()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)"))
        do {
            let result = try await body(url)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test("echoes method, target, headers and body through URLSession")
    func echoesRequest() async throws {
        let response = try await withServer({ request in
            var headers: HTTPHeaders = ["X-Method": request.method.rawValue, "X-Target": request.target]
            headers["X-Auth"] = request.headers["authorization"]
            return HTTPResponse(status: 201, headers: headers, body: request.body)
        }) { base in
            let request = HTTPRequest(
                method: .post, url: base.appendingPathComponent("api/v1/credits"),
                headers: ["Authorization": "Bearer abc", "Content-Type": "application/json"],
                body: Data("{\"amount\":10}".utf8))
            return try await URLSessionTransport().send(request)
        }
        #expect(response.status == 201)
        #expect(response.headers["x-method"] == "POST")
        #expect(response.headers["X-Target"] == "/api/v1/credits")
        #expect(response.headers["x-auth"] == "Bearer abc")
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"amount\":10}")
    }

    @Test("carries a 100 kB body byte for byte")
    func carriesLargeBody() async throws {
        let payload = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let response = try await withServer({ HTTPResponse(status: 200, body: $0.body) }) { base in
            try await URLSessionTransport().send(HTTPRequest(method: .post, url: base, body: payload))
        }
        #expect(response.body == payload)
    }

    @Test("serves connections concurrently")
    func servesConcurrently() async throws {
        let clients = 6
        let arrivals = Mutex(0)
        // Every handler waits until all clients have arrived: this finishes only if they run at the same time.
        let statuses = try await withServer({ _ in
            arrivals.withLock { $0 += 1 }
            for _ in 0..<500 where arrivals.withLock({ $0 }) < clients {
                try? await Task.sleep(for: .milliseconds(10))
            }
            return HTTPResponse(status: arrivals.withLock { $0 } >= clients ? 200 : 503)
        }) { base in
            let transport = URLSessionTransport()
            return try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<clients {
                    group.addTask {
                        try await transport.send(
                            HTTPRequest(method: .get, url: base.appendingPathComponent("\(index)"))
                        )
                        .status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        #expect(statuses == Array(repeating: 200, count: clients))
    }

    @Test("reports a timeout when the handler is slower than the request timeout")
    func reportsTimeout() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let url = try await withServer({ _ in
            try? await Task.sleep(for: .seconds(120))
            return HTTPResponse(status: 200)
        }) { base in
            let request = HTTPRequest(method: .get, url: base, timeout: .milliseconds(300))
            await #expect(throws: HTTPTransportError.timedOut(url: base.absoluteString)) {
                try await URLSessionTransport().send(request)
            }
            return base
        }
        let elapsed = clock.now - start
        // Not before the timeout (FoundationNetworking alone would fire a 0.3 s timeout at once), and the
        // stop() above also had to cancel the 120 s handler: the bound is far below it but far above any
        // scheduling delay on a loaded machine, so it tests cancellation, not speed.
        #expect(elapsed >= .milliseconds(300), "gave up early on \(url)")
        #expect(elapsed < .seconds(90), "stop() did not cancel the sleeping handler for \(url)")
    }

    @Test("reports a refused connection once the server has stopped")
    func reportsRefusedConnection() async throws {
        let server = LoopbackHTTPServer { _ in HTTPResponse(status: 200) }
        let port = try server.start()
        await server.stop()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        await #expect {
            try await URLSessionTransport().send(HTTPRequest(method: .get, url: url, timeout: .seconds(5)))
        } throws: { error in
            guard case .cannotConnect(let failedURL, _) = error as? HTTPTransportError else { return false }
            return failedURL == "http://127.0.0.1:\(port)"
        }
    }

    @Test("does not follow redirects")
    func doesNotFollowRedirects() async throws {
        let response = try await withServer({ request in
            request.target == "/elsewhere"
                ? HTTPResponse(status: 200) : HTTPResponse(status: 302, headers: ["Location": "/elsewhere"])
        }) { base in
            try await URLSessionTransport().send(HTTPRequest(method: .get, url: base.appendingPathComponent("start")))
        }
        #expect(response.status == 302)
        #expect(response.headers["location"] == "/elsewhere")
    }

    @Test("refuses a second start")
    func refusesSecondStart() async throws {
        let server = LoopbackHTTPServer { _ in HTTPResponse(status: 200) }
        try server.start()
        #expect(throws: LoopbackHTTPError.alreadyStarted) { try server.start() }
        await server.stop()
        await server.stop()  // idempotent
        #expect(server.port != nil)
    }
}
