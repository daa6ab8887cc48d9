# syntax=docker/dockerfile:1
# Linted with hadolint in CI, and built there without a Docker engine by .ci/docker-context-check:
# it copies what the build stage COPYs (honouring .dockerignore), runs this RUN line, lays out
# the runtime stage's files and runs the HEALTHCHECK against the binary started from them.

# Build: the official Swift 6.3 image; the Swift runtime and Foundation are linked statically.
FROM swift:6.3-noble AS build
WORKDIR /src
# SwiftPM loads every target the manifest declares, test targets included, even to build one
# product: without their folders it stops at "invalid custom path 'Tests/HTTPTestSupport'".
# So the stage gets Tests/ too (.dockerignore keeps out the folders that are no target); none
# of it reaches the runtime image.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
# The outputs stay under WORKDIR (relative paths), so the CI check can run this very line in a
# scratch copy of the stage without writing outside it.
RUN swift build -c release --static-swift-stdlib --product dossier-server \
    && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
    && mkdir -p out \
    && cp "$bin/dossier-server" out/ \
    && cp -R "$bin/dossier-server_Dossier.resources" out/ \
    && cp -R "$bin/dossier-server_DossierAPI.resources" out/

# Run: slim Ubuntu of the same release, non-root. libxml2 is the one shared library the
# static binary still needs (FoundationXML reads SBB XML exports with it).
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2=2.9.* \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin dossier
WORKDIR /app
# The binary finds its embedded dossiers, and the official CASE OpenAPI, in the resource bundles
# beside it.
COPY --from=build /src/out/ /app/
COPY Public ./Public
COPY openapi.yaml ./
USER 10001
ENV PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
    CMD ["/app/dossier-server", "healthcheck"]
ENTRYPOINT ["/app/dossier-server"]
CMD ["--host", "0.0.0.0"]
