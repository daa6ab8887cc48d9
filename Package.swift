// swift-tools-version:6.0
import PackageDescription

// Layers (see README "Architecture"): each target imports only the ones below it.
//   dossier-server ──> DossierAPI ──> Dossier
//                                 └─> HTTPServer ──> CEpoll, CZlib
// Linux only: the server is built on epoll, memfd and sendfile, so no platform is claimed.
let package = Package(
    name: "dossier-server",
    products: [
        .executable(name: "dossier-server", targets: ["DossierServer"])
    ],
    targets: [
        // What Glibc's Swift module does not export: epoll, eventfd, memfd_create and its seals.
        .target(name: "CEpoll"),
        // zlib, a system library (Debian: zlib1g-dev), for the gzip representations of responses.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "HTTPServer",
            dependencies: ["CEpoll", "CZlib"]
        ),
        .target(
            name: "Dossier",
            resources: [.copy("Resources/dossiers")]
        ),
        .target(
            name: "DossierAPI",
            dependencies: ["Dossier", "HTTPServer"],
            // The official CASE 1.1 OpenAPI, served byte for byte at its discovery path.
            resources: [.copy("Exports/CASE/Official")]
        ),
        .executableTarget(
            name: "DossierServer",
            dependencies: ["DossierAPI", "Dossier", "HTTPServer"]
        ),
        // The live ring of the tests: a raw-socket client and a server on an ephemeral port.
        .target(
            name: "HTTPTestSupport", dependencies: ["HTTPServer", "CZlib"], path: "Tests/HTTPTestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPTestSupport"]),
        // The importer and API tests' own reading of an SBB export, their oracle: one scan of the
        // XML (ExportScan) and the text rules it is read by (ExportText). It imports no Dossier code.
        .target(name: "DossierTestSupport", path: "Tests/DossierTestSupport"),
        .testTarget(
            name: "DossierTests", dependencies: ["Dossier", "DossierTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DossierAPITests",
            dependencies: ["DossierAPI", "Dossier", "HTTPServer", "HTTPTestSupport", "DossierTestSupport"]),
        .testTarget(name: "DossierServerTests", dependencies: ["DossierServer", "HTTPTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
