import EthereumPrimitives
import EthereumRLP
import EthereumTransactions
import TestSupport
import Testing

/// A malformed raw transaction and the exact error its decoder must report.
struct RejectionCase: CustomTestStringConvertible, Sendable {
    enum Decoder: Sendable { case eip1559, legacy, any }

    let name: String
    let decoder: Decoder
    let raw: [UInt8]
    let expected: TransactionError
    var testDescription: String { name }
}

/// Builds each rejection from a valid transaction by changing one thing: a field's RLP item, the list, or bytes.
enum Rejections {
    /// tx2 of the public EIP-1559 examples, and the EIP-155 example.
    static let typed = hexBytes(
        "02f87182210507830f42408398968082520894353535353535353535353535353535353535353587038d7ea4c6800080c080"
            + "a01136fa89f513368f7b91f4ca70d7dc5e55bfef757e3e8f7ad50ce3aa419022e3a0554ee5dde8231b01362f1b459b4930e9"
            + "0df82d7077ed80137efbf056e213390f")
    static let legacy = hexBytes(
        "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340b"
            + "d939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64"
            + "214b297fb1966a3b6d83")
    static let n = hexBytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
    /// n − s of tx2 (and the flipped parity makes the same point), the high-s twin of a valid signature.
    static let highS = hexBytes("aab11a2217dce4fec9d0e4ba64b6cf15acb6af76375b202840d66e35ee230832")

    static func items(_ raw: [UInt8]) throws -> [RLPItem] {
        try RLP.decode(raw.first == 0x02 ? Array(raw.dropFirst()) : raw).listValue(field: "test")
    }

    static func typed(_ change: (inout [RLPItem]) -> Void) throws -> [UInt8] {
        var fields = try items(typed)
        change(&fields)
        return [0x02] + RLP.encode(.list(fields))
    }

    static func legacy(_ change: (inout [RLPItem]) -> Void) throws -> [UInt8] {
        var fields = try items(legacy)
        change(&fields)
        return RLP.encode(.list(fields))
    }

    static let entry = RLPItem.list([
        .bytes([UInt8](repeating: 0xaa, count: 20)), .list([.bytes([UInt8](repeating: 1, count: 32))]),
    ])

