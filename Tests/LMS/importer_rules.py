"""The rules of the real importers that Python's csv module cannot see, as checks on an export's
bytes (used by check_exports.py, proven by its mutation self-test).

Each rule names the importer code that enforces it:
- Moodle: moodle/moodle `lib/csvlib.class.php` (csv_import_reader::load_csv_content),
  `admin/tool/lpimportcsv/classes/framework_importer.php` (__construct, add_children,
  create_competency, set_related, set_rules), `competency/classes/competency.php` and
  `competency_framework.php` (persistent validation), `competency/classes/related_competency.php`.
- Canvas: instructure/canvas-lms `lib/outcomes/csv_importer.rb` (test_header_i18n, parse_file,
  validate_headers, parse_ratings, strict_parse_float, import_row), `lib/outcomes/import.rb`
  (check_object, import_group, import_outcome, find_prior_outcome, find_prior_group),
  `app/models/learning_outcome.rb` and `learning_outcome_group.rb` (validations),
  `app/models/outcome_calculation_method.rb` (CALCULATION_METHODS, VALID_CALCULATION_INTS).

How each importer reads the bytes is emulated here (``moodle_cells``: Moodle's normalisation
then PHP's fgetcsv; ``ruby_cells``: Ruby's CSV, strict), and the file passes only when both read
exactly the cells Python's csv module reads, so every other check sees what the LMS sees.
"""

import html.parser
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

# --- how the importers read the bytes -------------------------------------------------------


def moodle_text(data):
    """csv_import_reader::load_csv_content: UTF-8, BOM removed (core_text::trim_utf8_bom),
    `preg_replace('!\\r\\n?!', "\\n", …)` over the whole content (inside quoted fields too), then
    `trim($content)`."""
    text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = re.sub(r"\r\n?", "\n", text)
    return text.strip(" \n\r\t\v\0")


def php_fgetcsv(text):
    """Rows as PHP's fgetcsv($fp, 0, ',', '"') returns them (escape character backslash, the
    PHP < 9 default): whitespace before an opening quote skipped, `""` inside quotes is one
    quote, a backslash keeps itself and the character after it literal (so `\\"` does not close
    the field), text after a closing quote is appended up to the delimiter; a blank line is
    [null], which load_csv_content skips."""
    rows, i, n = [], 0, len(text)
    while i < n:
        row, start = [], i
        while True:
            j = i
            while j < n and text[j] in " \t\v\f":
                j += 1
            if j < n and text[j] == '"':
                k, buf, closed = j + 1, [], False
                while k < n:
                    ch = text[k]
                    if ch == "\\" and k + 1 < n:
                        buf += [ch, text[k + 1]]
                        k += 2
                    elif ch == '"' and k + 1 < n and text[k + 1] == '"':
                        buf.append('"')
                        k += 2
                    elif ch == '"':
                        k += 1
                        closed = True
                        break
                    else:
                        buf.append(ch)
                        k += 1
                while k < n and text[k] not in ",\n":
                    buf.append(text[k])
                    k += 1
                # PHP 8.2 reads an empty field left open at the end of the content as "\0".
                field = "".join(buf) if closed or buf else "\0"
            else:
                k = i
                while k < n and text[k] not in ",\n":
                    k += 1
                field = text[i:k]
            row.append(field)
            if k < n and text[k] == ",":
                i = k + 1
                continue
            i = k + 1
            break
        if text[start : i - 1] != "" or i - 1 > n:
            rows.append(row)
    return rows


def moodle_cells(data):
    """The cells Moodle's importer works on."""
    return php_fgetcsv(moodle_text(data))


class MalformedCSV(Exception):
    """Ruby's CSV::MalformedCSVError: csv_importer.rb turns it into "Invalid CSV File" and
    imports nothing."""


