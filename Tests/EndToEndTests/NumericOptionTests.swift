import Foundation
import TestSupport
import Testing

/// Every numeric option of the four tools, given extreme values (negative, zero where meaningless, 2^64 − 1, 2^64,
/// NaN, ±infinity, 1e308), is a usage error: exit 64 with a message naming the option — never a trap (a signal,
/// exit ≥ 128) and never exit 1.
@Suite struct NumericOptionTests {
    /// The extreme values every option is given; `zero` joins them where 0 means nothing.
    static let extremes = [
        "-1", "18446744073709551615", "18446744073709551616", "99999999999999999999999", "nan", "inf", "-inf", "1e308",
        "-1e308",
    ]

    /// One option of one command, with the other arguments that get the command as far as its validation.
    struct Case: CustomStringConvertible, Sendable {
        let tool: String
        let arguments: [String]
        let option: String
        let zeroIsMeaningless: Bool
        var description: String { "\(tool) \(option)" }
    }

    static let bundle = Fixtures.formats.appendingPathComponent("unsigned-bundle/v1/examples/sandbox-polygon.json").path
    static let signed = Fixtures.formats.appendingPathComponent("signed-transaction/v1/examples/sandbox-polygon.json").path
    static let prepare = [
        "--sender", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", "--chain", "base", "--rpc-url", "http://127.0.0.1:9",
        "--amount", "25",
    ]
    static let sign = [bundle, "--private-key-file", "/nonexistent/key.hex", "--out", "/nonexistent/signed.json"]
    static let broadcast = [signed, "--rpc-url", "http://127.0.0.1:9"]

    static let cases: [Case] = [
        Case(tool: "prepare", arguments: prepare, option: "--slippage-bps", zeroIsMeaningless: false),
        Case(tool: "prepare", arguments: prepare, option: "--api-timeout", zeroIsMeaningless: true),
        Case(tool: "prepare", arguments: prepare, option: "--qr-fragment-size", zeroIsMeaningless: true),
        Case(tool: "prepare", arguments: prepare, option: "--qr-max-version", zeroIsMeaningless: true),
        Case(tool: "prepare", arguments: prepare, option: "--qr-fps", zeroIsMeaningless: true),
        Case(tool: "sign", arguments: sign, option: "--fee-ladder", zeroIsMeaningless: false),
        Case(tool: "sign", arguments: sign, option: "--camera-timeout", zeroIsMeaningless: true),
        Case(tool: "sign", arguments: sign, option: "--qr-fragment-size", zeroIsMeaningless: true),
        Case(tool: "sign", arguments: sign, option: "--qr-max-version", zeroIsMeaningless: true),
        Case(tool: "sign", arguments: sign, option: "--qr-fps", zeroIsMeaningless: true),
        Case(tool: "broadcast", arguments: broadcast, option: "--confirmations", zeroIsMeaningless: true),
        Case(tool: "broadcast", arguments: broadcast, option: "--poll-interval", zeroIsMeaningless: true),
        Case(tool: "broadcast", arguments: broadcast, option: "--camera-timeout", zeroIsMeaningless: true),
        Case(tool: "broadcast", arguments: broadcast, option: "--timeout", zeroIsMeaningless: true),
        Case(tool: "broadcast", arguments: broadcast, option: "--replace-after", zeroIsMeaningless: true),
        Case(tool: "sandbox", arguments: ["serve"], option: "--chain-id", zeroIsMeaningless: true),
        Case(tool: "sandbox", arguments: ["serve"], option: "--port", zeroIsMeaningless: false),
        Case(tool: "sandbox", arguments: ["serve"], option: "--credit-delay", zeroIsMeaningless: false),
        Case(tool: "sandbox", arguments: ["serve"], option: "--credits-cache", zeroIsMeaningless: false),
        Case(tool: "sandbox", arguments: ["serve"], option: "--intent-lifetime", zeroIsMeaningless: true),
        Case(tool: "sandbox", arguments: ["network-file"], option: "--chain-id", zeroIsMeaningless: true),
        Case(tool: "sandbox", arguments: ["policy"], option: "--chain-id", zeroIsMeaningless: true),
    ]

    @Test("extreme values are refused with exit 64 naming the option", arguments: cases)
    func extremeValues(_ option: Case) throws {
        let values = Self.extremes + (option.zeroIsMeaningless ? ["0"] : [])
        for value in values {
            let result = try Self.run(option.tool, option.arguments + [option.option, value])
            #expect(result.status == 64, "\(option) \(value): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains(option.option), "\(option) \(value): \(result.stderr)")
        }
    }

    @Test("a value that parses but is out of range names the accepted range")
    func messagesNameTheRange() throws {
        let samples: [(String, [String], String)] = [
            ("prepare", Self.prepare + ["--api-timeout", "100000"], "expected 1 to 600 seconds"),
            ("prepare", Self.prepare + ["--chain", "18446744073709551615"], "expected 1 to 9223372036854775771"),
            ("sign", Self.sign + ["--fee-ladder", "1000000"], "expected 0 to 20 replacements"),
            ("broadcast", Self.broadcast + ["--poll-interval", "nan"], "expected 0.1 to 3600.0 seconds"),
            ("broadcast", Self.broadcast + ["--timeout", "18446744073709551615h"], "expected 1 to 604800 seconds"),
            ("sandbox", ["serve", "--intent-lifetime", "18446744073709551615"], "expected 1 to 604800 seconds"),
        ]
        for (tool, arguments, expected) in samples {
            let result = try Self.run(tool, arguments)
            #expect(result.status == 64, "\(tool) \(arguments): exit \(result.status)")
            #expect(result.stderr.contains(expected), "\(tool) \(arguments): \(result.stderr)")
        }
    }

    @Test("hostile HOME and OPENROUTER_API_KEY values end in an error exit, never a trap")
    func environment() throws {
        let hostile = ["", "/", String(repeating: "x", count: 100_000), "\u{1B}[2J\u{202E}", "/nonexistent/\u{7F}"]
        for value in hostile {
            let policy = try Self.run("sign", ["policy", "show"], environment: ["HOME": value])
            #expect(policy.status != 1 && policy.status < 128, "HOME=\(value.prefix(20)): exit \(policy.status)")
        }
        // Keys the tool refuses before any network call (a usable key would go on to the unreachable API).
        for key in ["", "\u{1B}[2J\u{202E}", String(repeating: "\u{7}", count: 100_000)] {
            let prepare = try Self.run(
                "prepare", Self.prepare + ["--api-url", "http://127.0.0.1:9"], environment: ["OPENROUTER_API_KEY": key])
            #expect(prepare.status == 64, "key \(key.prefix(20).debugDescription): exit \(prepare.status)")
        }
    }

    /// How a run ended.
    struct Outcome {
        /// The exit status, or 128 + the signal that killed the tool.
        let status: Int32
        /// What it wrote on stderr.
        let stderr: String
    }

    /// Runs `tool` with stdin closed; a run still going after 30 s (a sandbox that started serving) is killed and
    /// fails the test.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let directory = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = ToolRunner.binDirectory.appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["OPENROUTER_API_KEY"] = nil
        env["HOME"] = ToolRunner.isolatedHome.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = directory.appendingPathComponent("out")
        let err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            Issue.record("\(tool) \(arguments) still running after 30 s")
        }
        process.waitUntilExit()
        // A death by signal reads as 128 + the signal number, as a shell shows it.
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(status: status, stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
