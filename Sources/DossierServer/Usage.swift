import DossierAPI

/// The usage text, printed for `--help` and (on standard error) for bad flags.
enum Usage {
    static let text = """
        usage: dossier-server [--host H] [--port P] [--public DIR] [--data DIR [--no-embedded]] [--openapi FILE]
                              [--public-base-url URL] [--moodle-scale S] [--canvas-ratings R]
                              [--log-format text|json] [--quiet]
               dossier-server healthcheck [--port P]
               dossier-server import FILE... --out DIR
               dossier-server validate FILE...
               dossier-server help | --help | --version

        Serves the kwalificatiedossier API over HTTP/1.1.

        options:
          --host H        address to listen on (default 0.0.0.0)
          --port P        port to listen on, 0 for any free port (default $PORT, else 8080)
          --public DIR    directory of static files served for non-API paths (default Public)
          --data DIR      also load every *.json and SBB *.xml file in DIR; a dossier whose crebo is
                          embedded replaces the embedded copy (said on standard error)
          --no-embedded   serve only the dossiers in --data, not the embedded ones
          --openapi FILE  the contract served at /openapi.yaml (default openapi.yaml)
          --public-base-url URL
                          where clients reach the server: the start of every CASE uri
                          (default http://localhost:8080)
          --moodle-scale S
                          the scale of the Moodle exports, ITEM,ITEM,...;DEFAULT;PROFICIENT: the
                          items lowest first, as the site's scale has them, then the number of the
                          item a competency starts at and the numbers of the proficient ones
                          (default '\(MoodleScale.defaultCompetenceScale.specification)',
                          Moodle's "Default competence scale")
          --canvas-ratings R
                          the ratings of the Canvas exports, POINTS:DESCRIPTION,...;MASTERY: highest
                          first, then the points from which an outcome is mastered (default
                          Canvas's own scale:
                          '\(CanvasRatings.canvasDefault.specification)')
          --log-format F  access log as text (default: time client method target status bytes
                          duration) or json (one object per line, for log shippers)
          --quiet, -q     no access log on standard output
          --help, -h      show this text (also: dossier-server help)
          --version       show the version

        commands:
          healthcheck     exit 0 if http://127.0.0.1:$PORT/healthz answers 200, else 1
          import          turn published texts (*.txt), SBB XML exports or JSON into {crebo}.json files
          validate        check data files and print what each holds; exit 2 on the first error
        """
}