def ruby_cells(data):
    """Rows as Ruby's CSV.new(file, col_sep: ',') returns them after csv_importer.rb skipped the
    BOM: the row separator is the first line end in the file (row_sep :auto); a field is either
    wholly quoted or holds no quote, CR or LF; after a closing quote only `,` or the row
    separator may follow; an empty unquoted field is nil (None here), a quoted one "";
    a blank line is an empty row."""
    text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    found = re.search(r"\r\n|\n|\r", text)
    sep = found.group(0) if found else "\r\n"
    rows, i, n, line = [], 0, len(text), 1
    while i < n:
        row = []
        if text.startswith(sep, i):
            rows.append(row)
            i += len(sep)
            line += 1
            continue
        while True:
            if i < n and text[i] == '"':
                k, buf = i + 1, []
                while True:
                    if k >= n:
                        raise MalformedCSV(f"Unclosed quoted field in line {line}")
                    if text[k] == '"':
                        if k + 1 < n and text[k + 1] == '"':
                            buf.append('"')
                            k += 2
                            continue
                        k += 1
                        break
                    buf.append(text[k])
                    k += 1
                if not (k >= n or text[k] == "," or text.startswith(sep, k)):
                    raise MalformedCSV(f"Any value after quoted field isn't allowed in line {line}")
                line += "".join(buf).count("\n")
                row.append("".join(buf))
            else:
                k = i
                while k < n and text[k] != "," and not text.startswith(sep, k):
                    k += 1
                field = text[i:k]
                if '"' in field:
                    raise MalformedCSV(f"Illegal quoting in line {line}")
                if "\r" in field or "\n" in field:
                    raise MalformedCSV(f"Unquoted fields do not allow new line in line {line}")
                row.append(field if field else None)
            if k < n and text[k] == ",":
                i = k + 1
                if i >= n:
                    row.append(None)
                    break
                continue
            i = k + len(sep)
            line += 1
            break
        rows.append(row)
    return rows


# --- HTML the LMSes keep as it is -----------------------------------------------------------

# Where each element may stand in what Moodle's HTML Purifier (competency.php: description is
# PARAM_CLEANHTML, cleaned by core\persistent::validate and by format_text) and Canvas's
# sanitizer (learning_outcome.rb: sanitize_field :description) keep it unchanged: a block
# element inside a <p>, an <li> outside a list or text directly in a list is moved or dropped.
HTML_PARENTS = {
    "p": {None, "li"},
    "ul": {None, "li"},
    "ol": {None, "li"},
    "li": {"ul", "ol"},
    "strong": {"p", "li", "strong", "em"},
    "em": {"p", "li", "strong", "em"},
    "br": {"p", "li", "strong", "em"},
}
TEXT_PARENTS = {None, "p", "li", "strong", "em"}
VOID = {"br"}


