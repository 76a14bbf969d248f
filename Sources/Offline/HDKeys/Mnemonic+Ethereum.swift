public import SigningKeys
import Secp256k1

extension Mnemonic {
    /// The Ethereum account key at `path` (default `m/44'/60'/0'/0/0`, MetaMask's first account) for this
    /// mnemonic and BIP-39 `passphrase` (the "25th word"; empty when none).
    public func ethereumPrivateKey(
        passphrase: String = "", path: DerivationPath = .ethereumDefault
    ) throws(HDKeysError) -> PrivateKey {
        try ExtendedPrivateKey(seed: seed(passphrase: passphrase)).derived(path).privateKey
    }
}
