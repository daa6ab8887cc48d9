import Dispatch
import Dossier
import DossierAPI
import Foundation
import HTTPServer

/// `dossier-server [flags]`: builds the responder, serves until SIGTERM or SIGINT, then
/// shuts down gracefully and exits 0; SIGHUP reloads the data (``Reloader``).
struct ServerCommand {
    let options: ServeOptions

    /// The application over the validated dossiers, with the browse page and the contract.
    /// Everything is loaded, validated and indexed here, before the socket opens: an invalid
    /// data file stops start-up, never a half-loaded server. Rendering comes after the socket
    /// opens (see `run`).
    ///
    /// A reload builds the next application here too, with the running one's `metrics`, so
    /// the counters carry on across reloads.
    static func makeApplication(options: ServeOptions, metrics: ServerMetrics? = nil) throws
        -> DossierApplication
    {
        let data = try DataSources.load(options: options)
        let openAPI: [UInt8]
        do {
            openAPI = Array(try Data(contentsOf: URL(fileURLWithPath: options.openAPIFile)))
        } catch {
            throw StartupError(
                description:
                    "cannot read the contract '\(options.openAPIFile)' (run from the repository root or pass --openapi FILE)"
            )
        }
        var application: DossierApplication
        do {
            application = try DossierApplication(
                catalog: data.catalog, openAPIDocument: openAPI, publicDirectory: options.publicDirectory,
                exports: options.exports, dataVersion: data.version, metrics: metrics)
        } catch let error as StaticFiles.LoadError {
            throw StartupError(description: "\(error) (run from the repository root or pass --public DIR)")
        }
        application.configuration.host = options.host
        application.configuration.port = options.port
        application.configuration.accessLog = !options.isQuiet
        application.configuration.accessLogFormat = options.logFormat
        return application
    }

    /// A start-up failure that is not about the data.
    struct StartupError: Error, CustomStringConvertible {
        let description: String
    }

    func run() -> Int32 {
        // Block SIGTERM, SIGINT and SIGHUP before any thread starts, so every thread inherits
        // the mask: libdispatch on Linux reads signals through a signalfd, which only sees
        // blocked signals. Left unblocked, a signal can reach a thread through a handler
        // instead (and be lost, or kill the process: SIGHUP's default) before the sources
        // are registered.
        var handledSignals = sigset_t()
        sigemptyset(&handledSignals)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&handledSignals, number) }
        pthread_sigmask(SIG_BLOCK, &handledSignals, nil)

        let started = ContinuousClock.now
        let application: DossierApplication
        do {
            application = try Self.makeApplication(options: options)
        } catch let error as ImportError {
            // The data is wrong: say which file and where, like `validate` does.
            DossierServerCommand.printError("dossier-server: \(error)")
            return 2
        } catch {
            DossierServerCommand.printError("dossier-server: \(error)")
            return 1
        }
        var configuration = application.configuration
        configuration.limits.maxConnections = OpenFileLimit.fitConnectionCap(of: configuration)
        let responder = application.service
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
                + "(pid \(getpid()), data version \(application.dataVersion), \(configuration.eventLoopCount) event loops, public directory '\(options.publicDirectory)', "
                + "ready in \(started.duration(to: .now).formatted(.units(allowed: [.milliseconds]))))"
        )
        // Render the resources now, beside the event loops rather than on them (a thread of
        // its own: this is seconds of CPU with hundreds of dossiers, milliseconds without); the
        // LMS exports and CASE records are rendered on first use (`APIService.warmUp`).
        let rendering = Thread { [responder] in
            let rendered = responder.warmUp()
            DossierServerCommand.printError(
                "dossier-server: \(rendered.resources) resources rendered (\(rendered.bytes / 1024) KiB) "
                    + "\(started.duration(to: .now).formatted(.units(allowed: [.milliseconds]))) after start")
        }
        rendering.qualityOfService = .utility
        rendering.start()

        // Dispatch signal sources rather than handlers: the handler runs on a queue like any
        // other code, so it may call into the server. A signal that arrived before this point
        // is pending (blocked above) and is delivered as soon as the source is registered.
        var signalSources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in
                DossierServerCommand.printError("dossier-server: signal \(number), shutting down")
                server.shutdown()
            }
            source.resume()
            return source
        }
        // The handler only hands the signal on: the reload reads files, so it runs on the
        // reloader's own thread, never on this Dispatch worker.
        let reloader = Reloader(options: options, server: server, current: application)
        let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hangUp.setEventHandler { @Sendable in reloader.request() }
        hangUp.resume()
        signalSources.append(hangUp)
        server.wait()
        withExtendedLifetime(signalSources) {}
        DossierServerCommand.printError("dossier-server: stopped")
        return 0
    }
}
