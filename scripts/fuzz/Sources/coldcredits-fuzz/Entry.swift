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

/// libFuzzer's entry point: one input through the selected target. A broken property (a re-encoding that differs)
/// is turned into a trap so libFuzzer saves the input like a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .finding(let text) = selected.body(input) { fatalError("finding in \(selected.name): \(text)") }
    return 0
}
