// Keccak-f[1600] with the 25 lanes held in locals, so the optimiser keeps them in registers.
// Lane (x, y) is a[x + 5y]. Generated once by hand-run script; rotation offsets and round
// constants are those of the Keccak reference (FIPS 202 §3.2, Table 2 and §3.2.5).
extension Keccak256 {
    /// The 24 round constants ι of Keccak-f[1600].
    static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]

    /// Applies Keccak-f[1600] to `s` in place.
    @inline(__always)
    static func permute(_ s: UnsafeMutableBufferPointer<UInt64>) {
        var a0 = s[0]
        var a1 = s[1]
        var a2 = s[2]
        var a3 = s[3]
        var a4 = s[4]
        var a5 = s[5]
        var a6 = s[6]
        var a7 = s[7]
        var a8 = s[8]
        var a9 = s[9]
        var a10 = s[10]
        var a11 = s[11]
        var a12 = s[12]
        var a13 = s[13]
        var a14 = s[14]
        var a15 = s[15]
        var a16 = s[16]
        var a17 = s[17]
        var a18 = s[18]
        var a19 = s[19]
        var a20 = s[20]
        var a21 = s[21]
        var a22 = s[22]
        var a23 = s[23]
        var a24 = s[24]
        let constants = roundConstants
        for round in 0..<24 {
            // θ
            let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
            let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
            let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
            let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
            let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
            let d0 = c4 ^ ((c1 << 1) | (c1 >> 63))
            let d1 = c0 ^ ((c2 << 1) | (c2 >> 63))
            let d2 = c1 ^ ((c3 << 1) | (c3 >> 63))
            let d3 = c2 ^ ((c4 << 1) | (c4 >> 63))
            let d4 = c3 ^ ((c0 << 1) | (c0 >> 63))
            a0 ^= d0
            a1 ^= d1
            a2 ^= d2
            a3 ^= d3
            a4 ^= d4
            a5 ^= d0
            a6 ^= d1
            a7 ^= d2
            a8 ^= d3
            a9 ^= d4
            a10 ^= d0
            a11 ^= d1
            a12 ^= d2
            a13 ^= d3
            a14 ^= d4
            a15 ^= d0
            a16 ^= d1
            a17 ^= d2
            a18 ^= d3
            a19 ^= d4
            a20 ^= d0
            a21 ^= d1
            a22 ^= d2
            a23 ^= d3
            a24 ^= d4
            // ρ and π: B[y, 2x+3y] = rot(A[x, y], r[x, y])
            let b0 = a0
            let b16 = ((a5 << 36) | (a5 >> 28))
            let b7 = ((a10 << 3) | (a10 >> 61))
            let b23 = ((a15 << 41) | (a15 >> 23))
            let b14 = ((a20 << 18) | (a20 >> 46))
            let b10 = ((a1 << 1) | (a1 >> 63))
            let b1 = ((a6 << 44) | (a6 >> 20))
            let b17 = ((a11 << 10) | (a11 >> 54))
            let b8 = ((a16 << 45) | (a16 >> 19))
            let b24 = ((a21 << 2) | (a21 >> 62))
            let b20 = ((a2 << 62) | (a2 >> 2))
            let b11 = ((a7 << 6) | (a7 >> 58))
            let b2 = ((a12 << 43) | (a12 >> 21))
            let b18 = ((a17 << 15) | (a17 >> 49))
            let b9 = ((a22 << 61) | (a22 >> 3))
            let b5 = ((a3 << 28) | (a3 >> 36))
            let b21 = ((a8 << 55) | (a8 >> 9))
            let b12 = ((a13 << 25) | (a13 >> 39))
            let b3 = ((a18 << 21) | (a18 >> 43))
            let b19 = ((a23 << 56) | (a23 >> 8))
            let b15 = ((a4 << 27) | (a4 >> 37))
            let b6 = ((a9 << 20) | (a9 >> 44))
            let b22 = ((a14 << 39) | (a14 >> 25))
            let b13 = ((a19 << 8) | (a19 >> 56))
            let b4 = ((a24 << 14) | (a24 >> 50))
            // χ
            a0 = b0 ^ (~b1 & b2)
            a1 = b1 ^ (~b2 & b3)
            a2 = b2 ^ (~b3 & b4)
            a3 = b3 ^ (~b4 & b0)
            a4 = b4 ^ (~b0 & b1)
            a5 = b5 ^ (~b6 & b7)
            a6 = b6 ^ (~b7 & b8)
            a7 = b7 ^ (~b8 & b9)
            a8 = b8 ^ (~b9 & b5)
            a9 = b9 ^ (~b5 & b6)
            a10 = b10 ^ (~b11 & b12)
            a11 = b11 ^ (~b12 & b13)
            a12 = b12 ^ (~b13 & b14)
            a13 = b13 ^ (~b14 & b10)
            a14 = b14 ^ (~b10 & b11)
            a15 = b15 ^ (~b16 & b17)
            a16 = b16 ^ (~b17 & b18)
            a17 = b17 ^ (~b18 & b19)
            a18 = b18 ^ (~b19 & b15)
            a19 = b19 ^ (~b15 & b16)
            a20 = b20 ^ (~b21 & b22)
            a21 = b21 ^ (~b22 & b23)
            a22 = b22 ^ (~b23 & b24)
            a23 = b23 ^ (~b24 & b20)
            a24 = b24 ^ (~b20 & b21)
            // ι
            a0 ^= constants[round]
        }
        s[0] = a0
        s[1] = a1
        s[2] = a2
        s[3] = a3
        s[4] = a4
        s[5] = a5
        s[6] = a6
        s[7] = a7
        s[8] = a8
        s[9] = a9
        s[10] = a10
        s[11] = a11
        s[12] = a12
        s[13] = a13
        s[14] = a14
        s[15] = a15
        s[16] = a16
        s[17] = a17
        s[18] = a18
        s[19] = a19
        s[20] = a20
        s[21] = a21
        s[22] = a22
        s[23] = a23
        s[24] = a24
    }
}
