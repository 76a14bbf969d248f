import Foundation
import TestSupport
import Testing

/// `--qr-terminal` fits the terminal it draws on, or says what to do.
@Suite struct QRTerminalFitTests {
    /// The half-block lines of the drawing (the code and its quiet zone).
    static func drawing(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { line in
            line.contains { "█▀▄".contains($0) } || line.allSatisfy { $0 == " " } && line.count > 20
        }
    }

    @Test("on an 80×24 terminal the signed transaction's QR is re-planned to fit, and says so")
    func fitsAnEightyByTwentyFour() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ToolRunner.run(
            "sign", SignCommandTests.signArguments(dir) + ["--yes", "--qr-terminal"],
            environment: ["COLUMNS": "80", "LINES": "24"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Fitted to the 80×24 terminal: QR version ≤ 4"))
        let lines = Self.drawing(result.stderr)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.count <= 80 })
        // Each frame (a run of drawing lines) is at most 22 lines, leaving the footer on a 24-line screen.
        var run = 0
        var longest = 0
        for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false) {
            run = Self.drawing(String(line)).isEmpty ? 0 : run + 1
            longest = max(longest, run)
        }
        #expect(longest <= 22, "a frame is \(longest) lines tall")
    }

    @Test("a terminal too small for any QR code is named, with the option that helps")
    func tooSmallSaysSo() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ToolRunner.run(
            "sign", SignCommandTests.signArguments(dir) + ["--yes", "--qr-terminal"],
            environment: ["COLUMNS": "20", "LINES": "10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("The terminal is 20×10, too small for any QR code"))
        #expect(result.stderr.contains("--qr-png DIR"))
    }
}
