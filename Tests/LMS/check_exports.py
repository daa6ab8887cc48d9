#!/usr/bin/env python3
"""Parses every Moodle and Canvas export back with Python's csv module and checks the rules of
the importers they are for (issue 11), plus the content: every kerntaak and werkproces of the
kwalificatie exactly once, under its kerntaak, with its composed texts (the basis text and this
profiel's additions, never another profiel's), and every vakkennis item under each kerntaak
that lists it.

The expected content is composed here, independently of the server, from the dossier JSON the
server embeds (Sources/Dossier/Resources/dossiers/*.json). The exports come from a live server
(--base: /api/v1/dossiers/{crebo}/kwalificaties/{profiel}/moodle.csv and canvas.csv) or from a
directory (--dir: {crebo}-{profiel}-moodle.csv and -canvas.csv). Exit status 1 on any failure.
"""

import argparse
import csv
import html.parser
import io
import json
import pathlib
import re
import sys
import urllib.error
import urllib.request

import importer_rules
import mutations
import parser_differential
from checker import Checker

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
DOSSIERS = REPOSITORY / "Sources" / "Dossier" / "Resources" / "dossiers"

MOODLE_HEADERS = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
]
MOODLE_TAXONOMIES = {
    "behaviour",
    "competency",
    "concept",
    "domain",
    "indicator",
    "level",
    "outcome",
    "practice",
    "proficiency",
    "skill",
    "value",
}
MOODLE_DEFAULT_SCALE = "Not yet competent,Competent"  # core's "Default competence scale"
CANVAS_REQUIRED = {"vendor_guid", "object_type", "title"}
CANVAS_OPTIONAL = {
    "canvas_id",
    "course_id",
    "description",
    "friendly_description",
    "display_name",
    "parent_guids",
    "calculation_method",
    "calculation_int",
    "mastery_points",
    "workflow_state",
}
CANVAS_OBJECT_ONLY = ["calculation_method", "calculation_int", "mastery_points"]
COMPETENTIES = {}  # code -> titel, filled from the Swift table's source of truth below


class Text(html.parser.HTMLParser):
    """The text of an HTML fragment, block elements as line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li", "br", "ul"):
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def text(fragment):
    parser = Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def squash(value):
    return re.sub(r"\s+", " ", value).strip()


def load_competenties():
    source = (REPOSITORY / "Sources" / "Dossier" / "Model" / "SBBCompetenties.swift").read_text(encoding="utf-8")
    for code, titel in re.findall(r'Competentie\(code: "([A-Y])", titel: "((?:[^"\\]|\\.)*)"\)', source):
        COMPETENTIES[code] = titel.replace('\\"', '"')


def composed(dossier, profiel):
    """The kwalificatie's kerntaken as (kerntaak, its addition, [(werkproces, its addition)], [vakkennis ids])."""
    kwalificatie = next(k for k in dossier["kwalificaties"] if k["code"] == profiel)
    per_code = {k["code"]: k for k in dossier["kerntaken"]}
    result = []
    for code in kwalificatie["kerntaken"]:
        kerntaak = per_code[code]
        extra = next((a for a in kerntaak.get("aanvullend") or [] if a["profiel"] == profiel), {})
        werkprocessen = []
        for werkproces in kerntaak["werkprocessen"]:
            wextra = next((a for a in werkproces.get("aanvullend") or [] if a["profiel"] == profiel), {})
            werkprocessen.append((werkproces, wextra))
        vakkennis = list(kerntaak.get("vakkennis") or [])
        for item in extra.get("vakkennis") or []:
            if item not in vakkennis:
                vakkennis.append(item)
        result.append((kerntaak, extra, werkprocessen, vakkennis))
    return kwalificatie, result


def kerntaak_texts(kerntaak, extra, profiel):
    """(basis, added, others) of a kerntaak for check_composition: its own texts, `profiel`'s
    addition to them, and every other profiel's."""
    basis = [kerntaak.get("complexiteit"), kerntaak.get("verantwoordelijkheidEnZelfstandigheid")]
    added = [extra.get("complexiteit"), extra.get("verantwoordelijkheidEnZelfstandigheid")]
    others = other_additions(kerntaak, profiel, ["complexiteit", "verantwoordelijkheidEnZelfstandigheid"])
    return [t for t in basis if t], [t for t in added if t], others


