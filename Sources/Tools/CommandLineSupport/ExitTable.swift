import ArgumentParser
import Foundation
import TerminalText

/// The one table from error kinds to exit statuses, for all three tools (README "Exit codes" carries the same).
///
/// Every ``ReportableError`` names its kind (``ReportableError/exitKind``); its status is looked up here and
/// nowhere else. A kind missing from the table is a bug (exit 1), and `ExitTableTests` fails when an error of
/// the package has no row. A key ending in `.` matches every kind that starts with it (`node.` covers
/// `node.nonceTooLow`).
public enum ExitTable {
    /// Kinds by the status they exit with.
    static let rows: [ExitStatus: [String]] = [
        .usage: [
            "usage", "noAPIKey", "invalidAPIKey", "unknownChain", "passwordMismatch", "emptyPassword", "invalidPolicy",
            "conflictingOptions",
        ],
        .dataError: [
            // Files that are not what they should be (bundle, signed transaction, charge, policy, keystore…).
            "invalidJSON", "unexpectedFormat", "unsupportedVersion", "missingField", "unknownField", "wrongType",
            "invalidField", "signingHashMismatch", "inconsistent", "invalidChargeID", "inputTooLarge", "invalidKeystore",
            "keystoreAddressMismatch", "invalidMnemonic", "invalidKey", "ledgerCorrupt", "invalidNetworkFile",
            "notAFile", "invalidCharge.",
            // The signer's checks.
            "chainIDMismatch", "chainNotAllowed", "contractNotPinned", "chargeContractMismatch", "calldataNotTransferCall",
            "intentMismatch", "feeTierNotAllowed", "operatorSignatureInvalid", "operatorNotAllowed", "senderMismatch",
            "intentExpired", "limitExceeded", "invalidTransaction", "purchaseLimitExceeded", "dailyLimitExceeded",
            "currencyNotAllowed", "recipientNotAllowed", "replayConflict", "valueAboveFloorBound",
            // The online tools' checks and the node's or the API's refusals.
            "chargeMismatch", "chargeExpired", "chargeExpiring", "wrongChain", "noQuote", "simulationReverted",
            "insufficientBalance", "overflow", "invalidInput", "bundleMismatch", "nonceUsedElsewhere", "stateMismatch",
            "rejected", "underpriced", "rpcMalformed", "paymentNotConfirmed", "node.", "badRequest",
            // The checkout path's refusals (prepare checkout, sign).
            "invalidRequest.", "checkoutNotActive", "checkoutExpired", "checkoutExpiring", "tokenBalanceShort",
            "gasMoneyShort", "transferReturnedFalse", "requestChainMismatch", "tokenNotPinned", "calldataNotTokenTransfer",
            "nativeTransferHasCalldata", "paymentMismatch", "paymentExpired", "recipientNotPinned",
            // QR codes and the audit log.
            "qrTransport", "qrUnexpectedType", "qrNotRepresentable", "signRequestRefused", "signerMismatch",
            "requestMismatch", "qrIncomplete", "qrFrameFromAnotherMessage", "qrNoCode", "qrInvalidFrame",
            "logDoesNotVerify", "malformedEntry",
        ],
        .noInput: ["noInput", "cannotRead", "noPassword", "noTerminal", "missingBundle", "qrTransport.noInput", "notFound"],
        .unavailable: ["rpcUnreachable", "endpointGone", "serverError", "apiUnreachable", "paymentRequired", "apiFailed"],
        .cannotCreate: ["cannotWrite", "outputExists", "cannotWriteState", "ledgerUnavailable"],
        .temporaryFailure: ["fileLocked", "ledgerLocked", "stateLocked", "timedOut", "rateLimited", "apiCancelled"],
        .noPermission: [
            "wrongPassword", "unauthorized", "forbidden", "quorumNotMet", "insecureKeyFile", "declined", "unattendedNotAllowed",
        ],
        .reverted: ["reverted"],
        // Bugs: the tool built something it should not have.
        .failure: ["selfCheckFailed", "secretLikeDetail", "invalidFingerprint", "unexpected"],
    ]

    /// The status for `kind`, or nil when the table has no row for it.
    public static func row(for kind: String) -> ExitStatus? {
        for (status, kinds) in rows {
            for key in kinds where key == kind || (key.hasSuffix(".") && kind.hasPrefix(key)) { return status }
        }
        return nil
    }

    /// The status for `kind`; a kind without a row is a bug (1).
    public static func status(for kind: String) -> ExitStatus { row(for: kind) ?? .failure }

    /// The kind, one-line message and status of any error a command can end with.
    ///
    /// Errors from the system (Foundation's file errors, `POSIXError`) are turned into the file error they are,
    /// with the path and the reason on one line, instead of a raw `NSCocoaErrorDomain` dump.
    public static func classify(_ error: any Error) -> (kind: String, message: String, status: ExitStatus) {
        if let reportable = error as? any ReportableError {
            return (reportable.kind, reportable.description, reportable.exitStatus)
        }
        if let validation = error as? ValidationError {
            // An option found wrong only while running (an unparsable URL, an unknown chain): still a usage error.
            return ("usage", validation.message, .usage)
        }
        if let system = SystemFileError(error) {
            return (system.kind, system.message, status(for: system.kind))
        }
        return ("unexpected", String(describing: error), .failure)
    }
}

/// A Foundation or POSIX file error, named as the tools name file errors.
struct SystemFileError {
    let kind: String
    let message: String

    init?(_ error: any Error) {
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var code: Int32?
        if ns.domain == NSPOSIXErrorDomain {
            code = Int32(ns.code)
        } else if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        }
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return nil }
        let writing = ns.domain == NSCocoaErrorDomain && (512...667).contains(ns.code)
        let name = path.map { "\($0.escapedForTerminal): " } ?? ""
        switch code {
        case EISDIR?:
            kind = "notAFile"
            message = "\(name)is a directory; expected a file"
        case ENOENT?:
            kind = writing ? "cannotWrite" : "noInput"
            message = "\(name)no such file or directory"
        case EACCES?, EPERM?:
            kind = writing ? "cannotWrite" : "cannotRead"
            message = "\(name)permission denied"
        default:
            kind = writing ? "cannotWrite" : "cannotRead"
            let reason = code.map { String(cString: strerror($0)) } ?? "error \(ns.code)"
            message = "\(name)\(writing ? "cannot write" : "cannot read"): \(reason)"
        }
    }
}
