"""People an article introduces by their office, in any sentence ("Justice Samuel Alito is the
court's ...", "Solicitor General Elizabeth Prelogar argues ..."): named again by surname alone as a
speaker ("Alito asked", "Prelogar said"), they keep that office (DESIGN.md §3: officials by office).

The rules parse only sentences with an attribution cue, and a frame types its speaker from that
sentence alone; an introduction with no cue ("President George W. Bush elevated Alito ...") is
never parsed. This reads every sentence's words instead: a title of office from
``sources/office_titles.txt`` written right before a capitalised name, or an office in apposition
after one ("Antony Blinken, the US secretary of state, ..."). A past office ("former
President ...", "ex-minister", "shadow ...") teaches nothing: its holder speaks for themselves.
A journalist or an expert in apposition ("Stefania Maurizi, an Italian journalist who ...") is kept
the same way: named again, they still report (``described_names``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from assistant.ingest.namesakes import full_name
from assistant.ingest.patterns import source_patterns
from assistant.ingest.gazetteers import known_places
from assistant.types import Label

PAST = frozenset("former ex ex- retired shadow".split())
_TRAILING = ".,;:!?\"”’)]"
# A word of a name: capitalised with a lower-case letter ("Alito", "O'Connor", "Jean-Pierre") or initials ("W.", "H.W.").
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’-]*[a-z][\w'’-]*|(?:[A-Z]\.)+)$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
# Lower-case particles inside a name ("Ana de Souza", "Ludwig van Berg", "Mohammed bin Salman").
PARTICLES = frozenset("de da do dos das del della di du van von der den ter bin ibn al el la le".split())
MAX_TITLE_WORDS = 4
MAX_PREFIX_WORDS = 5
MAX_NAME_WORDS = 3


@lru_cache(maxsize=1)
def office_titles() -> dict[str, str]:
    """Each title (lower-case words) and its condition: "" any, "!" alone or after a place or a
    public body, "+" after a public body, "2" before a name of two words at least."""
    text = (resources.files("assistant.ingest") / "sources" / "office_titles.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        mark, _, rest = line.partition(" ")
        if mark in ("!", "+", "2"):
            out[rest.strip()] = mark
        else:
            out[line] = ""
    return out


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of every title ("solicitor", "general", "sen.")."""
    return frozenset(w for title in office_titles() for w in title.split())


@lru_cache(maxsize=1)
def _pattern_words() -> tuple[frozenset[str], frozenset[str]]:
    """Phrases of public bodies (the official family), and phrases of every other kind of source."""
    official: set[str] = set()
    other: set[str] = set()
    for row in source_patterns():
        phrase = row["pattern"].lower()
        (official if row["label"] in ("OFFICIAL", "OFFICIAL_NAME") else other).add(phrase)
    return frozenset(official), frozenset(other - official)


def _bare(word: str) -> str:
    word = word.strip(_TRAILING.replace(".", "") + "(\"“‘'")
    if not _INITIALS.match(word):
        word = word.rstrip(".")
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    return word


def _phrases(words: list[str]) -> set[str]:
    low = [w.lower().strip(_TRAILING.replace(".", "") + "(\"“‘") for w in words]
    return {" ".join(low[i:j]) for i in range(len(low)) for j in range(i + 1, min(len(low), i + 3) + 1)}


def _prefix_allows(condition: str, prefix: list[str], title_capitalised: bool) -> bool:
    official, other = _pattern_words()
    phrases = _phrases(prefix) - office_titles().keys()  # "Detective Sergeant": a rank before a rank
    if phrases & other and not phrases & official:
        return False  # "Hamas spokesman", "Microsoft President", "CNN Director": another kind of source's
    if condition == "+":
        return bool(phrases & official)
    if condition == "!":
        return (not prefix and title_capitalised) or bool(prefix) and _public(prefix)
    return True


