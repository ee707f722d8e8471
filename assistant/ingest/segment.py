"""Split an article into sentences whose ``start``/``end`` index its verbatim text.

Rule-based, so that offsets are exact and behaviour is predictable: lines are paragraphs,
lines without letters or digits (``***``) are separators, and a sentence ends at ``. ! ? …``
(plus any closing quotes or brackets, and footnote markers such as ``[1]``) before whitespace and a capitalised word
(or a name in camel case: "iPhone", "eBay"), unless the
period belongs to an abbreviation (``Mr.``, ``Jan.``, an initial). Time abbreviations such as
``p.m.`` end a sentence only when a capitalised word follows. Apostrophes inside words
(``d’état``) and dashes never split.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.types import Article, Sentence

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# Titles and ranks abbreviated before a name ("Det. Supt. Mark Hill", "the Rt. Hon. Mary Banda"):
# never the end of a sentence, and one token to the parser (``nlp.load_parser``).
TITLE_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "cdr", "brig",
    "cpl", "pvt", "pte", "det", "supt", "insp", "st", "jr", "sr", "rev", "gov", "sen", "rep", "pres", "hon", "rt",
    "amb", "atty",
})
# Never end a sentence (titles, months, and other abbreviations usually followed by a name or number).
_NEVER_FINAL = TITLE_ABBREVIATIONS | {
    "fig", "vol", "vs", "v", "e.g", "i.e", "cf", "approx",
    "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
}
# End a sentence unless a number follows ("No. 10 Downing Street", but "she would vote no. Gen. ...").
_BEFORE_NUMBER = {"no", "nos"}
# May end a sentence, but only when a capitalised word follows.
_MAYBE_FINAL = {"a.m", "p.m", "etc", "inc", "ltd", "co", "corp"}
_COMPANY_SUFFIXES = {"inc", "ltd", "co", "corp"}
# Country abbreviations usually go on to a title or name ("U.N. Secretary-General António Guterres",
# "U.S. President Joe Biden"): they end a sentence only before a capitalised function word ("... in
# the U.S. The company said"), by spaCy's English stop-word list.
_NAME_PREFIX = {"u.s", "u.k", "u.n", "e.u"}

# Footnote markers may follow the end of a sentence: "in 2022.[1] It ...", "[2][3]", "[citation needed]".
_FOOTNOTES = r"(?:\[(?:\d{1,3}|[a-z][a-z ]{0,24})\])*"
_BOUNDARY = re.compile(r"(?P<punct>[.!?…]+[" + re.escape(_CLOSERS) + r"]*)" + _FOOTNOTES + r"(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_HAS_WORD = re.compile(r"\w")
_LONGEST_WORD = 100


def _next_starts_sentence(text: str, pos: int) -> bool:
    """Does the text after ``pos`` (skipping spaces, then opening quotes) begin like a new sentence?

    Reads forward only as far as it must: copying the rest of a line at every candidate boundary
    made one long line quadratic."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    while pos < n and text[pos] in _OPENERS:
        pos += 1
    # ... or a name written in camel case ("iPhone 14 will be available ...", "eBay said ...").
    return pos < n and (text[pos].isupper() or text[pos].isdigit() or _camel_case(text, pos))


def _camel_case(text: str, pos: int) -> bool:
    return text[pos].islower() and pos + 1 < len(text) and text[pos + 1].isupper()


def _next_word(text: str, pos: int) -> str:
    found = re.match(r"\s*[" + re.escape(_OPENERS) + r"]*(\w+)", text[pos : pos + _LONGEST_WORD])
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    punct = match.group("punct").rstrip(_CLOSERS)
    if not _next_starts_sentence(line, match.end()):
        return False
    if punct != ".":
        return True
    # The word before the period, read from a bounded window (no word or abbreviation is longer).
    head = line[max(0, match.start() - _LONGEST_WORD) : match.start() + 1]
    word_match = _WORD_BEFORE.search(head)
    if not word_match:
        return True
    word = word_match.group(1).lower()
    if word in _NEVER_FINAL and (word not in TITLE_ABBREVIATIONS or word_match.group(1)[:1].isupper()):
        return False  # a title only capitalised ("sent to the brig. The ...")
    if word in _BEFORE_NUMBER:
        return not _next_word(line, match.end())[:1].isdigit()
    if word in _MAYBE_FINAL:
        # A capitalised word follows (checked above); a company's ticker or gloss in parentheses
        # goes on with the sentence ("MercadoLibre, Inc. (Nasdaq: MELI) today reported ...").
        return not (word in _COMPANY_SUFFIXES and line[match.end() : match.end() + 3].lstrip().startswith("("))
    if word in _NAME_PREFIX or _INITIALS.fullmatch(word) or len(word) == 1 and word.isalpha():
        # "J. Smith", "D.Y. Chandrachud", "J.R.R. Tolkien": initials go on to a name unless a
        # function word follows ("... the studio posted on X. The game is due in 2025").
        if word in _one_letter_platforms() and _PLACE_BEFORE.search(line[max(0, match.start() - 8) : match.start() - 1]):
            return True  # "... in a post on X. Kenya's duty ...": a platform's one-letter name, not an initial
        return len(following := _next_word(line, match.end())) > 1 and following.lower() in _stop_words()  # "J. A. Smith"
    return True


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_PLACE_BEFORE = re.compile(r"\b(?:on|via|onto)\s+$")


@lru_cache(maxsize=1)
def _one_letter_platforms() -> frozenset[str]:
    """Platforms named by one letter in the source patterns ("X")."""
    from assistant.ingest.patterns import source_patterns

    return frozenset(p["pattern"] for p in source_patterns() if p["label"] == "SOCIAL" and len(p["pattern"]) == 1)


def _split_line(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_boundary(line, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    trimmed: list[tuple[int, int]] = []
    for begin, end in spans:
        piece = line[begin:end]
        lead = len(piece) - len(piece.lstrip())
        tail = len(piece) - len(piece.rstrip())
        if _HAS_WORD.search(piece):
            trimmed.append((begin + lead, end - tail))
    return trimmed


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of an article with exact offsets; separator lines are skipped."""
    sentences: list[Sentence] = []
    paragraph = 0
    offset = 0
    for line in article.text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _HAS_WORD.search(body):
            for begin, end in _split_line(body):
                sentences.append(
                    Sentence(
                        doc_id=article.doc_id,
                        idx=len(sentences),
                        start=offset + begin,
                        end=offset + end,
                        text=body[begin:end],
                        paragraph=paragraph,
                    )
                )
            paragraph += 1
        elif body.strip():
            paragraph += 1  # a separator such as *** also closes a paragraph
        offset += len(line)
    return sentences
