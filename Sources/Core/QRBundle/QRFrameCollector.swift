public import QRTransport

/// Collects scanned QR payloads — one or many frames, in any order, with repeats and losses — into one UR of
/// an expected type, and reports progress honestly.
///
/// Progress counts linearly independent fragments (the fountain decoder's rank), so it never shows "11/10" and
/// reaches the total exactly when the message is decoded: `frames 5/7 needed, 9 read, 2 duplicates`.
public struct QRFrameCollector: Sendable {
    /// What one payload did.
    public enum Outcome: Sendable, Equatable {
        /// It added information (or completed a single-part UR).
        case added
        /// It added nothing new (a repeat, or a combination of frames already held).
        case duplicate
    }

    /// The UR types accepted (the first frame's type then fixes the message).
    public let acceptedTypes: [String]
    private var decoder = URDecoder()
    /// Frames read so far (every payload offered, including duplicates and refused ones).
    public private(set) var readCount = 0
    /// Frames that added nothing.
    public private(set) var duplicateCount = 0
    /// Frames refused as belonging to another message or type.
    public private(set) var foreignCount = 0

    /// Creates a collector for URs of `acceptedTypes`.
    public init(acceptedTypes: [String]) {
        self.acceptedTypes = acceptedTypes
    }

    /// The decoded UR, once complete.
    public var result: UR? { decoder.result }

    /// Takes one payload (the bytes a QR decoder returned); `source` names it in errors (`frame-003.png`).
    ///
    /// - Throws: ``QRBundleError/unexpectedType(expected:found:)`` for a UR of a type not accepted,
    ///   ``QRBundleError/frameFromAnotherMessage(source:reason:)`` for a part of another message (the message
    ///   in progress is untouched), and ``QRBundleError/invalidFrame(source:reason:)`` for a frame that does not
    ///   parse.
    @discardableResult
    public mutating func add(_ payload: [UInt8], source: String) throws(QRBundleError) -> Outcome {
        readCount += 1
        // UR text is ASCII; anything else fails to parse below and is reported as such.
        let text = String(decoding: payload, as: UTF8.self)
        let type = Self.type(of: text)
        if let type, !acceptedTypes.contains(type) {
            foreignCount += 1
            throw .unexpectedType(expected: acceptedTypes, found: type)
        }
        do {
            if try decoder.receive(text) { return .added }
            duplicateCount += 1
            return .duplicate
        } catch .partFromAnotherMessage(let field, let expected, let found) {
            foreignCount += 1
            throw .frameFromAnotherMessage(source: source, reason: "its \(field) is \(found), expected \(expected)")
        } catch .urTypeMismatch(let expected, let found) {
            foreignCount += 1
            throw .frameFromAnotherMessage(source: source, reason: "ur:\(found) while collecting ur:\(expected)")
        } catch .messageChecksumMismatch(let expected, let found) {
            // The decoder has started over: some accepted frame was corrupt.
            throw .transport(.messageChecksumMismatch(expected: expected, found: found))
        } catch {
            throw .invalidFrame(source: source, reason: error)
        }
    }

    /// Fragments held and needed (1 of 1 for a single frame; 0 of 0 before the first frame).
    public var fragments: (held: Int, needed: Int) {
        if decoder.isComplete, decoder.progress.fragmentCount == 0 { return (1, 1) }
        return (decoder.progress.independentPartCount, decoder.progress.fragmentCount)
    }

    /// `frames 5/7 needed, 9 read, 2 duplicates` (plus `, 1 from another code` when some were refused).
    public var progressLine: String {
        let (held, needed) = fragments
        let total = needed == 0 ? "?" : String(needed)
        var line =
            "frames \(held)/\(total) needed, \(readCount) read, \(duplicateCount) duplicate"
            + (duplicateCount == 1 ? "" : "s")
        if foreignCount > 0 { line += ", \(foreignCount) from another code" }
        return line
    }

    /// The lower-cased type of a UR string, or nil when it is not one (the decoder then names the problem).
    static func type(of text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("ur:"), let slash = lower.firstIndex(of: "/") else { return nil }
        return String(lower[lower.index(lower.startIndex, offsetBy: 3)..<slash])
    }
}
