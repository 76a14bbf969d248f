import EthereumTransactions
import EthereumABI
public import Foundation
public import BundleFormat
import EthereumPrimitives

extension Policy {
    /// The `format` value of a policy file.
    public static let format = "coldcredits.policy"

    /// Reads a policy file strictly (unknown fields refused).
    ///
    /// Amounts are exact decimal strings with their unit in the key: USD (`"500"`), native currency (`"0.5"`
    /// ETH/POL), gwei (`"50"`).
    public init(jsonData data: Data) throws(BundleError) {
        var top = try JSONReader(data: data)
        try FormatHeader.check(&top, format: Self.format, version: 1)
        maxPurchaseUSDUnits = try Self.decimal(&top, "maxPurchaseUSD", decimals: 6)
        maxDailyUSDUnits = try Self.decimal(&top, "maxDailyUSD", decimals: 6)
        deadlineMarginSeconds = try top.integer("deadlineMarginSeconds")
        allowUnattended = try top.bool("allowUnattended")
        maxFeeLadderSteps = Int(clamping: try top.integer("maxFeeLadderSteps"))
        var approvalsReader = try top.object("approvals")
        let threshold = Int(clamping: try approvalsReader.integer("threshold"))
        let approvers = try Self.addresses(&approvalsReader, "approvers")
        try approvalsReader.finish()
        guard threshold <= approvers.count else {
            throw .invalidField(
                path: "approvals.threshold", reason: "\(threshold) exceeds the \(approvers.count) approvers listed")
        }
        approvals = Approvals(threshold: threshold, approvers: approvers)
        valueMarginPercent = try top.optionalInteger("valueMarginPercent") ?? Self.defaultValueMarginPercent
        guard valueMarginPercent <= 1000 else {
            throw .invalidField(path: "valueMarginPercent", reason: "\(valueMarginPercent) exceeds 1000")
        }
        var chains: [ChainRules] = []
        for (index, item) in try top.array("chains").enumerated() {
            guard let object = item as? [String: Any] else { throw .wrongType(path: "chains[\(index)]", expected: "an object") }
            var c = JSONReader(object: object, path: "chains[\(index)]")
            let chainID = ChainID(try c.integer("chainId"))
            let floor = try Self.priceFloor(&c, chainID: chainID)
            let rules = ChainRules(
                chainID: chainID, transfers: try c.address("transfers"),
                operators: try Self.addresses(&c, "operators"),
                recipientCurrencies: try Self.addresses(&c, "recipientCurrencies"),
                recipients: try Self.addresses(&c, "recipients"), maxValue: Wei(try Self.decimal(&c, "maxValue", decimals: 18)),
                maxGasLimit: try c.integer("maxGasLimit"),
                maxFeePerGas: Wei(try Self.decimal(&c, "maxFeePerGasGwei", decimals: 9)),
                maxPriorityFeePerGas: Wei(try Self.decimal(&c, "maxPriorityFeePerGasGwei", decimals: 9)),
                maxNetworkFee: Wei(try Self.decimal(&c, "maxNetworkFee", decimals: 18)), nativePriceFloorUSDUnits: floor)
            try c.finish()
            if chains.contains(where: { $0.chainID == rules.chainID }) {
                throw .invalidField(path: c.childPath("chainId"), reason: "chain \(rules.chainID.value) is listed twice")
            }
            chains.append(rules)
        }
        self.chains = chains
        try top.finish()
    }

    /// The policy as a canonical JSON document (what `sign policy show` prints).
    public func canonicalJSON() -> Data {
        func amount(_ value: UInt256, _ decimals: Int) -> String { DecimalAmount.format(value, decimals: decimals) }
        let chainObjects: [[String: Any]] = chains.map { rules in
            [
                "chainId": rules.chainID.value, "transfers": rules.transfers.checksummed,
                "operators": rules.operators.map(\.checksummed),
                "recipientCurrencies": rules.recipientCurrencies.map(\.checksummed),
                "recipients": rules.recipients.map(\.checksummed), "maxValue": amount(rules.maxValue.amount, 18),
                "maxGasLimit": rules.maxGasLimit, "maxFeePerGasGwei": amount(rules.maxFeePerGas.amount, 9),
                "maxPriorityFeePerGasGwei": amount(rules.maxPriorityFeePerGas.amount, 9),
                "maxNetworkFee": amount(rules.maxNetworkFee.amount, 18),
                "nativePriceFloorUSD": amount(rules.nativePriceFloorUSDUnits, 6),
            ]
        }
        let object: [String: Any] = [
            "format": Self.format, "version": 1, "maxPurchaseUSD": amount(maxPurchaseUSDUnits, 6),
            "maxDailyUSD": amount(maxDailyUSDUnits, 6), "deadlineMarginSeconds": deadlineMarginSeconds,
            "allowUnattended": allowUnattended, "maxFeeLadderSteps": maxFeeLadderSteps,
            "valueMarginPercent": valueMarginPercent,
            "approvals": ["threshold": approvals.threshold, "approvers": approvals.approvers.map(\.checksummed)] as [String: Any],
            "chains": chainObjects,
        ]
        return CanonicalJSON.encode(object)
    }

    /// `nativePriceFloorUSD`: required for chains without a built-in floor, and never zero (a zero floor would
    /// bound nothing).
    static func priceFloor(_ reader: inout JSONReader, chainID: ChainID) throws(BundleError) -> UInt256 {
        guard reader.has("nativePriceFloorUSD") else {
            guard let builtIn = builtInPriceFloor(for: chainID) else {
                throw .missingField(path: reader.childPath("nativePriceFloorUSD"))
            }
            return builtIn
        }
        let floor = try decimal(&reader, "nativePriceFloorUSD", decimals: 6)
        guard !floor.isZero else {
            throw .invalidField(path: reader.childPath("nativePriceFloorUSD"), reason: "a zero price floor bounds nothing")
        }
        return floor
    }

    static func decimal(_ reader: inout JSONReader, _ key: String, decimals: Int) throws(BundleError) -> UInt256 {
        let text = try reader.string(key)
        do { return try DecimalAmount.parse(text, decimals: decimals, field: reader.childPath(key)) } catch {
            throw .invalidField(path: reader.childPath(key), reason: error.description)
        }
    }

    static func addresses(_ reader: inout JSONReader, _ key: String) throws(BundleError) -> [Address] {
        var result: [Address] = []
        for (index, item) in try reader.array(key).enumerated() {
            let path = "\(reader.childPath(key))[\(index)]"
            guard let text = item as? String else { throw .wrongType(path: path, expected: "an address string") }
            do { result.append(try Address(hex: text, field: path)) } catch {
                throw .invalidField(path: path, reason: error.description)
            }
        }
        return result
    }
}
