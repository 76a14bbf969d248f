import Approvals
import AuditLog
import Broadcasting
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import HTTPTransport
import Keystore
import OfflineSigning
import PaymentAPI
import StrictJSON

/// The JSON and text documents the tools read from files: what each does with a decoded value runs too.
extension FuzzTargets {
    /// The document targets.
    static let documents: [FuzzTarget] = [
        strictJSON, unsignedBundle, signedFile, policy, approvals, auditLog, keystore, networkFile, charge, apiError,
        broadcastState,
    ]

    static let jsonTokens = [
        "\"format\"", "\"version\"", "\"coldcredits.unsigned-bundle\"", "\"coldcredits.signed-transaction\"",
        "\"coldcredits.policy\"", "\"coldcredits.approvals\"", "\"coldcredits.network\"", "{\"a\":1,\"a\":2}", "1,",
        "\"\\u00e9\"", "\"\u{00E9}\"", "[1,]", "{,}", "\u{C0}\u{80}",
    ]
    static let jsonNesting = [Array("[".utf8), Array("{\"a\":".utf8), Array("[{\"b\":".utf8)]

    static func json(_ name: String, _ body: @escaping @Sendable ([UInt8]) throws -> Void) -> FuzzTarget {
        FuzzTarget(name, dictionary: jsonTokens, nesting: jsonNesting) { input in FuzzTarget.outcome { try body(input) } }
    }

    /// `JSON.parse` (StrictJSON): the reader under every document.
    static let strictJSON = json("strict-json") { input in
        let value = try JSON.parse(input)
        _ = value.kindName
    }

    /// `IntentBundle(jsonData:)`, then what `sign` does with a bundle: hashes, policy checks and the review.
    static let unsignedBundle = json("unsigned-bundle") { input in
        let bundle = try UnsignedBundle(jsonData: Data(input))
        _ = bundle.fingerprint.description
        _ = bundle.validUntil
        try FuzzTargets.review(bundle, signer: bundle.from, at: bundle.createdAt)
    }

    /// `SignedTransactionFile(jsonData:)`, as `broadcast` reads it, and its canonical form.
    static let signedFile = json("signed-file") { input in
        let file = try SignedTransactionFile(jsonData: Data(input))
        _ = file.canonicalJSON()
        _ = file.fingerprint.description
        for transaction in file.allTransactions { _ = try transaction.recoverSender() }
    }

    /// `Policy(jsonData:)` and its canonical form.
    static let policy = json("policy") { input in
        let policy = try Policy(jsonData: Data(input))
        _ = policy.canonicalJSON()
    }

    /// The approver whose signature the approvals seeds hold.
    static let approvalText: ApprovalText? = try? ApprovalText(
        signingHash: Hash32(uncheckedBytes: [UInt8](repeating: 0x11, count: 32)), chainID: .base,
        usdUnits: UInt256(25_000_000), chargeID: "fuzz-charge")

    /// `ApprovalsFile.parse` (JSON and text lines), then the quorum count `sign` makes.
    static let approvals = FuzzTarget(
        "approvals", dictionary: jsonTokens + ["#", "\n0x", "\"approver\"", "\"signature\""], nesting: jsonNesting
    ) { input in
        FuzzTarget.outcome {
            let parsed = try ApprovalsFile.parse(Data(input))
            guard let text = approvalText else { return }
            _ = ApprovalVerifier.evaluate(parsed, text: text, threshold: 2, approvers: [.zero]).description
        }
    }

    /// `AuditLogVerifier.verify(contents:)` on arbitrary bytes, then the timeline `audit timeline` renders.
    static let auditLog = FuzzTarget(
        "audit-log", dictionary: jsonTokens + ["\n", "\"sequence\"", "\"previousHash\"", "\"hash\""],
        nesting: jsonNesting
    ) { input in
        let report = AuditLogVerifier.verify(contents: input, source: "fuzz.jsonl")
        _ = report.lines
        _ = report.fields
        for timeline in AuditTimeline.merge([report, report]) {
            _ = timeline.lines
            _ = timeline.fields
        }
        return report.isIntact ? .accepted : .refused
    }

    /// `KeystoreFile(jsonData:)`: parsing only; no key derivation runs on fuzzed parameters.
    static let keystore = json("keystore") { input in
        let file = try KeystoreFile(jsonData: Data(input))
        _ = try file.encode()
    }

    /// `Deployment(networkFile:)`: `prepare --network-file`.
    static let networkFile = json("network-file") { input in
        _ = try Deployment(networkFile: Data(input))
    }

    /// `Charge(responseBody:)`: `prepare --charge-file` and the API's answer.
    static let charge = json("charge") { input in
        let charge = try Charge(responseBody: Data(input))
        _ = charge.intent
    }

    /// `BroadcastState(json:)`: the state file `broadcast` resumes from, and what the follow loop computes from it.
    static let broadcastState = json("broadcast-state") { input in
        let state = try BroadcastState(json: Data(input))
        _ = state.json()
        // The follow loop's arithmetic: the next rung, and the time to replace (with the longest --replace-after).
        _ = state.rung + 1
        _ = state.lastSentAt.map { $0 + 7 * 24 * 3600 }
    }

    /// `APIErrorBody(response:)`: the error an API answer carries, shown to the user.
    static let apiError = FuzzTarget("api-error", dictionary: jsonTokens, nesting: jsonNesting) { input in
        let body = APIErrorBody(response: HTTPResponse(status: 400, body: Data(input)))
        return body.description.isEmpty ? .refused : .accepted
    }
}
