public import EthereumPrimitives
public import FoundationEssentials
public import QRTransport
public import Secp256k1

/// Pairing by QR: the cold key's public key as an ERC-4527 `crypto-hdkey`, so the online machine learns the payer's
/// address without anyone typing it.
///
/// The address is always derived from the public key the code carries, on both sides: `sign` builds the code from
/// the decrypted key, and `prepare` hashes the key it reads. No address field is ever trusted.
public enum PairingCode {
    /// The UR types a pairing code may use.
    public static let urTypes = [CryptoHDKey.urType]

    /// The `crypto-hdkey` UR for `key`, with its derivation path when known and a short label.
    public static func ur(for key: PublicKey, origin: CryptoKeypath?, name: String?) throws(QRBundleError) -> UR {
        do { return try CryptoHDKey(keyData: key.compressed, origin: origin, name: name).ur } catch {
            throw .transport(error)
        }
    }

    /// The address of the public key a pairing UR carries (parsed on the curve, then hashed).
    public static func address(from ur: UR) throws(QRBundleError) -> Address {
        let hdkey: CryptoHDKey
        do { hdkey = try CryptoHDKey(ur: ur) } catch { throw .transport(error) }
        do { return try PublicKey(serialized: hdkey.keyData).address } catch {
            throw .invalidField(field: "crypto-hdkey.key-data", reason: "\(error)")
        }
    }

    /// The UR as one QR code (upper-case, alphanumeric mode, error correction M): a pairing code is short.
    public static func matrix(_ ur: UR) throws(QRBundleError) -> QRMatrix {
        do { return try QREncoder.encode(alphanumeric: ur.string.uppercased(), errorCorrection: .medium) } catch {
            throw .transport(error)
        }
    }

    /// The code as PNG bytes, `pixelsPerModule` pixels a module.
    public static func png(_ ur: UR, pixelsPerModule: Int = 8) throws(QRBundleError) -> Data {
        let matrix = try matrix(ur)
        do { return try PNGCodec.encode(matrix.image(scale: pixelsPerModule)) } catch { throw .transport(error) }
    }
}
