import EthereumPrimitives
import EthereumTransactions
import Testing

@Suite("Worst-case fees")
struct FeeTests {
    static func transaction(gasLimit: UInt64, maxFee: UInt256, value: UInt256) -> EIP1559Transaction {
        EIP1559Transaction(
            chainID: .base, nonce: 0, maxPriorityFeePerGas: Wei(0), maxFeePerGas: Wei(maxFee),
            gasLimit: gasLimit, to: .zero, value: Wei(value))
    }

    @Test("maximum fee is gasLimit × maxFeePerGas and maximum cost adds the value")
    func computesWorstCase() throws {
        let tx = Self.transaction(gasLimit: 21_000, maxFee: 10_000_000, value: 1_000_000_000_000_000)
        #expect(try tx.maximumFee() == Wei(210_000_000_000))
        #expect(try tx.maximumCost() == Wei(1_000_210_000_000_000))
    }

    @Test("a full 64-bit gas limit times a 192-bit fee fits exactly")
    func largeButFitting() throws {
        let maxFee = UInt256(limbs: (.max, .max, .max, 0))
        let tx = Self.transaction(gasLimit: .max, maxFee: maxFee, value: 0)
        // (2^64 − 1)(2^192 − 1) = 2^256 − 2^192 − 2^64 + 1
        #expect(try tx.maximumFee() == Wei(UInt256(limbs: (1, .max, .max, .max - 1))))
    }

    @Test("overflowing product and sum are reported, not wrapped")
    func reportsOverflow() {
        #expect(throws: TransactionError.overflow(field: "gasLimit × maxFeePerGas")) {
            try Self.transaction(gasLimit: 2, maxFee: .max, value: 0).maximumFee()
        }
        #expect(throws: TransactionError.overflow(field: "gasLimit × maxFeePerGas")) {
            try Self.transaction(gasLimit: 2, maxFee: .max, value: 0).maximumCost()
        }
        #expect(throws: TransactionError.overflow(field: "value + gasLimit × maxFeePerGas")) {
            try Self.transaction(gasLimit: 1, maxFee: 1, value: .max).maximumCost()
        }
    }

    @Test("zero gas or zero fee costs only the value, even at the maximum")
    func zeroFee() throws {
        #expect(try Self.transaction(gasLimit: 0, maxFee: .max, value: .max).maximumCost() == Wei(.max))
        #expect(try Self.transaction(gasLimit: .max, maxFee: 0, value: 5).maximumCost() == Wei(5))
    }
}
