import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import SigningKeys
import Testing

/// The whole signing as one library call — verify, review, approvals, typed confirmation, sign, record — driven by
/// a scripted terminal, a recording audit trail and a clock the test moves.
@Suite struct SigningFlowTests {
    typealias F = BundleFactory

    /// A terminal whose person answers from a script; `onAsk` runs while the question is open (the operator's
    /// minutes at the keyboard).
    final class ScriptedTerminal: SigningTerminal {
        var answers: [String?]
        var noTerminal = false
        var onAsk: () -> Void = {}
        private(set) var shown: [String] = []
        private(set) var questions: [String] = []
        init(_ answers: [String?]) { self.answers = answers }
        func show(_ review: String) { shown.append(review) }
        func ask(_ question: String) throws -> String? {
            if noTerminal { throw CocoaError(.fileNoSuchFile) }
            questions.append(question)
            onAsk()
            return answers.isEmpty ? nil : answers.removeFirst()
        }
    }

    /// An audit trail in memory.
    final class Recorder: SigningRecorder {
        private(set) var steps: [SigningStep] = []
        private(set) var details: [SigningStep: [String: String]] = [:]
        func record(_ step: SigningStep, of verified: VerifiedBundle, details: [String: String]) throws {
            steps.append(step)
            self.details[step] = details
        }
    }

    /// A session on a fresh ledger file; the file is removed by the caller's `defer`.
    static func session(_ clock: SigningClock, policy: Policy = F.policy) -> (SigningSession, String) {
        let ledger = FileManager.default.temporaryDirectory.appendingPathComponent("flow-\(UUID().uuidString).jsonl").path
        return (SigningSession(policy: policy, policySource: .builtIn, ledgerPath: ledger, clock: clock), ledger)
    }

    static func ledgerCount(_ path: String) throws -> Int {
        FileManager.default.fileExists(atPath: path) ? try SigningLedger(path: path).entries.count : 0
    }

    /// Runs the flow; `keyUsed` tells whether the key was ever unlocked.
    static func run(
        _ session: SigningSession, _ terminal: ScriptedTerminal, _ recorder: Recorder, consent: SigningConsent = .typed,
        approvals: (VerifiedBundle) throws -> [String: String]? = { _ in nil }, keyUsed: inout Bool
    ) throws -> SigningOutcome {
        try session.run(
            try F().bundle(), signer: F.payer.address, ladderSteps: 0, consent: consent, terminal: terminal,
            recorder: recorder, approvals: approvals,
            key: {
                keyUsed = true
                return F.payer
            })
    }

    @Test("the operator types the word: the review is shown, then reviewed and signed are recorded, the ledger holds it")
    func acceptedSigns() throws {
        let (session, ledger) = Self.session(.fixed(F.now))
        defer { try? FileManager.default.removeItem(atPath: ledger) }
        let bundle = try F().bundle()
        let word = try session.plan(bundle, signer: F.payer.address, ladderSteps: 0).review.fingerprint.confirmationWord
        let terminal = ScriptedTerminal([" \(word.uppercased()) "])
        let recorder = Recorder()
        var keyUsed = false
        let outcome = try Self.run(session, terminal, recorder, keyUsed: &keyUsed)
        #expect(keyUsed && outcome.signer == F.payer.address)
        #expect(try outcome.signed.transaction.recoverSender() == F.payer.address)
        #expect(terminal.shown == [outcome.plan.review.text])
        #expect(terminal.questions == ["Type \(word) to sign, anything else to decline: "])
        #expect(recorder.steps == [.reviewed, .signed])
        #expect(recorder.details[.signed]?["txHash"] == outcome.signed.transaction.transactionHash.hex)
        #expect(try Self.ledgerCount(ledger) == 1)
    }

