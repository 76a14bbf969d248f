internal import CPNG
public import FoundationEssentials

/// 8-bit grayscale PNG files through libpng's simplified `png_image_*` API (no `setjmp`, which Swift cannot use).
public enum PNGCodec {
    /// Largest image ``decode(_:)`` accepts, in pixels (20 Mpixel): checked from the header before allocating.
    public static let maxPixelCount = 20_000_000
    /// Largest PNG file ``read(fromFile:)`` accepts, in bytes (16 MiB): checked from its size before reading.
    public static let maxFileBytes: UInt64 = 16 << 20

    /// The PNG encoding of `image`.
    public static func encode(_ image: GrayImage) throws(QRTransportError) -> Data {
        let handle = try PNGImageHandle(writing: image)
        var size = 0
        // First call with no buffer asks libpng for the exact size; the second writes.
        guard png_image_write_to_memory(&handle.image, nil, &size, 0, image.pixels, Int32(image.width), nil) != 0
        else { throw .pngFailed(operation: "encode", message: handle.message) }
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { buffer in
            png_image_write_to_memory(
                &handle.image, buffer.baseAddress, &size, 0, image.pixels, Int32(image.width), nil)
        }
        guard written != 0 else { throw .pngFailed(operation: "encode", message: handle.message) }
        return Data(output.prefix(size))
    }

    /// Writes `image` as a PNG file at `path` (replacing any file there).
    public static func write(_ image: GrayImage, toFile path: String) throws(QRTransportError) {
        let handle = try PNGImageHandle(writing: image)
        guard png_image_write_to_file(&handle.image, path, 0, image.pixels, Int32(image.width), nil) != 0 else {
            throw .pngFailed(operation: "write \(path)", message: handle.message)
        }
    }

    /// Decodes a PNG of any colour type into 8-bit gray (colour is converted, alpha composited onto white).
    public static func decode(_ data: Data) throws(QRTransportError) -> GrayImage {
        let bytes = [UInt8](data)
        let handle = PNGImageHandle()
        let outcome: Result<GrayImage, QRTransportError> = bytes.withUnsafeBytes { raw in
            // The memory must stay valid until png_image_finish_read, so both calls happen in here.
            guard png_image_begin_read_from_memory(&handle.image, raw.baseAddress, raw.count) != 0 else {
                return .failure(.pngFailed(operation: "decode", message: handle.message))
            }
            return finishRead(handle, operation: "decode")
        }
        return try outcome.get()
    }

    /// Reads the PNG file at `path` into 8-bit gray: at most ``maxFileBytes`` (refused from the file's size,
    /// before reading) and ``maxPixelCount`` pixels (refused from the header, before decoding).
    public static func read(fromFile path: String) throws(QRTransportError) -> GrayImage {
        guard let file = FileManager.default.contents(atPath: path, maxBytes: maxFileBytes) else {
            throw .pngFailed(operation: "read \(path)", message: "cannot be opened or read")
        }
        guard let data = file.data else {
            throw .imageFileTooLarge(path: path, size: file.size, limit: maxFileBytes)
        }
        do { return try decode(data) } catch .pngFailed(_, let message) {
            throw .pngFailed(operation: "read \(path)", message: message)
        }
    }

    private static func finishRead(_ handle: PNGImageHandle, operation: String) -> Result<GrayImage, QRTransportError> {
        let width = Int(handle.image.width)
        let height = Int(handle.image.height)
        guard width > 0, height > 0, width <= maxPixelCount / height else {
            return .failure(.imageTooLarge(width: width, height: height, limit: maxPixelCount))
        }
        handle.image.format = UInt32(PNG_FORMAT_GRAY)
        var pixels = [UInt8](repeating: 0, count: width * height)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&handle.image, &white, buffer.baseAddress, Int32(width), nil)
        }
        guard finished != 0 else { return .failure(.pngFailed(operation: operation, message: handle.message)) }
        do {
            return .success(try GrayImage(width: width, height: height, pixels: pixels))
        } catch {
            return .failure(error)
        }
    }
}

/// Owns one `png_image` control structure; `png_image_free` releases whatever libpng allocated for it.
private final class PNGImageHandle {
    var image = png_image()

    init() {
        image.version = UInt32(PNG_IMAGE_VERSION)
    }

    /// A handle describing `gray` for writing; libpng takes 32-bit dimensions and a 32-bit row stride.
    convenience init(writing gray: GrayImage) throws(QRTransportError) {
        guard gray.width <= Int(Int32.max), gray.height <= Int(Int32.max) else {
            throw .imageTooLarge(width: gray.width, height: gray.height, limit: PNGCodec.maxPixelCount)
        }
        self.init()
        image.width = UInt32(gray.width)
        image.height = UInt32(gray.height)
        image.format = UInt32(PNG_FORMAT_GRAY)
    }

    deinit {
        png_image_free(&image)
    }

    /// libpng's error or warning text (a NUL-terminated `char[64]`).
    var message: String {
        withUnsafeBytes(of: image.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
