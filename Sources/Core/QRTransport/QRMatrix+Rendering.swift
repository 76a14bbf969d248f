extension QRMatrix {
    /// The quiet zone ISO/IEC 18004 requires around a symbol, in modules.
    public static let standardQuietZone = 4

    /// The symbol as a grayscale image.
    ///
    /// Each module is `scale` × `scale` pixels, dark modules black (0), light modules and a `quietZone`-module
    /// margin white (255). Use at least 2 pixels per module: at 1, zbar failed to read a 500-byte level-M
    /// symbol (version 17) that it read at 2, 3 and 4.
    public func image(scale: Int = 4, quietZone: Int = QRMatrix.standardQuietZone) throws(QRTransportError)
        -> GrayImage
    {
        guard (1...64).contains(scale), (0...64).contains(quietZone) else {
            throw .invalidRenderParameter(scale: scale, quietZone: quietZone)
        }
        let side = (size + 2 * quietZone) * scale
        var image = try GrayImage(width: side, height: side, filledWith: 255)
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                let top = (row + quietZone) * scale
                let left = (column + quietZone) * scale
                for y in top..<(top + scale) {
                    for x in left..<(left + scale) { image[x, y] = 0 }
                }
            }
        }
        return image
    }

    /// The symbol as UTF-8 half blocks, two module rows per line, with a quiet zone.
    ///
    /// Each character is one module wide and two high: `█` both light, `▀` top light, `▄` bottom light,
    /// space both dark. With `forDarkTerminal` (the default) *light* modules are printed and dark ones are
    /// left as the terminal's background, so a light-on-dark terminal shows dark modules on a light
    /// field — the polarity scanners expect. On a dark-on-light terminal pass `false`, which prints the
    /// dark modules instead. Terminal fonts are roughly twice as high as wide, so modules come out square.
    public func terminalString(quietZone: Int = QRMatrix.standardQuietZone, forDarkTerminal: Bool = true) -> String {
        let side = size + 2 * max(0, quietZone)
        let margin = max(0, quietZone)
        func printed(_ row: Int, _ column: Int) -> Bool {
            guard row < side else { return false }  // below the last row: the terminal background
            let inside = (margin..<(margin + size))
            let dark =
                inside.contains(row) && inside.contains(column)
                && isDark(row: row - margin, column: column - margin)
            return forDarkTerminal ? !dark : dark
        }
        var lines: [String] = []
        for row in stride(from: 0, to: side, by: 2) {
            var line = ""
            for column in 0..<side {
                switch (printed(row, column), printed(row + 1, column)) {
                case (true, true): line.append("█")
                case (true, false): line.append("▀")
                case (false, true): line.append("▄")
                case (false, false): line.append(" ")
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
