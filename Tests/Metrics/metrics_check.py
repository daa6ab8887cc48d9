#!/usr/bin/env python3
"""Scrapes a running dossier-server's /metrics before and after known requests, parses both
with prometheus_client's text parser (the reference implementation of the format), and checks
that the counts moved by exactly what was sent."""

import argparse
import socket
import sys
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def scrape(base):
    with urllib.request.urlopen(base + "/metrics") as response:
        content_type = response.headers["Content-Type"]
        if content_type != "text/plain; version=0.0.4; charset=utf-8":
            sys.exit(f"/metrics: Content-Type {content_type!r}")
        if response.headers["Cache-Control"] != "no-store":
            sys.exit(f"/metrics: Cache-Control {response.headers['Cache-Control']!r}")
        text = response.read().decode("utf-8")
    samples = {}
    families = list(text_string_to_metric_families(text))
    for family in families:
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return {family.name: family.type for family in families}, samples


def get(base, path):
    try:
        with urllib.request.urlopen(base + path) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def raw(base, data):
    host, port = base.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(data)
        return connection.recv(65536).split(b" ", 2)[1]


def value(samples, name, **labels):
    return samples.get((name, tuple(sorted(labels.items()))), 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:8080")
    base = parser.parse_args().base

    _, before = scrape(base)
    assert get(base, "/api/v1/dossiers") == 200
    assert get(base, "/api/v1/dossiers/23292") == 200
    assert get(base, "/api/v1/bestaat-niet") == 404
    assert raw(base, b"GET / HTTP/9.9\r\nHost: t\r\n\r\n") == b"505"
    types, after = scrape(base)

    expected_types = {
        "http_requests": "counter",
        "http_request_duration_seconds": "histogram",
        "http_response_bytes_written": "counter",
        "http_parse_errors": "counter",
        "http_connections_open": "gauge",
        "http_connections_rejected": "counter",
        "dossier_server_reloads": "counter",
        "dossier_server_data_info": "gauge",
    }
    for name, kind in expected_types.items():
        if types.get(name) != kind:
            sys.exit(f"metric family {name}: type {types.get(name)!r}, expected {kind!r}")

    def moved(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    checks = [
        (moved("http_requests_total", method="GET", route="/api/v1/dossiers", status="200"), 1),
        (moved("http_requests_total", method="GET", route="/api/v1/dossiers/{crebo}", status="200"), 1),
        (moved("http_requests_total", method="GET", route="unmatched", status="404"), 1),
        # The first scrape is counted in the second.
        (moved("http_requests_total", method="GET", route="/metrics", status="200"), 1),
        (moved("http_parse_errors_total", kind="unsupportedVersion"), 1),
        (moved("http_request_duration_seconds_count"), 4),
    ]
    failures = [
        f"check {index}: moved by {got}, expected {want}"
        for index, (got, want) in enumerate(checks)
        if got != want
    ]
    if moved("http_response_bytes_written_total") <= 0:
        failures.append("no bytes written counted")
    infos = [labels for (name, labels) in after if name == "dossier_server_data_info"]
    if len(infos) != 1 or not dict(infos[0]).get("version"):
        failures.append(f"data version: {infos}")
    if failures:
        sys.exit("metrics: " + "; ".join(failures))
    print(
        f"metrics: {len(after)} samples in {len(types)} families parsed by prometheus_client; "
        "counts moved as sent"
    )


if __name__ == "__main__":
    main()