def werkproces_texts(werkproces, extra, profiel):
    """(basis, added, others) of a werkproces for check_composition, as kerntaak_texts."""
    basis = [werkproces.get("omschrijving"), werkproces.get("resultaat"), werkproces.get("gedragAanhef")]
    basis += werkproces.get("gedrag") or []
    basis += [COMPETENTIES[c] for c in werkproces.get("competenties") or []]
    added = [extra.get("omschrijving"), extra.get("resultaat"), extra.get("gedragAanhef")]
    added += extra.get("gedrag") or []
    added += [
        COMPETENTIES[c] for c in extra.get("competenties") or [] if c not in (werkproces.get("competenties") or [])
    ]
    others = other_additions(werkproces, profiel, ["omschrijving", "resultaat", "gedragAanhef", "gedrag"])
    return [t for t in basis if t], [t for t in added if t], others


def other_additions(node, profiel, fields):
    texts = []
    for addition in node.get("aanvullend") or []:
        if addition["profiel"] == profiel:
            continue
        for field in fields:
            value = addition.get(field)
            if isinstance(value, list):
                texts += value
            elif value:
                texts.append(value)
    return texts


def check_composition(c, where, description, titel, basis, added, others):
    """The description holds every basis text, then the label and every addition; no other profiel's."""
    body = squash(text(description))
    label = f"Voor {titel} geldt aanvullend:"
    _, _, after = body.partition(label)
    for value in basis:
        c.check(squash(value) in body, f"{where}: basis text missing: {value[:60]!r}")
    if added:
        c.check(label in body, f"{where}: no '{label}'")
    else:
        c.check(label not in body, f"{where}: '{label}' without an addition")
    for value in added:
        c.check(squash(value) in after, f"{where}: addition missing after the label: {value[:60]!r}")
    for value in others:
        if squash(value) not in body.replace(label, ""):
            continue
        if any(squash(value) in squash(own) for own in basis + added):
            continue
        c.failures.append(f"{where}: another profiel's addition: {value[:60]!r}")


def read_csv(c, where, data):
    c.check(data.startswith(b"\xef\xbb\xbf"), f"{where}: no UTF-8 byte order mark")
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        c.failures.append(f"{where}: not UTF-8: {error}")
        return []
    c.check(data.count(b"\n") == data.count(b"\r\n"), f"{where}: a line ends without CRLF")
    c.check(data.endswith(b"\r\n"), f"{where}: the last record has no CRLF")
    c.check("\\" not in decoded, f"{where}: a backslash (PHP's fgetcsv escape character)")
    return list(csv.reader(io.StringIO(decoded, newline=""), strict=True))


