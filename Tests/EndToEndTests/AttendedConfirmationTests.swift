import Foundation
import TestSupport
import Testing

/// The confirmation comes from a person at the controlling terminal: never from a pipe, never typed ahead.
@Suite(.serialized) struct AttendedConfirmationTests {
    @Test("the word piped on stdin with allowUnattended false is refused (exit 77, noTerminal); nothing written")
    func pipedWordRefused() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("signed.json").path
        let result = try ToolRunner.run(
            "sign", SignCommandTests.signArguments(dir) + ["--out", out, "--json"], stdin: Data("d095\n".utf8))
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stderr.contains("no terminal to confirm on"))
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect((object?["error"] as? [String: Any])?["kind"] as? String == "noTerminal")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger.jsonl").path))
    }

    @Test("the bundle on stdin without a terminal is refused at the confirmation (exit 77, noTerminal)")
    func bundleOnStdinNoTerminal() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Data(contentsOf: URL(fileURLWithPath: SignCommandTests.example))
        let result = try ToolRunner.run("sign", SignCommandTests.signArguments(dir, bundle: "-"), stdin: input)
        #expect(result.status == 77)
        #expect(result.stderr.contains("stdin carried the bundle"))
        #expect(result.stdout.isEmpty)
    }

    @Test("sign approve with the word piped refuses too (exit 77), no approval written")
    func approvePipedRefused() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let out = space.path("approval-A.txt")
        let result = try ToolRunner.run(
            "sign",
            [
                "approve", ApprovalWorkspace.example, "--private-key-file", space.path("A.hex"), "--policy", space.policy,
                "--ledger", space.ledger, "--audit-log", space.auditLog, "--out", out,
            ], stdin: Data("d095\n".utf8))
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stderr.contains("no terminal"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("keys typed ahead before the question are discarded: the typed-ahead word does not sign")
    func typedAheadDiscarded() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("signed.json").path
        let session = try TerminalSession("sign", SignCommandTests.signArguments(dir) + ["--out", out])
        session.type("d095\n")
        let typedBeforePrompt = !String(decoding: session.terminal, as: UTF8.self).contains(ToolRunner.confirmationPrompt)
        #expect(session.waitFor(ToolRunner.confirmationPrompt))
        session.type("no\n")
        let result = session.finish()
        #expect(typedBeforePrompt)
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stderr.contains("declined by the operator"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("the word typed on the terminal after the question signs, with the bundle on stdin")
    func answerOnTerminalSigns() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = try Data(contentsOf: URL(fileURLWithPath: SignCommandTests.example))
        let result = try ToolRunner.runAttended(
            "sign", SignCommandTests.signArguments(dir, bundle: "-"), answer: "d095", stdin: bundle)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: result.terminal, as: UTF8.self).contains("Type d095 to sign"))
        #expect(result.stdoutText.hasPrefix("0x02"))
    }

    @Test("an overlong answer declines (the answer is bounded)")
    func overlongAnswerDeclines() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ToolRunner.runAttended(
            "sign", SignCommandTests.signArguments(dir), answer: "d095" + String(repeating: " ", count: 200))
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
