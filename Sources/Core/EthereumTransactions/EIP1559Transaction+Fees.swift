public import EthereumPrimitives

extension EIP1559Transaction {
    /// The most this transaction can cost in fees: `gasLimit × maxFeePerGas`, in wei.
    ///
    /// The actual fee is `gasUsed × (baseFee + min(tip, maxFee − baseFee))`, which never exceeds this.
    /// - Throws: ``TransactionError/overflow(field:)`` when the product does not fit in 256 bits.
    public func maximumFee() throws(TransactionError) -> Wei {
        let (product, overflow) = maxFeePerGas.amount.multipliedReportingOverflow(by: UInt256(gasLimit))
        if overflow { throw .overflow(field: "gasLimit × maxFeePerGas") }
        return Wei(product)
    }

    /// The most the sender's balance can drop: `value + gasLimit × maxFeePerGas`, in wei.
    ///
    /// Nodes refuse a transaction whose sender holds less. - Throws: ``TransactionError/overflow(field:)`` when the
    /// sum or product does not fit in 256 bits.
    public func maximumCost() throws(TransactionError) -> Wei {
        let fee = try maximumFee()
        let (sum, overflow) = value.amount.addingReportingOverflow(fee.amount)
        if overflow { throw .overflow(field: "value + gasLimit × maxFeePerGas") }
        return Wei(sum)
    }
}
