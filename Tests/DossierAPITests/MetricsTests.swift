import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

@testable import DossierAPI

/// `/metrics` behind a live server: counts after known requests, closed label sets, and the
/// format's fixed parts. Each test builds its own application, so its counters are its own.
@Suite("Metrics")
struct MetricsTests {
    private func freshApplication() throws -> DossierApplication {
        try DossierApplication(
            catalog: APIFixture.catalog, openAPIDocument: Array(APIFixture.openAPIText.utf8),
            publicDirectory: APIFixture.repository.appendingPathComponent("Public").path)
    }

    /// The sample lines of a scrape, by name with labels (`name{a="b"}` → value).
    private func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...])
            else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    private func scrape(_ port: Int) throws -> (TestClient.Response, [String: Double]) {
        let client = try TestClient(port: port)
        client.send("GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        return (response, samples(response.text))
    }

    private func send(_ port: Int, _ text: String) throws -> Int {
        let client = try TestClient(port: port)
        client.send(text)
        return try client.readResponse(isHead: text.hasPrefix("HEAD ")).status
    }

    @Test("requests are counted by method, route template and status; bytes and latencies add up")
    func countsKnownRequests() throws {
        let application = try freshApplication()
        try withLiveServer(responder: application.service, configuration: application.configuration) {
            _, port in
            for _ in 0..<3 {
                #expect(try send(port, "GET /api/v1/dossiers/23292 HTTP/1.1\r\nHost: t\r\n\r\n") == 200)
            }
            // Another form of the same resource goes through the router: the same route label.
            #expect(try send(port, "GET /api/v1/dossiers/%32%33292 HTTP/1.1\r\nHost: t\r\n\r\n") == 200)
            #expect(try send(port, "GET /api/v1/dossiers/99999 HTTP/1.1\r\nHost: t\r\n\r\n") == 404)
            #expect(try send(port, "HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n") == 200)
            #expect(try send(port, "GET /api/v1/zoeken?q=klant HTTP/1.1\r\nHost: t\r\n\r\n") == 200)
            #expect(try send(port, "GET /bad\u{7F} HTTP/1.1\r\nHost: t\r\n\r\n") == 400)

            let (response, samples) = try scrape(port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            #expect(response.header("Cache-Control") == "no-store")
            #expect(
                samples[#"http_requests_total{method="GET",route="/api/v1/dossiers/{crebo}",status="200"}"#]
                    == 4)
            #expect(
                samples[#"http_requests_total{method="GET",route="/api/v1/dossiers/{crebo}",status="404"}"#]
                    == 1)
            #expect(samples[#"http_requests_total{method="HEAD",route="/healthz",status="200"}"#] == 1)
            #expect(samples[#"http_requests_total{method="GET",route="/api/v1/zoeken",status="200"}"#] == 1)
            #expect(samples[#"http_parse_errors_total{kind="invalidTarget"}"#] == 1)
            // Seven requests answered before this scrape (the parse error is not a request).
            #expect(samples[#"http_request_duration_seconds_count"#] == 7)
            #expect(samples[#"http_request_duration_seconds_bucket{le="+Inf"}"#] == 7)
            #expect((samples["http_response_bytes_written_total"] ?? 0) > 4 * 60_000)
            #expect(samples["http_connections_open"].map { $0 >= 1 } == true)
            #expect(samples[#"dossier_server_reloads_total{result="ok"}"#] == 0)
            let version = application.metrics.currentDataVersion
            #expect(version.count == 64)
            #expect(samples[#"dossier_server_data_info{version="\#(version)"}"#] == 1)

            // The scrape itself is counted by the next one, and the reload counters move.
            application.metrics.recordReload(succeeded: true)
            application.metrics.recordReload(succeeded: false)
            application.metrics.setDataVersion("abc")
            let (_, after) = try scrape(port)
            #expect(after[#"http_requests_total{method="GET",route="/metrics",status="200"}"#] == 1)
            #expect(after[#"dossier_server_reloads_total{result="ok"}"#] == 1)
            #expect(after[#"dossier_server_reloads_total{result="failed"}"#] == 1)
            #expect(after[#"dossier_server_data_info{version="abc"}"#] == 1)
        }
    }

    @Test("an unknown method and random paths land in other and unmatched: no client grows the labels")
    func closedLabels() throws {
        let application = try freshApplication()
        try withLiveServer(responder: application.service, configuration: application.configuration) {
            _, port in
            #expect(try send(port, "BREW /api/v1/dossiers HTTP/1.1\r\nHost: t\r\n\r\n") == 501)
            for index in 0..<5 {
                #expect(
                    try send(port, "GET /api/v1/random-\(index)-\(UUID()) HTTP/1.1\r\nHost: t\r\n\r\n") == 404
                )
            }
            let (response, samples) = try scrape(port)
            #expect(samples[#"http_requests_total{method="other",route="unmatched",status="501"}"#] == 1)
            #expect(samples[#"http_requests_total{method="GET",route="unmatched",status="404"}"#] == 5)
            #expect(!response.text.contains("random-"))
            #expect(!response.text.contains("BREW"))
            let routes = Set(
                response.text.split(separator: "\n").filter { $0.hasPrefix("http_requests_total{") }
                    .compactMap {
                        $0.firstMatch(of: /route="([^"]*)"/).map { String($0.output.1) }
                    })
            #expect(routes.isSubset(of: Set(ResourceTable.all.map(\.template) + ["unmatched"])))
        }
    }
}
