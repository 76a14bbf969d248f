import EthereumPrimitives
import EthereumTransactions
import Secp256k1

/// A signed transaction of either envelope, normalised to the fields the node needs, with its recovered sender.
///
/// For a legacy transaction both fee fields hold its `gasPrice` (as geth's `GasFeeCap`/`GasTipCap` do).
struct PoolTransaction: Sendable {
    /// The bytes as received.
    let raw: [UInt8]
    /// keccak256 of ``raw``.
    let hash: Hash32
    /// The recovered sender.
    let from: Address
    /// The EIP-2718 type: 0 (legacy) or 2.
    let type: UInt8
    /// The chain the signature is bound to (the EIP-155 chain for legacy).
    let chainID: ChainID?
    let nonce: UInt64
    /// Fee cap per gas (gasPrice for legacy), wei.
    let maxFeePerGas: UInt256
    /// Tip cap per gas (gasPrice for legacy), wei.
    let maxPriorityFeePerGas: UInt256
    let gasLimit: UInt64
    let to: Address
    let value: UInt256
    let data: [UInt8]
    let accessList: [AccessListEntry]
    let signature: RecoverableSignature
    /// `v` as the JSON transaction object shows it (yParity for type 2).
    let v: UInt64
    /// Arrival order in the pool, for tie-breaking between senders.
    var arrival: UInt64

    /// Normalises a decoded transaction whose sender was recovered.
    init(decoded: DecodedTransaction, from: Address, arrival: UInt64) {
        raw = decoded.rawTransaction
        hash = decoded.transactionHash.hash
        self.from = from
        self.arrival = arrival
        switch decoded {
        case .eip1559(let signed):
            let tx = signed.transaction
            type = 2
            chainID = tx.chainID
            nonce = tx.nonce
            maxFeePerGas = tx.maxFeePerGas.amount
            maxPriorityFeePerGas = tx.maxPriorityFeePerGas.amount
            gasLimit = tx.gasLimit
            to = tx.to
            value = tx.value.amount
            data = tx.data
            accessList = tx.accessList
            signature = signed.signature
            v = UInt64(signed.signature.yParity)
        case .legacy(let signed):
            let tx = signed.transaction
            type = 0
            nonce = tx.nonce
            maxFeePerGas = tx.gasPrice.amount
            maxPriorityFeePerGas = tx.gasPrice.amount
            gasLimit = tx.gasLimit
            to = tx.to
            value = tx.value.amount
            data = tx.data
            accessList = []
            signature = signed.signature
            switch signed.replayProtection {
            case .eip155(let chain):
                chainID = chain
                v = chain.value * 2 + 35 + UInt64(signed.signature.yParity)  // fits: the decoder read it from v
            case .none:
                chainID = nil
                v = 27 + UInt64(signed.signature.yParity)
            }
        }
    }

    /// `value + gasLimit × maxFeePerGas`: what the sender must hold (geth's `tx.Cost()`), or nil on overflow.
    var maximumCost: UInt256? {
        let (gasCost, overflow) = UInt256(gasLimit).multipliedReportingOverflow(by: maxFeePerGas)
        guard !overflow else { return nil }
        let (total, carry) = gasCost.addingReportingOverflow(value)
        return carry ? nil : total
    }

    /// The price per gas paid in a block with `baseFee`: `min(maxFee, baseFee + tip)`.
    func effectiveGasPrice(baseFee: UInt256) -> UInt256 {
        let (withTip, overflow) = baseFee.addingReportingOverflow(maxPriorityFeePerGas)
        return overflow ? maxFeePerGas : min(maxFeePerGas, withTip)
    }

    /// The tip per gas the producer receives with `baseFee` (0 when the fee cap is below it).
    func effectiveTip(baseFee: UInt256) -> UInt256 {
        maxFeePerGas < baseFee ? .zero : min(maxPriorityFeePerGas, maxFeePerGas - baseFee)
    }
}
