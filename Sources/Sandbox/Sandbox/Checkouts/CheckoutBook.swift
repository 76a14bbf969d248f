import EthereumPrimitives

/// One checkout as the sandbox keeps it: what was asked, where to pay, until when, and what has arrived.
struct CheckoutRecord: Sendable, Equatable {
    /// The lifecycle states the sandbox uses (a subset of the Checkouts API's).
    enum Status: String, Sendable {
        case active = "ACTIVE"
        case completed = "COMPLETED"
        case expired = "EXPIRED"
    }

    /// 24 lower-case hex digits, as the Checkouts API's ids.
    let id: String
    /// The amount asked, in USDC units (6 decimals).
    let units: UInt256
    /// The deposit address.
    let address: Address
    let createdAt: UInt64
    /// The last second (inclusive) at which a deposit still counts.
    let expiresAt: UInt64
    /// USDC received at ``address`` up to ``expiresAt`` (later deposits are not counted).
    var received: UInt256 = .zero
    /// When a deposit last changed the record (``createdAt`` until then).
    var updatedAt: UInt64
    /// The block time of the deposit that brought ``received`` to ``units``.
    var completedAt: UInt64?

    /// The status at sandbox time `now`: completed once paid in full in time, expired after ``expiresAt``.
    func status(now: UInt64) -> Status {
        if completedAt != nil { return .completed }
        return now > expiresAt ? .expired : .active
    }

    /// `updatedAt` as shown at `now`: the expiry once it has passed unpaid.
    func updated(now: UInt64) -> UInt64 { status(now: now) == .expired ? max(updatedAt, expiresAt) : updatedAt }
}

/// Every checkout created, in creation order, and the seed their ids and deposit addresses derive from.
///
/// The n-th checkout (from 0) has id = the first 12 bytes of `keccak256("coldcredits.sandbox.checkout-id" ‖ seed ‖
/// n)` and deposit address = the last 20 bytes of `keccak256("coldcredits.sandbox.checkout-address" ‖ seed ‖ n)`,
/// n as 8 bytes big-endian: deterministic for one state, distinct between fresh states (the seed is random).
struct CheckoutBook: Sendable, Equatable {
    /// 16 bytes, drawn when the state is created and kept in the state file.
    let seed: [UInt8]
    private(set) var records: [CheckoutRecord] = []

    init(seed: [UInt8], records: [CheckoutRecord] = []) {
        self.seed = seed
        self.records = records
    }

    /// A book with a random seed.
    static func fresh() -> CheckoutBook {
        var generator = SystemRandomNumberGenerator()
        return CheckoutBook(seed: (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Opens the next checkout for `units` at `now`, good until `expiresAt`.
    mutating func open(units: UInt256, now: UInt64, expiresAt: UInt64) -> CheckoutRecord {
        let number = UInt64(records.count)
        let counter = (0..<8).reversed().map { UInt8(truncatingIfNeeded: number >> (8 * UInt64($0))) }
        let idHash = Keccak256.hash(Array("coldcredits.sandbox.checkout-id".utf8) + seed + counter)
        let addressHash = Keccak256.hash(Array("coldcredits.sandbox.checkout-address".utf8) + seed + counter)
        let record = CheckoutRecord(
            id: Hex.encode(idHash.bytes[0..<12], prefix: false), units: units,
            address: Address(uncheckedBytes: Array(addressHash.bytes[12...])), createdAt: now, expiresAt: expiresAt,
            updatedAt: now)
        records.append(record)
        return record
    }

    /// Restores a record read from the state file.
    mutating func restore(_ record: CheckoutRecord) { records.append(record) }

    /// The checkout with `id`, if any.
    func record(id: String) -> CheckoutRecord? { records.first { $0.id == id } }

    /// Counts a mined USDC deposit; returns the checkout's amount when this deposit completes it, else nil.
    ///
    /// `units` sent to `address` in a block at `timestamp` add to the checkout's received total; the caller credits
    /// the returned amount. Deposits after the expiry, to a completed checkout or to any other address change nothing.
    mutating func deposit(to address: Address, units: UInt256, at timestamp: UInt64) -> UInt256? {
        guard let index = records.firstIndex(where: { $0.address == address }) else { return nil }
        var record = records[index]
        guard record.completedAt == nil, timestamp <= record.expiresAt else { return nil }
        let (sum, overflow) = record.received.addingReportingOverflow(units)
        record.received = overflow ? .max : sum
        record.updatedAt = timestamp
        if record.received >= record.units { record.completedAt = timestamp }
        records[index] = record
        return record.completedAt == nil ? nil : record.units
    }
}
