#if canImport(Glibc)
    import Glibc

    /// The few POSIX socket calls the loopback server needs, with `EINTR` retried and `SIGPIPE` suppressed.
    enum Socket {
        /// A TCP socket listening on 127.0.0.1 at a kernel-chosen port.
        static func listenOnLoopback(port: UInt16 = 0, backlog: Int32 = 64) throws(LoopbackHTTPError)
            -> (fd: Int32, port: UInt16)
        {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw .socketFailure(operation: "socket", errno: errno) }
            // Always, the kernel-chosen port included: Linux lets a restart bind a port whose old connections are in
            // TIME_WAIT only when the old listening socket had SO_REUSEADDR too (they inherit its flag).
            var on: Int32 = 1
            guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                return try fail("setsockopt", closing: fd)
            }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian  // port 0: the kernel picks a free one
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { return try fail("bind", closing: fd) }
            guard listen(fd, backlog) == 0 else { return try fail("listen", closing: fd) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0 else { return try fail("getsockname", closing: fd) }
            return (fd, UInt16(bigEndian: address.sin_port))
        }

        private static func fail(_ operation: String, closing fd: Int32) throws(LoopbackHTTPError) -> (Int32, UInt16) {
            let code = errno
            Glibc.close(fd)
            throw .socketFailure(operation: operation, errno: code)
        }

        /// A pipe whose read end wakes `poll` when the write end is written or closed.
        static func wakePipe() throws(LoopbackHTTPError) -> (read: Int32, write: Int32) {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw .socketFailure(operation: "pipe", errno: errno) }
            closeOnExec(fds[0])
            closeOnExec(fds[1])
            return (fds[0], fds[1])
        }

        /// Waits until `listening` has a connection (returns it) or `wake` becomes readable (returns nil).
        static func accept(_ listening: Int32, orWake wake: Int32) -> Int32? {
            while true {
                var fds = [
                    pollfd(fd: listening, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&fds, 2, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if fds[1].revents != 0 { return nil }
                guard fds[0].revents != 0 else { continue }
                // accept4/pipe2 are not visible without _GNU_SOURCE; fcntl afterwards is enough for a test server.
                let connection = Glibc.accept(listening, nil, nil)
                if connection >= 0 {
                    closeOnExec(connection)
                    return connection
                }
                if [EINTR, EAGAIN, ECONNABORTED, EPROTO].contains(errno) { continue }
                return nil
            }
        }

        /// Marks a descriptor close-on-exec, so child processes of the tests do not inherit it.
        static func closeOnExec(_ fd: Int32) { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        /// Sets the receive timeout, so a silent client cannot hold a connection thread forever.
        static func setReceiveTimeout(_ fd: Int32, seconds: Int) {
            var value = timeval(tv_sec: seconds, tv_usec: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        }

        /// Reads up to `count` bytes; empty at end of stream, nil on error or timeout.
        static func read(_ fd: Int32, upTo count: Int) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: count)
            while true {
                let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, count, 0) }
                if received >= 0 { return Array(buffer.prefix(received)) }
                if errno == EINTR { continue }
                return nil
            }
        }

        /// Writes all of `bytes`; false when the peer is gone (no `SIGPIPE` thanks to `MSG_NOSIGNAL`).
        @discardableResult
        static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes {
                    send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
                }
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }

        /// Ends both directions, waking any thread blocked on the socket.
        static func shutdownBoth(_ fd: Int32) { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }

        /// Writes one byte to wake a `poll`.
        static func wake(_ fd: Int32) {
            var byte: UInt8 = 1
            _ = Glibc.write(fd, &byte, 1)
        }

        /// Closes a descriptor.
        static func close(_ fd: Int32) { _ = Glibc.close(fd) }
    }
#endif
