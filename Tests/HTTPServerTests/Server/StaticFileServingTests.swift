import HTTPTestSupport
import Testing

@testable import HTTPServer

@Suite("Live server: static files")
struct StaticFileServingTests {
    @Test(
        "no traversal trick reaches a file outside the public directory",
        arguments: PublicDirectory.traversalAttempts)
    func traversal(path: String) throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get(path))
            let response = try client.readResponse()
            #expect([400, 404].contains(response.status))
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(!response.text.contains("SECRET"))
        }
    }

    @Test("files are served whole, / as index.html, with ETag revalidation")
    func serving() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.send(get("/"))
            let index = try client.readResponse()
            #expect(index.text == PublicDirectory.index)
            #expect(index.header("Content-Type") == "text/html; charset=utf-8")
            client.send(get("/big.bin"))
            let big = try client.readResponse()
            #expect(big.header("Content-Length") == "60000")
            #expect(big.body == PublicDirectory.bigFile)
            client.send(get("/big.bin", "If-None-Match: \(big.header("ETag") ?? "")\r\n"))
            #expect(try client.readResponse().status == 304)
        }
    }
}
