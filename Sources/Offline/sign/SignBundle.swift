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

    /// Verify, review, check the approvals, confirm, sign, write; each step recorded in the audit trail.
    func sign(trail: AuditTrail, subject: inout AuditSubject) throws {
        try sign(trail: trail, subject: &subject, clock: .system)
    }

    /// The same at an injected clock (tests drive the session; the command line never moves time).
    func sign(trail: AuditTrail, subject: inout AuditSubject, clock: SigningClock) throws {
        let (policy, source) = try SignDefaults.loadPolicy(policy, bundlePath: bundle)
        if yes, !policy.allowUnattended {
            throw CommandError(
                kind: "unattendedNotAllowed",
                message: "--yes needs a policy with \"allowUnattended\": true; nothing signed",
                exitStatus: .noPermission)
        }
        if let out { try OutputCheck.writable(out, overwrite: force) }
        let input = try qr.readInput(bundle: bundle, overwrite: force)
        subject = input.auditSubject
        let session = SigningSession(policy: policy, policySource: source, ledgerPath: ledger, clock: clock)
        // Parse and verify before the key is unlocked; only an ERC-4527 request, which names no payer, needs the
        // key's address first.
        let early = input.needsSigner ? try key.loadKey() : nil
        let unsigned = try input.bundle(signer: early?.address, now: clock.now())
        let plan = try session.plan(unsigned, signer: early?.address ?? unsigned.from, ladderSteps: feeLadder)
        let verified = plan.verified
        subject = AuditSubject(verified)
        let review = plan.review
        Console.info(review.text)
        try trail.record(.reviewed, subject, details: [AuditDetail.signingHash: verified.signingHash.hex])
        let quorum = try checkApprovals(verified, policy: policy, trail: trail)
        if !yes { try Confirmation.confirm(review.fingerprint, bundleFromStdin: bundle == "-") }
        let privateKey = try early ?? key.loadKey()
        let signed = try session.sign(plan, with: privateKey)
        let head = try recordSigned(signed, verified: verified, trail: trail)
        try write(signed, expectedFrom: privateKey.address)
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
            if let head { result["audit"] = ["log": .string(trail.path ?? ""), "head": .string(head.hash.hex)] }
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
