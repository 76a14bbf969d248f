public import BundleFormat
public import CommandLineSupport
public import HDKeys
public import Keystore
public import OfflineSigning
public import Secp256k1

// The signer's library errors, named for ExitTable (Sources/Tools/CommandLineSupport), which alone decides
// their exit status.

extension VerificationError: ReportableError {}

extension BundleError: ReportableError {}

extension KeystoreError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String {
        switch self {
        case .wrongPassword: return "wrongPassword"
        case .addressMismatch: return "keystoreAddressMismatch"
        default: return "invalidKeystore"
        }
    }
}

extension HDKeysError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String { "invalidMnemonic" }
}

extension Secp256k1Error: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String { "invalidKey" }
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
}

extension SigningError: ReportableError {
    /// A stable machine-readable name for `--json`.
    public var kind: String {
        switch self {
        case .selfCheckFailed: return "selfCheckFailed"
        case .declined: return "declined"
        case .unattendedNotAllowed: return "unattendedNotAllowed"
        }
    }

}
