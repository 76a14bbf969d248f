/// The purchase an event concerns, as far as the tool knows it so far: nothing before the input is read, the
/// bundle's fingerprint and charge id after.
///
/// Events with the same fingerprint, from any tool and machine, make one timeline (`audit timeline`).
public struct AuditSubject: Equatable, Sendable {
    /// The fingerprint (`d095-76c1-302c-afd8`), when known.
    public var fingerprint: String?
    /// The charge id, when known.
    public var chargeID: String?

    /// Creates a subject; both parts default to unknown.
    public init(fingerprint: String? = nil, chargeID: String? = nil) {
        self.fingerprint = fingerprint
        self.chargeID = chargeID
    }

    /// No purchase known.
    public static let unknown = AuditSubject()
}
