import Foundation
import TestSupport
import Testing

/// Shipped binaries carry no hidden or test-only option: every option of every subcommand is in `--help`, and
/// whatever weakens a key or a check says so in its name and its help.
@Suite struct NoHiddenOptionTests {
    /// Every option whose help is hidden, as "tool subcommand… --name" (ArgumentParser's own `help` subcommand aside).
    static func hiddenOptions(of tool: String) throws -> [String] {
        let result = try ToolRunner.run(tool, ["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        var hidden: [String] = []
        func walk(_ command: [String: Any], path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool == false {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                hidden.append((path + ["--" + (names.first ?? "?")]).joined(separator: " "))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                walk(sub, path: path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), path: [tool])
        return hidden
    }

    @Test("no tool has a hidden option", arguments: ["prepare", "sign", "broadcast", "sandbox"])
    func noHiddenOption(tool: String) throws {
        #expect(try Self.hiddenOptions(of: tool) == [])
    }

    @Test("the fast keystore KDF says it is insecure, in its name and its help")
    func weakKDFSaysSo() throws {
        for subcommand in ["new", "import"] {
            let help = try ToolRunner.run("sign", ["keys", subcommand, "--help"]).stdoutText
            #expect(help.contains("--insecure-fast-kdf"))
            #expect(help.contains("INSECURE"))
            #expect(!help.contains("--light-kdf"))
        }
    }

    @Test("sign approve takes no clock from the command line either")
    func approveHasNoClock() throws {
        let result = try ToolRunner.run("sign", ["approve", "bundle.json", "--print-text", "--assume-time", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("assume-time"))
    }
}
