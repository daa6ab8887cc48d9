// swift-tools-version:6.0
import PackageDescription

// Layers (see README "Architecture"): each target imports only the ones below it.
//   dossier-server ──> DossierAPI ──> Dossier
//                                 └─> HTTPServer ──> CEpoll
let package = Package(
    name: "dossier-server",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossier-server", targets: ["DossierServer"])
    ],
    targets: [
        // epoll is not exported by the Glibc module; this shim exposes <sys/epoll.h>.
        .target(name: "CEpoll"),
        .target(
            name: "HTTPServer",
            dependencies: ["CEpoll"]
        ),
        .target(
            name: "Dossier",
            resources: [.copy("Resources/dossiers")]
        ),
        .target(
            name: "DossierAPI",
            dependencies: ["Dossier", "HTTPServer"]
        ),
        .executableTarget(
            name: "DossierServer",
            dependencies: ["DossierAPI", "Dossier", "HTTPServer"]
        ),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "DossierTests", dependencies: ["Dossier"], exclude: ["Fixtures"]),
        .testTarget(name: "DossierAPITests", dependencies: ["DossierAPI", "Dossier", "HTTPServer"]),
        .testTarget(name: "DossierServerTests", dependencies: ["DossierServer"]),
    ],
    swiftLanguageModes: [.v6]
)
