import Foundation
import MaracRepository

/// A pseudo-terminal pair: `age` reads passphrases only from a terminal, so when a passphrase
/// comes from automation (`MFILE_PASSPHRASE_FILE`) `mfile` gives `age` a terminal of its own
/// and types the passphrase into it. The passphrase never appears in any process's arguments.
struct PseudoTerminal {
    /// The controlling side, kept by `mfile`.
    let master: Int32
    /// The path of the terminal side, opened by the child as its controlling terminal.
    let slavePath: String

    /// Linux ioctls (not exported to Swift): unlock the terminal side, get its number.
    private static let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
    private static let getNumber: UInt = 0x8004_5430  // TIOCGPTN

    static func open() throws(AgeError) -> PseudoTerminal {
        let master = Foundation.open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw AgeError("cannot open a pseudo-terminal for age (\(FileSystem.errnoText()))") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            Foundation.close(master)
            throw AgeError("cannot prepare a pseudo-terminal for age (\(FileSystem.errnoText()))")
        }
        return PseudoTerminal(master: master, slavePath: "/dev/pts/\(number)")
    }

    func close() { Foundation.close(master) }
}