def _public(words: list[str]) -> bool:
    """Do these words name a state or a public body ("US", "Bank of England", "South Korean", "Senate")?"""
    official = _pattern_words()[0]
    places, nations = known_places(), demonyms()
    low = [w.lower().strip(_TRAILING.replace(".", "") + "(\"“‘").removesuffix("'s").removesuffix("’s") for w in words]
    i = 0
    while i < len(low):
        # The longest run of words from here that is a place, a nation's adjective or a public body.
        size = next((n for n in (3, 2, 1) if i + n <= len(low) and (" ".join(low[i : i + n]) in places | nations | official
                                                                   or " ".join(low[i : i + n]).rstrip(".") in places)), 0)
        if size == 0 and low[i] not in ("of", "the"):
            return False
        i += max(size, 1)
    return True


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Adjectives of nationality, lower-case (``sources/demonyms.txt``: "french", "south korean")."""
    text = (resources.files("assistant.ingest") / "sources" / "demonyms.txt").read_text(encoding="utf-8")
    return frozenset(line.split("|")[0].strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def titled_names(text: str) -> dict[str, Label]:
    """Surnames (lower-case) this sentence introduces with a title of office, as ``official``."""
    titles = office_titles()
    words = text.split()
    out: dict[str, Label] = {}
    if not _title_words().intersection(w.lower().strip(_TRAILING.replace(".", "")).removeprefix("then-") for w in words):
        return out  # no title of office at all: most sentences
    for end in range(len(words)):
        # The longest title ending at ``end`` and followed by a name.
        for size in range(min(MAX_TITLE_WORDS, end + 1), 0, -1):
            start = end - size + 1
            first = words[start].removeprefix("then-").removeprefix("Then-")
            title = " ".join([first, *words[start + 1 : end + 1]]).lower()
            if title not in titles or any(ch in "".join(words[start:end]) for ch in ",;:"):
                continue
            name = _name_after(words, end + 1)
            condition = titles[title]
            if not name or condition == "2" and len(name) < 2:
                break
            prefix = _prefix(words, start)
            before = words[start - len(prefix) - 1].lower().strip("(\"“‘") if start - len(prefix) > 0 else ""
            if first.lower() in PAST or before in PAST or before.endswith(("ex-", "former")) or any(w.lower() in PAST for w in prefix):
                break
            if not _prefix_allows(condition, prefix, first[:1].isupper()):
                break
            out.setdefault(_bare(name[-1]).lower(), "official")
            if person := full_name([_bare(w) for w in name]):
                out.setdefault(person, "official")
            break
    for name, _, office in _appositions(text):  # "Antony Blinken, the US secretary of state, ..."
        if office:
            out.setdefault(_bare(name[-1]).lower(), "official")
            if person := full_name([_bare(w) for w in name]):
                out.setdefault(person, "official")
    return out


@lru_cache(maxsize=1)
def _reporting_words() -> frozenset[str]:
    """Words for people who report or judge rather than take part (the media family's journalists,
    editors, analysts, experts; not witnesses or residents, whose own affairs may be the story)."""
    return frozenset(row["pattern"].lower() for row in source_patterns()
                     if row["label"] == "MEDIA" and row.get("id", "") in ("", "expert") and " " not in row["pattern"])


def described_names(text: str) -> dict[str, Label]:
    """Surnames (lower-case) this sentence introduces, in apposition, as a journalist or an expert
    ("Stefania Maurizi, an Italian journalist who visited ..."), as ``media_report``: named again by
    surname alone ("Maurizi said"), they still report rather than speak for themselves."""
    out: dict[str, Label] = {}
    words = _reporting_words()
    for name, description, office in _appositions(text):
        head = re.split(r"\s(?:of|at|for|from|in|with|on)\s", " " + " ".join(description) + " ")[0].split()
        if not head or office:
            continue
        if head[-1].lower().strip(_TRAILING) in words and not any(w.lower() in PAST or w.lower().startswith(("ex-", "former")) for w in head):
            out[_bare(name[-1]).lower()] = "media_report"
    return out


@lru_cache(maxsize=4096)
def _appositions(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]:
    """Each name with what is said of it in apposition, and whether that is a public office now held:
    read once per sentence for both ``titled_names`` and ``described_names``."""
    return tuple((tuple(name), tuple(description), _office_allows(description, len(name)))
                 for name, description in ((m.group(1).split(), m.group(2).split()) for m in _APPOSED.finditer(text))
                 if all(_NAME_WORD.match(w) for w in name))


# A name and, in apposition, what it is: "Antony Blinken, the US secretary of state," / "Nadia
# Ferro, who is the solicitor general."
_APPOSED = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]*[a-z])\s*,\s+(?:who\s+(?:is|was)\s+)?(?:the|an?)\s+"
    r"([^,;:()“”\"]{2,60}?)(?=\s*[,;]|\.(?:\s|$)|\s+(?:who|and|said|says|told)\b)"
)


def _office_allows(office: list[str], name_words: int) -> bool:
    """Is this apposed phrase ("US secretary of state", "director of the FBI", "Microsoft's
    president") a public office now held?"""
    titles = office_titles()
    low = [w.lower() for w in office]
    for size in range(min(MAX_TITLE_WORDS, len(low)), 0, -1):
        for start in range(len(low) - size + 1):
            title = " ".join(low[start : start + size])
            if title not in titles:
                continue
            prefix, tail = office[:start], office[start + size :]
            if any(w.lower() in PAST or w.lower().startswith(("ex-", "former")) for w in prefix):
                return False
            condition = titles[title]
            if condition == "2" and name_words < 2:
                return False
            # What follows the office: "of Brazil", "of the FBI", "in Ohio" (a place or a public body), not "of the club".
            of = tail[1:] if tail and tail[0].lower() in ("of", "for", "at", "in") else None
            if tail and (of is None or not _prefix_allows("", of, True)):
                return False
            public = bool(of) and _public(of or [])
            if condition in ("!", "+"):
                return public or bool(prefix) and _prefix_allows(condition, prefix, False)
            return _prefix_allows(condition, prefix, False)
    return False


def _prefix(words: list[str], start: int) -> list[str]:
    """The capitalised words (and "of") right before the title: "Bank of England" of "Bank of England Governor"."""
    prefix: list[str] = []
    i = start - 1
    while i >= 0 and len(prefix) < MAX_PREFIX_WORDS and (words[i].removeprefix("then-")[:1].isupper() or words[i] == "of" and prefix) \
            and not words[i].endswith(tuple(_TRAILING.replace(".", ""))):
        prefix.insert(0, words[i].removeprefix("then-"))
        i -= 1
    while prefix and prefix[0] == "of":
        prefix.pop(0)
    return prefix


def _name_after(words: list[str], at: int) -> list[str]:
    """The name right after a title: up to three capitalised words, ending where punctuation does;
    none when a word of it is a kind of source's word ("Justice Department") or the last is initials."""
    official, other = _pattern_words()
    titles = office_titles()
    name: list[str] = []
    for n, word in enumerate(words[at : at + MAX_NAME_WORDS + 1]):
        bare = _bare(word)
        if name and word in PARTICLES and at + n + 1 < len(words) and _NAME_WORD.match(_bare(words[at + n + 1])):
            continue  # "Ana de Souza-Lima": the surname comes after the particle
        if not _NAME_WORD.match(bare) or bare.lower() in official or bare.lower() in other or bare.lower() in titles:
            break
        name.append(bare)
        if word != bare and not word.endswith(".") or word.endswith(".") and not _INITIALS.match(bare):
            break  # "Alito," / "Alito's" / "Alito." ends the name
    if len(name) > MAX_NAME_WORDS or not name or _INITIALS.match(name[-1]):
        return []
    return name
