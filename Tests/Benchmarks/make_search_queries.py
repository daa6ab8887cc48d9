#!/usr/bin/env python3
"""Writes `search-queries.txt`: the fixed list of search queries the benchmark replays.

The queries are what people type into the search box, taken from the embedded dossiers'
own words: single words (with and without diacritics, some capitalised), type-ahead prefixes,
two or three words from one text (so they usually match together), pairs that may match
nothing, and some of each with a `soort` or `dossier` filter or another page. Each line is the
query string of one `GET /api/v1/zoeken?...` request, percent-encoded. Seeded, so running this
again gives the same file; the file is committed so every run measures the same thing.

    python3 Tests/Benchmarks/make_search_queries.py [--count 1000]
"""

import argparse
import json
import os
import random
import re
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
EMBEDDED = os.path.join(HERE, "..", "..", "Sources", "Dossier", "Resources", "dossiers")
OUTPUT = os.path.join(HERE, "search-queries.txt")
WORD = re.compile(r"[^\W\d_]{4,}")
SOORTEN = ["werkproces", "kerntaak", "gedrag", "vakkennis", "competentie", "dossier", "kwalificatie"]
# Words that say nothing on their own; a searcher rarely types them alone.
STOP = {"voor", "door", "zijn", "heeft", "wordt", "worden", "deze", "haar", "hij/zij", "over", "naar",
        "waar", "maar", "ook", "daarbij", "zoals", "kunnen", "van", "met", "een", "het", "die", "dat"}


def texts():
    """Every prose text of the embedded dossiers, with its dossier's crebo."""
    found = []
    for name in sorted(os.listdir(EMBEDDED)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(EMBEDDED, name), encoding="utf-8") as file:
            dossier = json.load(file)

        def walk(value, crebo):
            if isinstance(value, dict):
                for child in value.values():
                    walk(child, crebo)
            elif isinstance(value, list):
                for child in value:
                    walk(child, crebo)
            elif isinstance(value, str) and " " in value:
                found.append((crebo, value))

        walk(dossier, dossier["crebo"])
    return found


def strip_diacritics(word):
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def make(count, rng):
    corpus = texts()
    words = sorted({w.lower() for _, text in corpus for w in WORD.findall(text)} - STOP)
    crebos = sorted({crebo for crebo, _ in corpus})
    queries = []
    while len(queries) < count:
        kind = rng.random()
        if kind < 0.35:
            terms = [rng.choice(words)]
        elif kind < 0.55:
            word = rng.choice([w for w in words if len(w) >= 6])
            terms = [word[: rng.randint(3, 5)]]
        elif kind < 0.85:
            _, text = rng.choice(corpus)
            candidates = [w.lower() for w in WORD.findall(text) if w.lower() not in STOP]
            if len(candidates) < 2:
                continue
            start = rng.randrange(len(candidates))
            terms = candidates[start:start + rng.choice([2, 2, 3])]
            if rng.random() < 0.3:
                # Type-ahead: the last word half typed.
                terms[-1] = terms[-1][: max(3, len(terms[-1]) // 2)]
        else:
            terms = rng.sample(words, 2)
        terms = [strip_diacritics(t) if rng.random() < 0.5 else t for t in terms]
        if rng.random() < 0.1:
            terms = [t.capitalize() for t in terms]
        parameters = [("q", " ".join(terms))]
        extra = rng.random()
        if extra < 0.12:
            parameters.append(("soort", rng.choice(SOORTEN)))
        elif extra < 0.22:
            parameters.append(("dossier", rng.choice(crebos)))
        elif extra < 0.27:
            parameters += [("soort", rng.choice(SOORTEN)), ("dossier", rng.choice(crebos))]
        if rng.random() < 0.08:
            parameters.append(("pageSize", rng.choice(["5", "20", "50", "100"])))
        if rng.random() < 0.05:
            parameters.append(("pageNumber", "2"))
        queries.append(urllib.parse.urlencode(parameters, quote_via=urllib.parse.quote_plus))
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    arguments = parser.parse_args()
    queries = make(arguments.count, random.Random(6))
    with open(OUTPUT, "w", encoding="utf-8") as file:
        file.write("\n".join(queries) + "\n")
    print(f"{len(queries)} queries in {OUTPUT}")


if __name__ == "__main__":
    main()
