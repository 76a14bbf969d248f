/// The four QR error-correction levels; higher levels survive more damage and hold fewer bytes.
public enum QRErrorCorrection: String, Sendable, CaseIterable, CustomStringConvertible {
    /// About 7 % of codewords recoverable; the most capacity (2,953 bytes at version 40).
    case low = "L"
    /// About 15 %.
    case medium = "M"
    /// About 25 %.
    case quartile = "Q"
    /// About 30 %.
    case high = "H"

    /// The level's letter.
    public var description: String { rawValue }
}
