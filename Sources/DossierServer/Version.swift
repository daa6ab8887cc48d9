/// The version `dossier-server --version` prints.
///
/// A constant, not `git describe` baked in at build time: the Docker build context has no
/// `.git` (and a build step that runs git would fail there, or print something else than a
/// local build). It is the version of the contract the server implements, `info.version` in
/// `openapi.yaml`; a test fails when the two differ, so a release bumps both.
enum Version {
    static let current = "1.0.0"
}
