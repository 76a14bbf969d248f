internal import CSecp256k1
import Secp256k1

/// The one signing context of the process, on the offline side only.
///
/// Created with `SECP256K1_CONTEXT_NONE`, randomised with 32 fresh bytes (blinding against side channels) and never
/// mutated afterwards. The core module `Secp256k1` holds just the library's static verification context.
///
/// Thread safety: libsecp256k1 allows concurrent use of a context by any number of threads for every call
/// except `secp256k1_context_randomize` and destruction; we call the first once during lazy initialisation
/// and never the second, so sharing is safe.
final class SigningContext: @unchecked Sendable {
    static let shared = SigningContext()

    let pointer: OpaquePointer

    private init() {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("secp256k1_context_create returned NULL — library bug")
        }
        // Misuse of the C API (a NULL where a pointer is required) is our bug: crash loudly, as go-ethereum does.
        secp256k1_context_set_illegal_callback(
            context,
            { message, _ in
                fatalError("libsecp256k1 illegal argument: \(message.map { String(cString: $0) } ?? "?")")
            }, nil)
        secp256k1_context_set_error_callback(
            context,
            { message, _ in
                fatalError("libsecp256k1 internal error: \(message.map { String(cString: $0) } ?? "?")")
            }, nil)
        var seed = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in seed.indices { seed[index] = generator.next() }
        guard secp256k1_context_randomize(context, seed) == 1 else {
            fatalError("secp256k1_context_randomize failed — library bug")
        }
        SecretBytes.wipe(&seed)
        pointer = context
    }
}
