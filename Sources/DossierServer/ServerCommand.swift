import Dispatch
import Foundation
import HTTPServer

/// `dossier-server [flags]`: builds the responder, serves until SIGTERM or SIGINT, then
/// shuts down gracefully and exits 0.
struct ServerCommand {
    let options: ServeOptions

    /// The responder that answers every request. This is the one place that decides what
    /// the server serves: for now `/healthz` and the static files; the API routes join here.
    static func makeResponder(options: ServeOptions) throws -> any HTTPResponder {
        var routes = RouterBuilder()
        let health = PreparedResponse(
            headers: ["Content-Type": "application/json", "Cache-Control": "no-store"],
            text: "{\"status\":\"ok\"}\n", addsETag: false)
        routes.add(.get, "/healthz") { _, _ in HTTPResponse(prepared: health) }
        return try routes.build(fallback: try StaticFiles(directory: options.publicDirectory))
    }

    func run() -> Int32 {
        // Block SIGTERM and SIGINT before any thread starts, so every thread inherits the
        // mask: libdispatch on Linux reads signals through a signalfd, which only sees
        // blocked signals. Left unblocked, a signal can reach a thread through a handler
        // instead (and be lost, or kill the process) before the sources are registered.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for number in [SIGTERM, SIGINT] { sigaddset(&stopSignals, number) }
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

        let responder: any HTTPResponder
        do {
            responder = try Self.makeResponder(options: options)
        } catch {
            DossierServerCommand.printError("dossier-server: \(error)")
            return 1
        }
        let configuration = ServerConfiguration(
            host: options.host, port: options.port, accessLog: !options.isQuiet)
        let server = Server(configuration: configuration, responder: responder)
        let port: Int
        do {
            port = try server.start()
        } catch {
            DossierServerCommand.printError("dossier-server: \(error)")
            return 1
        }
        DossierServerCommand.printError(
            "dossier-server: listening on http://\(options.host):\(port) "
                + "(\(configuration.eventLoopCount) event loops, public directory '\(options.publicDirectory)')"
        )

        // Dispatch signal sources rather than handlers: the handler runs on a queue like any
        // other code, so it may call into the server. A signal that arrived before this point
        // is pending (blocked above) and is delivered as soon as the source is registered.
        let signalSources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in
                DossierServerCommand.printError("dossier-server: signal \(number), shutting down")
                server.shutdown()
            }
            source.resume()
            return source
        }
        server.wait()
        withExtendedLifetime(signalSources) {}
        DossierServerCommand.printError("dossier-server: stopped")
        return 0
    }
}
