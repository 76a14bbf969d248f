import CommandLineSupport
import Foundation
import OfflineSigning
import BundleFormat

/// The typed confirmation.
enum Confirmation {
    /// Asks the operator to type the fingerprint's first group; anything else declines (exit 77, nothing written).
    static func confirm(_ fingerprint: Fingerprint, bundleFromStdin: Bool, action: String = "sign") throws {
        let question = "Type \(fingerprint.confirmationWord) to \(action), anything else to decline: "
        let answer: String?
        if bundleFromStdin {
            // stdin carried the bundle: ask on the controlling terminal instead.
            guard let tty = FileHandle(forUpdatingAtPath: "/dev/tty") else {
                throw CommandError(
                    kind: "noTerminal", message: "the bundle came on stdin and there is no terminal to confirm on",
                    exitStatus: .noPermission)
            }
            tty.write(Data(question.utf8))
            answer = String(decoding: tty.availableData, as: UTF8.self).split(separator: "\n").first.map(String.init)
        } else {
            answer = Console.prompt(question)
        }
        guard answer?.trimmingCharacters(in: .whitespaces).lowercased() == fingerprint.confirmationWord else {
            let nothing = action == "sign" ? "nothing signed" : "nothing written"
            throw CommandError(kind: "declined", message: "declined by the operator; \(nothing)", exitStatus: .noPermission)
        }
    }
}
