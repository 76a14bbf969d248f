public import Foundation
import Glibc
import TerminalText

/// The split every tool follows: stdout carries exactly one artefact (or one JSON object with `--json`); people read stderr.
///
/// Nothing secret is ever passed to either.
public enum Console {
    /// Writes the artefact to stdout and flushes it.
    public static func writeArtifact(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Writes one line of text as the artefact (sanitised: a text artefact is read by people too).
    public static func writeArtifactLine(_ text: String) {
        writeArtifact(Data((TerminalText.line(text) + "\n").utf8))
    }

    /// A line for people, on stderr; no control, bidi or invisible character in it reaches the terminal.
    public static func info(_ text: String) {
        writeText(text + "\n")
    }

    /// Writes text for people on stderr through the sanitiser (``TerminalText/line(_:)``).
    public static func writeText(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.line(text).utf8))
    }

    /// A warning line on stderr, prefixed `warning: `.
    public static func warning(_ text: String) {
        info("warning: \(text)")
    }

    /// Whether stdin is an interactive terminal (prompts need one).
    public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether stderr is a terminal (for progress lines that redraw).
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The size of the terminal people read (stderr) in character cells: `COLUMNS` and `LINES` when both are set
    /// (the POSIX convention), else the terminal's own size; nil for a pipe or an unknown size.
    public static var terminalSize: (columns: Int, rows: Int)? {
        let environment = ProcessInfo.processInfo.environment
        if let columns = environment["COLUMNS"].flatMap(Int.init), let rows = environment["LINES"].flatMap(Int.init),
            columns > 0, rows > 0
        {
            return (columns, rows)
        }
        var size = winsize()
        guard stderrIsTerminal, ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return nil
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Reads a line from the terminal with echo turned off (for passwords).
    ///
    /// Returns nil without a terminal.
    public static func promptSecret(_ question: String) -> String? {
        guard stdinIsTerminal else { return nil }
        writeText(question)
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            writeText("\n")
        }
        return readLine(strippingNewline: true)
    }
}
