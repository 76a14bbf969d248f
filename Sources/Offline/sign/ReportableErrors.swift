public import BundleFormat
public import CommandLineSupport
public import HDKeys
public import Keystore
public import OfflineSigning
public import Secp256k1

// How the signer's library errors map to exit codes (README table): verification failures are data errors
// (65); a wrong password is "no permission" (77).

extension VerificationError: ReportableError {
    /// The exit status this error maps to (README table).
    public var exitStatus: ExitStatus { .dataError }
}

extension BundleError: ReportableError {
    /// The exit status this error maps to (README table).
    public var exitStatus: ExitStatus { .dataError }
}

extension KeystoreError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String {
        switch self {
        case .wrongPassword: return "wrongPassword"
        case .addressMismatch: return "keystoreAddressMismatch"
        default: return "invalidKeystore"
        }
    }

    /// The exit status this error maps to (README table).
    public var exitStatus: ExitStatus { self == .wrongPassword ? .noPermission : .dataError }
}

extension HDKeysError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String { "invalidMnemonic" }
    /// The exit status this error maps to (README table).
    public var exitStatus: ExitStatus { .dataError }
}

extension Secp256k1Error: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String { "invalidKey" }
    /// The exit status this error maps to (README table).
    public var exitStatus: ExitStatus { .dataError }
}

extension LedgerError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String {
        switch self {
        case .corrupt: return "ledgerCorrupt"
        case .inputTooLarge: return "inputTooLarge"
        case .locked: return "ledgerLocked"
        case .cannotRead, .cannotWrite: return "ledgerUnavailable"
        }
    }

    /// A bad line or an oversized ledger is a data error (65); a ledger locked by another run is a temporary
    /// failure (75); one that cannot be read or written is 73.
    public var exitStatus: ExitStatus {
        switch self {
        case .corrupt, .inputTooLarge: return .dataError
        case .locked: return .temporaryFailure
        case .cannotRead, .cannotWrite: return .cannotCreate
        }
    }
}

extension SigningError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String { "selfCheckFailed" }
    /// The exit status this error maps to (README table).
    public var exitStatus: ExitStatus { .failure }
}
