import ArgumentParser

/// Finds a long option no command of a tool knows, and the known one nearest to it (`--amout` → `--amount`).
enum UnknownOption {
    /// `Unknown option '--amout'. Did you mean '--amount'?` for the first unknown `--name` in `arguments`
    /// (before a `--` terminator), or nil when the chosen subcommand knows every option given.
    static func find<Command: ParsableCommand>(in arguments: [String], of command: Command.Type) -> String? {
        let known = names(of: chosen(arguments, root: command), root: command)
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = String(argument.split(separator: "=", maxSplits: 1)[0])
            guard !known.contains(name) else { continue }
            let nearest = known.min { distance(name, $0) < distance(name, $1) }
            var message = "Unknown option '\(name)'."
            if let nearest, distance(name, nearest) <= max(2, name.count / 3) { message += " Did you mean '\(nearest)'?" }
            return message
        }
        return nil
    }

    /// The subcommand the arguments name (`sign keys new`), or the default subcommand.
    static func chosen(_ arguments: [String], root: any ParsableCommand.Type) -> any ParsableCommand.Type {
        var command = root
        var named = false
        for argument in arguments where !argument.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = sub
            named = true
        }
        if !named, let fallback = root.configuration.defaultSubcommand { return fallback }
        return command
    }

    /// Every `--name` in the help of `command` (plus `--help` and `--version`).
    static func names<Root: ParsableCommand>(of command: any ParsableCommand.Type, root: Root.Type) -> Set<String> {
        var found: Set<String> = ["--help", "--version", "--experimental-dump-help"]
        let help = root.helpMessage(for: command, includeHidden: true, columns: 1_000)
        var current = ""
        for character in help + " " {
            if character.isLetter || character.isNumber || character == "-" {
                current.append(character)
            } else {
                if current.hasPrefix("--"), current.count > 2 { found.insert(current) }
                current = ""
            }
        }
        return found
    }

    /// The Levenshtein distance between two option names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
