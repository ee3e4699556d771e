// The toml-test decoder protocol: TOML on standard input, tagged JSON on standard output;
// invalid TOML exits 1 with the error on standard error.
import MaracFiles
import Foundation

print("toml-decode: not yet implemented")
exit(2)
