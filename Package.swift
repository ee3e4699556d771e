// swift-tools-version:6.0
import PackageDescription

// No package dependencies: the toolchain only (Foundation, Dispatch, XCTest).
let package = Package(
    name: "mfile",
    products: [
        .library(name: "MaracFiles", targets: ["MaracFiles"]),
        .executable(name: "mfile", targets: ["mfile"]),
        .executable(name: "toml-decode", targets: ["toml-decode"]),
    ],
    targets: [
        .target(name: "MaracFiles"),
        .executableTarget(name: "mfile", dependencies: ["MaracFiles"]),
        .executableTarget(name: "toml-decode", dependencies: ["MaracFiles"]),
        .testTarget(name: "MaracFilesTests", dependencies: ["MaracFiles"]),
    ]
)
