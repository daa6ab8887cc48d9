#!/usr/bin/env python3
"""Checks what the CFPackage JSON Schema cannot see and a CASE importer (OpenSALT, a CASE
Network consumer) relies on: every identifier a name-based UUID (RFC 9562 §5.5) made as the
README documents, so it is the same on every replica; no identifier twice in a package; every
`uri` and every LinkURI on the public base URL, in the right collection, and answered by the
server with the record it names (and the LinkURI's title); every CFItemTypeURI among the
package's CFDefinitions with CFItemType its title; every item reached from its document by
isChildOf without a cycle; every isRelatedTo ending at an SBB competentie; CFItemAssociations
answering each item's associations; and each package holding exactly its kwalificatie's items.

Every check is proven able to fail: a self-test breaks a copy of one real package once per rule
and requires that rule's failure. Exit status 1 on any failure.
"""

import argparse
import copy
import json
import pathlib
import re
import sys
import urllib.error
import urllib.request
import uuid

import check_exports
from checker import Checker

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://dossiers.example/case/v1p1")
UUID5 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
COLLECTION = {
    "package": "CFPackages",
    "document": "CFDocuments",
    "item": "CFItems",
    "association": "CFAssociations",
    "itemtype": "CFItemTypes",
}


def name_uuid(name):
    return str(uuid.uuid5(NAMESPACE, name))


class Server:
    """GETs on --base for uris on the public base URL, each uri once."""

    def __init__(self, base, public):
        self.base, self.public, self.cache = base, public, {}

    def get(self, uri):
        if uri not in self.cache:
            if not uri.startswith(self.public + "/"):
                self.cache[uri] = (None, None)
            else:
                try:
                    with urllib.request.urlopen(self.base + uri[len(self.public) :]) as response:
                        self.cache[uri] = (response.status, json.loads(response.read()))
                except urllib.error.HTTPError as error:
                    self.cache[uri] = (error.code, None)
        return self.cache[uri]


def expected_documents():
    """identifier -> (name, expected item identifiers) from the dossiers the server embeds."""
    documents = {}
    for path in sorted(check_exports.DOSSIERS.glob("*.json")):
        dossier = json.loads(path.read_text(encoding="utf-8"))
        crebo = dossier["crebo"]
        for kwalificatie in dossier["kwalificaties"]:
            profiel = kwalificatie["code"]
            _, kerntaken = check_exports.composed(dossier, profiel)
            items = set()
            for kerntaak, _, werkprocessen, vakkennis in kerntaken:
                items.add(name_uuid(f"kwalificatie:{crebo}:{profiel}:{kerntaak['code']}"))
                items |= {name_uuid(f"kwalificatie:{crebo}:{profiel}:{w['code']}") for w, _ in werkprocessen}
                items |= {name_uuid(f"kwalificatie:{crebo}:{profiel}:vakkennis:{v}") for v in vakkennis}
            documents[name_uuid(f"kwalificatie:{crebo}:{profiel}")] = (f"{crebo}-{profiel}", items)
    check_exports.load_competenties()
    competenties = {name_uuid(f"competentie:{code}") for code in check_exports.COMPETENTIES}
    documents[name_uuid("competenties")] = ("competenties", competenties)
    return documents


def check_link(c, server, where, link, kind, records):
    """A LinkURI: its uri names its identifier in the collection of `kind`, and the server answers
    it with that record, whose title (or abbreviated/full statement) the link carries."""
    identifier, uri = link.get("identifier"), link.get("uri", "")
    c.check(
        uri == f"{server.public}/ims/case/v1p1/{COLLECTION[kind]}/{identifier}",
        f"{where}: uri {uri} is not {COLLECTION[kind]}/{identifier} on {server.public}",
    )
    status, body = server.get(uri)
    if not c.check(status == 200 and isinstance(body, dict), f"{where}: {uri} answers {status}"):
        return
    if kind == "itemtype":
        # CFItemTypeSetDType: the type asked for first, then its children by hierarchyCode.
        types = body.get("CFItemTypes") or [{}]
        body, code = types[0], types[0].get("hierarchyCode", "")
        c.check(
            all(t.get("hierarchyCode", "").startswith(code + ".") for t in types[1:]),
            f"{where}: {uri} answers types that are not children of hierarchyCode {code!r}",
        )
    answered = (body.get("CFDocument") or {}).get("identifier") if kind == "package" else body.get("identifier")
    c.check(answered == identifier, f"{where}: {uri} answers record {answered}")
    if records is not None:
        titles = {body.get("title"), body.get("abbreviatedStatement"), body.get("fullStatement")}
        if body.get("humanCodingScheme") and body.get("abbreviatedStatement"):
            titles.add(f"{body['humanCodingScheme']} {body['abbreviatedStatement']}")
        c.check(link.get("title") in titles, f"{where}: link title {link.get('title')!r} is not the record's")


