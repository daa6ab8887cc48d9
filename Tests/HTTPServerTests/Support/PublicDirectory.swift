import Foundation

/// A temporary public directory with files, dot-files and symbolic links that point out of
/// it, for static-file and traversal tests. Made once per test process.
enum PublicDirectory {
    static let secret = "TOP SECRET: outside the public directory"
    static let index = "<!doctype html><h1>home</h1>\n"
    static let bigFile: [UInt8] = (0..<60_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }

    /// The public directory's path.
    static let path: String = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("http-server-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let outside = root.appendingPathComponent("outside")
        let public_ = root.appendingPathComponent("public")
        let files = FileManager.default
        try! files.createDirectory(
            at: outside.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try! files.createDirectory(
            at: public_.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try! files.createDirectory(
            at: public_.appendingPathComponent(".git"), withIntermediateDirectories: true)
        func write(_ url: URL, _ bytes: [UInt8]) { try! Data(bytes).write(to: url) }
        write(outside.appendingPathComponent("secret.txt"), Array(secret.utf8))
        write(outside.appendingPathComponent("dir/inner.txt"), Array(secret.utf8))
        write(public_.appendingPathComponent("index.html"), Array(index.utf8))
        write(public_.appendingPathComponent("style.css"), Array("body { color: black }\n".utf8))
        write(public_.appendingPathComponent("docs/index.html"), Array("<p>docs</p>\n".utf8))
        write(public_.appendingPathComponent("docs/guide.txt"), Array("guide\n".utf8))
        write(public_.appendingPathComponent("big.bin"), bigFile)
        write(public_.appendingPathComponent("with space.txt"), Array("space\n".utf8))
        write(public_.appendingPathComponent(".env"), Array(secret.utf8))
        write(public_.appendingPathComponent(".git/config"), Array(secret.utf8))
        try! files.createSymbolicLink(
            atPath: public_.appendingPathComponent("escape.txt").path,
            withDestinationPath: "../outside/secret.txt")
        try! files.createSymbolicLink(
            atPath: public_.appendingPathComponent("linked").path, withDestinationPath: "../outside/dir")
        try! files.createSymbolicLink(
            atPath: public_.appendingPathComponent("absolute.txt").path,
            withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        return public_.path
    }()

    /// Request paths that try to reach outside the directory, or hidden and linked files.
    static let traversalAttempts = [
        "/../outside/secret.txt",
        "/..%2foutside%2fsecret.txt",
        "/%2e%2e/outside/secret.txt",
        "/%2E%2E/outside/secret.txt",
        "/.%2e/outside/secret.txt",
        "/docs/../../outside/secret.txt",
        "/docs/%2e%2e/%2e%2e/outside/secret.txt",
        "/docs%2f..%2f..%2foutside%2fsecret.txt",
        "/docs%2fguide.txt",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/..\\outside\\secret.txt",
        "/%5c..%5coutside%5csecret.txt",
        "/index.html%00.txt",
        "/index.html%00",
        "/escape.txt",
        "/absolute.txt",
        "/linked/inner.txt",
        "/linked/",
        "/.env",
        "/.git/config",
        "/%2eenv",
        "/./index.html",
        "/docs/./guide.txt",
        "/%zz",
        "/%c0%ae%c0%ae/outside/secret.txt",
        "/etc/passwd",
    ]
}
