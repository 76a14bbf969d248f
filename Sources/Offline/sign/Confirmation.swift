import BundleFormat
import CommandLineSupport
import Foundation
import Glibc
import OfflineSigning
import TerminalText

/// The controlling terminal as the signing session's ``SigningTerminal``: the review goes to stderr, the question
/// and its answer to `/dev/tty` — never a pipe or redirected stdin.
struct ControllingTerminal: SigningTerminal {
    /// Whether stdin carried the bundle (only shapes the refusal without a terminal: stdin is never read).
    var bundleFromStdin: Bool
    /// What happens on a yes (`sign`, `approve`), for the refusal's "nothing …".
    var action = "sign"

    /// Shows the review on stderr.
    func show(_ review: String) { Console.info(review) }

    /// Opens `/dev/tty`, discards keys pressed before the question (typed ahead while the keystore was unlocking),
    /// asks and reads one line.
    /// - Throws: a `noTerminal` refusal (exit 77) when there is no controlling terminal.
    func ask(_ question: String) throws -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0, isatty(terminal) == 1 else {
            if terminal >= 0 { close(terminal) }
            let stdinNote = bundleFromStdin ? " (stdin carried the bundle)" : ""
            let nothing = action == "sign" ? "nothing signed" : "nothing written"
            throw CommandError(
                kind: "noTerminal",
                message: "no terminal to confirm on\(stdinNote): the confirmation is typed at the controlling terminal, "
                    + "never read from stdin or a pipe; run at a terminal, or use --yes with a policy that allows "
                    + "unattended signing; \(nothing)",
                exitStatus: .noPermission)
        }
        defer { close(terminal) }
        tcflush(terminal, TCIFLUSH)
        Confirmation.write(TerminalText.line(question), to: terminal)
        return Confirmation.readAnswer(from: terminal)
    }
}

/// The typed confirmation at the controlling terminal.
enum Confirmation {
    /// The longest answer read; a longer one declines (the word is four characters).
    static let maximumAnswerBytes = 64

    /// Asks the operator to type the fingerprint's first group on the controlling terminal (`/dev/tty`); anything
    /// else declines (exit 77, nothing written); without a terminal it refuses (exit 77, `noTerminal`).
    static func confirm(_ fingerprint: Fingerprint, bundleFromStdin: Bool, action: String = "sign") throws {
        try confirmTyped(
            fingerprint, action: action, on: ControllingTerminal(bundleFromStdin: bundleFromStdin, action: action))
    }

    /// One line from `descriptor`, at most ``maximumAnswerBytes`` long; nil at end of input, on an error, or when
    /// the line is longer (the rest of it is discarded).
    static func readAnswer(from descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
            if bytes.count > maximumAnswerBytes {
                tcflush(descriptor, TCIFLUSH)
                return nil
            }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(bytes: bytes, encoding: .utf8)
    }

    /// Writes all of `text` to `descriptor`.
    static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
