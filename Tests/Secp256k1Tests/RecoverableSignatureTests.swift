import EthereumPrimitives
import Secp256k1
import TestSupport
import Testing

@Suite("RecoverableSignature")
struct RecoverableSignatureTests {
    static let r = hexBytes(EIP155Example.r)
    static let s = hexBytes(EIP155Example.s)

    @Test("the EIP-155 example's r, s, recovery id recover its sender")
    func recoversExampleSender() throws {
        let signature = try RecoverableSignature(r: Self.r, s: Self.s, yParity: 0)
        #expect(try signature.recoverAddress(digest: EIP155Example.digest()).checksummed == EIP155Example.address)
    }

    @Test("parses r‖s‖v with v 27/28 or 0/1 and serialises with 27/28")
    func rsv() throws {
        for (v, parity) in [(UInt8(27), UInt8(0)), (28, 1), (0, 0), (1, 1)] {
            let signature = try RecoverableSignature(rsv: Self.r + Self.s + [v])
            #expect(signature.yParity == parity && signature.r == Self.r && signature.s == Self.s)
            #expect(signature.rsv == Self.r + Self.s + [27 + parity])
        }
    }

    @Test("rsv parsing rejects other v values and lengths", arguments: [UInt8(2), 26, 29, 35, 37, 255])
    func rejectsBadV(v: UInt8) {
        #expect(throws: Secp256k1Error.invalidSignature(reason: "v = \(v), expected 27 or 28")) {
            try RecoverableSignature(rsv: Self.r + Self.s + [v])
        }
    }

    @Test("rsv parsing rejects anything but 65 bytes")
    func rejectsBadLength() {
        #expect(throws: Secp256k1Error.invalidSignature(reason: "expected 65 bytes r‖s‖v, found 64")) {
            try RecoverableSignature(rsv: Self.r + Self.s)
        }
    }

    @Test("rejects a high s (n − s) with the EIP-2 error")
    func rejectsHighS() {
        let highS = hexBytes("98341627668089e51348fccfb4c7ff31c55912f2d2e47ef09652acf665fad3be")  // n − s
        #expect(throws: Secp256k1Error.highS) { try RecoverableSignature(r: Self.r, s: highS, yParity: 1) }
        #expect(throws: Secp256k1Error.highS) { try RecoverableSignature(rsv: Self.r + highS + [28]) }
    }

    @Test("accepts s = n/2 exactly and rejects n/2 + 1")
    func halfOrderBoundary() throws {
        let half = hexBytes("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
        _ = try RecoverableSignature(r: Self.r, s: half, yParity: 0)
        let halfPlusOne = hexBytes("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1")
        #expect(throws: Secp256k1Error.highS) { try RecoverableSignature(r: Self.r, s: halfPlusOne, yParity: 0) }
    }

    @Test("rejects zero, n and oversized components and a recovery id above 1")
    func rejectsOutOfRange() {
        #expect(throws: Secp256k1Error.invalidSignature(reason: "r or s is zero")) {
            try RecoverableSignature(r: [], s: Self.s, yParity: 0)
        }
        #expect(throws: Secp256k1Error.invalidSignature(reason: "r or s is zero")) {
            try RecoverableSignature(r: Self.r, s: [0, 0], yParity: 0)
        }
        #expect(throws: Secp256k1Error.invalidSignature(reason: "r or s is not below the curve order")) {
            try RecoverableSignature(r: curveOrder, s: Self.s, yParity: 0)
        }
        #expect(throws: Secp256k1Error.invalidSignature(reason: "r or s longer than 32 bytes")) {
            try RecoverableSignature(r: [1] + Self.r, s: Self.s, yParity: 0)
        }
        #expect(throws: Secp256k1Error.invalidSignature(reason: "recovery id 2 is not 0 or 1")) {
            try RecoverableSignature(r: Self.r, s: Self.s, yParity: 2)
        }
    }

    @Test("short r and s are left-padded to 32 bytes")
    func padsShortComponents() throws {
        let signature = try RecoverableSignature(r: [0x01], s: [0x02], yParity: 0)
        #expect(signature.r == [UInt8](repeating: 0, count: 31) + [1])
        #expect(signature.s == [UInt8](repeating: 0, count: 31) + [2])
    }

    @Test("recovery fails when r is the x of no curve point")
    func recoveryFailsOffCurve() throws {
        // x = 5: 5³ + 7 = 132 is not a square modulo p, so no point has this x.
        let signature = try RecoverableSignature(r: [0x05], s: Self.s, yParity: 0)
        #expect(throws: Secp256k1Error.recoveryFailed) { try signature.recoverAddress(digest: EIP155Example.digest()) }
    }
}
