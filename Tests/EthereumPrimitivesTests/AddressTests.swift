import EthereumPrimitives
import TestSupport
import Testing

@Suite("Address (EIP-55)")
struct AddressTests {
    /// The examples printed in EIP-55 (all mixed-case, all-caps and all-lower groups).
    static let eip55Examples = [
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]

    @Test("accepts every EIP-55 example and reproduces the mixed-case ones", arguments: eip55Examples)
    func acceptsExample(text: String) throws {
        let address = try Address(hex: text)
        let letters = text.dropFirst(2).filter(\.isLetter)
        let isMixed = letters.contains(where: \.isUppercase) && letters.contains(where: \.isLowercase)
        if isMixed { #expect(address.checksummed == text) }
        #expect(address.lowercased == text.lowercased())
    }

    @Test("the all-caps and all-lower examples checksum to the form that EIP-55 prints in the mixed group")
    func checksumsCaseless() throws {
        #expect(
            try Address(hex: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").checksummed
                == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
        #expect(
            try Address(hex: "0xD1220A0CF47C7B9BE7A2E6BA89F429762E7B9ADB").checksummed
                == "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")
    }

    @Test("rejects a mixed-case address with one letter's case flipped", arguments: eip55Examples[4...])
    func rejectsBadChecksum(valid: String) throws {
        var characters = Array(valid)
        let index = try #require(characters.indices.dropFirst(2).first { characters[$0].isLetter })
        let flipped = characters[index].isUppercase ? characters[index].lowercased() : characters[index].uppercased()
        characters[index] = Character(flipped)
        let broken = String(characters)
        #expect(throws: PrimitiveError.invalidChecksum(field: "to", found: broken, expected: valid)) {
            try Address(hex: broken, field: "to")
        }
    }

    @Test("rejects addresses of the wrong length or without 0x")
    func rejectsMalformed() {
        #expect(throws: PrimitiveError.wrongLength(field: "to", expected: 20, found: 19)) {
            try Address(hex: "0x" + String(repeating: "ab", count: 19), field: "to")
        }
        #expect(throws: PrimitiveError.wrongLength(field: "to", expected: 20, found: 21)) {
            try Address(hex: "0x" + String(repeating: "ab", count: 21), field: "to")
        }
        #expect(throws: PrimitiveError.missingHexPrefix(field: "address")) {
            try Address(hex: "52908400098527886E0F7030069857D2E4169EE7")
        }
        #expect(throws: PrimitiveError.wrongLength(field: "address", expected: 20, found: 0)) { try Address([]) }
    }

    @Test("a correctly checksummed address with an upper-case 0X prefix is accepted; a wrong checksum is not")
    func upperCasePrefix() throws {
        let checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        #expect(try Address(hex: "0X" + checksummed.dropFirst(2)).checksummed == checksummed)
        #expect(throws: PrimitiveError.self) { _ = try Address(hex: "0X5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") }
    }

    @Test("equality ignores the case the address was written in")
    func equalityIgnoresCase() throws {
        let mixed = try Address(hex: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
        #expect(mixed == (try Address(hex: "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")))
        #expect(mixed.description == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    }

    @Test("the address of a public key is the last 20 bytes of its Keccak-256 (EIP-155 example key)")
    func addressFromPublicKey() throws {
        // Uncompressed public key of 0x4646…46, as eth-keys prints it; address from the EIP-155 example.
        let publicKey = hexBytes(
            "4bc2a31265153f07e70e0bab08724e6b85e217f8cd628ceb62974247bb493382"
                + "ce28cab79ad7119ee1ad3ebcdb98a16805211530ecc6cfefa1b88e6dff99232a")
        #expect(try Address(publicKey: publicKey).checksummed == "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
        #expect(throws: PrimitiveError.wrongLength(field: "public key", expected: 64, found: 65)) {
            try Address(publicKey: [0x04] + publicKey)
        }
    }
}
