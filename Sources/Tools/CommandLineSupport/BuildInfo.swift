/// Where this binary came from: the commit it was built from and how it was built, for `--version`.
///
/// `scripts/release` rewrites ``commit`` in its own clean checkout before building, so a release binary names
/// the exact commit; a build from a working tree says `dev`. Nothing here depends on the time or the build path,
/// so two builds of one commit stay byte-identical (`scripts/reproducible`).
public enum BuildInfo {
    /// The release version.
    public static let version = "0.1.0"
    /// The full git commit the binary was built from, or `dev` for a build from a working tree.
    public static let commit = "dev"

    /// `debug` or `release`, from the compiler's own configuration.
    public static var configuration: String {
        #if DEBUG
            return "debug"
        #else
            return "release"
        #endif
    }

    /// Whether live camera capture is built in (off in the release's static build; QR images always work).
    public static var camera: Bool {
        #if COLDCREDITS_NO_CAMERA
            return false
        #else
            return true
        #endif
    }

    /// The `--version` text: version, commit and build configuration on one line.
    public static var versionLine: String {
        "\(version) (commit \(commit), \(configuration) build, camera \(camera ? "on" : "off"))"
    }
}
