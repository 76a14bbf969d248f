import BundleFormat
import Foundation
import StrictJSON
import TerminalText

/// What `sign ledger repair` and `audit repair` share: run ``TornTail/repair(_:what:cap:now:isValid:lineParses:)``,
/// say on stderr what was dropped and where it was saved, and map its refusals to exit codes (65 when more than the
/// torn tail is damaged, 66 when the file is missing, 75 when another run holds it).
public enum TornTailRepair {
    /// Repairs `path` and reports; stdout gets one line (`intact` or `repaired`), or a JSON object with `--json`.
    public static func run(
        _ path: String, what: String, json: Bool, isValid: ([UInt8]) -> Bool, lineParses: ([UInt8]) -> Bool
    ) throws {
        let repaired: TornTail.Repaired?
        do {
            repaired = try TornTail.repair(
                path, what: what, cap: InputLimit.log, now: UInt64(Date().timeIntervalSince1970), isValid: isValid,
                lineParses: lineParses)
        } catch let refused as TornTail.Refused {
            throw CommandError(kind: "notATornTail", message: refused.description, exitStatus: .dataError)
        } catch let error as FileAccessError {
            let status: ExitStatus
            switch error {
            case .cannotOpen: status = .noInput
            case .locked: status = .temporaryFailure
            case .inputTooLarge: status = .dataError
            case .cannotRead, .cannotWrite: status = .cannotCreate
            }
            throw CommandError(kind: error.kind, message: error.description, exitStatus: status)
        }
        guard let repaired else {
            Console.info("\(what) \(path.escapedForTerminal) is intact; nothing dropped.")
            return json
                ? Console.writeArtifact(CanonicalResult.encode(["status": "intact"])) : Console.writeArtifactLine("intact")
        }
        Console.warning(
            "\(what) \(path.escapedForTerminal): dropped the torn last line (\(repaired.dropped.count) byte(s)), kept "
                + "\(repaired.kept) byte(s); the dropped bytes are in \(repaired.sidecar.escapedForTerminal)")
        if json {
            Console.writeArtifact(
                CanonicalResult.encode([
                    "status": "repaired", "kept": JSONValue(repaired.kept), "dropped": JSONValue(repaired.dropped.count),
                    "droppedTo": .string(repaired.sidecar),
                ]))
        } else {
            Console.writeArtifactLine("repaired")
        }
    }
}
