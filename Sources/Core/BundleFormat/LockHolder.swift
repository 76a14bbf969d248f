import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who holds the `flock` on a file, read from Linux's `/proc/locks` (best effort: nil when unknown).
enum LockHolder {
    /// The pid of a process holding a `FLOCK` on the file open at `descriptor`.
    static func pid(of descriptor: Int32) -> Int32? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let device = UInt64(status.st_dev)
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        let wanted = String(major, radix: 16) + ":" + String(minor, radix: 16) + ":" + String(UInt64(status.st_ino))
        guard let bytes = try? BoundedFile.read("/proc/locks", what: "lock table", cap: 4 << 20) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 4242 08:01:1234 0 EOF" (a "->" marks a waiter, not a holder)
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK" else { continue }
            let parts = fields[5].split(separator: ":")
            guard parts.count == 3, let major = UInt64(parts[0], radix: 16), let minor = UInt64(parts[1], radix: 16) else {
                continue
            }
            if String(major, radix: 16) + ":" + String(minor, radix: 16) + ":" + parts[2] == wanted {
                return Int32(fields[4])
            }
        }
        return nil
    }
}
