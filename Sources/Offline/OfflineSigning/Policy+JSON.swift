import EthereumTransactions
import EthereumABI
public import Foundation
public import BundleFormat
import EthereumPrimitives
import StrictJSON

extension Policy {
    /// The `format` value of a policy file.
    public static let format = "coldcredits.policy"

    /// Reads a policy file strictly (unknown fields refused).
    ///
    /// Amounts are exact decimal strings with their unit in the key: USD (`"500"`), native currency (`"0.5"`
    /// ETH/POL), gwei (`"50"`).
    public init(jsonData data: Data) throws(BundleError) {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: Self.format, version: 1)
        maxPurchaseUSDUnits = try Self.decimal(&top, "maxPurchaseUSD", decimals: 6)
        maxDailyUSDUnits = try Self.decimal(&top, "maxDailyUSD", decimals: 6)
        deadlineMarginSeconds = try top.integer("deadlineMarginSeconds")
        allowUnattended = try top.bool("allowUnattended")
        maxFeeLadderSteps = Int(clamping: try top.integer("maxFeeLadderSteps"))
        var approvalsReader = try top.object("approvals")
        let threshold = Int(clamping: try approvalsReader.integer("threshold"))
        let approvers = try Self.addresses(&approvalsReader, "approvers")
        let scope = try Self.choice(&approvalsReader, "requiredFor", default: Approvals.Scope.everyPayment)
        try approvalsReader.finish()
        guard threshold <= approvers.count else {
            throw .invalidField(
                path: "approvals.threshold", reason: "\(threshold) exceeds the \(approvers.count) approvers listed")
        }
        approvals = Approvals(threshold: threshold, approvers: approvers, requiredFor: scope)
        if scope == .unpinnedRecipients, threshold == 0 {
            throw .invalidField(path: "approvals.requiredFor", reason: "\"unpinned-recipients\" needs a threshold of at least 1")
        }
        unpinnedRecipients = try Self.choice(&top, "unpinnedRecipients", default: UnpinnedRecipients.allow)
        valueMarginPercent = try top.optionalInteger("valueMarginPercent") ?? Self.defaultValueMarginPercent
        guard valueMarginPercent <= 1000 else {
            throw .invalidField(path: "valueMarginPercent", reason: "\(valueMarginPercent) exceeds 1000")
        }
        var chains: [ChainRules] = []
        for item in try top.array("chains") {
            var c = try item.object()
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
                maxNetworkFee: Wei(try Self.decimal(&c, "maxNetworkFee", decimals: 18)), nativePriceFloorUSDUnits: floor,
                paymentTokens: c.has("paymentTokens") ? try Self.addresses(&c, "paymentTokens") : nil,
                paymentRecipients: c.has("paymentRecipients") ? try Self.addresses(&c, "paymentRecipients") : [])
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
        func amount(_ value: UInt256, _ decimals: Int) -> JSONValue {
            .string(DecimalAmount.format(value, decimals: decimals))
        }
        func addresses(_ list: [Address]) -> JSONValue { JSONValue(list.map(\.checksummed)) }
        let chainObjects: [JSONValue] = chains.map { rules in
            [
                "chainId": JSONValue(rules.chainID.value), "transfers": .string(rules.transfers.checksummed),
                "operators": addresses(rules.operators), "recipientCurrencies": addresses(rules.recipientCurrencies),
                "recipients": addresses(rules.recipients), "maxValue": amount(rules.maxValue.amount, 18),
                "maxGasLimit": JSONValue(rules.maxGasLimit), "maxFeePerGasGwei": amount(rules.maxFeePerGas.amount, 9),
                "maxPriorityFeePerGasGwei": amount(rules.maxPriorityFeePerGas.amount, 9),
                "maxNetworkFee": amount(rules.maxNetworkFee.amount, 18),
                "nativePriceFloorUSD": amount(rules.nativePriceFloorUSDUnits, 6),
                "paymentTokens": addresses(rules.paymentTokens), "paymentRecipients": addresses(rules.paymentRecipients),
            ]
        }
        let object: JSONValue = [
            "format": .string(Self.format), "version": 1, "maxPurchaseUSD": amount(maxPurchaseUSDUnits, 6),
            "maxDailyUSD": amount(maxDailyUSDUnits, 6), "deadlineMarginSeconds": JSONValue(deadlineMarginSeconds),
            "allowUnattended": .bool(allowUnattended), "maxFeeLadderSteps": JSONValue(maxFeeLadderSteps),
            "valueMarginPercent": JSONValue(valueMarginPercent),
            "approvals": [
                "threshold": JSONValue(approvals.threshold), "approvers": addresses(approvals.approvers),
                "requiredFor": .string(approvals.requiredFor.rawValue),
            ],
            "unpinnedRecipients": .string(unpinnedRecipients.rawValue),
            "chains": .array(chainObjects),
        ]
        return object.canonicalDocument
    }

    /// `nativePriceFloorUSD`: required for chains without a built-in floor, and never zero (a zero floor would
    /// bound nothing).
    static func priceFloor(_ reader: inout BundleReader, chainID: ChainID) throws(BundleError) -> UInt256 {
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

    static func decimal(_ reader: inout BundleReader, _ key: String, decimals: Int) throws(BundleError) -> UInt256 {
        let field = try reader.field(key)
        let text = try field.string()
        do { return try DecimalAmount.parse(text, decimals: decimals, field: field.path) } catch {
            throw field.invalid(error.description)
        }
    }

    /// An optional string member that must name one of `T`'s cases.
    static func choice<T: RawRepresentable & CaseIterable>(_ reader: inout BundleReader, _ key: String, default value: T)
        throws(BundleError) -> T where T.RawValue == String
    {
        guard let field = try reader.optionalField(key) else { return value }
        let text = try field.string()
        guard let chosen = T(rawValue: text) else {
            let names = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw field.invalid("expected \(names), found \"\(text)\"")
        }
        return chosen
    }

    static func addresses(_ reader: inout BundleReader, _ key: String) throws(BundleError) -> [Address] {
        var result: [Address] = []
        for item in try reader.array(key) {
            guard item.value.stringValue != nil else { throw item.wrongType(expected: "an address string") }
            result.append(try item.address())
        }
        return result
    }
}