class HTMLShape(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        parent = self.stack[-1] if self.stack else None
        if tag not in HTML_PARENTS:
            self.problems.append(f"<{tag}> is not kept")
        elif parent not in HTML_PARENTS[tag]:
            self.problems.append(f"<{tag}> inside <{parent}>")
        if attrs:
            self.problems.append(f"<{tag}> has attributes {attrs}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        parent = self.stack[-1] if self.stack else None
        if data.strip() and parent not in TEXT_PARENTS:
            self.problems.append(f"text {data.strip()[:30]!r} directly in <{parent}>")


ENTITY = re.compile(r"&(amp|lt|gt|quot|#39|#\d+|#x[0-9a-fA-F]+);")


def html_problems(fragment):
    """Why an LMS's HTML cleaning would change this description; [] when it keeps it."""
    problems = []
    if re.search(r"&(?!(amp|lt|gt|quot|#39|#\d+|#x[0-9a-fA-F]+);)", fragment):
        problems.append("a bare '&'")
    stripped = re.sub(r"</?[a-z]+( [^<>]*)?/?>", "", ENTITY.sub("", fragment))
    if "<" in stripped or ">" in stripped:
        problems.append("a bare '<' or '>'")
    shape = HTMLShape()
    shape.feed(fragment)
    shape.close()
    problems += shape.problems
    if shape.stack:
        problems.append(f"unclosed {shape.stack}")
    return problems


# --- Moodle ---------------------------------------------------------------------------------

MOODLE_RULE_COLUMNS = ["Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)"]


def php_empty(value):
    """PHP's empty() on a string: "" and "0"."""
    return value in ("", "0")


def check_moodle_bytes(c, name, data, python_rows):
    """Moodle reads the same cells as Python's csv module (CRs, a trimmed file edge or a
    backslash before a quote would change them)."""
    try:
        cells = moodle_cells(data)
    except Exception as error:  # any failure of the emulation is a failure of the file
        c.failures.append(f"{name}: Moodle's reader fails: {error}")
        return
    if cells != python_rows:
        first = next((i for i, (a, b) in enumerate(zip(cells, python_rows, strict=False)) if a != b), None)
        where = f"row {first + 1}" if first is not None else f"{len(cells)} rows, not {len(python_rows)}"
        c.failures.append(f"{name}: Moodle's csv_import_reader/fgetcsv reads other cells than Python ({where})")
    for number, row in enumerate(python_rows, 1):
        for cell in row:
            if "\r" in cell or "\n" in cell:
                c.failures.append(f"{name} row {number}: a line break in a cell (Moodle turns CRLF and CR into LF)")
                break


def check_moodle_row(c, where, row):
    """The per-row rules Python's csv-level checks miss."""
    c.check(
        not php_empty(row["ID number"]) and not php_empty(row["Short name"]),
        f"{where}: ID number or short name is PHP-empty ('0'): create_competency() skips the row and its subtree",
    )
    c.check(row["Description"] != "0", f"{where}: description '0' is PHP-empty and dropped")
    for column in MOODLE_RULE_COLUMNS:
        c.check(
            row[column] == "", f"{where}: {column} {row[column]!r} (set_rules() needs a core_competency rule class)"
        )
    own = row["ID number"]
    for reference in filter(None, row["Cross-referenced competency ID numbers"].split(",")):
        c.check(
            reference.replace("%2C", ",") != own,
            f"{where}: cross-references itself (related_competency: 'A competency cannot be related to itself')",
        )
    if re.search(r"<[a-zA-Z/]", row["Description"]):
        c.check(row["Description format"] == "1", f"{where}: HTML description in format {row['Description format']}")
    for problem in html_problems(row["Description"]):
        c.failures.append(f"{where}: description HTML not kept by Moodle's cleaning: {problem}")


# --- Canvas ---------------------------------------------------------------------------------

CANVAS_STRING = 255  # ActiveRecord::Base.maximum_string_length
CANVAS_TEXT = 64 * 1024 - 1  # ActiveRecord::Base.maximum_text_length
# The methods and calculation_int ranges every Canvas version accepts (the intersection of
# OutcomeCalculationMethod's lists over time; n_mastery was 2..5, later 1..5, now 1..10).
CANVAS_CALCULATION = {"decaying_average": range(50, 100), "n_mastery": range(2, 6), "highest": None, "latest": None}


def check_canvas_bytes(c, name, data, python_rows):
    """Ruby's CSV reads the file without MalformedCSVError and the same cells as Python; the
    separator Canvas guesses from the header is the comma; returns Ruby's rows (None = nil)."""
    first_line = data.split(b"\n", 1)[0]
    c.check(
        first_line.count(b";") <= first_line.count(b","),
        f"{name}: the header has more ';' than ',': test_header_i18n() picks ';' as separator",
    )
    try:
        rows = ruby_cells(data)
    except MalformedCSV as error:
        c.failures.append(f"{name}: Ruby's CSV raises MalformedCSVError ('Invalid CSV File'): {error}")
        return None
    plain = [[cell or "" for cell in row] for row in rows if row]
    if plain != [row for row in python_rows if row]:
        c.failures.append(f"{name}: Ruby's CSV reads other cells than Python")
    header = python_rows[0] if python_rows else []
    main = header[: header.index("ratings")] if "ratings" in header else header
    c.check(len(set(main)) == len(main), f"{name}: a header twice (headers.zip(row).to_h keeps the last)")
    return rows


def check_canvas_row(c, where, header, raw, ruby_row):
    """The per-row rules Python's csv-level checks miss; `raw` as Python read it, `ruby_row` as
    Ruby did (None for an empty unquoted cell)."""
    end = header.index("ratings") if "ratings" in header else len(header)
    row = dict(zip(header[:end], raw, strict=False))
    guid = row.get("vendor_guid", "")
    c.check(len(guid) <= CANVAS_STRING, f"{where}: vendor_guid longer than {CANVAS_STRING}")
    c.check(
        not re.search(r"canvas_outcome(_group)?:\d+", guid),
        f"{where}: vendor_guid {guid!r} is read as a Canvas id (find_prior_outcome/find_prior_group)",
    )
    c.check(row.get("title", "").strip() != "", f"{where}: title is blank to Ruby's present?")
    c.check(len(row.get("display_name", "")) <= CANVAS_STRING, f"{where}: display_name longer than {CANVAS_STRING}")
    c.check(len(row.get("description", "")) <= CANVAS_TEXT, f"{where}: description longer than {CANVAS_TEXT}")
    c.check(
        len(row.get("friendly_description", "")) <= CANVAS_STRING,
        f"{where}: friendly_description longer than {CANVAS_STRING}",
    )
    kind = row.get("object_type")
    if kind == "outcome":
        c.check(not row.get("course_id"), f"{where}: course_id on an outcome (import.rb GROUP_ONLY_FIELDS)")
        method = row.get("calculation_method", "")
        value = row.get("calculation_int", "")
        if method:
            allowed = CANVAS_CALCULATION.get(method, "unknown")
            if c.check(allowed != "unknown", f"{where}: calculation_method {method!r} not accepted by every Canvas"):
                if allowed is None:
                    c.check(value == "", f"{where}: calculation_int with {method}")
                else:
                    c.check(
                        value.isdigit() and int(value) in allowed, f"{where}: calculation_int {value!r} for {method}"
                    )
        else:
            c.check(value == "", f"{where}: calculation_int without calculation_method")
        mastery = row.get("mastery_points", "")
        c.check(
            mastery == "" or re.fullmatch(r"\d+", mastery) is not None,
            f"{where}: mastery_points {mastery!r} not a whole number (strict_parse_float reads '.' and ',' per locale)",
        )
    if ruby_row is not None:
        ratings = list(ruby_row[end:])
        while ratings and ratings[-1] is None:
            ratings.pop()
        for index, (points, text) in enumerate(zip(ratings[0::2], [*ratings[1::2], None], strict=False), 1):
            c.check(
                points is not None and re.fullmatch(r"\d+", points) is not None,
                f"{where}: rating tier {index} points {points!r} (blank after drop_trailing_nils, or not a whole "
                "number: strict_parse_float reads '.' and ',' per locale)",
            )
            c.check(text not in (None, ""), f"{where}: rating tier {index} has no description")
    for problem in html_problems(row.get("description", "")):
        c.failures.append(f"{where}: description HTML not kept by Canvas's sanitizer: {problem}")


# --- the real parsers: PHP's fgetcsv and Ruby's CSV ------------------------------------------


def run_reader(c, name, program, script, data):
    """The JSON a reader script prints for `data`, or None (with a failure) when it cannot run."""
    if shutil.which(program) is None:
        c.failures.append(f"{name}: {program} is not installed (.ci/run installs php-cli, php-mbstring and ruby)")
        return None
    with tempfile.NamedTemporaryFile(suffix=".csv") as file:
        file.write(data)
        file.flush()
        done = subprocess.run([program, str(HERE / script), file.name], capture_output=True, check=False)
    try:
        return json.loads(done.stdout)
    except ValueError:
        c.failures.append(f"{name}: {script} failed: {done.stderr.decode(errors='replace')[:300]}")
        return None


def run_importer(c, name, program, script, importer, data):
    """(result, where): what an importer script made of `data`, and the place its failures are
    reported at; result None (with a failure) when the script cannot run or the importer stops."""
    where = f"{name}: {importer} ({script})"
    result = run_reader(c, name, program, script, data)
    if result is None or not c.check(result["error"] is None, f"{where} stops: {result['error']}"):
        return None, where
    return result, where


def check_moodle_real(c, name, data, rows):
    """PHP's own fgetcsv, through Moodle's reading and tree building (moodle_read.php), creates
    exactly the file's competencies, under their parents, with their texts, and its relations."""
    result, where = run_importer(c, name, "php", "moodle_read.php", "PHP's importer", data)
    if result is None:
        return
    body = [dict(zip(rows[0], row, strict=False)) for row in rows[1:] if row]
    framework = next((r for r in body if not php_empty(r["Is framework"])), None)
    got = result["framework"]
    c.check(
        framework is not None
        and (got["idnumber"], got["shortname"], got["taxonomies"], got["descriptionformat"])
        == (
            framework["ID number"],
            framework["Short name"],
            framework["Taxonomy"],
            int(framework["Description format"]),
        ),
        f"{where} reads another framework row: {got['idnumber']!r} {got['shortname']!r}",
    )
    expected = [
        {
            "parent": r["Parent ID number"],
            "idnumber": r["ID number"],
            "shortname": r["Short name"],
            "description": "" if php_empty(r["Description"]) else r["Description"],
            "descriptionformat": int(r["Description format"] or 0),
        }
        for r in body
        if php_empty(r["Is framework"])
    ]
    created = result["competencies"]
    if created != expected:
        missing = [e["idnumber"] for e in expected if e not in created][:3]
        extra = [e["idnumber"] for e in created if e not in expected][:3]
        c.failures.append(
            f"{where} creates {len(created)} competencies, the file has {len(expected)} (not created as written: "
            f"{missing}, unexpected: {extra})"
        )
    pairs = {
        (r["ID number"], ref.replace("%2C", ","))
        for r in body
        if php_empty(r["Is framework"])
        for ref in filter(None, r["Cross-referenced competency ID numbers"].split(","))
    }
    c.check(
        {tuple(p) for p in result["related"]} == pairs,
        f"{where} relates other competencies than the file names ({len(result['related'])} of {len(pairs)})",
    )


def check_canvas_real(c, name, data, rows):
    """Ruby's own CSV, through Canvas's header and row handling (canvas_read.rb), reads every row
    without an error and with exactly the file's cells and ratings."""
    result, where = run_importer(c, name, "ruby", "canvas_read.rb", "Ruby's importer", data)
    if result is None:
        return
    header = rows[0]
    end = header.index("ratings") if "ratings" in header else len(header)
    body = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    c.check(len(result["rows"]) == len(body), f"{where} reads {len(result['rows'])} rows, the file has {len(body)}")
    for row, entry in zip(body, result["rows"], strict=False):
        line = f"{where} line {entry['line']}"
        if not c.check("error" not in entry, f"{line}: {entry.get('error')}"):
            continue
        got = entry["object"]
        for column, cell in zip(header[:end], row, strict=False):
            value = got.get(column)
            if column == "mastery_points" and cell:
                c.check(value == float(cell), f"{line}: mastery_points {value!r}, the file says {cell!r}")
            else:
                c.check((value or "") == cell, f"{line}: {column} {value!r}, the file says {cell!r}")
        ratings = list(row[end:])
        while ratings and ratings[-1] == "":
            ratings.pop()
        pairs = [[float(p), d] for p, d in zip(ratings[0::2], ratings[1::2], strict=False)]
        c.check(got["ratings"] == pairs, f"{line}: ratings {got['ratings']}, the file says {pairs}")
