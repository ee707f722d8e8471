"""A synthetic newsroom archive for benchmarks, generated deterministically from a seed.

There is no real 10,000-article corpus offline, so articles are assembled from templates with
the attribution cues real news uses (officials said, police reported, witnesses told a
newspaper, users on social media claim, a group claimed), varied names, places, numbers and
dates. Every report that uses it says it is synthetic. The seed article is kept in the archive
so that answers about it can be checked at every size.
"""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Karaganda", "Petropavl", "Oral", "Atyrau", "Kostanay", "Taraz", "Semey", "Pavlodar", "Shymkent",
          "Turkistan", "Kyzylorda", "Ekibastuz", "Temirtau", "Rudny", "Zhezkazgan", "Aktau", "Balkhash", "Stepnogorsk"]
PEOPLE = ["Daniyar Seitkali", "Aigerim Bekova", "Marat Omarov", "Saule Zhakupova", "Yerlan Abenov", "Gulnara Iskakova",
          "Timur Kassenov", "Dana Mukanova", "Nurlan Tokayev", "Asel Baimukhanova", "Ruslan Kim", "Zhanna Sadykova"]
BODIES = ["the Interior Ministry", "the regional police", "the Emergencies Ministry", "the city administration",
          "the prosecutor's office", "the Defence Ministry", "the governor's office", "the health department"]
OUTLETS = ["a local newspaper", "the regional television channel", "a news agency", "an independent radio station"]
GROUPS = ["the Steppe Workers' Union", "the Free Farmers Movement", "the Green River Front", "the Drivers' Association"]
EVENTS = ["a fire at a grain depot", "flooding along the river", "a strike at the rail yard", "a power cut",
          "a protest over land sales", "a collapse at a coal mine", "a chemical leak at a factory", "a bus crash"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

TEMPLATES = [
    "{place} was hit by {event} on {day} {month}, {year}.",
    "According to {body}, {n} people were taken to hospital and {m} remain in a serious condition.",
    "{Body} said that the situation in {place} was under control by the evening.",
    "{person}, a spokesperson for {body}, told reporters that an investigation had been opened.",
    "Witnesses told {outlet} that they heard a loud noise shortly before {hour} p.m.",
    "According to {outlet}, roads around {place} were closed for {n} hours.",
    "Users on social media claim that the authorities knew about the risk for months.",
    "One theory circulating online suggests that the damage was caused deliberately.",
    "{Group} said in a statement that it had warned officials about the danger in {year}.",
    "{Group} claimed that its members had been blamed unfairly.",
    "{Body} denied that any warnings had been received.",
    "The governor ordered all schools in {place} to close until {day} {month}.",
    "{place} has a population of about {pop} people and lies {km} kilometers from the border.",
    "The town was founded in {founded} and became a regional centre in {centre}.",
    "This was the largest incident of its kind in the region since {since}.",
]


def synthetic_article(number: int, seed: int = 2016) -> str:
    rng = random.Random(f"{seed}-{number}")
    values = {
        "place": rng.choice(PLACES), "event": rng.choice(EVENTS), "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS), "year": rng.randint(2010, 2025), "n": rng.randint(2, 60),
        "m": rng.randint(1, 9), "person": rng.choice(PEOPLE), "outlet": rng.choice(OUTLETS),
        "hour": rng.randint(1, 11), "pop": f"{rng.randint(20, 900)},000", "km": rng.randint(15, 400),
        "founded": rng.randint(1700, 1950), "centre": rng.randint(1930, 1999), "since": rng.randint(1990, 2015),
    }
    body, group = rng.choice(BODIES), rng.choice(GROUPS)
    values.update(body=body, Body=body[0].upper() + body[1:], Group=group[0].upper() + group[1:])
    chosen = [TEMPLATES[0]] + rng.sample(TEMPLATES[1:], 9)
    return " ".join(t.format(**values) for t in chosen)


def write_archive(folder: Path, size: int, seed_article: Path | None = None, seed: int = 2016) -> Path:
    """``size`` articles in ``folder`` (the seed article among them when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    count = size
    if seed_article is not None:
        (folder / seed_article.name).write_bytes(seed_article.read_bytes())
        count -= 1
    for number in range(count):
        (folder / f"synthetic-{number:05d}.txt").write_text(synthetic_article(number, seed), encoding="utf-8")
    return folder
