// coldcredits-bench: the performance figures of the signing path, as text or (--json) one JSON object; or, as
// `coldcredits-bench keystore [runs]`, the keystore unlock at geth's standard scrypt cost.
//
// Build with `swift build -c release --product coldcredits-bench`; scripts/bench/compare.py runs it and the
// same work in Python (scripts/bench/scrypt_compare.py for the keystore). Options: --json, --quick (fewer
// batches, for a smoke run).
import SigningKeys
import EthereumPrimitives
import EthereumTransactions
import Foundation
import Secp256k1
import StrictJSON

if CommandLine.arguments.dropFirst().first == "keystore" {
    do {
        try KeystoreBench.run(runs: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) }.map { max(1, $0) } ?? 3)
        exit(0)
    } catch {
        print("error: \(error)")
        exit(1)
    }
}

let arguments = Set(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let batches = quick ? 5 : 41
var sink: UInt8 = 0

let key = Workloads.key()
let transaction = Workloads.transaction
let signed = transaction.signed(with: key)
let raw = signed.rawTransaction
let payload = transaction.signingPayload
let digest = transaction.signingHash.hash
let sender = key.address

// Guard against benchmarking something broken.
do {
    let decoded = try SignedTransaction(rawTransaction: raw)
    let recovered = try decoded.recoverSender()
    precondition(recovered == sender, "benchmark transaction does not round-trip")
} catch {
    fatalError("benchmark transaction does not decode: \(error)")
}

let results = Measurement.run(
    rounds: batches, sink: &sink,
    [
        .init(name: "keccak", iterations: 2) { Keccak256.hash(Workloads.mebibyte).bytes[0] },
        .init(name: "keccakPayload", iterations: 500) { Keccak256.hash(payload).bytes[0] },
        .init(name: "bareSign", iterations: 60) { key.sign(digest: digest).s[31] },
        .init(name: "sign", iterations: 60) { transaction.signed(with: key).rawTransaction[100] },
        .init(name: "bareRecover", iterations: 60) {
            do {
                return try signed.signature.recoverAddress(digest: digest).bytes[0]
            } catch {
                fatalError("recovery failed during the benchmark: \(error)")
            }
        },
        .init(name: "verifySignBundle", iterations: 20) { BundleWorkload.run(key: key) },
        .init(name: "decodeRecover", iterations: 60) {
            do {
                return try SignedTransaction(rawTransaction: raw).recoverSender().bytes[0]
            } catch {
                fatalError("decode failed during the benchmark: \(error)")
            }
        },
    ])

func measurement(_ name: String) -> Measurement {
    guard let result = results[name] else { fatalError("no workload named \(name)") }
    return result
}
let keccak = measurement("keccak")
let keccakPayload = measurement("keccakPayload")
let bareSign = measurement("bareSign")
let sign = measurement("sign")
let bareRecover = measurement("bareRecover")
let decodeRecover = measurement("decodeRecover")
let verifySignBundle = measurement("verifySignBundle")

// The machine is shared, so the fastest batch (least disturbed) is the figure; medians are printed beside it.
let keccakMBps = Double(Workloads.mebibyte.count) / keccak.best / 1e6
let signMicros = sign.best * 1e6
let bareMicros = bareSign.best * 1e6
let payloadHashMicros = keccakPayload.best * 1e6
let decodeMicros = decodeRecover.best * 1e6
let bareRecoverMicros = bareRecover.best * 1e6
let overhead = Measurement.pairedRatio(sign, over: [bareSign, keccakPayload])

func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

if arguments.contains("--json") {
    func number(_ text: String) -> JSONValue { (try? JSONValue.number(exactly: text)) ?? .null }
    let fields: [(String, String)] = [
        ("keccak256_1mib_mb_per_s", fixed(keccakMBps, 1)),
        ("keccak256_signing_payload_us", fixed(payloadHashMicros, 3)),
        ("bare_secp256k1_sign_us", fixed(bareMicros, 3)),
        ("sign_type2_us", fixed(signMicros, 3)),
        ("sign_over_bare_sign_plus_hash", fixed(overhead, 3)),
        ("decode_recover_type2_us", fixed(decodeMicros, 3)),
        ("bare_secp256k1_recover_address_us", fixed(bareRecoverMicros, 3)),
        ("verify_sign_bundle_ms", fixed(verifySignBundle.best * 1e3, 3)),
        ("median_verify_sign_bundle_ms", fixed(verifySignBundle.median * 1e3, 3)),
        ("median_keccak256_1mib_mb_per_s", fixed(Double(Workloads.mebibyte.count) / keccak.median / 1e6, 1)),
        ("median_sign_type2_us", fixed(sign.median * 1e6, 3)),
        ("median_bare_secp256k1_sign_us", fixed(bareSign.median * 1e6, 3)),
        ("median_decode_recover_type2_us", fixed(decodeRecover.median * 1e6, 3)),
        ("signing_payload_bytes", "\(payload.count)"),
        ("sink", "\(sink)"),
    ]
    var object = JSONValue.object(Dictionary(uniqueKeysWithValues: fields.map { ($0.0, number($0.1)) }))
    object["statistic"] = .string("fastest of \(batches) batches")
    object["raw_transaction"] = .string(Hex.encode(raw))
    print(JSON.serializedString(object))
} else {
    let medianKeccak = Double(Workloads.mebibyte.count) / keccak.median / 1e6
    print(
        """
        Keccak-256, 1 MiB:                     \(fixed(keccakMBps, 1)) MB/s
        Keccak-256, \(payload.count)-byte signing payload:  \(fixed(payloadHashMicros, 3)) µs
        bare libsecp256k1 sign (hash given):   \(fixed(bareMicros)) µs
        sign type-2 tx (encode+hash+sign+raw): \(fixed(signMicros)) µs  \
        (\(fixed(overhead)) × bare sign + hash, paired median)
        decode + recover sender, type-2 tx:    \(fixed(decodeMicros)) µs  (bare recover \(fixed(bareRecoverMicros)) µs)
        verify + review + sign one bundle:     \(fixed(verifySignBundle.best * 1e3, 3)) ms  (target < 5 ms)
        (fastest of \(batches) batches; medians: keccak \(fixed(medianKeccak, 1)) MB/s, \
        sign \(fixed(sign.median * 1e6)) µs, bare sign \(fixed(bareSign.median * 1e6)) µs; sink \(sink))
        """
    )
}
