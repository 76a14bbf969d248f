import EthereumPrimitives

/// Explains a broken hash chain as edits, deletions, insertions and reorderings (see ``AuditFinding``).
///
/// Each line is a node; a parsed entry's `prev` names its parent (the line with that hash, or the genesis).
/// In an untouched log the nodes form one path, genesis → line 1 → line 2 → …. The analysis:
/// 1. a line repeating an earlier line's bytes is inserted;
/// 2. where two nodes claim one parent, the one with the longer descendant chain stays and the other branch
///    is inserted; equal branches only happen at the end of the log, and there the later line stays (a writer
///    appends, so the earlier sibling is the one slipped in before the newest entry — an anchor settles it);
/// 3. the remaining nodes form *segments* — paths from a root whose parent is the genesis, missing, or
///    unknown (a malformed line); a segment lying wholly between two consecutive nodes of another is inserted;
/// 4. inside a segment, nodes off its longest run of increasing line numbers are reordered, and sequence
///    numbers must run on by one;
/// 5. between consecutive segments the chain broke: a gap in sequence numbers is a deletion, no gap is an
///    edit of the entry before the break — or of a lone entry whose own link and successor's link both broke.
enum ChainAnalysis {
    /// One line of the log.
    struct Node {
        /// Line number, from 1.
        let line: Int
        /// keccak256 of the line's bytes.
        let hash: Hash32
        /// The entry, when the line parses.
        let entry: AuditEntry?
        /// Why it does not parse.
        let problem: String?
    }

    /// A path through the chain.
    struct Segment {
        /// Node indices, parent first.
        var path: [Int]
        /// Whether its root's parent is the genesis.
        var fromGenesis: Bool
    }

    static func findings(_ nodes: [Node]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        var excluded = [Bool](repeating: false, count: nodes.count)
        func exclude(_ index: Int) {
            excluded[index] = true
            findings.append(.inserted(line: nodes[index].line, sequence: nodes[index].entry?.sequence))
        }

        // 1. Repeated lines.
        var indexOfHash: [Hash32: Int] = [:]
        for index in nodes.indices {
            if indexOfHash[nodes[index].hash] != nil { exclude(index) } else { indexOfHash[nodes[index].hash] = index }
        }

        // 2. Parents (genesis is -1) and forks.
        var parent = [Int?](repeating: nil, count: nodes.count)
        var children: [Int: [Int]] = [:]
        for index in nodes.indices where !excluded[index] {
            guard let previous = nodes[index].entry?.previousHash else { continue }
            let found = previous == AuditEntry.genesisHash ? -1 : indexOfHash[previous]
            guard let found, found != index else { continue }
            parent[index] = found
            children[found, default: []].append(index)
        }
        let sizes = subtreeSizes(count: nodes.count, parent: parent, children: children, excluded: excluded)
        var mainChild: [Int: Int] = [:]
        for (key, list) in children.sorted(by: { $0.key < $1.key }) {
            let live = list.filter { !excluded[$0] }
            guard let keep = live.max(by: { (sizes[$0], $0) < (sizes[$1], $1) }) else { continue }
            mainChild[key] = keep
            for other in live where other != keep {
                for index in descendants(of: other, children: children) where !excluded[index] { exclude(index) }
            }
        }

        // 3. Segments, and segments nested inside another.
        var segments: [Segment] = []
        for index in nodes.indices where !excluded[index] && (parent[index] == nil || parent[index] == -1) {
            var path = [index]
            while let next = mainChild[path[path.count - 1]], !excluded[next] { path.append(next) }
            segments.append(Segment(path: path, fromGenesis: parent[index] == -1))
        }
        let nested = segments.indices.filter { candidate in
            segments.indices.contains { other in
                other != candidate && encloses(segments[other], segments[candidate].path, nodes: nodes)
            }
        }
        for index in nested { segments[index].path.forEach(exclude) }
        segments = nested.reversed().reduce(into: segments) { list, index in list.remove(at: index) }
        segments.sort { lhs, rhs in
            lhs.fromGenesis != rhs.fromGenesis ? lhs.fromGenesis : nodes[lhs.path[0]].line < nodes[rhs.path[0]].line
        }

        // 4. Inside each segment; 5. between segments.
        for segment in segments { findings += inside(segment, nodes: nodes) }
        findings += between(segments, nodes: nodes)
        for index in nodes.indices where !excluded[index] {
            if let problem = nodes[index].problem {
                findings.append(.malformed(line: nodes[index].line, reason: problem))
            }
        }
        return tidy(findings)
    }

    /// Whether all of `path` lies strictly between two consecutive nodes of `segment` (the genesis counting as
    /// line 0 before a segment that starts from it).
    static func encloses(_ segment: Segment, _ path: [Int], nodes: [Node]) -> Bool {
        let lines = path.map { nodes[$0].line }
        guard let low = lines.min(), let high = lines.max() else { return false }
        let outer = (segment.fromGenesis ? [0] : []) + segment.path.map { nodes[$0].line }
        return zip(outer, outer.dropFirst()).contains { a, b in
            (a < low && high < b) || (b < low && high < a)
        }
    }

    /// Removes findings another explains: an edited entry's own sequence or link complaints, and repeats.
    static func tidy(_ findings: [AuditFinding]) -> [AuditFinding] {
        let editedLines = Set(
            findings.compactMap { finding -> Int? in
                if case .edited(let line, _) = finding { return line }
                return nil
            })
        var seen: Set<AuditFinding> = []
        let kept = findings.filter { finding in
            switch finding {
            case .sequenceMismatch(let line, _, _), .brokenLink(let line, _), .reordered(let line, _):
                if editedLines.contains(line) { return false }
            default: break
            }
            return seen.insert(finding).inserted
        }
        return kept.sorted { ($0.line ?? .max) < ($1.line ?? .max) }
    }
}
