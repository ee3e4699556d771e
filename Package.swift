// swift-tools-version:6.0

import PackageDescription

// No package dependencies: the toolchain only (Foundation, Dispatch, XCTest).
//
// One target per layer, each a folder of Sources/MaracFiles/, listed in the order data flows:
// a layer imports only layers above it in this list, so the compiler keeps the direction.
let layers: [(name: String, folder: String, uses: [String])] = [
    ("MaracBase", "Base", []),
    ("MaracTOML", "TOML", ["MaracBase"]),
    ("MaracJSON", "JSON", ["MaracBase"]),
    ("MaracSchema", "Schema", ["MaracJSON", "MaracTOML"]),
    ("MaracMustache", "Mustache", ["MaracBase", "MaracJSON"]),
    ("MaracDefaults", "Defaults", []),
    ("MaracRecords", "Records", ["MaracBase", "MaracTOML"]),
    ("MaracRepository", "Repository", ["MaracBase", "MaracTOML", "MaracJSON", "MaracSchema", "MaracDefaults", "MaracRecords"]),
    ("MaracProtocol", "Protocol", ["MaracBase", "MaracTOML", "MaracJSON", "MaracRecords", "MaracRepository"]),
    ("MaracLint", "Lint", ["MaracBase", "MaracJSON", "MaracRecords", "MaracRepository", "MaracProtocol"]),
    ("MaracIndex", "Index", ["MaracBase", "MaracTOML", "MaracRecords", "MaracRepository", "MaracProtocol"]),
    ("MaracVault", "Vault", ["MaracBase", "MaracJSON", "MaracRepository", "MaracLint"]),
    ("MaracPapers", "Papers", ["MaracBase", "MaracTOML", "MaracJSON", "MaracMustache", "MaracDefaults", "MaracRecords", "MaracRepository", "MaracProtocol"]),
    ("MaracReports", "Reports", ["MaracBase", "MaracTOML", "MaracJSON", "MaracDefaults", "MaracRecords", "MaracRepository", "MaracProtocol", "MaracIndex", "MaracVault", "MaracPapers"]),
    ("MaracTransfer", "Transfer", ["MaracBase", "MaracTOML", "MaracJSON", "MaracMustache", "MaracRecords", "MaracRepository", "MaracLint", "MaracPapers"]),
    ("MaracImport", "Import", ["MaracBase", "MaracTOML", "MaracJSON", "MaracDefaults", "MaracRecords", "MaracRepository", "MaracLint"]),
    ("MaracCommandLine", "CommandLine", ["MaracBase", "MaracTOML", "MaracJSON", "MaracDefaults", "MaracRecords", "MaracRepository", "MaracProtocol", "MaracLint", "MaracIndex", "MaracVault", "MaracPapers", "MaracReports", "MaracTransfer", "MaracImport"]),
]

// Release builds optimise across the layers as they did when the library was one module.
let release: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "mfile",
    products: [
        .executable(name: "mfile", targets: ["mfile"]),
        .executable(name: "toml-decode", targets: ["toml-decode"]),
    ],
    targets: layers.map { layer in
        .target(
            name: layer.name, dependencies: layer.uses.map { .target(name: $0) },
            path: "Sources/MaracFiles/\(layer.folder)", swiftSettings: release)
    } + [
        .executableTarget(name: "mfile", dependencies: ["MaracCommandLine"], swiftSettings: release),
        .executableTarget(name: "toml-decode", dependencies: ["MaracTOML", "MaracJSON"]),
        .testTarget(name: "MaracFilesTests", dependencies: layers.map { .target(name: $0.name) } + ["toml-decode"]),
    ]
)
