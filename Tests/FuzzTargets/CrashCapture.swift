#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Saves the input being run when the process dies of a trap, so an in-process crash leaves its reproducer.
///
/// The handler only calls async-signal-safe functions on memory prepared before the run (`open`, `write`,
/// `close`, `signal`, `raise`), then lets the signal kill the process as it would have.
public enum CrashCapture {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    nonisolated(unsafe) private static var capacity = 1 << 16
    nonisolated(unsafe) private static var length = 0
    private static let signals = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Arms the handler: a crash from now on writes the last recorded input to `file`.
    public static func arm(file: String) {
        disarm()
        path = strdup(file)
        length = 0
        for number in signals { _ = signal(number) { CrashCapture.handle($0) } }
    }

    /// Restores the default handlers.
    public static func disarm() {
        for number in signals { _ = signal(number, SIG_DFL) }
        free(path)
        path = nil
    }

    /// Remembers `input` as the one being run.
    public static func record(_ input: [UInt8]) {
        if input.count > capacity {
            buffer.deallocate()
            capacity = input.count
            buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }
        input.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        length = input.count
    }

    private static func handle(_ number: Int32) {
        if let path {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0 {
                _ = write(fd, buffer, length)
                close(fd)
            }
            let note: StaticString = "\nfuzz: crashing input saved to "
            _ = write(2, note.utf8Start, note.utf8CodeUnitCount)
            _ = write(2, path, strlen(path))
            _ = write(2, "\n", 1)
        }
        _ = signal(number, SIG_DFL)
        raise(number)
    }
}
