# syntax=docker/dockerfile:1
# Linted with hadolint in CI; no Docker engine runs where this project is built, so the image
# itself has not been built there (see README).

# Build: the official Swift 6.3 image; the Swift runtime and Foundation are linked statically.
FROM swift:6.3-noble AS build
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
RUN swift build -c release --static-swift-stdlib --product dossier-server \
    && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
    && mkdir -p /out \
    && cp "$bin/dossier-server" /out/ \
    && cp -R "$bin/dossier-server_Dossier.resources" /out/

# Run: slim Ubuntu of the same release, non-root. libxml2 is the one shared library the
# static binary still needs (FoundationXML reads SBB XML exports with it).
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends libxml2=2.9.* \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin dossier
WORKDIR /app
# The binary finds its embedded dossiers in the resource bundle beside it.
COPY --from=build /out/ /app/
COPY Public ./Public
COPY openapi.yaml ./
USER 10001
ENV PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
    CMD ["/app/dossier-server", "healthcheck"]
ENTRYPOINT ["/app/dossier-server"]
CMD ["--host", "0.0.0.0"]
