import StrictJSON
import SigningKeys
import Approvals
import ArgumentParser
import AuditCommands
import AuditLog
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Secp256k1

/// `sign BUNDLE …`: verify, review, approve, sign, write.
struct SignBundle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Verify and sign an unsigned bundle (the default subcommand: `sign BUNDLE …`)."
    )

    @Argument(help: "The unsigned bundle written by `prepare` (a path, or - for stdin); or use --qr-image/--camera.")
    var bundle: String?

    @OptionGroup var key: KeyOptions

    @Option(
        name: .long,
        help:
            "Policy file (format coldcredits.policy v1). Default: ~/.coldcredits/policy.json if present, else the built-in policy (`sign policy show`)."
    )
    var policy: String?

    @Option(name: .long, help: "Signing ledger (append-only record of what this machine signed).")
    var ledger: String = SignDefaults.ledgerPath

    @Option(
        name: .long, parsing: .singleValue,
        help: ArgumentHelp(
            "Approvals file (from `sign approve`, or one 0x signature per line); repeat.",
            discussion: "Needed when the policy sets approvals.threshold: checked before the typed confirmation."))
    var approvals: [String] = []

    @Flag(name: .long, help: "Sign without the typed confirmation (only if the policy allows unattended signing).")
    var yes = false

    @Option(name: .long, help: "Write a signed-transaction JSON file here instead of printing the raw transaction.")
    var out: String?

    @Flag(name: .long, help: "Replace an existing --out file.")
    var force = false

    @Option(name: .long, help: "Also sign N replacements with rising fees (20 % per rung, within policy).")
    var feeLadder: Int = 0

    @OptionGroup var output: OutputOptions

    @OptionGroup(title: "Audit trail") var audit: AuditOptions

    @OptionGroup(title: "QR codes") var qr: SignQROptions

    func validate() throws {
        try qr.validateSource(bundle: bundle)
        try OptionRange.check(feeLadder, 0...20, option: "--fee-ladder", unit: "replacements")
        if feeLadder > 0, out == nil { throw ValidationError("--fee-ladder needs --out (the ladder lives in the signed file)") }
    }

    func run() async throws {
        try await CommandRunner.run(json: output.json) {
            let trail = audit.trail(tool: .sign)
            var subject = AuditSubject.unknown
            do { try sign(trail: trail, subject: &subject) } catch {
                throw trail.report(error, subject, json: output.json)
            }
        }
    }

    /// Builds the session's collaborators (the controlling terminal, the audit trail, the approvals, the key),
    /// runs the one library call that verifies, reviews, confirms, signs and records, then writes and renders.
    func sign(trail: AuditTrail, subject: inout AuditSubject) throws {
        let (policy, source) = try SignDefaults.loadPolicy(policy, bundlePath: bundle)
        // Refused before the input is read or a password asked for (the session refuses it too).
        if yes, !policy.allowUnattended { throw SigningError.unattendedNotAllowed }
        if let out { try OutputCheck.writable(out, overwrite: force) }
        let input = try qr.readInput(bundle: bundle, overwrite: force)
        subject = input.auditSubject
        let session = SigningSession(policy: policy, policySource: source, ledgerPath: ledger)
        // Parse and verify before the key is unlocked; only an ERC-4527 request, which names no payer, needs the
        // key's address first.
        let early = input.needsSigner ? try key.loadKey() : nil
        let unsigned = try input.bundle(signer: early?.address, now: session.clock.now())
        let recorder = TrailRecorder(trail: trail, subject: subject)
        defer { subject = recorder.subject }
        var quorum: QuorumReport?
        let outcome = try session.run(
            unsigned, signer: early?.address ?? unsigned.from, ladderSteps: feeLadder, consent: yes ? .unattended : .typed,
            terminal: ControllingTerminal(bundleFromStdin: bundle == "-"), recorder: recorder,
            approvals: { verified in
                quorum = try checkApprovals(verified, policy: policy)
                return quorum.flatMap { Self.approvedDetails($0, verified: verified, rule: policy.approvals) }
            },
            key: { try early ?? key.loadKey() })
        let signed = outcome.signed
        let review = outcome.plan.review
        try write(signed, expectedFrom: outcome.signer)
        try qr.emit(signed, for: input, overwrite: force)
        Console.info(
            "Signed \(signed.transaction.transactionHash) (fingerprint \(review.fingerprint))"
                + (feeLadder > 0 ? " with \(feeLadder) fee-ladder replacement(s)" : ""))
        if output.json {
            var result = review.fields
            result["rawTransaction"] = .string(Hex.encode(signed.transaction.rawTransaction))
            result["transactionHash"] = .string(signed.transaction.transactionHash.hex)
            result["out"] = JSONValue(out)
            result["feeLadder"] = JSONValue(signed.feeLadder.map(\.transactionHash.hex))
            if let quorum { result["approvals"] = quorum.fields }
            if let head = recorder.head {
                result["audit"] = ["log": .string(trail.path ?? ""), "head": .string(head.hash.hex)]
            }
            Console.writeArtifact(CanonicalResult.encode(result))
        }
    }

    /// Raw transaction on stdout, or the signed file written atomically and re-verified before it appears.
    func write(_ signed: SignedTransactionFile, expectedFrom: Address) throws {
        guard let out else {
            if !output.json { Console.writeArtifactLine(Hex.encode(signed.transaction.rawTransaction)) }
            return
        }
        try AtomicFileWriter.write(signed.canonicalJSON(), to: out, overwrite: force) { written in
            let reread = try SignedTransactionFile(jsonData: written)
            guard reread.from == expectedFrom, try reread.transaction.recoverSender() == expectedFrom,
                reread.transaction.signingHash == signed.transaction.signingHash
            else { throw SigningError.selfCheckFailed("the written file does not read back as what was signed") }
        }
    }
}
