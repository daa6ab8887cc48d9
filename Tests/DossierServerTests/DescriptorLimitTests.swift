import Foundation
import HTTPTestSupport
import Testing

@testable import DossierServer

/// The connection cap against the open-file limit: the budget's arithmetic, and the real
/// binary started under a low limit.
@Suite("Descriptor limit")
struct DescriptorLimitTests {
    @Test("a limit with room for the cap and every rejection slot keeps the cap")
    func roomyLimit() {
        let budget = DescriptorBudget.fitting(connections: 10_000, eventLoops: 2, limit: 1_048_576)
        #expect(budget.connections == 10_000 && budget.rejections == DescriptorBudget.rejectionAllowance)
        #expect(budget.total == 10_000 + 1024 + DescriptorBudget.fixed(eventLoops: 2))
    }

    @Test(
        "a tight limit lowers the cap so that cap, rejections and the server fit",
        arguments: [64, 1024, 10_500, 11_000])
    func tightLimit(limit: Int) {
        let budget = DescriptorBudget.fitting(connections: 10_000, eventLoops: 2, limit: limit)
        #expect(budget.total <= limit)
        #expect(budget.connections < 10_000)
        #expect(budget.rejections >= 1)
        // As much as fits: one more connection would not.
        #expect(budget.total + 1 > limit || budget.rejections == DescriptorBudget.rejectionAllowance)
    }

    @Test("an absurdly low limit still leaves a cap of one")
    func absurdLimit() {
        #expect(DescriptorBudget.fitting(connections: 10_000, eventLoops: 2, limit: 5).connections == 1)
    }

    @Test("the fixed part covers every descriptor the idle server really holds")
    func fixedPartMatchesTheRunningServer() throws {
        let server = try ServerProcess(["--host", "127.0.0.1", "--port", "0", "--quiet"])
        _ = try server.waitUntilListening()
        // Debug builds render the ~3,500 resources (CASE records included) in several seconds, more
        // with the other tests running beside it.
        #expect(server.waitForErrors(matching: "resources rendered", timeout: .seconds(60)))
        // A connection served and gone, so the loops' timers and the body file exist.
        let client = try TestClient(port: server.port)
        client.send("GET /api/v1/dossiers/23292 HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        client.disconnect()
        usleep(100_000)
        let held = server.openDescriptors
        let counted = DescriptorBudget.fixed(eventLoops: ProcessInfo.processInfo.activeProcessorCount)
        #expect(held.count <= counted - DescriptorBudget.transient, "\(held)")
        #expect(server.stop() == 0)
    }

    @Test("a low soft limit is raised as far as the cap needs, within the hard limit")
    func raisesTheSoftLimit() throws {
        let server = try ServerProcess(
            ["--host", "127.0.0.1", "--port", "0", "--quiet"], softOpenFileLimit: 64)
        _ = try server.waitUntilListening()
        let limits = try String(
            contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        let hard = try #require(numbers.count == 2 ? numbers[1] : nil)
        let needed = DescriptorBudget.fitting(
            connections: 10_000, eventLoops: ProcessInfo.processInfo.activeProcessorCount, limit: .max
        ).total
        #expect(numbers[0] == min(needed, hard))
        #expect(server.errors.contains("connection cap lowered") == (hard < needed))
        #expect(server.stop() == 0)
    }

    @Test("under a hard limit of 64 the cap is lowered, and a connection past it gets a 503 problem")
    func lowLimitAnswers503() throws {
        let server = try ServerProcess(["--host", "127.0.0.1", "--port", "0", "--quiet"], openFileLimit: 64)
        let port = try server.waitUntilListening()
        let cap = try #require(
            server.capture(#"connection cap lowered to (\d+)"#).flatMap { Int($0) }, "\(server.errors)")
        #expect(cap > 0 && cap < 64)

        // Fill the cap with keep-alive connections, each really served.
        var held: [TestClient] = []
        for _ in 0..<cap {
            let client = try TestClient(port: port)
            client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            held.append(client)
        }
        // Past the cap: answered at once, 503 problem+json, not left in the backlog.
        for _ in 0..<3 {
            let extra = try TestClient(port: port)
            extra.send("GET /api/v1 HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try extra.readResponse(timeout: .seconds(3))
            #expect(response.status == 503)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.text.contains("service-unavailable"))
        }
        // The health check gets its answer too (503 while full, exit 1, in time) ...
        let started = ContinuousClock.now
        #expect(try ExecutableTests.run(["healthcheck", "--port", "\(port)"]).status == 1)
        #expect(ContinuousClock.now - started < .seconds(2))
        // ... and passes as soon as a connection closes.
        held.removeLast().disconnect()
        var status: Int32 = 1
        let deadline = ContinuousClock.now + .seconds(5)
        while status != 0, ContinuousClock.now < deadline {
            status = try ExecutableTests.run(["healthcheck", "--port", "\(port)"]).status
            if status != 0 { usleep(50_000) }
        }
        #expect(status == 0)
        for client in held { #expect(client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")) }
        for client in held { #expect(try client.readResponse().status == 200) }
        #expect(server.stop() == 0)
    }
}
