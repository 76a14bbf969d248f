import AuditCommands
import BundleFormat
import Foundation
import OfflineSigning

extension AuditSubject {
    /// The purchase a verified bundle pays: its fingerprint and charge id.
    init(_ verified: VerifiedBundle) {
        self.init(fingerprint: verified.fingerprint.description, chargeID: verified.paymentID)
    }

}

extension SignInput {
    /// Which purchase a refusal concerns, as far as the input tells before verification: a bundle that does not
    /// even parse concerns no known purchase (the verifier reports why it does not parse).
    var auditSubject: AuditSubject {
        switch self {
        case .json(let data):
            do { return AuditSubject(try UnsignedBundle(jsonData: data)) } catch { return .unknown }
        case .compact(let bundle):
            return AuditSubject(bundle)
        case .signRequest:
            return .unknown
        }
    }
}
