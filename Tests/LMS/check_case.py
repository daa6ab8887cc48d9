#!/usr/bin/env python3
"""Checks the CASE 1.1 provider against the official 1EdTech CFPackage JSON Schema.

Walks GET /ims/case/v1p1/CFDocuments on a live server (--base) and validates every CFPackage
against case_v1p1_cfpackage-jsonschema1.json (draft 2019-09, formats asserted), or validates
package-*.json files in a directory (--dir). Beyond the schema it checks what the schema cannot:
identifiers unique across all packages, every uri absolute on the base URL, every association
end known, isChildOf sequence numbers 1..n per parent, one package per CFDocument.

Needs `jsonschema[format-nongpl]` (installed by .ci/run). Exit status 1 on any failure.
"""

import argparse
import json
import pathlib
import sys
import urllib.request

from jsonschema import Draft201909Validator

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = json.loads((HERE / "case_v1p1_cfpackage-jsonschema1.json").read_text(encoding="utf-8"))


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.status, dict(response.headers), json.loads(response.read())


def packages_from_server(base):
    # By path on --base, not by their `uri`: those are on the public base URL, which need not
    # be where this check reaches the server.
    status, headers, body = fetch(base + "/ims/case/v1p1/CFDocuments")
    assert status == 200, status
    documents = body["CFDocuments"]
    total = int(headers.get("X-Total-Count", "-1"))
    if total != len(documents):
        yield None, f"X-Total-Count {total} != {len(documents)} documents"
    for document in documents:
        status, _, package = fetch(base + "/ims/case/v1p1/CFPackages/" + document["CFPackageURI"]["identifier"])
        if package["CFDocument"] != {k: v for k, v in document.items() if k != "CFPackageURI"}:
            yield None, f"CFDocument {document['identifier']} differs from its package's"
        yield package, None


def packages_from_dir(directory):
    for path in sorted(pathlib.Path(directory).glob("package-*.json")):
        yield json.loads(path.read_text(encoding="utf-8")), None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--base", help="the server's public base URL, e.g. http://127.0.0.1:8080")
    source.add_argument("--dir", help="a directory of package-*.json files")
    parser.add_argument("--public-base-url", help="what every uri must start with (default: --base)")
    args = parser.parse_args()
    public = (args.public_base_url or args.base or "http://localhost:8080").rstrip("/")

    validator = Draft201909Validator(SCHEMA, format_checker=Draft201909Validator.FORMAT_CHECKER)
    Draft201909Validator.check_schema(SCHEMA)
    failures = []
    seen = {}
    packages = 0
    items = associations = 0
    source = packages_from_server(args.base.rstrip("/")) if args.base else packages_from_dir(args.dir)
    for package, problem in source:
        if problem:
            failures.append(problem)
            continue
        packages += 1
        document = package["CFDocument"]
        name = f"package {document['identifier']} ({document['title']})"
        for error in validator.iter_errors(package):
            failures.append(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        records = [document, *package.get("CFItems", []), *package.get("CFAssociations", [])]
        for record in records:
            other = seen.setdefault(record["identifier"], name)
            if other != name:
                failures.append(f"{name}: identifier {record['identifier']} also in {other}")
            if not record["uri"].startswith(public + "/ims/case/v1p1/"):
                failures.append(f"{name}: uri {record['uri']} is not on {public}")
        known = {item["identifier"] for item in package.get("CFItems", [])} | {document["identifier"]}
        children = {}
        for association in package.get("CFAssociations", []):
            origin = association["originNodeURI"]["identifier"]
            if origin not in known:
                failures.append(f"{name}: association {association['identifier']} starts at unknown {origin}")
            if association["associationType"] == "isChildOf":
                destination = association["destinationNodeURI"]["identifier"]
                if destination not in known:
                    failures.append(f"{name}: isChildOf to unknown {destination}")
                children.setdefault(destination, []).append(association.get("sequenceNumber"))
        for parent, numbers in children.items():
            if sorted(numbers) != list(range(1, len(numbers) + 1)):
                failures.append(f"{name}: children of {parent} numbered {numbers}")
        items += len(package.get("CFItems", []))
        associations += len(package.get("CFAssociations", []))

    if packages == 0:
        failures.append("no CFPackage found")
    for failure in failures:
        print("FAIL", failure)
    print(
        f"check_case: {packages} CFPackages, {items} CFItems, {associations} CFAssociations, {len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
