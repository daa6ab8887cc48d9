"""Proof that the importer rules of importer_rules.py can fail: each mutation breaks one rule in
a copy of a real export, and check_exports.py requires the checks to report exactly that rule
(and the unbroken copy, written back the same way, to pass).

A mutation is (label, kind, change, expected): `change` takes the export's rows (lists of
cells, header first) and returns new rows, or takes and returns bytes when it must break the
file below the cell level; `expected` is a piece of the failure message the rule writes.
"""

import csv
import io

BOM = b"\xef\xbb\xbf"


def write(rows):
    """Rows as the server writes them: BOM, CRLF, quotes only where needed."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return BOM + out.getvalue().encode("utf-8")


def read(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def first(rows, column, test=lambda row: True):
    """The index of the first data row that passes `test`, and the column's index."""
    index = rows[0].index(column)
    return next(i for i, row in enumerate(rows) if i > 0 and test(row)), index


def set_cell(column, value, test=lambda row: True):
    def change(rows):
        i, j = first(rows, column, test)
        rows[i][j] = value(rows[i][j]) if callable(value) else value
        return rows

    return change


def rename_header(old, new):
    def change(rows):
        rows[0][rows[0].index(old)] = new
        return rows

    return change


def competency(row):
    return row[12] == ""


def werkproces(row):
    return row[1] == "outcome" and row[4] != ""


def html_competency(row):
    return row[12] == "" and "<p>" in row[3]


def vakkennis(row):
    return "-vakkennis-" in row[1]


def moodle_last_cell(rows):
    rows[-1][-1] = "domain "
    return rows


def moodle_self_reference(rows):
    i, j = first(rows, "Cross-referenced competency ID numbers", vakkennis)
    rows[i][j] = rows[i][1]
    return rows


def canvas_bytes(old, new):
    """A change below the cell level: the first `old` in the file's bytes becomes `new`."""

    def change(data):
        assert old in data, old
        return data.replace(old, new, 1)

    change.on_bytes = True
    return change


MOODLE = [
    (
        "a CRLF inside a description",
        set_cell("Description", lambda d: d.replace("</p>", "</p>\r\n", 1), html_competency),
        "a line break in a cell",
    ),
    (
        "a backslash before a quote",
        set_cell("Description", lambda d: d + '<p>C:\\"x"</p>', html_competency),
        "reads other cells than Python",
    ),
    ("a space at the end of the file", moodle_last_cell, "reads other cells than Python"),
    ("short name '0'", set_cell("Short name", "0", competency), "PHP-empty ('0')"),
    ("description '0'", set_cell("Description", "0", competency), "description '0' is PHP-empty"),
    (
        "a rule type",
        set_cell("Rule type (optional)", "competency_rule_all", competency),
        "Rule type (optional) 'competency_rule_all'",
    ),
    ("a vakkennis row related to itself", moodle_self_reference, "cross-references itself"),
    (
        "a kerntaak under the framework row",
        set_cell("Parent ID number", lambda _: "23292-P1", lambda row: row[0] == "" and row[12] == ""),
        "PHP's importer (moodle_read.php) creates",
    ),
    (
        "a cross-reference with spaces",
        set_cell("Cross-referenced competency ID numbers", lambda v: v.replace(",", ", "), lambda r: "," in r[10]),
        "PHP's importer (moodle_read.php) relates",
    ),
    ("HTML in plain-text format", set_cell("Description format", "2", html_competency), "HTML description in format 2"),
    (
        "a <div> in a description",
        set_cell("Description", lambda d: "<div>" + d + "</div>", html_competency),
        "<div> is not kept",
    ),
    (
        "a list inside a paragraph",
        set_cell("Description", lambda d: "<p><ul><li>x</li></ul></p>", html_competency),
        "<ul> inside <p>",
    ),
    ("a bare ampersand", set_cell("Description", lambda d: d + "<p>A & B</p>", html_competency), "a bare '&'"),
    (
        "an attribute",
        set_cell("Description", lambda d: d.replace("<p>", '<p class="x">', 1), html_competency),
        "has attributes",
    ),
]

