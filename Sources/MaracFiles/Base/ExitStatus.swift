/// A command's exit status: 0 ok, 1 findings (lint errors, breaches), 2 usage or I/O error.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case findings = 1
    case failure = 2
}
