import Foundation
import TestSupport
import Testing

/// The review says which policy decided and where its pins came from; the cold machine's own policy is the
/// default; a policy that travelled with the bundle is called out.
@Suite(.serialized) struct PolicyProvenanceTests {
    static func arguments(_ dir: URL, bundle: String, policy: Bool) -> [String] {
        [
            bundle, "--private-key-file", dir.appendingPathComponent("key.hex").path, "--ledger",
            dir.appendingPathComponent("l").path, "--yes",
        ]
            + (policy ? ["--policy", dir.appendingPathComponent("policy.json").path] : [])
    }

    @Test("without --policy, ~/.coldcredits/policy.json decides and the review names it with its SHA-256 prefix")
    func coldMachinePolicyIsTheDefault() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("home")
        let builtIn = try ToolRunner.run(
            "sign", Self.arguments(dir, bundle: SignCommandTests.example, policy: false) + ["--json"],
            environment: ["HOME": home.path])
        #expect(builtIn.status == 77, "the built-in policy decides: it allows no unattended signing")
        #expect(builtIn.stderr.contains("--yes needs a policy with \"allowUnattended\": true"))
        let folder = home.appendingPathComponent(".coldcredits")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: dir.appendingPathComponent("policy.json"), to: folder.appendingPathComponent("policy.json"))
        let own = try ToolRunner.run(
            "sign", Self.arguments(dir, bundle: SignCommandTests.example, policy: false), environment: ["HOME": home.path])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stderr.contains("Policy         policy file \(folder.path)/policy.json (sha256 "))
        #expect(own.stderr.contains("(Transfers, pinned by the policy file)"))
        #expect(
            own.stderr.contains(
                "CRITICAL: the operator 0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A is accepted only by the policy file"))
        #expect(!own.stderr.contains("same folder as the bundle"))
    }

    @Test("a policy file in the bundle's folder draws a warning naming both")
    func policyBesideBundleWarns() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = dir.appendingPathComponent("bundle.json")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SignCommandTests.example), to: bundle)
        let result = try ToolRunner.run("sign", Self.arguments(dir, bundle: bundle.path, policy: true))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: the policy file \(dir.path)/policy.json is in the same folder as the bundle"))
    }

    @Test("sandbox policy allows unattended signing only when asked")
    func sandboxPolicyAttendedByDefault() throws {
        func unattended(_ extra: [String]) throws -> Bool? {
            let result = try ToolRunner.run("sandbox", ["policy", "--chain-id", "8453"] + extra)
            let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
            return object?["allowUnattended"] as? Bool
        }
        #expect(try unattended([]) == false)
        #expect(try unattended(["--allow-unattended"]) == true)
    }
}