    static func all() throws -> [RejectionCase] {
        func t(_ name: String, _ raw: [UInt8], _ expected: TransactionError) -> RejectionCase {
            RejectionCase(name: name, decoder: .eip1559, raw: raw, expected: expected)
        }
        func l(_ name: String, _ raw: [UInt8], _ expected: TransactionError) -> RejectionCase {
            RejectionCase(name: name, decoder: .legacy, raw: raw, expected: expected)
        }
        let payloadLength = typed.count - 1
        return [
            t("empty", [], .emptyInput),
            t("typeByteOnly", [0x02], .rlp(.emptyInput)),
            t("type1AccessListTransaction", [0x01] + typed.dropFirst(), .unsupportedTransactionType(found: 0x01)),
            t("type3BlobTransaction", [0x03] + typed.dropFirst(), .unsupportedTransactionType(found: 0x03)),
            t("legacyGivenToTypedDecoder", legacy, .wrongTransactionKind(expected: "EIP-1559", found: "legacy")),
            t("firstByte0x80", [0x80], .invalidEnvelope(firstByte: 0x80)),
            t("firstByte0xff", [0xff] + typed.dropFirst(), .invalidEnvelope(firstByte: 0xff)),
            t("trailingByte", typed + [0x00], .rlp(.trailingBytes(offset: payloadLength, count: 1))),
            t("truncated", Array(typed.dropLast()), .rlp(.inputTooShort(offset: 0, needed: 113, available: 112))),
            t(
                "outerLengthLeadingZero", [0x02, 0xf9, 0x00, 0x71] + typed.dropFirst(3),
                .rlp(.leadingZeroInLength(offset: 0))),
            t(
                "nonceWrappedAsString", [0x02, 0xf8, 0x72, 0x82, 0x21, 0x05, 0x81, 0x07] + typed.dropFirst(7),
                .rlp(.nonCanonicalSingleByte(offset: 5))),
            t(
                "payloadIsString", [0x02] + RLP.encode(.bytes([1, 2, 3])), .rlp(.unexpectedString(field: "transaction"))
            ),
            t(
                "unsignedNineFields", try typed { $0.removeLast(3) },
                .wrongFieldCount(field: "transaction", expected: 12, found: 9)),
            t(
                "elevenFields", try typed { $0.removeLast() },
                .wrongFieldCount(field: "transaction", expected: 12, found: 11)),
            t(
                "thirteenFields", try typed { $0.append(.bytes([])) },
                .wrongFieldCount(field: "transaction", expected: 12, found: 13)),
            t(
                "chainIdLeadingZero", try typed { $0[0] = .bytes([0x00, 0x21, 0x05]) },
                .rlp(.leadingZeroInInteger(field: "chainId"))),
            t(
                "chainIdNineBytes", try typed { $0[0] = .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]) },
                .rlp(.integerTooLarge(field: "chainId", maxBytes: 8, found: 9))),
            t("nonceZeroAsZeroByte", try typed { $0[1] = .bytes([0x00]) }, .rlp(.leadingZeroInInteger(field: "nonce"))),
            t(
                "nonceNineBytes", try typed { $0[1] = .bytes([UInt8](repeating: 1, count: 9)) },
                .rlp(.integerTooLarge(field: "nonce", maxBytes: 8, found: 9))),
            t(
                "priorityFeeLeadingZero", try typed { $0[2] = .bytes([0x00, 0x0f, 0x42, 0x40]) },
                .rlp(.leadingZeroInInteger(field: "maxPriorityFeePerGas"))),
            t(
                "maxFeeThirtyThreeBytes", try typed { $0[3] = .bytes([UInt8](repeating: 1, count: 33)) },
                .rlp(.integerTooLarge(field: "maxFeePerGas", maxBytes: 32, found: 33))),
            t("gasLimitIsList", try typed { $0[4] = .list([]) }, .rlp(.unexpectedList(field: "gasLimit"))),
            t("contractCreation", try typed { $0[5] = .bytes([]) }, .contractCreationNotSupported),
            t(
                "toNineteenBytes", try typed { $0[5] = .bytes([UInt8](repeating: 0x35, count: 19)) },
                .invalidAddressLength(field: "to", found: 19)),
            t(
                "toTwentyOneBytes", try typed { $0[5] = .bytes([UInt8](repeating: 0x35, count: 21)) },
                .invalidAddressLength(field: "to", found: 21)),
            t("toIsList", try typed { $0[5] = .list([]) }, .rlp(.unexpectedList(field: "to"))),
            t(
                "valueLeadingZero", try typed { $0[6] = .bytes([0x00, 0x01]) },
                .rlp(.leadingZeroInInteger(field: "value"))),
            t("dataIsList", try typed { $0[7] = .list([]) }, .rlp(.unexpectedList(field: "data"))),
            t("accessListIsString", try typed { $0[8] = .bytes([]) }, .rlp(.unexpectedString(field: "accessList"))),
            t(
                "accessListEntryIsString", try typed { $0[8] = .list([.bytes([1])]) },
                .rlp(.unexpectedString(field: "accessList[0]"))),
            t(
                "accessListEntryThreeItems", try typed { $0[8] = .list([.list([.bytes([]), .list([]), .list([])])]) },
                .wrongFieldCount(field: "accessList[0]", expected: 2, found: 3)),
            t(
                "accessListAddressNineteenBytes",
                try typed { $0[8] = .list([.list([.bytes([UInt8](repeating: 1, count: 19)), .list([])])]) },
                .invalidAddressLength(field: "accessList[0].address", found: 19)),
            t(
                "accessListAddressIsList", try typed { $0[8] = .list([.list([.list([]), .list([])])]) },
                .rlp(.unexpectedList(field: "accessList[0].address"))),
            t(
                "storageKeysIsString",
                try typed { $0[8] = .list([.list([.bytes([UInt8](repeating: 1, count: 20)), .bytes([])])]) },
                .rlp(.unexpectedString(field: "accessList[0].storageKeys"))),
            t(
                "storageKeyThirtyOneBytes",
                try typed {
                    $0[8] = .list([
                        entry,
                        .list([
                            .bytes([UInt8](repeating: 2, count: 20)),
                            .list([.bytes([UInt8](repeating: 3, count: 32)), .bytes([UInt8](repeating: 3, count: 31))]),
                        ]),
                    ])
                }, .invalidStorageKeyLength(field: "accessList[1].storageKeys[1]", found: 31)),
            t(
                "storageKeyThirtyThreeBytes",
                try typed {
                    $0[8] = .list([
                        .list([
                            .bytes([UInt8](repeating: 1, count: 20)), .list([.bytes([UInt8](repeating: 3, count: 33))]),
                        ])
                    ])
                },
                .invalidStorageKeyLength(field: "accessList[0].storageKeys[0]", found: 33)),
            t(
                "storageKeyIsList",
                try typed { $0[8] = .list([.list([.bytes([UInt8](repeating: 1, count: 20)), .list([.list([])])])]) },
                .rlp(.unexpectedList(field: "accessList[0].storageKeys[0]"))),
            t("yParityTwo", try typed { $0[9] = .bytes([2]) }, .invalidYParity(found: 2)),
            t("yParity27", try typed { $0[9] = .bytes([27]) }, .invalidYParity(found: 27)),
            t(
                "yParityZeroAsZeroByte", try typed { $0[9] = .bytes([0x00]) },
                .rlp(.leadingZeroInInteger(field: "yParity"))),
            t("rZero", try typed { $0[10] = .bytes([]) }, .invalidSignature(reason: "r or s is zero")),
            t("sZero", try typed { $0[11] = .bytes([]) }, .invalidSignature(reason: "r or s is zero")),
            t(
                "rEqualsCurveOrder", try typed { $0[10] = .bytes(n) },
                .invalidSignature(reason: "r or s is not below the curve order")),
            t(
                "sEqualsCurveOrder", try typed { $0[11] = .bytes(n) },
                .invalidSignature(reason: "r or s is not below the curve order")),
            t(
                "highS",
                try typed {
                    $0[9] = .bytes([1])
                    $0[11] = .bytes(highS)
                }, .highS),
            t(
                "sLeadingZero",
                try typed { fields in
                    if case .bytes(let s) = fields[11] { fields[11] = .bytes([0] + s) }
                }, .rlp(.leadingZeroInInteger(field: "s"))),
            t(
                "rThirtyThreeBytes", try typed { $0[10] = .bytes([UInt8](repeating: 1, count: 33)) },
                .rlp(.integerTooLarge(field: "r", maxBytes: 32, found: 33))),
            t("rIsList", try typed { $0[10] = .list([]) }, .rlp(.unexpectedList(field: "r"))),
            t(
                "priorityFeeAboveMaxFee", try typed { $0.swapAt(2, 3) },
                .priorityFeeExceedsMaxFee(maxPriorityFeePerGas: Wei(10_000_000), maxFeePerGas: Wei(1_000_000))),
            l("legacyEmpty", [], .emptyInput),
            l("legacyGivenTypedTransaction", typed, .wrongTransactionKind(expected: "legacy", found: "EIP-1559")),
            l("legacyGivenType1", [0x01] + typed.dropFirst(), .unsupportedTransactionType(found: 0x01)),
            l(
                "legacyFirstByte0xb8", [0xb8, 0x38] + [UInt8](repeating: 0, count: 56),
                .invalidEnvelope(firstByte: 0xb8)),
            l("legacyTrailingByte", legacy + [0x80], .rlp(.trailingBytes(offset: legacy.count, count: 1))),
            l(
                "legacyEightFields", try legacy { $0.removeLast() },
                .wrongFieldCount(field: "transaction", expected: 9, found: 8)),
            l("legacyContractCreation", try legacy { $0[3] = .bytes([]) }, .contractCreationNotSupported),
            l(
                "legacyGasPriceLeadingZero", try legacy { $0[1] = .bytes([0, 4]) },
                .rlp(.leadingZeroInInteger(field: "gasPrice"))),
            l("legacyV0", try legacy { $0[6] = .bytes([]) }, .invalidLegacyV(found: 0)),
            l("legacyV1", try legacy { $0[6] = .bytes([1]) }, .invalidLegacyV(found: 1)),
            l("legacyV26", try legacy { $0[6] = .bytes([26]) }, .invalidLegacyV(found: 26)),
            l("legacyV29", try legacy { $0[6] = .bytes([29]) }, .invalidLegacyV(found: 29)),
            l("legacyV35ChainZero", try legacy { $0[6] = .bytes([35]) }, .invalidLegacyV(found: 35)),
            l("legacyV36ChainZero", try legacy { $0[6] = .bytes([36]) }, .invalidLegacyV(found: 36)),
            l(
                "legacyVNineBytes", try legacy { $0[6] = .bytes([UInt8](repeating: 1, count: 9)) },
                .rlp(.integerTooLarge(field: "v", maxBytes: 8, found: 9))),
            l(
                "legacyHighS",
                try legacy { fields in
                    fields[6] = .bytes([38])
                    fields[8] = .bytes(hexBytes("98341627668089e51348fccfb4c7ff31c55912f2d2e47ef09652acf665fad3be"))
                }, .highS),
            RejectionCase(name: "anyEmpty", decoder: .any, raw: [], expected: .emptyInput),
            RejectionCase(
                name: "anyType1", decoder: .any, raw: [0x01, 0xc0], expected: .unsupportedTransactionType(found: 1)),
            RejectionCase(
                name: "anyFirstByte0x80", decoder: .any, raw: [0x80], expected: .invalidEnvelope(firstByte: 0x80)),
            RejectionCase(
                name: "anyLegacyHighV", decoder: .any, raw: try legacy { $0[6] = .bytes([30]) },
                expected: .invalidLegacyV(found: 30)),
        ]
    }
}

