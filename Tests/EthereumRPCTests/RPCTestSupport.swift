import Foundation
import EthereumRPC
import HTTPTransport
import LoopbackHTTP

/// The endpoint used with in-process transports (never contacted).
let fakeEndpoint: URL = {
    guard let url = URL(string: "http://node.invalid/rpc") else { preconditionFailure("bad constant URL") }
    return url
}()

/// A client whose transport calls `node` in process.
func inProcessClient(_ node: FakeNode) -> JSONRPCClient {
    JSONRPCClient(endpoint: fakeEndpoint, transport: InProcessTransport(node.handle))
}

/// Runs `body` with a client talking to `node` through a real loopback socket, and stops the server after.
func withLoopbackClient<T>(_ node: FakeNode, _ body: (JSONRPCClient) async throws -> T) async throws -> T {
    let server = LoopbackHTTPServer(handler: node.handle)
    let port = try server.start()
    guard let url = URL(string: "http://127.0.0.1:\(port)/rpc") else { fatalError("bad loopback URL") }
    let client = JSONRPCClient(endpoint: url, transport: URLSessionTransport())
    do {
        let result = try await body(client)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