def check_package(c, server, package, expected):
    """Every rule on one CFPackage; `expected` as expected_documents() gives it."""
    document = package["CFDocument"]
    doc_id = document["identifier"]
    name = f"package {doc_id} ({document.get('title')})"
    items = package.get("CFItems", [])
    associations = package.get("CFAssociations", [])
    types = {t["identifier"]: t for t in (package.get("CFDefinitions") or {}).get("CFItemTypes", [])}

    # Identifiers: UUIDv5 as documented, none twice in the package.
    records = [("document", document)] + [("item", i) for i in items] + [("association", a) for a in associations]
    records += [("itemtype", t) for t in types.values()]
    seen = {}
    for kind, record in records:
        identifier = record["identifier"]
        c.check(UUID5.fullmatch(identifier) is not None, f"{name}: {kind} identifier {identifier} is not a UUIDv5")
        c.check(identifier not in seen, f"{name}: identifier {identifier} twice ({seen.get(identifier)}, {kind})")
        seen[identifier] = kind
    known = expected.get(doc_id)
    if c.check(known is not None, f"{name}: document identifier made from no kwalificatie's name"):
        served = {i["identifier"] for i in items}
        c.check(
            served == known[1],
            f"{name}: items are not {known[0]}'s: {len(known[1] - served)} missing, {len(served - known[1])} extra",
        )
    for identifier, kind_record in types.items():
        c.check(
            identifier == name_uuid(f"itemtype:{kind_record.get('typeCode')}"),
            f"{name}: item type {identifier} is not itemtype:{kind_record.get('typeCode')}",
        )
    for association in associations:
        made = name_uuid(
            f"associatie:{association['originNodeURI']['identifier']}:{association['associationType']}:"
            f"{association['destinationNodeURI']['identifier']}"
        )
        c.check(
            association["identifier"] == made,
            f"{name}: association {association['identifier']} not made from its ends ({made})",
        )

    # Every uri and LinkURI resolves to what it names.
    for kind, record in records:
        check_link(c, server, f"{name} {kind} {record['identifier']}", record | {"title": None}, kind, None)
    item_ids = {i["identifier"] for i in items}
    for item in items:
        where = f"{name} item {item['identifier']}"
        link = item.get("CFItemTypeURI")
        if c.check(link is not None, f"{where}: no CFItemTypeURI"):
            check_link(c, server, f"{where} CFItemTypeURI", link, "itemtype", {})
            c.check(link["identifier"] in types, f"{where}: item type {link['identifier']} not in CFDefinitions")
            c.check(
                item.get("CFItemType") == types.get(link["identifier"], {}).get("title"),
                f"{where}: CFItemType {item.get('CFItemType')!r} is not its type's title",
            )
        status, body = server.get(item["uri"])
        if status == 200 and isinstance(body, dict):
            document_link = body.get("CFDocumentURI") or {}
            c.check(
                document_link.get("identifier") == doc_id, f"{where}: CFItems answer's CFDocumentURI is not {doc_id}"
            )
            c.check(body.get("fullStatement") == item.get("fullStatement"), f"{where}: CFItems answer differs")
    parents = {}
    for association in associations:
        where = f"{name} association {association['identifier']}"
        origin, destination = association["originNodeURI"], association["destinationNodeURI"]
        c.check(origin["identifier"] in item_ids, f"{where}: origin not an item of this package")
        check_link(c, server, f"{where} origin", origin, "item", {})
        if association["associationType"] == "isChildOf":
            target = "document" if destination["identifier"] == doc_id else "item"
            c.check(destination["identifier"] in item_ids | {doc_id}, f"{where}: isChildOf outside the package")
            parents.setdefault(origin["identifier"], []).append(destination["identifier"])
        else:
            target = "item"
            c.check(
                destination["identifier"] in expected.get(name_uuid("competenties"), ("", set()))[1],
                f"{where}: {association['associationType']} to {destination['identifier']}, not an SBB competentie",
            )
        check_link(c, server, f"{where} destination", destination, target, {})

    # The tree: every item reached from the document, no cycle.
    for item in items:
        path, current = [], [item["identifier"]]
        reached = False
        while current and not reached:
            node = current.pop()
            if node == doc_id:
                reached = True
            elif node not in path:
                path.append(node)
                current += parents.get(node, [])
        c.check(reached, f"{name}: item {item['identifier']} not reached from the document by isChildOf")

    # CFItemAssociations answers each item's associations.
    for item in items:
        mine = {
            a["identifier"]
            for a in associations
            if item["identifier"] in (a["originNodeURI"]["identifier"], a["destinationNodeURI"]["identifier"])
        }
        status, body = server.get(f"{server.public}/ims/case/v1p1/CFItemAssociations/{item['identifier']}")
        answered = {a["identifier"] for a in (body or {}).get("CFAssociations", [])}
        c.check(
            status == 200 and mine <= answered,
            f"{name}: CFItemAssociations/{item['identifier']} answers {status} without {sorted(mine - answered)[:2]}",
        )