def php_numeric(value):
    return re.fullmatch(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*", value) is not None


def check_moodle(c, name, data, dossier, profiel, framework_ids):
    rows = read_csv(c, name, data)
    importer_rules.check_moodle_bytes(c, name, data, rows)
    importer_rules.check_moodle_real(c, name, data, rows)
    if not c.check(rows and rows[0] == MOODLE_HEADERS, f"{name}: header is not Moodle's 14 columns"):
        return
    for number, row in enumerate(rows[1:], 2):
        c.check(len(row) == 14, f"{name}: row {number} has {len(row)} columns")
    rows = [dict(zip(MOODLE_HEADERS, row, strict=True)) for row in rows[1:] if len(row) == 14]
    frameworks = [r for r in rows if r["Is framework"] not in ("", "0")]
    if not c.check(len(frameworks) == 1 and rows[0] is frameworks[0], f"{name}: not exactly one framework row, first"):
        return
    framework = frameworks[0]
    c.check(framework["ID number"] not in framework_ids, f"{name}: framework ID number used by another export")
    framework_ids.add(framework["ID number"])
    terms = framework["Taxonomy"].split(",")
    c.check(all(t in MOODLE_TAXONOMIES for t in terms), f"{name}: taxonomy {terms} not from Moodle's list")
    c.check(framework["Scale values"] == MOODLE_DEFAULT_SCALE, f"{name}: scale values {framework['Scale values']!r}")
    try:
        config = json.loads(framework["Scale configuration"])
        items = config[1:]
        ok = (
            "scaleid" in config[0]
            and len(items) == len(framework["Scale values"].split(","))
            and any(i.get("scaledefault") == 1 for i in items)
            and any(i.get("proficient") == 1 for i in items)
            and sorted(i["id"] for i in items) == list(range(1, len(items) + 1))
        )
    except (ValueError, LookupError, AttributeError, TypeError):
        ok = False
    c.check(ok, f"{name}: scale configuration {framework['Scale configuration']!r}")

    seen = {}
    depth = {"": 0}
    for number, row in enumerate(rows, 2):
        idnumber = row["ID number"]
        where = f"{name} row {number}"
        c.check(idnumber != "", f"{where}: empty ID number")
        c.check(len(idnumber) <= 100 and len(row["Short name"]) <= 100, f"{where}: longer than 100 characters")
        c.check(row["Short name"] != "", f"{where}: empty short name")
        c.check(not re.search(r"[<>]", idnumber + row["Short name"]), f"{where}: a tag in ID number or short name")
        c.check("," not in idnumber and not php_numeric(idnumber), f"{where}: ID number {idnumber!r} is unsafe")
        c.check(row["Description format"] in ("0", "1", "2", "4"), f"{where}: description format")
        c.check(idnumber not in seen, f"{where}: ID number {idnumber} repeats row {seen.get(idnumber)}")
        importer_rules.check_moodle_row(c, where, row)
        seen[idnumber] = number
        if row is framework:
            continue
        parent = row["Parent ID number"]
        c.check(
            parent == "" or (parent in seen and parent != framework["ID number"]),
            f"{where}: parent {parent!r} not on an earlier row",
        )
        depth[idnumber] = depth.get(parent, 0) + 1
        c.check(row["Scale values"] == row["Scale configuration"] == "", f"{where}: a scale of its own")
        for reference in filter(None, row["Cross-referenced competency ID numbers"].split(",")):
            c.check(reference.replace("%2C", ",") in seen, f"{where}: cross-reference {reference} unknown")
    c.check(max(depth.values()) <= len(terms), f"{name}: {max(depth.values())} levels, {len(terms)} taxonomy terms")

    kwalificatie, kerntaken = composed(dossier, profiel)
    titel = kwalificatie["titel"]
    by_id = {r["ID number"]: r for r in rows}
    key = f"{dossier['crebo']}-{profiel}"
    vakkennis_text = {v["id"]: v["tekst"] for v in dossier["vakkennis"]}
    copies = {}
    expected_ids = {key}
    for kerntaak, extra, werkprocessen, vakkennis in kerntaken:
        kid = f"{key}-{kerntaak['code']}"
        expected_ids.add(kid)
        row = by_id.get(kid)
        if not c.check(row is not None and row["Parent ID number"] == "", f"{name}: kerntaak {kid} not at the top"):
            continue
        check_name(c, name, row, f"{kerntaak['code']} {kerntaak['titel']}", 100)
        texts = kerntaak_texts(kerntaak, extra, profiel)
        check_composition(c, f"{name} {kid}", row["Description"], titel, *texts)
        for werkproces, wextra in werkprocessen:
            wid = f"{key}-{werkproces['code']}"
            expected_ids.add(wid)
            matches = [r for r in rows if r["ID number"] == wid]
            if not c.check(
                len(matches) == 1 and matches[0]["Parent ID number"] == kid,
                f"{name}: werkproces {wid} not exactly once under {kid}",
            ):
                continue
            check_name(c, name, matches[0], f"{werkproces['code']} {werkproces['titel']}", 100)
            texts = werkproces_texts(werkproces, wextra, profiel)
            check_composition(c, f"{name} {wid}", matches[0]["Description"], titel, *texts)
        for item in vakkennis:
            vid = f"{kid}-vakkennis-{item}"
            expected_ids.add(vid)
            row = by_id.get(vid)
            if c.check(row is not None and row["Parent ID number"] == kid, f"{name}: vakkennis {vid} not under {kid}"):
                check_name(c, name, row, vakkennis_text[item], 100)
                earlier = set(filter(None, row["Cross-referenced competency ID numbers"].split(",")))
                c.check(earlier == set(copies.get(item, [])), f"{name}: {vid} does not cross-reference its copies")
            copies.setdefault(item, []).append(vid)
    c.check(
        set(by_id) == expected_ids, f"{name}: rows not in the kwalificatie: {sorted(set(by_id) - expected_ids)[:5]}"
    )
    return sum(1 for v in copies.values() if len(v) > 1)


def check_name(c, name, row, full, limit, field="Short name", description="Description"):
    short = row[field]
    if short == full:
        return
    c.check(
        short.endswith("…") and full.startswith(short[:-1].rstrip()) and len(short) <= limit,
        f"{name}: {short!r} is not {full!r} cut",
    )
    c.check(
        squash(full) in squash(text(row[description])), f"{name}: the full name {full[:50]!r} is not in the description"
    )


def check_canvas(c, name, data, dossier, profiel, all_guids):
    rows = read_csv(c, name, data)
    if not rows:
        c.failures.append(f"{name}: empty")
        return
    ruby_rows = importer_rules.check_canvas_bytes(c, name, data, rows)
    importer_rules.check_canvas_real(c, name, data, rows)
    if ruby_rows is not None and len(ruby_rows) != len(rows):
        ruby_rows = None
    header = rows[0]
    end = header.index("ratings") if "ratings" in header else len(header)
    main = header[:end]
    c.check(not any(h for h in header[end + 1 :]), f"{name}: headers after ratings")
    c.check(set(main) >= CANVAS_REQUIRED, f"{name}: missing {CANVAS_REQUIRED - set(main)}")
    c.check(
        set(main) <= CANVAS_REQUIRED | CANVAS_OPTIONAL,
        f"{name}: unknown headers {set(main) - CANVAS_REQUIRED - CANVAS_OPTIONAL}",
    )
    groups, records = set(), {}
    for number, raw in enumerate(rows[1:], 2):
        where = f"{name} row {number}"
        row = dict(zip(main, raw, strict=False))
        ratings = list(raw[end:])
        while ratings and ratings[-1] == "":
            ratings.pop()
        guid = row.get("vendor_guid", "")
        c.check(guid and not re.search(r"\s", guid), f"{where}: vendor_guid {guid!r}")
        c.check(guid not in records, f"{where}: vendor_guid {guid} twice in the file")
        c.check(guid not in all_guids, f"{where}: vendor_guid {guid} also in another export")
        all_guids.add(guid)
        c.check(row.get("title") and len(row["title"]) <= 255, f"{where}: title empty or over 255")
        c.check(row.get("workflow_state", "") in ("", "active", "deleted"), f"{where}: workflow_state")
        parents = row.get("parent_guids", "").split()
        c.check(all(p in groups for p in parents), f"{where}: parents {parents} not groups on earlier rows")
        kind = row.get("object_type")
        if kind == "group":
            c.check(len(parents) <= 1, f"{where}: a group with {len(parents)} parents")
            c.check(
                not ratings and not any(row.get(f) for f in CANVAS_OBJECT_ONLY),
                f"{where}: a group with a calculation or ratings",
            )
            groups.add(guid)
        elif c.check(kind == "outcome", f"{where}: object_type {kind!r}"):
            c.check(len(ratings) % 2 == 0 and ratings, f"{where}: ratings are not pairs")
            points = []
            for p, d in zip(ratings[0::2], ratings[1::2], strict=False):
                ok = c.check(re.fullmatch(r"-?\d+(\.\d+)?", p) is not None and d != "", f"{where}: rating {p!r} {d!r}")
                if ok:
                    points.append(float(p))
            c.check(points == sorted(points, reverse=True), f"{where}: rating points increase: {points}")
            if row.get("mastery_points"):
                c.check(points and float(row["mastery_points"]) <= points[0], f"{where}: mastery above the top rating")
        records[guid] = (row, parents)
        importer_rules.check_canvas_row(c, where, header, raw, ruby_rows[number - 1] if ruby_rows else None)

    kwalificatie, kerntaken = composed(dossier, profiel)
    titel = kwalificatie["titel"]
    key = f"{dossier['crebo']}-{profiel}"
    vakkennis_text = {v["id"]: v["tekst"] for v in dossier["vakkennis"]}
    c.check(key in groups and records[key][1] == [], f"{name}: no top group {key}")
    expected = {key}
    vakkennis_parents = {}
    for kerntaak, extra, werkprocessen, vakkennis in kerntaken:
        kid = f"{key}-{kerntaak['code']}"
        expected.add(kid)
        if not c.check(kid in groups and records[kid][1] == [key], f"{name}: kerntaak group {kid} not under {key}"):
            continue
        texts = kerntaak_texts(kerntaak, extra, profiel)
        check_composition(c, f"{name} {kid}", records[kid][0]["description"], titel, *texts)
        for werkproces, wextra in werkprocessen:
            wid = f"{key}-{werkproces['code']}"
            expected.add(wid)
            if not c.check(
                wid in records and records[wid][1] == [kid] and records[wid][0]["object_type"] == "outcome",
                f"{name}: werkproces {wid} not exactly once under {kid}",
            ):
                continue
            check_name(
                c, name, records[wid][0], f"{werkproces['code']} {werkproces['titel']}", 255, "title", "description"
            )
            texts = werkproces_texts(werkproces, wextra, profiel)
            check_composition(c, f"{name} {wid}", records[wid][0]["description"], titel, *texts)
        for item in vakkennis:
            vakkennis_parents.setdefault(item, []).append(kid)
    for item, parents in vakkennis_parents.items():
        vid = f"{key}-vakkennis-{item}"
        expected.add(vid)
        if c.check(vid in records and sorted(records[vid][1]) == sorted(parents), f"{name}: {vid} not under {parents}"):
            check_name(c, name, records[vid][0], vakkennis_text[item], 255, "title", "description")
    c.check(set(records) == expected, f"{name}: rows not in the kwalificatie: {sorted(set(records) - expected)[:5]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--base", help="a live server, e.g. http://127.0.0.1:8080")
    source.add_argument("--dir", help="a directory of {crebo}-{profiel}-moodle.csv / -canvas.csv files")
    args = parser.parse_args()
    load_competenties()
    c = Checker()

    def get(dossier, profiel, kind):
        if args.dir:
            return (pathlib.Path(args.dir) / f"{dossier}-{profiel}-{kind}.csv").read_bytes()
        # As an LMS user finds them: by the kwalificatie resource's links.
        base = args.base.rstrip("/")
        with urllib.request.urlopen(f"{base}/api/v1/dossiers/{dossier}/kwalificaties/{profiel}") as response:
            links = json.loads(response.read())["links"]
        path = links.get(kind, "")
        url = base + path
        with urllib.request.urlopen(url) as response:
            headers = response.headers
            body = response.read()
        failures = []
        if headers.get("Content-Type", "").replace(" ", "").lower() != "text/csv;charset=utf-8":
            failures.append(f"Content-Type {headers.get('Content-Type')!r}")
        if not re.fullmatch(r'attachment; ?filename="?[^"/\\]+\.csv"?', headers.get("Content-Disposition", "")):
            failures.append(f"Content-Disposition {headers.get('Content-Disposition')!r}")
        etag = headers.get("ETag")
        if not etag:
            failures.append("no ETag")
        else:
            request = urllib.request.Request(url, headers={"If-None-Match": etag})
            try:
                with urllib.request.urlopen(request) as response:
                    failures.append(f"If-None-Match answered {response.status}, not 304")
            except urllib.error.HTTPError as error:
                if error.code != 304:
                    failures.append(f"If-None-Match answered {error.code}, not 304")
        c.failures += [f"{dossier}-{profiel} {kind} ({url}): {failure}" for failure in failures]
        return body

    framework_ids, guids = set(), set()
    files = shared = 0
    exports = {}
    for path in sorted(DOSSIERS.glob("*.json")):
        dossier = json.loads(path.read_text(encoding="utf-8"))
        for kwalificatie in dossier["kwalificaties"]:
            profiel = kwalificatie["code"]
            moodle, canvas = get(dossier["crebo"], profiel, "moodle"), get(dossier["crebo"], profiel, "canvas")
            exports[dossier["crebo"], profiel] = (dossier, moodle, canvas)
            shared += (
                check_moodle(
                    c,
                    f"{dossier['crebo']}-{profiel}-moodle.csv",
                    moodle,
                    dossier,
                    profiel,
                    framework_ids,
                )
                or 0
            )
            check_canvas(
                c,
                f"{dossier['crebo']}-{profiel}-canvas.csv",
                canvas,
                dossier,
                profiel,
                guids,
            )
            files += 2
    # The importer rules must be able to fail: each one broken in a copy of 23292-P1's exports
    # (the kwalificatie imported into a real Moodle and Canvas) must be reported.
    dossier, moodle, canvas = exports["23292", "P1"]
    c.failures += [
        f"self-test: {problem}"
        for problem in mutations.run(
            lambda k, name, data: check_moodle(k, name, data, dossier, "P1", set()),
            lambda k, name, data: check_canvas(k, name, data, dossier, "P1", set()),
            Checker,
            moodle,
            canvas,
        )
    ]
    # The Python readers the rules use must read as the real PHP and Ruby parsers do.
    c.failures += [f"readers: {problem}" for problem in parser_differential.differences()[:10]]
    for failure in c.failures:
        print("FAIL", failure)
    print(
        f"check_exports: {files} files, {len(guids)} Canvas vendor_guids, {shared} vakkennis items under "
        f"several kerntaken, {len(mutations.MOODLE) + len(mutations.CANVAS)} broken copies caught, "
        f"{len(c.failures)} failures"
    )
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
