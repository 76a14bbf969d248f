extension ChainAnalysis {
    /// Reordered entries and sequence numbers inside one segment.
    static func inside(_ segment: Segment, nodes: [Node]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let lines = segment.path.map { nodes[$0].line }
        let inOrder = longestIncreasingRun(lines)
        for (offset, index) in segment.path.enumerated() where !inOrder.contains(offset) {
            if let entry = nodes[index].entry {
                findings.append(.reordered(line: nodes[index].line, sequence: entry.sequence))
            }
        }
        guard var expected = segment.fromGenesis ? 1 : nodes[segment.path[0]].entry?.sequence else { return findings }
        for index in segment.path {
            guard let entry = nodes[index].entry else { continue }
            if entry.sequence != expected {
                findings.append(.sequenceMismatch(line: nodes[index].line, expected: expected, found: entry.sequence))
            }
            expected = expected &+ 1
        }
        return findings
    }

    /// What each break between consecutive segments means.
    static func between(_ segments: [Segment], nodes: [Node]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        // Before the first segment: the genesis itself, unless that segment starts from it.
        var previous: (lastLine: Int, lastIndex: Int?, sequence: UInt64?) = (0, nil, 0)
        for (position, segment) in segments.enumerated() {
            let root = segment.path[0]
            defer {
                let last = segment.path[segment.path.count - 1]
                let start = segment.fromGenesis ? 1 : nodes[root].entry?.sequence
                previous = (nodes[last].line, last, start.map { $0 &+ UInt64(segment.path.count - 1) })
            }
            if segment.fromGenesis { continue }
            // A malformed line on either side is reported as malformed; the break adds nothing.
            guard let found = nodes[root].entry?.sequence, let before = previous.sequence else { continue }
            let lone = segment.path.count == 1 && position < segments.count - 1
            if before < .max, found == before + 1 {
                let edited = lone || previous.lastIndex == nil ? root : previous.lastIndex ?? root
                findings.append(.edited(line: nodes[edited].line, sequence: nodes[edited].entry?.sequence))
            } else if before < .max, found > before + 1 {
                findings.append(.deleted(afterLine: previous.lastLine, sequences: (before + 1)...(found - 1)))
            } else {
                findings.append(.brokenLink(line: nodes[root].line, sequence: found))
            }
        }
        return findings
    }

    /// Offsets into `values` of one longest strictly increasing subsequence (patience sorting).
    static func longestIncreasingRun(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []
        var predecessor = [Int](repeating: -1, count: values.count)
        for (offset, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { predecessor[offset] = tails[low - 1] }
            if low == tails.count { tails.append(offset) } else { tails[low] = offset }
        }
        var result: Set<Int> = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result.insert(cursor)
            cursor = predecessor[cursor]
        }
        return result
    }

    /// Number of nodes in each node's subtree (itself included), without recursion.
    static func subtreeSizes(count: Int, parent: [Int?], children: [Int: [Int]], excluded: [Bool]) -> [Int] {
        var order: [Int] = []
        var queue = (0..<count).filter { !excluded[$0] && (parent[$0] == nil || parent[$0] == -1) }
        while let next = queue.popLast() {
            order.append(next)
            queue += (children[next] ?? []).filter { !excluded[$0] }
        }
        var sizes = [Int](repeating: 1, count: count)
        for index in order.reversed() {
            if let up = parent[index], up >= 0 { sizes[up] += sizes[index] }
        }
        return sizes
    }

    /// `root` and everything below it.
    static func descendants(of root: Int, children: [Int: [Int]]) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let next = stack.popLast() {
            out.append(next)
            stack += children[next] ?? []
        }
        return out
    }
}
