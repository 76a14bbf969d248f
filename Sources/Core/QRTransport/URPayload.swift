/// A value that travels as one UR: a constant UR type and its CBOR encoding.
///
/// Conforming types get ``ur`` — the single UR carrying ``cbor`` (split it into frames with `UREncoder` or
/// `AnimatedQREncoder` when it is long).
public protocol URPayload {
    /// The UR type, e.g. `eth-sign-request`; a compile-time constant that ``UR`` accepts.
    static var urType: String { get }
    /// The value's CBOR encoding.
    var cbor: [UInt8] { get }
}

extension URPayload {
    /// The single UR carrying ``cbor``.
    public var ur: UR {
        do { return try UR(type: Self.urType, cbor: cbor) } catch {
            fatalError("'\(Self.urType)' is a valid UR type — library bug: \(error)")
        }
    }
}
