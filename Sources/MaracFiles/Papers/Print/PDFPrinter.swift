import Foundation

/// Prints an HTML paper to PDF with a headless Chromium (or Google Chrome) found on the
/// machine: `MFILE_CHROMIUM`, else `chromium`, `chromium-browser`, `google-chrome` or
/// `google-chrome-stable` on `PATH`.
///
/// The paper names people, so it is written only into a private folder (`0700`, the HTML
/// `0600`) that also holds the browser's profile and home, and the folder is removed whatever
/// happens. The browser gets `timeLimit` seconds; then it is stopped and nothing is written.
public struct PDFPrinter: Sendable {
    /// The browser's path.
    public var browser: String
    /// Seconds the browser may take for one paper.
    public var timeLimit: Double

    /// The environment variable naming the browser to use (a path, or a program on `PATH`).
    public static let browserVariable = "MFILE_CHROMIUM"
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    public static let defaultTimeLimit: Double = 120
    /// The environment variable giving another time limit in seconds (1 to 3600).
    public static let timeLimitVariable = "MFILE_PDF_TIME_LIMIT"

    public init(browser: String, timeLimit: Double = PDFPrinter.defaultTimeLimit) {
        self.browser = browser
        self.timeLimit = timeLimit
    }

    /// The browser named by `MFILE_CHROMIUM`, else the first of the usual names on `PATH`, with
    /// the time limit of `MFILE_PDF_TIME_LIMIT` or the default.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PaperError) -> PDFPrinter {
        var timeLimit = defaultTimeLimit
        if let given = environment[timeLimitVariable], !given.isEmpty {
            guard let seconds = Double(given), seconds >= 1, seconds <= 3600 else {
                throw PaperError("\(timeLimitVariable) must be a number of seconds from 1 to 3600")
            }
            timeLimit = seconds
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let chosen = environment[browserVariable], !chosen.isEmpty {
            guard let found = executable(chosen, path: path) else {
                throw PaperError("\(browserVariable) names \(chosen), which is not a program that can be run; set it to the path of Chromium or Google Chrome, or unset it")
            }
            return PDFPrinter(browser: found, timeLimit: timeLimit)
        }
        for name in browserNames {
            if let found = executable(name, path: path) { return PDFPrinter(browser: found, timeLimit: timeLimit) }
        }
        throw PaperError("""
            no Chromium or Google Chrome was found to print the PDF; install it with 'sudo apt-get install chromium' \
            (on Ubuntu the package is chromium-browser), or set \(browserVariable) to the browser's path. \
            Without a browser, render HTML (--format html) and print it to PDF from any browser
            """)
    }

    /// `name` itself when it holds a `/`, else the first executable of that name on `path`.
    static func executable(_ name: String, path: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The browser's arguments to print `page` to `pdf` with `profile` as its profile folder.
    /// The sandbox needs user namespaces that root (CI, containers) cannot use, so it is off
    /// for root only; the page is mfile's own self-contained HTML from a local file.
    static func arguments(page: URL, pdf: URL, profile: URL, asRoot: Bool) -> [String] {
        var arguments = [
            "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--disable-default-apps",
            "--disable-component-update", "--disable-breakpad", "--no-first-run", "--no-default-browser-check",
            "--mute-audio", "--hide-scrollbars",
            // Chromium's own header and footer would print the file path and date on every page.
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)",
        ]
        if asRoot { arguments.append("--no-sandbox") }
        arguments.append(page.absoluteString)
        return arguments
    }

    /// The PDF of `html`.
    public func print(_ html: String) throws(PaperError) -> [UInt8] {
        let folder = try Self.privateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("paper.html")
        let pdf = folder.appendingPathComponent("paper.pdf")
        try Self.writeOwnerOnly(Array(html.utf8), to: page)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = Self.arguments(
            page: page, pdf: pdf, profile: folder.appendingPathComponent("profile"), asRoot: geteuid() == 0)
        var environment = ProcessInfo.processInfo.environment
        for variable in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "TMPDIR"] {
            environment[variable] = folder.path
        }
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw PaperError("\(browser) could not be started to print the PDF; set \(Self.browserVariable) to another Chromium or Google Chrome, or render HTML")
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw PaperError("\(browser) did not finish printing the PDF within \(Int(timeLimit)) seconds; nothing was written. Try again, or render HTML and print it from a browser")
        }
        let bytes = (try? Data(contentsOf: pdf)).map(Array.init) ?? []
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw PaperError("\(browser) did not print the PDF (exit status \(process.terminationStatus)); nothing was written. Check that it runs ('\(browser) --version'), or render HTML and print it from a browser")
        }
        return bytes
    }

    /// The PDF of each of `pages`, in order; the browser prints as many at once as there are
    /// cores (it mostly waits, so this is nearly twice as fast on two cores).
    public func print(_ pages: [String]) throws(PaperError) -> [[UInt8]] {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var pdfs: [[UInt8]?]
            var failure: PaperError?
            init(_ count: Int) { pdfs = Array(repeating: nil, count: count) }
        }
        let results = Results(pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let outcome = Result { () throws(PaperError) -> [UInt8] in try print(pages[index]) }
            results.lock.lock()
            defer { results.lock.unlock() }
            switch outcome {
            case .success(let pdf): results.pdfs[index] = pdf
            case .failure(let error): results.failure = results.failure ?? error
            }
        }
        if let failure = results.failure { throw failure }
        return results.pdfs.map { $0! }
    }

    /// A new folder only this user can enter, in the system's temporary folder.
    static func privateFolder() throws(PaperError) -> URL {
        var template = Array((NSTemporaryDirectory() + "/mfile-pdf-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PaperError("cannot make a private temporary folder to print the PDF (\(String(cString: strerror(errno))))")
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    /// Writes a new file readable by its owner only.
    static func writeOwnerOnly(_ bytes: [UInt8], to url: URL) throws(PaperError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PaperError("cannot write the paper for printing (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw PaperError("cannot write the paper for printing (\(String(cString: strerror(errno))))") }
            written += result
        }
    }
}
