import Foundation
import EthereumABI
public import EthereumPrimitives
public import EthereumTransactions

/// The unsigned bundle `prepare` writes and `sign` reads: format `coldcredits.unsigned-bundle`, version 1.
///
/// It carries the charge exactly as received, the EIP-1559 transaction fields (execution-apis spelling,
/// canonical `0x` quantities), the payer, the signing hash `prepare` computed and its ``Fingerprint``, and the
/// online machine's context (quote, fees) — context that `sign` shows as such but never trusts: every figure it
/// checks is recomputed from the transaction bytes. The schema is `formats/unsigned-bundle/v1/schema.json`.
public struct UnsignedBundleV1: Sendable {
    /// The `format` value.
    public static let format = "coldcredits.unsigned-bundle"
    /// The `version` this type reads and writes.
    public static let version = 1

    /// Unix seconds when `prepare` wrote the bundle.
    public var createdAt: UInt64
    /// The charge as received from the API (or a charge file).
    public var charge: Charge
    /// The paying address (the transaction's `from`, the intent's sender).
    public var from: Address
    /// The transaction to sign.
    public var transaction: EIP1559Transaction
    /// The swap quote `prepare` used to choose `value` (context only).
    public var quote: QuoteContext
    /// The fee context `prepare` used (context only).
    public var fees: FeeContext

    /// The quote behind `value`.
    public struct QuoteContext: Equatable, Sendable {
        /// The fee tier quoted and put into the calldata.
        public var poolFeesTier: UInt32
        /// The quoter's input amount for exactly the intent's USDC, in wei.
        public var amountIn: UInt256
        /// The buffer added on top, in basis points.
        public var slippageBPS: UInt32
        /// The QuoterV2 that answered.
        public var quoter: Address
        /// Creates a quote context.
        public init(poolFeesTier: UInt32, amountIn: UInt256, slippageBPS: UInt32, quoter: Address) {
            self.poolFeesTier = poolFeesTier
            self.amountIn = amountIn
            self.slippageBPS = slippageBPS
            self.quoter = quoter
        }
    }

    /// The fee market as `prepare` saw it.
    public struct FeeContext: Equatable, Sendable {
        /// The latest block's base fee, in wei.
        public var baseFeePerGas: UInt256
        /// `eth_estimateGas`'s answer before the margin.
        public var gasEstimate: UInt64
        /// Creates a fee context.
        public init(baseFeePerGas: UInt256, gasEstimate: UInt64) {
            self.baseFeePerGas = baseFeePerGas
            self.gasEstimate = gasEstimate
        }
    }

    /// Creates a bundle from its parts.
    public init(
        createdAt: UInt64, charge: Charge, from: Address, transaction: EIP1559Transaction,
        quote: QuoteContext, fees: FeeContext
    ) {
        self.createdAt = createdAt
        self.charge = charge
        self.from = from
        self.transaction = transaction
        self.quote = quote
        self.fees = fees
    }

    /// The hash the key will sign, recomputed from the transaction fields.
    public var signingHash: SigningHash { transaction.signingHash }

    /// The fingerprint of ``signingHash``.
    public var fingerprint: Fingerprint { Fingerprint(signingHash.hash) }

    /// Unix seconds after which the bundle is useless: the intent's deadline.
    public var validUntil: UInt64 { charge.intent.deadline.uint64 ?? .max }
}

/// The transfer-intent bundle in its current version.
public typealias IntentBundle = UnsignedBundleV1
