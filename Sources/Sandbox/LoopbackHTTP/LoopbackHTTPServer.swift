public import Foundation
public import HTTPTransport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests and the sandbox: real sockets, one thread per connection.
///
/// ``start()`` binds port 0 (the kernel picks a free port) and returns the port. Each connection is read on its own
/// thread, its request handed to the async `handler`, the response written with `Connection: close`, and the
/// socket closed; keep-alive is not offered. Concurrent connections are served concurrently. ``stop()`` closes the
/// listening socket, shuts down open connections, cancels running handlers and returns once every server thread
/// has finished, so nothing keeps running after it.
public final class LoopbackHTTPServer: Sendable {
    /// Computes the response to one request; runs as a task, which ``stop()`` cancels.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private struct State {
        var started = false
        var stopping = false
        var port: UInt16?
        var listenFD: Int32 = -1
        var wake: (read: Int32, write: Int32) = (-1, -1)
        var runningThreads = 0
        var nextConnectionID = 0
        var connections: [Int: (fd: Int32, task: Task<Void, Never>?)] = [:]
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let handler: Handler
    private let state = Mutex(State())

    /// How long a connection may stay silent while its request is read.
    public static let receiveTimeoutSeconds = 30

    /// Creates a stopped server that will answer every request with `handler`.
    public init(handler: @escaping Handler) { self.handler = handler }

    /// The bound port once started.
    public var port: UInt16? { state.withLock { $0.port } }

    /// `http://127.0.0.1:<port>` once started.
    public var baseURL: URL? { port.flatMap { URL(string: "http://127.0.0.1:\($0)") } }

    /// Binds 127.0.0.1 on `port` (0, the default: a free port), starts accepting and returns the port.
    /// - Throws: ``LoopbackHTTPError`` when a socket call fails (the port is taken) or the server was started before.
    @discardableResult
    public func start(port requestedPort: UInt16 = 0) throws(LoopbackHTTPError) -> UInt16 {
        #if canImport(Glibc)
            try state.withLock { state throws(LoopbackHTTPError) in
                guard !state.started else { throw .alreadyStarted }
                state.started = true
            }
            let (listenFD, port) = try Socket.listenOnLoopback(port: requestedPort)
            let wake: (read: Int32, write: Int32)
            do {
                wake = try Socket.wakePipe()
            } catch {
                Socket.close(listenFD)
                throw error
            }
            state.withLock {
                $0.listenFD = listenFD
                $0.port = port
                $0.wake = wake
                $0.runningThreads += 1
            }
            Thread.detachNewThread { [self] in acceptLoop(listenFD: listenFD, wakeFD: wake.read, port: port) }
            return port
        #else
            throw .unsupportedPlatform
        #endif
    }

    /// Stops the server and returns when every server thread has exited and every socket is closed.
    ///
    /// It stops accepting, shuts down open connections and cancels running handlers; a handler that ignores
    /// cancellation delays the return until it finishes. Calling it again, or on a server never started, returns
    /// at once.
    public func stop() async {
        #if canImport(Glibc)
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = state.withLock { state in
                    guard state.started, state.runningThreads > 0 else { return true }
                    state.stopWaiters.append(continuation)
                    if !state.stopping {
                        state.stopping = true
                        Socket.wake(state.wake.write)
                        for connection in state.connections.values {
                            Socket.shutdownBoth(connection.fd)
                            connection.task?.cancel()
                        }
                    }
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        #endif
    }

    #if canImport(Glibc)
        private func acceptLoop(listenFD: Int32, wakeFD: Int32, port: UInt16) {
            while let fd = Socket.accept(listenFD, orWake: wakeFD) {
                let id: Int? = state.withLock { state in
                    guard !state.stopping else { return nil }
                    state.nextConnectionID += 1
                    state.connections[state.nextConnectionID] = (fd, nil)
                    state.runningThreads += 1
                    return state.nextConnectionID
                }
                guard let id else {
                    Socket.close(fd)
                    break
                }
                Thread.detachNewThread { [self] in serve(connection: id, fd: fd, port: port) }
            }
            threadFinished { state in
                // Only the accept thread closes these, and only after it stopped polling them.
                Socket.close(state.listenFD)
                Socket.close(state.wake.read)
                Socket.close(state.wake.write)
                state.listenFD = -1
            }
        }

        private func serve(connection id: Int, fd: Int32, port: UInt16) {
            Socket.setReceiveTimeout(fd, seconds: Self.receiveTimeoutSeconds)
            let reader = RequestReader(
                receive: { Socket.read(fd, upTo: 16 * 1024) },
                sendInterim: { Socket.writeAll(fd, $0) }
            )
            let reply: [UInt8]
            do {
                let request = try reader.read(baseURL: "http://127.0.0.1:\(port)")
                let response = respond(to: request, connection: id)
                reply = ResponseWriter.bytes(of: response, headOnly: request.method.rawValue == "HEAD")
            } catch {
                reply = ResponseWriter.bytes(ofRejection: error.status, reason: error.reason)
            }
            Socket.writeAll(fd, reply)
            Socket.shutdownBoth(fd)
            Socket.close(fd)
            threadFinished { $0.connections[id] = nil }
        }

        /// Runs the async handler from this (non-pool) thread and blocks the thread until it answers.
        private func respond(to request: HTTPRequest, connection id: Int) -> HTTPResponse {
            let result = Mutex<HTTPResponse?>(nil)
            let done = DispatchSemaphore(value: 0)
            let handler = self.handler
            let task = Task {
                let response = await handler(request)
                result.withLock { $0 = response }
                done.signal()
            }
            let cancelled: Bool = state.withLock { state in
                state.connections[id]?.task = task
                return state.stopping
            }
            if cancelled { task.cancel() }
            done.wait()
            return result.withLock { $0 } ?? HTTPResponse(status: 500, text: "handler produced no response")
        }

        /// Bookkeeping when a server thread ends; resumes ``stop()`` callers after the last one.
        private func threadFinished(_ update: (inout State) -> Void) {
            let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
                update(&state)
                state.runningThreads -= 1
                guard state.runningThreads == 0, state.stopping else { return [] }
                defer { state.stopWaiters.removeAll() }
                return state.stopWaiters
            }
            for waiter in waiters { waiter.resume() }
        }
    #endif
}
