import Synchronization

/// The server's metrics in the Prometheus text exposition format (version 0.0.4), summed on
/// scrape from the counters each event loop keeps for itself (``LoopMetrics``).
///
/// Set it as ``ServerConfiguration/metrics``; the server registers its loops at start. Every
/// label comes from a closed set, so no client can grow the output: methods are the standard
/// ones plus `other`, routes are ``routeTemplates`` plus `unmatched` (a response says its route
/// with ``HTTPResponse/route``, an integer), statuses are the usual codes plus `other`.
///
/// What the application adds that the HTTP layer cannot know: reloads
/// (``recordReload(succeeded:)``) and the live data version (``setDataVersion(_:)``). Both are
/// rare, so they sit behind an atomic and a mutex that the request path never touches.
public final class ServerMetrics: Sendable {
    /// The media type of ``exposition()`` (Prometheus text format 0.0.4).
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The route templates, in the order of their indices.
    public let routeTemplates: [String]
    let layout: MetricsLayout

    private struct Registered: Sendable {
        let loops: [LoopMetrics]
        let context: ServerContext
    }

    private let servers = Mutex<[Registered]>([])
    private let reloadsSucceeded = Atomic<Int>(0)
    private let reloadsFailed = Atomic<Int>(0)
    private let dataVersion: Mutex<String>

    /// Creates the metrics for a responder whose responses name their route by an index into
    /// `routeTemplates`; `dataVersion` is the version of the data served at start.
    public init(routeTemplates: [String], dataVersion: String = "") {
        self.routeTemplates = routeTemplates
        layout = MetricsLayout(routeCount: routeTemplates.count)
        self.dataVersion = Mutex(dataVersion)
    }

    /// Counts a reload of the data: `succeeded` when the new data is live, else the old data
    /// stays (`dossier_server_reloads_total{result="ok"|"failed"}`).
    public func recordReload(succeeded: Bool) {
        if succeeded {
            reloadsSucceeded.add(1, ordering: .relaxed)
        } else {
            reloadsFailed.add(1, ordering: .relaxed)
        }
    }

    /// Sets the version of the data now live (`dossier_server_data_info{version="…"} 1`).
    public func setDataVersion(_ version: String) {
        dataVersion.withLock { $0 = version }
    }

    /// The version of the data now live.
    public var currentDataVersion: String { dataVersion.withLock { $0 } }

    /// The loops of a starting server.
    func register(loops: [LoopMetrics], context: ServerContext) {
        servers.withLock { $0.append(Registered(loops: loops, context: context)) }
    }

    /// Every metric, as text: counters summed over all loops of every registered server, read
    /// with relaxed atomics (no lock any loop takes, no waiting for a loop).
    public func exposition() -> String {
        let registered = servers.withLock { $0 }
        let loops = registered.flatMap(\.loops)
        func total(_ index: Int) -> Int { loops.reduce(0) { $0 + $1.value(at: index) } }

        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }

        family("http_requests_total", "counter", "Requests answered, by method, route template and status.")
        for index in 0..<layout.requestCount {
            let value = total(index)
            guard value > 0 else { continue }
            let slots = layout.requestSlots(index)
            let method =
                slots.method < MetricsLayout.methods.count
                ? MetricsLayout.methods[slots.method].rawValue : "other"
            let route = slots.route < routeTemplates.count ? routeTemplates[slots.route] : "unmatched"
            let status =
                slots.status < MetricsLayout.statuses.count
                ? String(MetricsLayout.statuses[slots.status]) : "other"
            out +=
                "http_requests_total{method=\"\(method)\",route=\"\(Self.escaped(route))\",status=\"\(status)\"} \(value)\n"
        }

        family(
            "http_request_duration_seconds", "histogram",
            "Time from reading a request to its response being queued for writing.")
        var cumulative = 0
        for (bucket, bound) in MetricsLayout.bucketBounds.enumerated() {
            cumulative += total(layout.firstBucket + bucket)
            out += "http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        cumulative += total(layout.firstBucket + MetricsLayout.bucketBounds.count)
        out += "http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
        out += "http_request_duration_seconds_sum \(Double(total(layout.latencySumNanoseconds)) / 1e9)\n"
        out += "http_request_duration_seconds_count \(cumulative)\n"

        family("http_response_bytes_written_total", "counter", "Bytes written to clients.")
        out += "http_response_bytes_written_total \(total(layout.bytesWritten))\n"

        family(
            "http_parse_errors_total", "counter",
            "Requests that could not be parsed, by kind (answered 4xx/5xx and closed).")
        for (offset, kind) in MetricsLayout.parseErrorKinds.enumerated() {
            out += "http_parse_errors_total{kind=\"\(kind)\"} \(total(layout.firstParseError + offset))\n"
        }

        family("http_request_timeouts_total", "counter", "Requests that did not arrive in time (408).")
        out += "http_request_timeouts_total \(total(layout.requestTimeouts))\n"

        family("http_connections_open", "gauge", "Connections open now.")
        let open = registered.reduce(0) { $0 + $1.context.openConnections.load(ordering: .relaxed) }
        out += "http_connections_open \(open)\n"

        family(
            "http_connections_rejected_total", "counter",
            "Connections refused beyond the connection cap, by how.")
        out += "http_connections_rejected_total{action=\"503\"} \(total(layout.rejectedConnections))\n"
        let closed = registered.reduce(0) { $0 + $1.context.closedAtOnce.load(ordering: .relaxed) }
        out += "http_connections_rejected_total{action=\"closed\"} \(closed)\n"

        family("dossier_server_reloads_total", "counter", "Data reloads (SIGHUP), by result.")
        out += "dossier_server_reloads_total{result=\"ok\"} \(reloadsSucceeded.load(ordering: .relaxed))\n"
        out += "dossier_server_reloads_total{result=\"failed\"} \(reloadsFailed.load(ordering: .relaxed))\n"

        family("dossier_server_data_info", "gauge", "The version of the data being served (always 1).")
        out += "dossier_server_data_info{version=\"\(Self.escaped(currentDataVersion))\"} 1\n"
        return out
    }

    /// A label value with `\`, `"` and newlines escaped (text format 0.0.4).
    static func escaped(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
