#!/usr/bin/env python3
"""Writes synthetic kwalificatiedossiers, shaped like the embedded ones, as `--data` JSON files.

For the scale benchmark only: the files go to a temporary directory and are never committed.
Every synthetic dossier is unmistakable: its titel starts with "SYNTHETISCH" and its crebo lies
in 90000-90999 (kwalificaties in 91000-96999), outside the 2xxxx numbers of today's dossiers
(older, expired qualifications did use 9xxxx numbers: these files are for benchmarks only and
are only ever written to a temporary directory).

The structure (kerntaken, werkprocessen, profielen, vakkennis references, competenties) is
copied from one of the real dossiers, so every file passes the server's validation; the texts
are real sentences of the same kind of field, reshuffled, with some words replaced by
invented compounds unique to each dossier, so the vocabulary grows with the number of
dossiers as it would with real ones. Seeded: the same count gives the same bytes.

    python3 Tests/Benchmarks/synthetic_dossiers.py OUT_DIR [--count 500]
"""

import argparse
import copy
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
EMBEDDED = os.path.join(HERE, "..", "..", "Sources", "Dossier", "Resources", "dossiers")
FIRST_CREBO = 90000
FIRST_KWALIFICATIE_CREBO = 91000

SENTENCE = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-zÀ-ÿ]{6,}")


def load_templates():
    templates = []
    for name in sorted(os.listdir(EMBEDDED)):
        if name.endswith(".json"):
            with open(os.path.join(EMBEDDED, name), encoding="utf-8") as file:
                templates.append(json.load(file))
    return templates


class TextPool:
    """The sentences of every text field of the templates, by field name, and their words."""

    def __init__(self, templates):
        self.sentences = {}
        self.words = set()
        self.titles = []
        for template in templates:
            self._collect(template, "")
            for kerntaak in template["kerntaken"]:
                self.titles.append(kerntaak["titel"])
                self.titles += [werkproces["titel"] for werkproces in kerntaak["werkprocessen"]]

    def _collect(self, value, key):
        if isinstance(value, dict):
            for name, child in value.items():
                self._collect(child, name)
        elif isinstance(value, list):
            for child in value:
                self._collect(child, key)
        elif isinstance(value, str) and " " in value:
            for sentence in SENTENCE.split(value.strip()):
                if sentence:
                    self.sentences.setdefault(key, []).append(sentence)
            self.words.update(word.lower() for word in WORD.findall(value))

    def title(self, rng, vocabulary):
        """A kerntaak or werkproces title of the templates with one long word replaced."""
        title = rng.choice(self.titles)
        words = WORD.findall(title)
        if not words:
            return title + " " + rng.choice(vocabulary)
        return title.replace(rng.choice(words), rng.choice(vocabulary), 1)

    def text(self, key, like, rng, vocabulary):
        """A text of about the length of `like`, from sentences of fields named `key`."""
        pool = self.sentences.get(key) or self.sentences["omschrijving"]
        parts = []
        length = 0
        while length < len(like) or not parts:
            sentence = rng.choice(pool)
            parts.append(sentence)
            length += len(sentence) + 1
        text = " ".join(parts)
        # About one long word in eight becomes a term of this dossier's own vocabulary.
        return WORD.sub(lambda m: rng.choice(vocabulary) if rng.random() < 0.125 else m.group(0), text)


def make_vocabulary(pool, rng, count=60):
    """Invented Dutch-looking compounds (`klantplanning`), unique to one dossier."""
    words = sorted(pool.words)
    vocabulary = set()
    while len(vocabulary) < count:
        first, second = rng.choice(words), rng.choice(words)
        vocabulary.add(first[: rng.randint(4, 7)] + second[rng.randint(0, 2):])
    return sorted(vocabulary)


def rewrite(value, key, pool, rng, vocabulary):
    """Replaces every prose text (a string with spaces) below `value`; keeps codes and ids."""
    if isinstance(value, dict):
        return {
            name: (child if name in KEEP else rewrite(child, name, pool, rng, vocabulary))
            for name, child in value.items()
        }
    if isinstance(value, list):
        return [rewrite(child, key, pool, rng, vocabulary) for child in value]
    if isinstance(value, str) and " " in value:
        return pool.text(key, value, rng, vocabulary)
    return value


# Fields that are identifiers, references, dates or URLs: copied as they are.
KEEP = {
    "code", "crebo", "id", "deel", "profiel", "competenties", "vakkennis", "kerntaken", "bron",
    "gevalideerdOp", "vastgesteldOp", "geldigVanaf", "datumEindeInstroom", "datumEindeOpleiding",
    "mboNiveau", "eqfNiveau", "sbu", "niveaus", "soortOpleiding", "status", "beroepsvereisten",
    "naam",
}


def make_dossier(index, templates, pool):
    crebo = str(FIRST_CREBO + index)
    rng = random.Random(int(crebo))
    template = templates[index % len(templates)]
    vocabulary = make_vocabulary(pool, rng)
    dossier = rewrite(copy.deepcopy(template), "", pool, rng, vocabulary)
    # Vakkennis items are lists of texts with ids: rewrite their texts, keep the ids.
    for item, original in zip(dossier["vakkennis"], template["vakkennis"], strict=True):
        item["tekst"] = pool.text("tekst", original["tekst"], rng, vocabulary)
    topic = " ".join(rng.sample(vocabulary, 2))
    dossier["crebo"] = crebo
    dossier["titel"] = f"SYNTHETISCH {crebo} {topic}"
    dossier["bron"] = {"bestand": f"synthetic-{crebo}.json", "soort": "json"}
    for number, kwalificatie in enumerate(dossier["kwalificaties"]):
        kwalificatie["titel"] = f"SYNTHETISCH {kwalificatie['code']} {rng.choice(vocabulary)}"
        if "crebo" in kwalificatie:
            kwalificatie["crebo"] = str(FIRST_KWALIFICATIE_CREBO + index * 6 + number)
    for kerntaak in dossier["kerntaken"]:
        kerntaak["titel"] = pool.title(rng, vocabulary)
        for werkproces in kerntaak["werkprocessen"]:
            werkproces["titel"] = pool.title(rng, vocabulary)
    return dossier


def write(directory, count):
    """Writes `count` files into `directory`; returns their total size in bytes."""
    templates = load_templates()
    pool = TextPool(templates)
    os.makedirs(directory, exist_ok=True)
    total = 0
    for index in range(count):
        dossier = make_dossier(index, templates, pool)
        text = json.dumps(dossier, ensure_ascii=False, indent=2, sort_keys=True)
        path = os.path.join(directory, f"synthetic-{dossier['crebo']}.json")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        total += len(text.encode())
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--count", type=int, default=500)
    arguments = parser.parse_args()
    if not 1 <= arguments.count <= 1000:
        parser.error("--count must be 1...1000 (the synthetic crebo range holds 1000)")
    size = write(arguments.directory, arguments.count)
    print(f"{arguments.count} synthetic dossiers, {size / 1e6:.1f} MB, in {arguments.directory}")


if __name__ == "__main__":
    main()