def mutations(package):
    """(label, broken copy, piece of the expected failure) for one real kwalificatie package."""
    out = []

    def broken(label, expected, change):
        copied = copy.deepcopy(package)
        change(copied)
        out.append((label, copied, expected))

    def first_item(p):
        return p["CFItems"][0]

    def child_of(p):
        return next(a for a in p["CFAssociations"] if a["associationType"] == "isChildOf")

    def related(p):
        return next(a for a in p["CFAssociations"] if a["associationType"] == "isRelatedTo")

    broken("a UUIDv4", "is not a UUIDv5", lambda p: first_item(p).update(identifier=str(uuid.uuid4())))
    broken("an item twice", "twice", lambda p: p["CFItems"].append(copy.deepcopy(first_item(p))))
    broken(
        "an item of another kwalificatie",
        "items are not",
        lambda p: first_item(p).update(identifier=name_uuid("kwalificatie:0:P9:B1-K1")),
    )
    broken(
        "an association identifier not from its ends",
        "not made from its ends",
        lambda p: child_of(p).update(identifier=name_uuid("associatie:x:isChildOf:y")),
    )
    broken(
        "a uri on another host",
        "is not CFItems/",
        lambda p: first_item(p).update(uri=first_item(p)["uri"].replace("/ims/", "/elsewhere/ims/")),
    )
    broken(
        "a uri in the wrong collection",
        "is not CFItems/",
        lambda p: first_item(p).update(uri=first_item(p)["uri"].replace("/CFItems/", "/CFDocuments/")),
    )
    broken(
        "a link to nothing",
        "answers 404",
        lambda p: child_of(p)["destinationNodeURI"].update(
            identifier=name_uuid("nothing"),
            uri=child_of(p)["destinationNodeURI"]["uri"].rsplit("/", 1)[0] + "/" + name_uuid("nothing"),
        ),
    )
    broken("a link with another title", "link title", lambda p: child_of(p)["originNodeURI"].update(title="Anders"))
    broken(
        "an item type not in CFDefinitions",
        "not in CFDefinitions",
        lambda p: p["CFDefinitions"].update(CFItemTypes=p["CFDefinitions"]["CFItemTypes"][1:]),
    )
    broken(
        "a CFItemType not its type's title", "is not its type's title", lambda p: first_item(p).update(CFItemType="X")
    )
    broken(
        "an orphan item",
        "not reached from the document",
        lambda p: p.update(
            CFAssociations=[
                a
                for a in p["CFAssociations"]
                if not (
                    a["associationType"] == "isChildOf"
                    and a["originNodeURI"]["identifier"] == first_item(p)["identifier"]
                )
            ]
        ),
    )
    broken(
        "isRelatedTo to an item that is no competentie",
        "not an SBB competentie",
        lambda p: related(p).update(destinationNodeURI=copy.deepcopy(child_of(p)["originNodeURI"])),
    )
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--public-base-url", help="the base every uri is on (default: --base)")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    server = Server(base, (args.public_base_url or base).rstrip("/"))
    expected = expected_documents()
    c = Checker()
    with urllib.request.urlopen(base + "/ims/case/v1p1/CFDocuments") as response:
        documents = json.loads(response.read())["CFDocuments"]
    served = {d["identifier"] for d in documents}
    c.check(
        served == set(expected), f"CFDocuments are not one per kwalificatie plus competenties: {served ^ set(expected)}"
    )
    packages = []
    for document in documents:
        check_link(
            c, server, f"CFDocument {document['identifier']} CFPackageURI", document["CFPackageURI"], "package", None
        )
        status, package = server.get(document["uri"].replace("/CFDocuments/", "/CFPackages/"))
        if c.check(status == 200, f"CFPackages/{document['identifier']} answers {status}"):
            check_package(c, server, package, expected)
            packages.append(package)

    # Each rule must be able to fail: a broken copy of a real kwalificatie package.
    sample = next(
        (p for p in packages if any(a["associationType"] == "isRelatedTo" for a in p["CFAssociations"])), None
    )
    caught = 0
    if c.check(sample is not None, "self-test: no kwalificatie package to break"):
        for label, copied, piece in mutations(sample):
            k = Checker()
            check_package(k, server, copied, expected)
            if c.check(
                any(piece in f for f in k.failures),
                f"self-test: {label}: no failure saying {piece!r} ({k.failures[:2]})",
            ):
                caught += 1

        # And a CFItemTypes answer whose set holds a type that is not a child of the one asked for.
        link = sample["CFItems"][0]["CFItemTypeURI"]
        saved = server.get(link["uri"])
        others = [t for p in packages for t in (p.get("CFDefinitions") or {}).get("CFItemTypes", [])]
        stranger = next(
            t for t in others if not t["hierarchyCode"].startswith(saved[1]["CFItemTypes"][0]["hierarchyCode"])
        )
        server.cache[link["uri"]] = (200, {"CFItemTypes": [saved[1]["CFItemTypes"][0], stranger]})
        k = Checker()
        check_link(k, server, "self-test", link, "itemtype", {})
        server.cache[link["uri"]] = saved
        piece = "not children of hierarchyCode"
        if c.check(any(piece in f for f in k.failures), f"self-test: a foreign item type: no failure saying {piece!r}"):
            caught += 1

    for failure in c.failures:
        print("FAIL", failure)
    print(
        f"check_case_references: {len(packages)} CFPackages, {len(server.cache)} uris resolved, "
        f"{caught} broken copies caught, {len(c.failures)} failures"
    )
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    sys.exit(main())
