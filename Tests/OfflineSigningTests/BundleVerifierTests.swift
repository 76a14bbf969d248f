import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Secp256k1
import TestSupport
import Testing

/// Every verification rule has a bundle that trips exactly its error (and so never reaches the key).
@Suite struct BundleVerifierTests {
    typealias F = BundleFactory

    func kind(of factory: F, verifier: BundleVerifier = F.verifier()) throws -> String? {
        let bundle = try factory.bundle()
        do {
            _ = try verifier.verify(bundle)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("a well-formed bundle verifies, and its review comes from the decoded bytes")
    func acceptsGoodBundle() throws {
        let verified = try F.verifier().verify(try F().bundle())
        #expect(verified.usdUnits == 25_000_000)
        guard case .intent(let purchase) = verified.purchase else { Issue.record("not an intent purchase"); return }
        #expect(purchase.poolFeesTier == 3000)
        let review = Review(
            verified, now: F.now, ladder: try FeeLadder(verified, steps: 0, policy: F.policy), source: .builtIn)
        #expect(review.text.contains("$25.00 of OpenRouter credits"))
        #expect(review.text.contains("60 POL"))
        #expect(review.text.contains("at most 0.0875 POL"))
        #expect(review.text.contains(verified.fingerprint.description))
    }

    @Test("malformed bundle bytes are refused with the format's error kind")
    func malformedBundle() throws {
        let bad = try Data(
            contentsOf: Fixtures.formats.appendingPathComponent(
                "unsigned-bundle/v1/invalid/signingHashMismatch/nonce-changed.json"))
        #expect(throws: (any Error).self) { _ = try F.verifier().verify(jsonData: [UInt8](bad)) }
        do { _ = try F.verifier().verify(jsonData: [UInt8](bad)) } catch { #expect(error.kind == "signingHashMismatch") }
        do { _ = try F.verifier().verify(jsonData: Array("{".utf8)) } catch { #expect(error.kind == "invalidJSON") }
    }

    @Test("each rule trips exactly its own error", arguments: Breakage.allCases)
    func ruleTrips(breakage: Breakage) throws {
        var factory = F()
        breakage.apply(to: &factory)
        #expect(try kind(of: factory) == breakage.expectedKind)
    }

    @Test("the key must be the intent's sender")
    func wrongKey() throws {
        #expect(try kind(of: F(), verifier: F.verifier(key: F.otherKey)) == "senderMismatch")
    }

    @Test("recipients are checked when the policy lists them")
    func recipientNotAllowed() throws {
        var policy = F.policy
        policy.chains = policy.chains.map {
            var rules = $0; rules.recipients = [F.otherKey.address]; return rules
        }
        #expect(try kind(of: F(), verifier: F.verifier(policy: policy)) == "recipientNotAllowed")
    }

    @Test("the rolling 24-hour limit counts what the ledger signed")
    func dailyLimit() throws {
        let earlier = SigningLedger.Entry(
            chargeID: "earlier", chainID: .polygon, sender: F.payer.address, nonce: 1,
            signingHash: Keccak256.hash([1]), usdUnits: 1_990_000_000, signedAt: F.now - 3600)
        #expect(try kind(of: F(), verifier: F.verifier(ledger: SigningLedger(entries: [earlier]))) == "dailyLimitExceeded")
        var old = earlier
        old.signedAt = F.now - 86_400
        #expect(try kind(of: F(), verifier: F.verifier(ledger: SigningLedger(entries: [old]))) == nil)
    }

    @Test("a charge or nonce signed before with other content is a replay conflict")
    func replayConflict() throws {
        let bundle = try F().bundle()
        let sameCharge = SigningLedger.Entry(
            chargeID: "charge-1", chainID: .polygon, sender: F.payer.address, nonce: 7,
            signingHash: Keccak256.hash([2]), usdUnits: 1, signedAt: F.now - 10)
        #expect(try kind(of: F(), verifier: F.verifier(ledger: SigningLedger(entries: [sameCharge]))) == "replayConflict")
        let sameNonce = SigningLedger.Entry(
            chargeID: "other", chainID: .polygon, sender: F.payer.address, nonce: 42,
            signingHash: Keccak256.hash([3]), usdUnits: 1, signedAt: F.now - 10)
        #expect(try kind(of: F(), verifier: F.verifier(ledger: SigningLedger(entries: [sameNonce]))) == "replayConflict")
        let identical = SigningLedger.Entry(
            chargeID: "charge-1", chainID: .polygon, sender: F.payer.address, nonce: 42,
            signingHash: bundle.signingHash.hash, usdUnits: 25_000_000, signedAt: F.now - 10)
        let verified = try F.verifier(ledger: SigningLedger(entries: [identical])).verify(bundle)
        #expect(verified.previouslySigned == identical)
    }
}

/// One way to break a bundle, and the error it must produce.
enum Breakage: String, CaseIterable, Sendable {
    case chainIDMismatch
    case chainNotAllowed
    case contractNotPinned
    case chargeContractMismatch
    case trailingCalldata
    case calldataAmountDiffers
    case oddFeeTier
    case signedByOtherKey
    case unpinnedOperator
    case bundleFromDiffers
    case deadlineWithinMargin
    case valueAboveLimit
    case gasAboveLimit
    case maxFeeAboveLimit
    case priorityFeeAboveLimit
    case networkFeeAboveLimit
    case zeroValue
    case priorityAboveMaxFee
    case purchaseTooLarge
    case otherCurrency

    var expectedKind: String {
        switch self {
        case .chainIDMismatch: return "chainIDMismatch"
        case .chainNotAllowed: return "chainNotAllowed"
        case .contractNotPinned: return "contractNotPinned"
        case .chargeContractMismatch: return "chargeContractMismatch"
        case .trailingCalldata: return "calldataNotTransferCall"
        case .calldataAmountDiffers: return "intentMismatch"
        case .oddFeeTier: return "feeTierNotAllowed"
        case .signedByOtherKey: return "operatorSignatureInvalid"
        case .unpinnedOperator: return "operatorNotAllowed"
        case .bundleFromDiffers: return "senderMismatch"
        case .deadlineWithinMargin: return "intentExpired"
        case .valueAboveLimit: return "limitExceeded"
        case .gasAboveLimit: return "limitExceeded"
        case .maxFeeAboveLimit: return "limitExceeded"
        case .priorityFeeAboveLimit: return "limitExceeded"
        case .networkFeeAboveLimit: return "limitExceeded"
        case .zeroValue: return "invalidTransaction"
        case .priorityAboveMaxFee: return "invalidTransaction"
        case .purchaseTooLarge: return "purchaseLimitExceeded"
        case .otherCurrency: return "currencyNotAllowed"
        }
    }

    func apply(to f: inout BundleFactory) {
        typealias F = BundleFactory
        switch self {
        case .chainIDMismatch: f.chainID = .base
        case .chainNotAllowed: f.chainID = ChainID(10); f.chargeChainID = ChainID(10)
        case .contractNotPinned: f.contract = F.recipient; f.chargeContract = F.recipient
        case .chargeContractMismatch: f.chargeContract = F.recipient
        case .trailingCalldata: f.trailingCalldata = [0]
        case .calldataAmountDiffers: f.calldataRecipientAmount = 1
        case .oddFeeTier: f.tier = 200
        case .signedByOtherKey: f.operatorSigner = F.otherKey
        case .unpinnedOperator: f.operatorSigner = F.otherKey; f.declaredOperator = F.otherKey.address
        case .bundleFromDiffers: f.from = F.otherKey.address
        case .deadlineWithinMargin: f.deadlineSeconds = F.now + 299
        case .valueAboveLimit: f.value = Wei(UInt256(5001) * UInt256.powerOfTen(18))
        case .gasAboveLimit: f.gasLimit = 1_000_001
        case .maxFeeAboveLimit: f.maxFee = Wei(UInt256(3001) * UInt256.powerOfTen(9))
        case .priorityFeeAboveLimit:
            f.priorityFee = Wei(UInt256(501) * UInt256.powerOfTen(9)); f.maxFee = Wei(UInt256(600) * UInt256.powerOfTen(9))
        case .networkFeeAboveLimit: f.gasLimit = 999_999; f.maxFee = Wei(UInt256(2999) * UInt256.powerOfTen(9))
        case .zeroValue: f.value = Wei(.zero)
        case .priorityAboveMaxFee: f.priorityFee = Wei(UInt256(300) * UInt256.powerOfTen(9))
        case .purchaseTooLarge: f.recipientAmount = 500_000_000
        case .otherCurrency: f.currency = F.recipient
        }
    }
}