@Suite("Transaction decoder rejections")
struct DecoderRejectionTests {
    @Test("the base transactions used for mutation decode cleanly")
    func basesAreValid() throws {
        _ = try SignedTransaction(rawTransaction: Rejections.typed)
        _ = try SignedLegacyTransaction(rawTransaction: Rejections.legacy)
        let highS = try Rejections.typed {
            $0[9] = .bytes([1])
            $0[11] = .bytes(Rejections.highS)
        }
        #expect(highS != Rejections.typed)
    }

    @Test("rejections have unique names")
    func uniqueNames() throws {
        let names = try Rejections.all().map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test("rejects with the named error", arguments: try Rejections.all())
    func rejects(_ rejection: RejectionCase) {
        #expect(throws: rejection.expected) {
            switch rejection.decoder {
            case .eip1559: _ = try SignedTransaction(rawTransaction: rejection.raw)
            case .legacy: _ = try SignedLegacyTransaction(rawTransaction: rejection.raw)
            case .any: _ = try DecodedTransaction(rawTransaction: rejection.raw)
            }
        }
    }

    @Test("a signature whose r is no curve point decodes but recovers no sender")
    func recoveryFailure() throws {
        let raw = try Rejections.typed { $0[10] = .bytes([0x05]) }  // x = 5: 5³ + 7 is not a square mod p
        let decoded = try SignedTransaction(rawTransaction: raw)
        #expect(
            throws: TransactionError.senderRecoveryFailed(
                reason: "no public key recovers from this signature and digest")
        ) {
            try decoded.recoverSender()
        }
    }

    @Test("a changed field leaves a valid signature that recovers someone else")
    func tamperedFieldRecoversOtherSender() throws {
        let original = try SignedTransaction(rawTransaction: Rejections.typed).recoverSender()
        let tampered = try SignedTransaction(rawTransaction: Rejections.typed { $0[1] = .bytes([0x08]) })
        #expect(try tampered.recoverSender() != original)
    }

    @Test("every error describes itself with its field")
    func descriptions() {
        #expect(TransactionError.invalidAddressLength(field: "to", found: 19).description.hasPrefix("to:"))
        #expect(
            TransactionError.invalidStorageKeyLength(field: "accessList[1].storageKeys[1]", found: 31).description
                .contains("accessList[1].storageKeys[1]"))
        #expect(TransactionError.rlp(.leadingZeroInInteger(field: "nonce")).description.contains("nonce"))
        #expect(TransactionError.invalidYParity(found: 2).description.contains("yParity"))
    }
}
