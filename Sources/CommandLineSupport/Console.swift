public import Foundation
import Glibc

/// The split every tool follows: stdout carries exactly one artefact (or one JSON object with `--json`); people read stderr.
///
/// Nothing secret is ever passed to either.
public enum Console {
    /// Writes the artefact to stdout and flushes it.
    public static func writeArtifact(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Writes one line of text as the artefact.
    public static func writeArtifactLine(_ text: String) {
        writeArtifact(Data((text + "\n").utf8))
    }

    /// A line for people, on stderr.
    public static func info(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A warning line on stderr, prefixed `warning: `.
    public static func warning(_ text: String) {
        info("warning: \(text)")
    }

    /// Whether stdin is an interactive terminal (prompts need one).
    public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether stderr is a terminal (for progress lines that redraw).
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Asks a question on stderr and reads one line from stdin (echoed).
    public static func prompt(_ question: String) -> String? {
        FileHandle.standardError.write(Data(question.utf8))
        return readLine(strippingNewline: true)
    }

    /// Reads a line from the terminal with echo turned off (for passwords).
    ///
    /// Returns nil without a terminal.
    public static func promptSecret(_ question: String) -> String? {
        guard stdinIsTerminal else { return nil }
        FileHandle.standardError.write(Data(question.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
