/// How the access log writes a line (``ServerConfiguration/accessLogFormat``).
public enum AccessLogFormat: String, Sendable, CaseIterable {
    /// `2026-12-01T22:27:25.123Z 127.0.0.1 GET /healthz 200 16 42us`: for people.
    case text
    /// One JSON object per line, for log shippers:
    /// `{"time":"2026-12-01T22:27:25.123Z","client":"127.0.0.1","method":"GET",...}`.
    case json
}
