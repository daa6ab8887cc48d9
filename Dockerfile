# syntax=docker/dockerfile:1
# Build: the official Swift 6.3 image; the binary links the Swift runtime statically.
FROM swift:6.3-noble AS build
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
RUN swift build -c release --static-swift-stdlib \
    && mkdir -p /out \
    && cp "$(swift build -c release --show-bin-path)/dossier-server" /out/ \
    && cp -R "$(swift build -c release --show-bin-path)"/*.resources /out/

# Run: a slim Ubuntu with a non-root user; nothing but the binary, its data and the page.
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends libstdc++6=14.* tzdata=2024* \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home dossier
WORKDIR /app
COPY --from=build /out/ /app/
COPY Public ./Public
COPY openapi.yaml ./
USER dossier
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s CMD ["/app/dossier-server", "healthcheck"]
ENTRYPOINT ["/app/dossier-server"]
CMD ["--host", "0.0.0.0", "--port", "8080"]
