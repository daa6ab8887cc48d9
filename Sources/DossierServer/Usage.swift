/// The usage text, printed for `--help` and (on standard error) for bad flags.
enum Usage {
    static let text = """
        usage: dossier-server [--host H] [--port P] [--public DIR] [--data DIR] [--quiet]
               dossier-server healthcheck [--port P]

        Serves the kwalificatiedossier API over HTTP/1.1.

        options:
          --host H        address to listen on (default 0.0.0.0)
          --port P        port to listen on, 0 for any free port (default $PORT, else 8080)
          --public DIR    directory of static files served for non-API paths (default Public)
          --data DIR      directory of dossier data (default: the embedded dossiers)
          --quiet, -q     no access log on standard output
          --help, -h      show this text

        commands:
          healthcheck     exit 0 if http://127.0.0.1:$PORT/healthz answers 200, else 1
        """
}
