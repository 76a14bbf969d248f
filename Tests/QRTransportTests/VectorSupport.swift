import Foundation
import QRTransport
import TestSupport
import Testing

/// Navigation helpers for the JSON vectors under Tests/Vectors/ur; a missing or mistyped key fails the test that asked.
enum Vectors {
    /// The top-level object of `ur/<name>.json`.
    static func ur(_ name: String) throws -> [String: Any] {
        try object(Fixtures.vectorJSON("ur/\(name).json"), "ur/\(name).json")
    }

    /// The `vectors` object of `ur/<name>.json`.
    static func urVectors(_ name: String) throws -> [String: Any] {
        try object(ur(name)["vectors"], "\(name).vectors")
    }

    static func object(_ value: Any?, _ what: String) throws -> [String: Any] {
        try #require(value as? [String: Any], "\(what) is not an object")
    }

    static func array(_ value: Any?, _ what: String) throws -> [Any] {
        try #require(value as? [Any], "\(what) is not an array")
    }

    static func string(_ value: Any?, _ what: String) throws -> String {
        try #require(value as? String, "\(what) is not a string")
    }

    static func int(_ value: Any?, _ what: String) throws -> Int {
        let number = try #require(value as? NSNumber, "\(what) is not a number")
        return number.intValue
    }

    static func ints(_ value: Any?, _ what: String) throws -> [Int] {
        try array(value, what).enumerated().map { try int($0.element, "\(what)[\($0.offset)]") }
    }

    static func objects(_ value: Any?, _ what: String) throws -> [[String: Any]] {
        try array(value, what).enumerated().map { try object($0.element, "\(what)[\($0.offset)]") }
    }

    /// The reference test message: `len` bytes from xoshiro256** seeded with SHA-256 of the seed string.
    static func makeMessage(_ length: Int, seed: String = "Wolf") -> [UInt8] {
        var rng = Xoshiro256StarStar(string: seed)
        return rng.nextData(count: length)
    }

    /// The bytes a vector's `{"make_message": {"length", "seed"}}` (or `input_hex`) describes.
    static func message(_ spec: Any?, _ what: String) throws -> [UInt8] {
        let spec = try object(spec, what)
        let generator = try object(spec["make_message"], "\(what).make_message")
        return makeMessage(
            try int(generator["length"], "\(what).length"), seed: try string(generator["seed"], "\(what).seed"))
    }
}
