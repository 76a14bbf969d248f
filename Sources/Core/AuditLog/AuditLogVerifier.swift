import BundleFormat
public import EthereumPrimitives

/// Verifies an audit log's hash chain and names each edited, deleted, inserted or reordered entry.
///
/// What a hash chain can and cannot show: every entry commits to the exact bytes of the one before it, so a
/// change anywhere *before the last entry* breaks a link that the verifier finds and attributes (see
/// ``AuditFinding``). Two things it cannot show by itself:
/// - an edit or removal of the **newest** entries — nothing after them commits to their bytes;
/// - a **rewrite** of the chain from some entry onwards, hashes recomputed — the chain holds no secret.
///
/// Both are caught by an anchor: every tool prints the head hash after appending (``AuditLogWriter``), and
/// `verify(…, expectedHead:)` requires that hash to be some line's hash. Record heads where the log's writer
/// cannot reach them — the other machine's log, a ticket, paper — and verify against them.
public enum AuditLogVerifier {
    /// Reads and verifies the log at `path`.
    ///
    /// Throws only when the file cannot be read; a missing file is an error, not an empty log.
    public static func verify(path: String, expectedHead: Hash32? = nil) throws(AuditLogError) -> AuditLogReport {
        // A shared lock, so a tool appending at this moment finishes its line first; at most InputLimit.log bytes.
        let contents: [UInt8]?
        do { contents = try LockedAppendFile.readShared(path, what: "audit log", cap: InputLimit.log) } catch {
            throw AuditLogError(error)
        }
        guard let contents else { throw .cannotRead(path: path, reason: "no such file") }
        return verify(contents: contents, source: path, expectedHead: expectedHead)
    }

    /// Verifies log bytes; `source` names the log in records and messages.
    public static func verify(contents: [UInt8], source: String, expectedHead: Hash32? = nil) -> AuditLogReport {
        var chunks = contents.split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
        // The file ends with "\n", so the last chunk is empty; anything else is a cut-short write.
        let tail = chunks.removeLast()
        var nodes: [ChainAnalysis.Node] = []
        var records: [AuditRecord] = []
        for (index, bytes) in chunks.enumerated() {
            let line = index + 1
            do {
                let entry = try AuditEntry(line: bytes)
                records.append(AuditRecord(source: source, line: line, entry: entry))
                nodes.append(.init(line: line, hash: entry.hash, entry: entry, problem: nil))
            } catch {
                let reason = bytes.isEmpty ? "empty line" : Self.reason(error)
                nodes.append(.init(line: line, hash: Keccak256.hash(bytes), entry: nil, problem: reason))
            }
        }
        var findings = ChainAnalysis.findings(nodes)
        if !tail.isEmpty { findings.append(.incompleteLastLine(line: chunks.count + 1)) }
        let head = nodes.last?.hash ?? AuditEntry.genesisHash
        var anchorLine: Int?
        if let expectedHead {
            if expectedHead == AuditEntry.genesisHash {
                anchorLine = 0
            } else if let node = nodes.first(where: { $0.hash == expectedHead }) {
                anchorLine = node.line
            } else {
                findings.append(.anchorNotFound(expectedHead))
            }
        }
        return AuditLogReport(
            source: source, records: records, lineCount: chunks.count, head: head,
            findings: findings, anchorLine: anchorLine)
    }

    static func reason(_ error: AuditLogError) -> String {
        if case .malformedEntry(let reason) = error { return reason }
        return error.description
    }
}
