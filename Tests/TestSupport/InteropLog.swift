public import Foundation

/// Collects every signed transaction the end-to-end tests produce, so `scripts/vectors/check_signed_interop.py`
/// (run by `scripts/test` after `swift test`) can decode each with eth-account and recover its sender
/// independently of our code.
public enum InteropLog {
    /// `.build/interop` under the repository.
    public static var directory: URL { Fixtures.repositoryRoot.appendingPathComponent(".build/interop") }

    /// Records one raw transaction (`0x…`) and the sender it must recover to; for a checkout payment also the
    /// ERC-20 transfer (token, recipient, amount in base units) eth-abi must decode from it.
    public static func record(
        rawTransaction: String, expectedSender: String, label: String,
        expectedTransfer: (token: String, recipient: String, amount: String)? = nil
    ) {
        var entry = ["rawTransaction": rawTransaction, "expectedSender": expectedSender, "label": label]
        if let transfer = expectedTransfer {
            entry["expectedToken"] = transfer.token
            entry["expectedRecipient"] = transfer.recipient
            entry["expectedAmount"] = transfer.amount
        }
        guard let data = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? data.write(to: directory.appendingPathComponent("\(label)-\(UUID().uuidString).json"))
    }
}
