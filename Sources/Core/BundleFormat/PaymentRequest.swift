public import EthereumPrimitives

/// What a checkout asks to be paid, whichever way it arrived (an EIP-681 URI or a Checkouts API document): a
/// chain, an asset, a recipient and an exact amount in the asset's base units.
///
/// Only two shapes exist: an ERC-20 `transfer(recipient, amount)` on a token contract, or a plain native
/// transfer. The value holds no display strings; the source text is kept for the bundle and the ledger.
public struct PaymentRequest: Equatable, Sendable {
    /// What is paid.
    public enum Asset: Equatable, Sendable {
        /// The chain's native currency (wei).
        case native
        /// An ERC-20 token at this contract address (its base units).
        case token(Address)
    }

    /// Where the request came from.
    public enum Source: Equatable, Sendable {
        /// An EIP-681 URI, exactly as received.
        case uri(String)
        /// A Checkouts API document: its `id`.
        case checkout(id: String)
    }

    /// The EIP-155 chain the payment must be made on.
    public let chainID: ChainID
    /// The asset paid.
    public let asset: Asset
    /// Who receives the payment (the checkout's deposit address).
    public let recipient: Address
    /// The amount in the asset's base units (wei, or 10^-6 USDC).
    public let amount: UInt256
    /// The latest time, Unix seconds, the payment is accepted (checkouts only).
    public let expiresAt: UInt64?
    /// The request's origin.
    public let source: Source

    /// Creates a request; parsers check the fields, so this initialiser trusts them.
    public init(
        chainID: ChainID, asset: Asset, recipient: Address, amount: UInt256, expiresAt: UInt64? = nil, source: Source
    ) {
        self.chainID = chainID
        self.asset = asset
        self.recipient = recipient
        self.amount = amount
        self.expiresAt = expiresAt
        self.source = source
    }

    /// The token contract, or nil for a native payment.
    public var token: Address? {
        if case .token(let address) = asset { return address }
        return nil
    }

    /// The amount as exact text in the asset's units when they are known: `"10.5 USDC"` for the chain's built-in
    /// USDC, `"0.01 ETH"` for native; otherwise the base units with the word `units`.
    public var amountText: String {
        switch asset {
        case .native: return "\(DecimalAmount.format(amount, decimals: 18)) \(chainID.nativeSymbol)"
        case .token(let token):
            if let known = KnownChain.entry(for: chainID), known.usdc == token {
                return "\(DecimalAmount.format(amount, decimals: 6, minimumFractionDigits: 2)) USDC"
            }
            return "\(amount.decimalString) base units"
        }
    }
}
