internal import CSecp256k1

/// libsecp256k1's context as the core uses it: the library's static verification context only.
///
/// It parses public keys and recovers signers. Signing, and the randomised context it needs, live on the offline
/// side (`SigningKeys`), so a binary that links only the core holds no signing code.
enum Context {
    /// The library's static verification-only context (no signing), for recovery and parsing.
    static var verification: OpaquePointer { cc_secp256k1_static_context() }
}