CANVAS = [
    ("a header with semicolons", rename_header("workflow_state", "workflow_state" + ";" * 30), "more ';' than ','"),
    ("a quote inside an unquoted cell", canvas_bytes(b",active,", b',act"ive,'), "Illegal quoting"),
    (
        "a bare LF in an unquoted cell",
        canvas_bytes(b",active,", b",act\nive,"),
        "Unquoted fields do not allow new line",
    ),
    (
        "a quoted empty cell after the ratings",
        canvas_bytes(b"Well Below Mastery\r\n", b'Well Below Mastery,""\r\n'),
        "blank after drop_trailing_nils",
    ),
    (
        "a quoted empty cell after the ratings (Ruby)",
        canvas_bytes(b"Well Below Mastery\r\n", b'Well Below Mastery,""\r\n'),
        "Points for rating tier 6 not present",
    ),
    ("rating points with a decimal point", canvas_bytes(b",3,Mastery,", b",3.5,Mastery,"), "not a whole number"),
    ("mastery points with a decimal point", set_cell("mastery_points", "2.5", werkproces), "mastery_points '2.5'"),
    (
        "a vendor_guid Canvas reads as its id",
        set_cell("vendor_guid", "canvas_outcome:12", werkproces),
        "read as a Canvas id",
    ),
    ("a blank title", set_cell("title", "   ", werkproces), "title is blank"),
    ("a display_name over 255", set_cell("display_name", "x" * 256, werkproces), "display_name longer than 255"),
    (
        "a description over 64 KiB",
        set_cell("description", lambda d: "<p>" + "x" * 65536 + "</p>", werkproces),
        "description longer than 65535",
    ),
    (
        "a friendly_description over 255",
        lambda rows: set_cell("friendly_description", "x" * 256, werkproces)(
            rename_header("display_name", "friendly_description")(rows)
        ),
        "friendly_description longer than 255",
    ),
    ("a header twice", rename_header("display_name", "description"), "a header twice"),
    ("course_id on an outcome", rename_header("display_name", "course_id"), "course_id on an outcome"),
    (
        "a calculation method not every Canvas has",
        set_cell("calculation_method", "average", werkproces),
        "calculation_method 'average'",
    ),
    (
        "a calculation_int out of range",
        lambda rows: set_cell("calculation_int", "20", werkproces)(
            set_cell("calculation_method", "decaying_average", werkproces)(rows)
        ),
        "calculation_int '20'",
    ),
    (
        "a <div> in a description",
        set_cell("description", lambda d: "<div>" + d + "</div>", werkproces),
        "not kept by Canvas's sanitizer",
    ),
]


def run(check_moodle, check_canvas, checker, moodle_data, canvas_data):
    """Failures of the self-test: [] when every mutation is caught by its rule and the
    rewritten, unbroken copies pass."""
    problems = []
    for kind, data, mutations, check in (
        ("moodle", moodle_data, MOODLE, check_moodle),
        ("canvas", canvas_data, CANVAS, check_canvas),
    ):
        baseline = checker()
        check(baseline, f"rewritten {kind}", write(read(data)))
        problems += [f"the rewritten, unbroken {kind} export fails: {f}" for f in baseline.failures[:3]]
        for label, change, expected in mutations:
            try:
                broken = change(data) if getattr(change, "on_bytes", False) else write(change(read(data)))
            except (AssertionError, IndexError, StopIteration, ValueError) as error:
                problems.append(f"{kind} with {label}: the export has nothing to break ({error!r})")
                continue
            c = checker()
            check(c, f"{kind} with {label}", broken)
            if not any(expected in failure for failure in c.failures):
                problems.append(f"{kind} with {label}: no failure saying {expected!r} (got {c.failures[:2]})")
    return problems
