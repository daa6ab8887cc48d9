import HTTPTestSupport
import Testing

@testable import HTTPServer

/// The tuning only changes how the server does its I/O, never what a client reads: with
/// tiny reads, few vectors per write, a low copy threshold and no wire images, pipelined
/// requests of every size still come back whole and in order.
@Suite("Live server: tuning")
struct TuningTests {
    @Test("tiny buffers and batches serve the same bytes")
    func tinyTuning() throws {
        var configuration = TestVocabulary.configuration(responseHeaders: ["X-Marker": "own"])
        configuration.tuning = ServerTuning(
            listenBacklog: 4, readBufferSize: 7, eventsPerPoll: 1, pollRoundsPerWakeUp: 1, vectorsPerWrite: 2,
            inlineCopyThreshold: 0, retainedWriteBufferCapacity: 16, wireImageThreshold: .max)
        try withLiveServer(responder: try TestResponder.make(), configuration: configuration) { _, port in
            let client = try TestClient(port: port)
            client.send(
                get("/hello") + get("/big.bin") + get("/prepared") + "POST /echo HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Length: 3\r\n\r\nabc" + get("/big.bin") + get("/items/9?x"))
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse().body == PublicDirectory.bigFile)
            #expect(try client.readResponse().text == "{\"prepared\":true}\n")
            #expect(try client.readResponse().text == "3:abc")
            let big = try client.readResponse()
            #expect(big.body == PublicDirectory.bigFile)
            #expect(big.fields.filter { $0.name == "X-Marker" }.count == 1)
            #expect(try client.readResponse().text == "item 9 x")
        }
    }

    @Test("the timer tick is a quarter of the shortest timeout, within the configured bounds")
    func timerTick() {
        let timeouts = ConnectionStateMachine.Timeouts(
            request: .seconds(10), idle: .seconds(15), linger: .seconds(2))
        #expect(EventLoop.tickMilliseconds(for: timeouts) == 250)
        #expect(
            EventLoop.tickMilliseconds(for: timeouts, within: .milliseconds(1)...(.milliseconds(100))) == 100)
        let short = ConnectionStateMachine.Timeouts(
            request: .milliseconds(8), idle: .seconds(1), linger: .seconds(1))
        #expect(EventLoop.tickMilliseconds(for: short) == 5)
        #expect(EventLoop.tickMilliseconds(for: short, within: .milliseconds(1)...(.seconds(1))) == 2)
    }
}
