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

/// `sign approve BUNDLE …`: one approver's M-of-N approval of a payment, made with the approver's own key.
///
/// The bundle goes through the same ``BundleVerifier`` as `sign`, with the bundle's own `from` as the key
/// address: the approver is not the payer, so the rule "the key is the sender" is satisfied by construction and
/// every other rule (pins, intent, operator, limits, deadline, ledger) still applies. The approval text is built
/// from that verified bundle, so an approver can only approve what `sign` would accept.
struct Approve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Approve a bundle as one of the policy's approvers (M-of-N), or print the text to approve elsewhere.",
        discussion: """
            Verifies the bundle as `sign` does, shows the review and the approval text, asks you to type the \
            fingerprint's first group, and signs the text as an EIP-191 personal_sign message with the approver's \
            key. --out FILE adds the approval to an approvals file (created if missing, rewritten atomically); \
            without it the approvals file is printed on stdout. --print-text prints the exact text for another \
            wallet instead: cast wallet sign "$(sign approve bundle.json --print-text)".
            """)

    @Argument(help: "The unsigned bundle written by `prepare` (a path, or - for stdin).")
    var bundle: String

    @Option(name: .long, help: "The approver's V3 keystore.")
    var keystore: String?

    @Option(name: .long, help: "File holding the approver's BIP-39 mnemonic (English).")
    var mnemonicFile: String?

    @Option(name: .long, help: "Derivation path for --mnemonic-file.")
    var path: String = "m/44'/60'/0'/0/0"

    @Option(name: .long, help: "File holding the approver's raw private key in hex (refused if group/others can read it).")
    var privateKeyFile: String?

    @Flag(name: .long, help: "Accept a --private-key-file that group or others can read.")
    var allowInsecureKeyFile = false

    @Option(name: .long, help: "File whose first line is the keystore password or mnemonic passphrase.")
    var passwordFile: String?

    @Flag(name: .long, help: "Print the exact approval text on stdout (no trailing newline) and stop; needs no key.")
    var printText = false

    @Option(name: .long, help: "Approvals file to add the approval to (created if missing; rewritten atomically).")
    var out: String?

    @Option(
        name: .long,
        help:
            "Policy file (format coldcredits.policy v1). Default: ~/.coldcredits/policy.json if present, else the built-in policy."
    )
    var policy: String?

    @Option(name: .long, help: "Signing ledger consulted by verification (read only).")
    var ledger: String = SignDefaults.ledgerPath

    @OptionGroup(title: "Audit trail") var audit: AuditOptions

    func validate() throws {
        let sources = [keystore, mnemonicFile, privateKeyFile].compactMap { $0 }.count
        if printText {
            guard sources == 0, out == nil else { throw ValidationError("--print-text takes no key and no --out") }
        } else if sources != 1 {
            throw ValidationError("give exactly one of --keystore, --mnemonic-file, --private-key-file (or --print-text)")
        }
    }

    func run() async throws {
        try await CommandRunner.run(json: false) {
            let trail = audit.trail(tool: .sign)
            var subject = AuditSubject.unknown
            let active = printText ? AuditTrail(tool: .sign, path: nil) : trail
            do { try approve(trail: active, subject: &subject) } catch {
                throw active.report(error, subject, json: false, details: ["command": "approve"])
            }
        }
    }

    /// The clock approvals are checked at (the wall clock; tests drive `SigningSession` directly).
    var clock: SigningClock { .system }

    func approve(trail: AuditTrail, subject: inout AuditSubject) throws {
        let (policy, source) = try SignDefaults.loadPolicy(policy, bundlePath: bundle)
        let unsigned = try UnsignedBundle(jsonData: InputFile.read(bundle, what: .bundle))
        subject = AuditSubject(unsigned)
        let session = SigningSession(policy: policy, policySource: source, ledgerPath: ledger, clock: clock)
        let plan = try session.plan(unsigned, signer: unsigned.from, ladderSteps: 0)
        let verified = plan.verified
        subject = AuditSubject(verified)
        let text = try ApprovalQuorum.text(for: verified)
        if printText { return Console.writeArtifact(Data(text.bytes)) }
        // A bad approvals file is refused now, before any key is unlocked; the write re-reads it under its lock.
        if let out { _ = try ApprovalsOutput.existing(out) }
        Console.info(plan.review.text)
        Console.info("Approval text (EIP-191 personal_sign):\n\n\(text.text)\n")
        let key = try keySource.load()
        if !policy.approvals.approvers.contains(key.address) {
            Console.warning("\(key.address.checksummed) is not an approver in this policy; `sign` will not count it")
        }
        try Confirmation.confirm(verified.fingerprint, bundleFromStdin: bundle == "-", action: "approve")
        let approval = Approval(approving: text, with: key)
        // Recover before anything leaves the program: the approval must verify exactly as `sign` will check it.
        guard try approval.recoverApprover(of: text) == key.address else {
            throw CommandError(
                kind: "selfCheckFailed", message: "the approval does not recover the approver's address",
                exitStatus: .failure)
        }
        try trail.record(
            .approved, subject,
            details: [
                AuditDetail.signingHash: verified.signingHash.hex, AuditDetail.approvers: key.address.checksummed,
                "command": "approve",
            ])
        try ApprovalsOutput.write(approval, to: out)
        Console.info("Approved as \(key.address.checksummed) (fingerprint \(verified.fingerprint)).")
    }

    /// The approver's key source, read as `sign BUNDLE` reads its key (plain values: an option group cannot be
    /// built by hand safely).
    var keySource: KeySource {
        KeySource(
            keystore: keystore, mnemonicFile: mnemonicFile, path: path, privateKeyFile: privateKeyFile,
            allowInsecureKeyFile: allowInsecureKeyFile, passwordFile: passwordFile)
    }
}
