public import ArgumentParser

/// `TOOL audit …`: verify a log's hash chain, and merge logs from both machines into one timeline per purchase.
///
/// The same subcommand on `prepare`, `sign` and `broadcast`, so either machine can check its own log and the
/// other's without any other tool.
public struct AuditCommand: AsyncParsableCommand {
    /// The subcommand's name, help and children.
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify audit logs and merge them into one timeline per purchase.",
        discussion: """
            Every tool appends its events (prepared, reviewed, approved, declined, signed, sent, mined, reverted, \
            credited, refused) to a hash-chained JSON Lines log, ~/.coldcredits/audit.jsonl unless --audit-log \
            says otherwise, and prints the new head on stderr. Record heads elsewhere and check them with \
            `audit verify LOG --expect-head HASH`: the chain alone cannot show an edit of the newest entries.
            """,
        subcommands: [Verify.self, Timeline.self, Repair.self])

    /// Creates the command (ArgumentParser).
    public init() {}
}
