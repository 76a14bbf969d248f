import BundleFormat
public import EthereumPrimitives

/// Where the wait for a receipt stands: what is waited for, for how long, the blocks seen, and what happens next.
public struct WaitProgress: Sendable, Equatable {
    /// The transaction waited for (the current fee-ladder rung).
    public var hash: Hash32
    /// The current rung (0 is the transaction as signed).
    public var rung: Int
    /// How many rungs the signed file holds.
    public var rungs: Int
    /// Seconds since the wait began.
    public var elapsedSeconds: UInt64
    /// When the wait gives up (exit 75, safe to re-run).
    public var timeoutSeconds: UInt64
    /// The node's latest block, when it answered.
    public var head: UInt64?
    /// Blocks mined since the wait began without our transaction.
    public var blocksSeen: UInt64
    /// Seconds until the next rung is sent, when one is left and replacement is on.
    public var replaceInSeconds: UInt64?

    /// Creates a progress report.
    public init(
        hash: Hash32, rung: Int, rungs: Int, elapsedSeconds: UInt64, timeoutSeconds: UInt64, head: UInt64?,
        blocksSeen: UInt64, replaceInSeconds: UInt64?
    ) {
        self.hash = hash
        self.rung = rung
        self.rungs = rungs
        self.elapsedSeconds = elapsedSeconds
        self.timeoutSeconds = timeoutSeconds
        self.head = head
        self.blocksSeen = blocksSeen
        self.replaceInSeconds = replaceInSeconds
    }

    /// One line for people: `Waiting for the receipt of 0x… (rung 1 of 3): 0:42 elapsed, 21 blocks seen (head
    /// 1234), next: rung 2 in 0:48; gives up in 9:18`.
    public var line: String {
        var text = "Waiting for the receipt of \(hash)"
        if rungs > 1 { text += " (rung \(rung + 1) of \(rungs))" }
        text += ": \(Self.clock(elapsedSeconds)) elapsed, \(blocksSeen) block\(blocksSeen == 1 ? "" : "s") seen"
        if let head { text += " (head \(head))" }
        if let replaceInSeconds {
            text += ", next: rung \(rung + 2) in \(Self.clock(replaceInSeconds))"
        } else if rung + 1 < rungs {
            text += ", next: rung \(rung + 2) only with --replace-after"
        }
        let left = timeoutSeconds > elapsedSeconds ? timeoutSeconds - elapsedSeconds : 0
        return text + "; gives up in \(Self.clock(left)) (re-running resumes)"
    }

    /// What changes the line outside a terminal: the rung, and the blocks seen in steps of ten — so a log gets a
    /// line when something happened, not one per poll.
    public var event: String { "\(hash) \(rung) \(blocksSeen / 10)" }

    /// `m:ss` or `h:mm:ss`.
    public static func clock(_ seconds: UInt64) -> String {
        let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        let two = { (n: UInt64) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}
