/// The version of mfile, written into bundles and calendars it makes and shown by `mfile --version`.
public enum MfileVersion {
    public static let current = "0.1.0"
}
