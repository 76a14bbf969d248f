/// Where one signed payment stands, as recorded in its ``BroadcastState`` file; the raw values are the file's
/// `status` strings.
///
/// The status only ever moves through ``applying(_:)``: one transition function, so a re-run, a lost answer or an
/// out-of-order observation can never move a payment backwards (a mined payment never becomes "sent" again).
public enum BroadcastStatus: String, Sendable, CaseIterable {
    /// Nothing sent yet.
    case new
    /// A node may have received the transaction, but its answer was lost (timeout, broken connection).
    case maybeSent = "maybe-sent"
    /// At least one node accepted the transaction.
    case sent
    /// One of our transactions has a receipt with status 1, not yet enough confirmations.
    case mined
    /// Mined with status 1 and the confirmations asked for.
    case confirmed
    /// Mined with status 0: final.
    case reverted
    /// Confirmed, and the credits rose by the purchase: final.
    case credited
    /// Mined with status 1, but the receipt did not show the signed payment (no matching `Transfer` log, or a
    /// native transfer that differs): never reported as paid. A re-run checks again and may still confirm it
    /// (another node's honest receipt).
    case notPaid = "not-paid"

    /// Whether sending (again) is still allowed: nothing of ours is known to be mined.
    public var maySend: Bool { self == .new || self == .maybeSent || self == .sent }

    /// The status after `event`; an event that does not move the payment forward leaves it unchanged.
    public func applying(_ event: BroadcastEvent) -> BroadcastStatus {
        switch (self, event) {
        case (.new, .maybeSent): return .maybeSent
        case (.new, .accepted), (.maybeSent, .accepted): return .sent
        case (.new, .mined), (.maybeSent, .mined), (.sent, .mined): return .mined
        case (.new, .confirmed), (.maybeSent, .confirmed), (.sent, .confirmed), (.mined, .confirmed): return .confirmed
        case (.new, .reverted), (.maybeSent, .reverted), (.sent, .reverted), (.mined, .reverted): return .reverted
        case (.confirmed, .credited): return .credited
        case (.new, .notPaid), (.maybeSent, .notPaid), (.sent, .notPaid), (.mined, .notPaid): return .notPaid
        case (.notPaid, .confirmed): return .confirmed
        default: return self
        }
    }
}

/// What ``Broadcaster`` observed, fed to ``BroadcastStatus/applying(_:)``.
public enum BroadcastEvent: Sendable, Equatable {
    /// A node answered that it holds the transaction ("accepted", "already known").
    case accepted
    /// A node may hold it: the request went out but no answer came back.
    case maybeSent
    /// A receipt of ours with status 1 was seen.
    case mined
    /// That receipt has the confirmations asked for.
    case confirmed
    /// A receipt of ours with status 0 was seen.
    case reverted
    /// The credits rose by at least the documented share of the purchase.
    case credited
    /// A receipt of ours with status 1 lacks the signed payment.
    case notPaid
}
