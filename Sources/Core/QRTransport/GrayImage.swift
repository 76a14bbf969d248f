/// An 8-bit grayscale image, row-major, one byte per pixel (0 = black, 255 = white), no padding between rows.
public struct GrayImage: Hashable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width · height` bytes, top row first.
    public var pixels: [UInt8]

    /// Wraps pixels; their count must be exactly `width · height`, both positive.
    public init(width: Int, height: Int, pixels: [UInt8]) throws(QRTransportError) {
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height) == (pixels.count, false) else {
            throw .invalidImage(width: width, height: height, byteCount: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width × height` image filled with `value`.
    public init(width: Int, height: Int, filledWith value: UInt8) throws(QRTransportError) {
        guard width > 0, height > 0, case (let count, false) = width.multipliedReportingOverflow(by: height) else {
            throw .invalidImage(width: width, height: height, byteCount: 0)
        }
        try self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: count))
    }

    /// The pixel at (`x`, `y`).
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Copies `image` into this one with its top-left corner at (`x`, `y`); the parts outside are clipped.
    public mutating func draw(_ image: GrayImage, atX x: Int, y: Int) {
        for row in 0..<image.height where (0..<height).contains(y + row) {
            for column in 0..<image.width where (0..<width).contains(x + column) {
                self[x + column, y + row] = image[column, row]
            }
        }
    }
}
