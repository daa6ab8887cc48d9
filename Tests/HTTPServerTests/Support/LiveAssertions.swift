import HTTPServer
import HTTPTestSupport
import Testing

/// A GET of `path` with `Host: test` and `extra` field lines (each ending in CRLF).
func get(_ path: String, _ extra: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: test\r\n\(extra)\r\n"
}

/// Every response carries Date, and Content-Length unless 204/304 (RFC 9110 §8.6).
func expectFraming(_ response: TestClient.Response, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.header("Date")?.hasSuffix(" GMT") == true, sourceLocation: sourceLocation)
    if response.status != 204, response.status != 304 {
        #expect(response.header("Content-Length") != nil, sourceLocation: sourceLocation)
    }
}

/// Sends `request` to a live test server with `limits`, expects `status` as a problem with
/// `Connection: close` and proper framing, then the connection to close.
func expectRefusal(
    _ request: String, status: Int, limits: ServerLimits = ServerLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try withServer(limits: limits) { _, port in
        let client = try TestClient(port: port)
        client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
        #expect(response.header("Connection") == "close", sourceLocation: sourceLocation)
        expectFraming(response, sourceLocation: sourceLocation)
        #expect(client.waitForClose() == .closed(extraBytes: 0), sourceLocation: sourceLocation)
    }
}
