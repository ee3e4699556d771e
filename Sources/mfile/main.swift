import Foundation
import MaracFiles

print("mfile: not yet implemented")
