/// A BIP-32 derivation path with its source fingerprint: BCR-2020-007 `crypto-keypath` (tag 304, or 40304 in
/// BCR-2020-006's newer numbering).
///
/// Only concrete child indexes are modelled: ERC-4527's `derivation-path` names one signing key, so the
/// wildcard and range components that BCR-2020-007 also allows are rejected when decoding.
public struct CryptoKeypath: Hashable, Sendable, CustomStringConvertible {
    /// One step of the path.
    public struct Component: Hashable, Sendable {
        /// Child index below 2^31 (hardening is the separate flag).
        public let index: UInt32
        /// True for a hardened step (`'`).
        public let hardened: Bool

        /// A step; `index` must be below 2^31.
        public init(index: UInt32, hardened: Bool) throws(QRTransportError) {
            guard index < 0x8000_0000 else {
                throw .invalidFieldValue(field: "crypto-keypath.components", reason: "index \(index) is not below 2^31")
            }
            self.index = index
            self.hardened = hardened
        }
    }

    /// The steps from the key the fingerprint names.
    public let components: [Component]
    /// The fingerprint of the ancestor key the path starts at (normally the master key); never 0.
    public let sourceFingerprint: UInt32?
    /// The depth of the key, when given.
    public let depth: UInt8?

    /// A path; an empty path needs a fingerprint (BCR-2020-007), and a fingerprint of 0 is not allowed.
    public init(components: [Component], sourceFingerprint: UInt32? = nil, depth: UInt8? = nil)
        throws(QRTransportError)
    {
        guard sourceFingerprint != 0 else {
            throw .invalidFieldValue(field: "crypto-keypath.source-fingerprint", reason: "must not be 0")
        }
        guard !components.isEmpty || sourceFingerprint != nil else {
            throw .invalidFieldValue(field: "crypto-keypath", reason: "an empty path needs a source fingerprint")
        }
        self.components = components
        self.sourceFingerprint = sourceFingerprint
        self.depth = depth
    }

    /// Parses `m/44'/60'/0'/0/0` (`h` or `H` also mark hardening; the `m/` is optional).
    public init(path: String, sourceFingerprint: UInt32? = nil, depth: UInt8? = nil) throws(QRTransportError) {
        var steps = path.split(separator: "/", omittingEmptySubsequences: false)
        if steps.first == "m" { steps.removeFirst() }
        var components: [Component] = []
        for step in steps {
            let hardened = step.hasSuffix("'") || step.hasSuffix("h") || step.hasSuffix("H")
            let digits = hardened ? step.dropLast() : step
            guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let index = UInt32(digits)
            else { throw .invalidFieldValue(field: "crypto-keypath", reason: "'\(path)' is not a derivation path") }
            components.append(try Component(index: index, hardened: hardened))
        }
        try self.init(components: components, sourceFingerprint: sourceFingerprint, depth: depth)
    }

    /// The path as `m/44'/60'/0'/0/0`.
    public var description: String {
        (["m"] + components.map { "\($0.index)" + ($0.hardened ? "'" : "") }).joined(separator: "/")
    }
}

extension CryptoKeypath {
    /// The registry tag written for `crypto-keypath` (the v1 number the ERC-4527 ecosystem writes).
    public static let tag: UInt64 = 304
    /// Tags accepted when reading: 304 and BCR-2020-006's `keypath` 40304.
    public static let acceptedTags: [UInt64] = [304, 40304]

    /// The untagged map `{1: [index, hardened, …], ? 2: fingerprint, ? 3: depth}`.
    public var cbor: CBOR {
        var entries = [
            CBOR.MapEntry(
                .unsigned(1),
                .array(
                    components.flatMap {
                        [CBOR.unsigned(UInt64($0.index)), .bool($0.hardened)]
                    }))
        ]
        if let sourceFingerprint { entries.append(.init(.unsigned(2), .unsigned(UInt64(sourceFingerprint)))) }
        if let depth { entries.append(.init(.unsigned(3), .unsigned(UInt64(depth)))) }
        return .map(entries)
    }

    /// Decodes the untagged map, naming `field` in errors.
    public init(cbor: CBOR, field: String) throws(QRTransportError) {
        let map = try cbor.integerKeyedMap(field: field)
        if let unknown = map.keys.sorted().first(where: { !(1...3).contains($0) }) {
            throw .unknownField(type: field, key: unknown)
        }
        guard let componentsItem = map[1] else { throw .missingField(type: field, key: 1, name: "components") }
        let flat = try componentsItem.arrayValue(field: "\(field).components")
        guard flat.count % 2 == 0 else {
            throw .invalidFieldValue(field: "\(field).components", reason: "odd number of items (\(flat.count))")
        }
        var components: [Component] = []
        for step in stride(from: 0, to: flat.count, by: 2) {
            if case .array = flat[step] {
                throw .invalidFieldValue(
                    field: "\(field).components", reason: "wildcard or range at step \(step / 2) names no single key")
            }
            let index = try flat[step].unsignedValue(field: "\(field).components[\(step)]")
            guard let index32 = UInt32(exactly: index) else {
                throw .invalidFieldValue(field: "\(field).components", reason: "index \(index) is not below 2^31")
            }
            components.append(
                try Component(
                    index: index32,
                    hardened: flat[step + 1].boolValue(
                        field: "\(field).components[\(step + 1)]")))
        }
        var fingerprint: UInt32?
        if let item = map[2] {
            let value = try item.unsignedValue(field: "\(field).source-fingerprint")
            guard let value32 = UInt32(exactly: value) else {
                throw .invalidFieldValue(field: "\(field).source-fingerprint", reason: "\(value) exceeds 2^32 − 1")
            }
            fingerprint = value32
        }
        var depth: UInt8?
        if let item = map[3] {
            let value = try item.unsignedValue(field: "\(field).depth")
            guard let value8 = UInt8(exactly: value) else {
                throw .invalidFieldValue(field: "\(field).depth", reason: "\(value) exceeds 255")
            }
            depth = value8
        }
        try self.init(components: components, sourceFingerprint: fingerprint, depth: depth)
    }
}
