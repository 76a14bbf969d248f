public import EthereumPrimitives

/// EIP-191 version `0x45` ("E"), the message form of `personal_sign`, `eth_sign` in wallets, Foundry's
/// `cast wallet sign` and eth-account's `encode_defunct`.
///
/// digest = keccak256(`"\x19Ethereum Signed Message:\n"` ‖ decimal byte length of the message ‖ message).
/// The prefix keeps a signed message from ever being a valid transaction or another structured payload.
public enum PersonalSign {
    /// The fixed prefix, before the decimal length.
    public static let prefix: [UInt8] = Array("\u{19}Ethereum Signed Message:\n".utf8)

    /// The digest a wallet signs for `message` (its bytes exactly as given; no hex decoding).
    public static func digest(_ message: [UInt8]) -> Hash32 {
        var hasher = Keccak256()
        hasher.update(prefix)
        hasher.update(Array(String(message.count).utf8))
        hasher.update(message)
        return hasher.finalize()
    }
}
