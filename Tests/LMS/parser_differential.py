"""The Python readers of importer_rules.py against the real parsers: PHP's fgetcsv behind
Moodle's csv_import_reader and Ruby's CSV behind Canvas's csv_importer.rb, on the same
deterministic, nasty inputs (quotes, doubled quotes, backslashes, CR, LF, CRLF, BOM, spaces,
tabs). Used by check_exports.py: a difference is a failure, since the rules checked on the
exports are only as right as these readers."""

import json
import random
import subprocess
import tempfile

import importer_rules

PIECES = ["a", "b", " ", ",", '"', "\\", "\r\n", "\n", "\r", "é", '""', "\t"]


def cases(count=600, seed=11):
    generator = random.Random(seed)
    for number in range(count):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(1, 16)))
        head = generator.choice(["h1,h2\r\n", "h1,h2\n", ""])
        yield f"{number:04}.csv", ("\ufeff" if number % 2 else "").encode() + (head + text).encode()


def differences():
    """Descriptions of the cases where a Python reader and the real parser disagree."""
    problems = []
    with tempfile.TemporaryDirectory() as directory:
        inputs = dict(cases())
        for name, data in inputs.items():
            with open(f"{directory}/{name}", "wb") as file:
                file.write(data)
        here = importer_rules.HERE
        php = subprocess.run(["php", str(here / "fgetcsv_cells.php"), directory], capture_output=True, check=False)
        ruby = subprocess.run(["ruby", str(here / "ruby_csv_cells.rb"), directory], capture_output=True, check=False)
        try:
            php_rows, ruby_rows = json.loads(php.stdout), json.loads(ruby.stdout)
        except ValueError:
            return [f"the real parsers did not run: {php.stderr[:200]!r} {ruby.stderr[:200]!r}"]
        for name, data in inputs.items():
            if importer_rules.moodle_cells(data) != php_rows.get(name):
                problems.append(f"moodle_cells() differs from PHP's fgetcsv on {data!r}")
            try:
                mine = importer_rules.ruby_cells(data)
            except importer_rules.MalformedCSV:
                mine = "ERR"
            if mine != ruby_rows.get(name):
                problems.append(f"ruby_cells() differs from Ruby's CSV on {data!r}")
    return problems