    @Test(
        "anything but the word declines: the key is never unlocked, nothing signed, nothing recorded as signed",
        arguments: [nil, "", "yes", "y", "0000", "sign"] as [String?])
    func declinedSignsNothing(answer: String?) throws {
        let (session, ledger) = Self.session(.fixed(F.now))
        defer { try? FileManager.default.removeItem(atPath: ledger) }
        let terminal = ScriptedTerminal([answer])
        let recorder = Recorder()
        var keyUsed = false
        #expect(throws: SigningError.declined(action: "sign")) {
            _ = try Self.run(session, terminal, recorder, keyUsed: &keyUsed)
        }
        #expect(!keyUsed)
        #expect(terminal.questions.count == 1)
        #expect(recorder.steps == [.reviewed])
        #expect(try Self.ledgerCount(ledger) == 0)
    }

    @Test("no terminal to ask on: the terminal's refusal stands and nothing is signed")
    func noTerminalSignsNothing() throws {
        let (session, ledger) = Self.session(.fixed(F.now))
        defer { try? FileManager.default.removeItem(atPath: ledger) }
        let terminal = ScriptedTerminal([])
        terminal.noTerminal = true
        let recorder = Recorder()
        var keyUsed = false
        #expect(throws: CocoaError.self) { _ = try Self.run(session, terminal, recorder, keyUsed: &keyUsed) }
        #expect(!keyUsed && recorder.steps == [.reviewed])
        #expect(try Self.ledgerCount(ledger) == 0)
    }

    @Test("the intent expires while the question is open: the word typed in time for the review is refused at signing")
    func timeMovesDuringConfirmation() throws {
        let moving = SigningSessionTests.MovingClock(F.now)
        let (session, ledger) = Self.session(moving.clock)
        defer { try? FileManager.default.removeItem(atPath: ledger) }
        let word = try session.plan(try F().bundle(), signer: F.payer.address, ladderSteps: 0).review.fingerprint
            .confirmationWord
        let terminal = ScriptedTerminal([word])
        terminal.onAsk = { moving.set(F.deadline) }  // the operator walked away for an hour
        let recorder = Recorder()
        var keyUsed = false
        #expect(throws: VerificationError.self) { _ = try Self.run(session, terminal, recorder, keyUsed: &keyUsed) }
        #expect(recorder.steps == [.reviewed])
        #expect(try Self.ledgerCount(ledger) == 0)
        // The same answer a few seconds later signs: the refusal above was the clock, not the word.
        moving.set(F.now)
        terminal.answers = [word]
        terminal.onAsk = { moving.set(F.now + 30) }
        let outcome = try Self.run(session, terminal, recorder, keyUsed: &keyUsed)
        #expect(outcome.signed.signedAt == F.now + 30)
    }

    @Test("a failed approvals check stops the flow before anyone is asked; a met quorum is recorded as approved")
    func approvalsBeforeConfirmation() throws {
        struct NoQuorum: Error {}
        let (session, ledger) = Self.session(.fixed(F.now))
        defer { try? FileManager.default.removeItem(atPath: ledger) }
        let terminal = ScriptedTerminal([])
        let recorder = Recorder()
        var keyUsed = false
        #expect(throws: NoQuorum.self) {
            _ = try Self.run(session, terminal, recorder, approvals: { _ in throw NoQuorum() }, keyUsed: &keyUsed)
        }
        #expect(terminal.questions.isEmpty && !keyUsed && recorder.steps == [.reviewed])
        var unattended = F.policy
        unattended.allowUnattended = true
        let (quiet, quietLedger) = Self.session(.fixed(F.now), policy: unattended)
        defer { try? FileManager.default.removeItem(atPath: quietLedger) }
        let approved = Recorder()
        _ = try Self.run(
            quiet, terminal, approved, consent: .unattended, approvals: { _ in ["approvers": "a,b"] }, keyUsed: &keyUsed)
        #expect(approved.steps == [.reviewed, .approved, .signed] && terminal.questions.isEmpty)
        #expect(approved.details[.approved] == ["approvers": "a,b"])
    }

    @Test("unattended consent under a policy that does not allow it is refused before anything is shown")
    func unattendedNeedsPolicy() throws {
        let (session, ledger) = Self.session(.fixed(F.now))
        defer { try? FileManager.default.removeItem(atPath: ledger) }
        #expect(F.policy.allowUnattended == false)
        let terminal = ScriptedTerminal([])
        let recorder = Recorder()
        var keyUsed = false
        #expect(throws: SigningError.unattendedNotAllowed) {
            _ = try Self.run(session, terminal, recorder, consent: .unattended, keyUsed: &keyUsed)
        }
        #expect(terminal.shown.isEmpty && recorder.steps.isEmpty && !keyUsed)
        #expect(try Self.ledgerCount(ledger) == 0)
    }
}
