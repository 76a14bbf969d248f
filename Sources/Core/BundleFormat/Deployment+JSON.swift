public import Foundation
import EthereumPrimitives
import StrictJSON

extension Deployment {
    /// The `format` value of a network file.
    public static let networkFileFormat = "coldcredits.network"

    /// Reads a network file (format `coldcredits.network` v1; schema in `formats/network/v1/`): the contract
    /// addresses of a chain that is not built in, or overrides for one that is (a test network, the sandbox).
    public init(networkFile data: Data) throws(BundleError) {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: Self.networkFileFormat, version: 1)
        self.init(
            chainID: ChainID(try top.integer("chainId")), transfers: try top.address("transfers"),
            quoterV2: try top.address("quoterV2"), wrappedNative: try top.address("wrappedNative"),
            usdc: try top.address("usdc"))
        try top.finish()
    }

    /// The deployment as a network file.
    public func networkFileJSON() -> Data {
        let object: JSONValue = [
            "format": .string(Self.networkFileFormat), "version": 1, "chainId": JSONValue(chainID.value),
            "transfers": .string(transfers.checksummed), "quoterV2": .string(quoterV2.checksummed),
            "wrappedNative": .string(wrappedNative.checksummed), "usdc": .string(usdc.checksummed),
        ]
        return object.canonicalDocument
    }
}
