/// The one display path for text that reaches a terminal.
///
/// Two layers: ``field(_:)`` escapes any string that did not originate in the binary (bundle and charge fields,
/// file names, policy and approvals contents, QR text, node and API answers, audit entries) before it is put
/// into a message; ``line(_:)`` is applied by ``Console`` to every line written for people, so that nothing a
/// message forgot to escape can drive the terminal. Escapes read `\x1b`, `\u202e`, `\U000e0001`.
public enum TerminalText {
    /// `text` with every control, bidi, invisible, private-use or unassigned scalar, every line break and the
    /// backslash itself escaped: safe to embed in a one-line message and unambiguous to read back.
    public static func field(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                out += "\\\\"
            } else if isUnsafe(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` (a whole message, possibly several lines) with every unsafe scalar escaped except the newline;
    /// printable text, backslashes included, is left as it is.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && isUnsafe($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar != "\n", isUnsafe(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` must never reach a terminal as it is: C0 and C1 controls and DEL, bidi controls, format,
    /// line and paragraph separators, default-ignorable (invisible) scalars, private-use and unassigned ones.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return false }
        if value < 0x20 || (value >= 0x7F && value <= 0x9F) { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
            return true
        default:
            break
        }
        if properties.isBidiControl || properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint {
            return true
        }
        return invisible.contains(value)
    }

    /// Scalars that render as nothing (or as blank space indistinguishable from nothing) without being in the
    /// categories above: fillers, variation selectors, the combining grapheme joiner, the braille blank.
    static let invisible: Set<UInt32> = {
        var set: Set<UInt32> = [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180E, 0x2800, 0x3164, 0xFFA0]
        set.formUnion(0xFE00...0xFE0F)
        set.formUnion(0xE0100...0xE01EF)
        set.formUnion(0xE0000...0xE007F)
        return set
    }()

    /// `\xHH` below U+0100, `\uHHHH` in the basic plane, `\UHHHHHHHH` above it (lowercase hex).
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if scalar.value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

extension String {
    /// This string escaped for display (``TerminalText/field(_:)``): use it for every string from outside the binary.
    public var escapedForTerminal: String { TerminalText.field(self) }
}
