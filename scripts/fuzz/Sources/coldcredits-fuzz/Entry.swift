import CLibFuzzer
import Foundation
import FuzzTargets

/// The target `FUZZ_TARGET` names (checked once, before the first input).
nonisolated(unsafe) let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.named(name) else {
        let names = FuzzTargets.all.map(\.name).joined(separator: " ")
        FileHandle.standardError.write(Data("coldcredits-fuzz: set FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(64)
    }
    return target
}()

/// One input through the selected target.
///
/// A broken property (a re-encoding that differs) becomes a trap, so libFuzzer saves the input as it saves a crash.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .finding(let text) = selected.body(input) { fatalError("finding in \(selected.name): \(text)") }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with the callback above.
@_cdecl("coldcredits_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = selected
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
