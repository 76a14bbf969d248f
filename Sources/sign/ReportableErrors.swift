public import BundleFormat
public import CommandLineSupport
public import HDKeys
public import Keystore
public import OfflineSigning
public import Secp256k1

// How the signer's library errors map to exit codes (README table): verification failures are data errors
// (65); a wrong password is "no permission" (77).

extension VerificationError: ReportableError {
    public var exitStatus: ExitStatus { .dataError }
}

extension BundleError: ReportableError {
    public var exitStatus: ExitStatus { .dataError }
}

extension KeystoreError: ReportableError {
    public var kind: String {
        switch self {
        case .wrongPassword: return "wrongPassword"
        case .addressMismatch: return "keystoreAddressMismatch"
        default: return "invalidKeystore"
        }
    }

    public var exitStatus: ExitStatus { self == .wrongPassword ? .noPermission : .dataError }
}

extension HDKeysError: ReportableError {
    public var kind: String { "invalidMnemonic" }
    public var exitStatus: ExitStatus { .dataError }
}

extension Secp256k1Error: ReportableError {
    public var kind: String { "invalidKey" }
    public var exitStatus: ExitStatus { .dataError }
}

extension LedgerError: ReportableError {
    public var kind: String { "ledgerUnavailable" }
    public var exitStatus: ExitStatus { .cannotCreate }
}

extension SigningError: ReportableError {
    public var kind: String { "selfCheckFailed" }
    public var exitStatus: ExitStatus { .failure }
}
