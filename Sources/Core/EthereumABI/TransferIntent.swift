public import EthereumPrimitives

/// Coinbase Commerce's `TransferIntent` struct (`ITransfers.sol`): what the operator signed and what the
/// payer passes to the Transfers contract.
///
/// Amounts are in the smallest units of `recipientCurrency` (6 decimals for USDC); `deadline` is Unix seconds;
/// `id` is 16 bytes; `signature` is the operator's 65-byte `r ‖ s ‖ v`; `prefix` selects the digest scheme
/// (empty → EIP-191 `"\x19Ethereum Signed Message:\n32"`, otherwise `keccak(prefix ‖ hash)`).
public struct TransferIntent: Equatable, Sendable {
    /// USDC units the recipient receives.
    public var recipientAmount: UInt256
    /// Unix seconds; the contract reverts `ExpiredIntent()` once `block.timestamp > deadline`.
    public var deadline: UInt256
    /// Who receives `recipientAmount`.
    public var recipient: Address
    /// The ERC-20 the recipient is paid in.
    public var recipientCurrency: Address
    /// Part of the signed hash only; the contract refunds excess native value to the payer.
    public var refundDestination: Address
    /// USDC units the operator's fee destination receives.
    public var feeAmount: UInt256
    /// The 16-byte charge id; the contract refuses a second payment with the same operator and id.
    public var id: [UInt8]
    /// The operator that signed the intent.
    public var `operator`: Address
    /// The operator's signature.
    public var signature: [UInt8]
    /// The digest prefix (Coinbase: `"K2 Informational Message: 32 "`).
    public var prefix: [UInt8]

    /// Creates an intent; `id` must be 16 bytes.
    public init(
        recipientAmount: UInt256, deadline: UInt256, recipient: Address, recipientCurrency: Address,
        refundDestination: Address, feeAmount: UInt256, id: [UInt8], operator: Address, signature: [UInt8],
        prefix: [UInt8]
    ) throws(ABIError) {
        guard id.count == 16 else { throw .valueOutOfRange(field: "id", type: "bytes16") }
        self.recipientAmount = recipientAmount
        self.deadline = deadline
        self.recipient = recipient
        self.recipientCurrency = recipientCurrency
        self.refundDestination = refundDestination
        self.feeAmount = feeAmount
        self.id = id
        self.operator = `operator`
        self.signature = signature
        self.prefix = prefix
    }

    /// The ABI tuple type `(uint256,uint256,address,address,address,uint256,bytes16,address,bytes,bytes)`.
    public static let abiType = ABIType.tuple([
        .uint(bits: 256), .uint(bits: 256), .address, .address, .address, .uint(bits: 256), .fixedBytes(16),
        .address, .bytes, .bytes,
    ])

    /// The intent as an ABI tuple value.
    public var abiValue: ABIValue {
        .tuple([
            .uint(recipientAmount), .uint(deadline), .address(recipient), .address(recipientCurrency),
            .address(refundDestination), .uint(feeAmount), .fixedBytes(id), .address(`operator`),
            .bytes(signature), .bytes(prefix),
        ])
    }

    /// Reads an intent from a decoded ABI tuple.
    public init(abiValue: ABIValue) throws(ABIError) {
        guard case .tuple(let c) = abiValue, c.count == 10,
            case .uint(let recipientAmount) = c[0], case .uint(let deadline) = c[1],
            case .address(let recipient) = c[2], case .address(let currency) = c[3],
            case .address(let refund) = c[4], case .uint(let fee) = c[5], case .fixedBytes(let id) = c[6],
            case .address(let op) = c[7], case .bytes(let signature) = c[8], case .bytes(let prefix) = c[9]
        else { throw .typeMismatch(field: "intent", expected: Self.abiType.description) }
        try self.init(
            recipientAmount: recipientAmount, deadline: deadline, recipient: recipient,
            recipientCurrency: currency, refundDestination: refund, feeAmount: fee, id: id,
            operator: op, signature: signature, prefix: prefix)
    }

    /// `recipientAmount + feeAmount`: the USDC the swap must produce (exact output).
    public func neededAmount() throws(PrimitiveError) -> UInt256 {
        try recipientAmount.checkedAdding(feeAmount, field: "recipientAmount + feeAmount")
    }
}
