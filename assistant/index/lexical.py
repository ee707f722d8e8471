"""Lexical side of retrieval: one tokenizer (Snowball-stemmed), BM25 over sentences, IDF coverage."""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np

STOPWORDS = frozenset(
    """a an the and or but if then else of to in on at by for with from as into onto over under about after
    before between through during without within is are was were be been being am do does did doing done have
    has had having i you he she it we they me him her us them my your his its our their this that these those
    there here what which who whom whose when where why how not no nor so than too very can could should would
    will shall may might must just also only same such other any each few more most some all both up down out
    off again further once s t d ll m o re ve y its it's that's what's let tell me please say said says according many much""".split()
)
SYNONYM_CREDIT = 0.8
AROUND_CREDIT = 0.5  # a query term found elsewhere in the sentence's article counts half
_TOKEN = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}", re.IGNORECASE)


def normalise(text: str) -> str:
    """NFKC, typographic apostrophes folded, dotted acronyms joined ("U.S." -> "us"), lower case."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text).lower()


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessive ``'s`` dropped."""
    out = []
    for tok in _TOKEN.findall(normalise(text)):
        tok = tok.removesuffix("'s")
        out.append(tok)
    return out


def terms(text: str) -> list[str]:
    """Stemmed content terms: what BM25 and coverage compare."""
    return _stemmer().stemWords([w for w in words(text) if w not in STOPWORDS])


# News-domain synonym groups: a question may say "death toll" where the article says "died".
# Generic newsroom vocabulary, not this corpus's wording. Matched after stemming.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("die", "died", "dead", "death", "deaths", "kill", "killed", "fatalities", "toll", "lives", "perished"),
    ("injured", "injury", "injuries", "wounded", "wound", "hurt", "casualties"),
    ("attack", "attacks", "assault", "raid", "shooting", "shootings", "gunfire", "storm", "stormed", "strike", "target"),
    ("suspect", "suspected", "speculated", "speculate", "believed", "thought", "alleged", "presumed"),
    ("attacker", "attackers", "gunmen", "gunman", "assailants", "assailant", "militants", "perpetrators", "shooters"),
    ("responsibility", "claimed", "behind", "culprit", "own", "owned"),
    ("authorities", "officials", "government", "state", "officially", "official"),
    ("internet", "online", "web", "netizens", "users", "social"),
    ("begin", "began", "begun", "start", "started", "starts", "launch"),
    ("name", "named", "called", "renamed", "rename"),
    ("military", "army", "troops", "soldiers", "defence", "defense"),
    ("arrest", "arrested", "detained", "detain", "custody"),
    ("depart", "departed", "leave", "left", "fly", "flew", "travel", "travelled", "trip", "heading", "headed"),
    ("deny", "denied", "denial", "reject", "rejected", "dismissed", "refuted"),
    ("population", "residents", "inhabitants"),
    ("border", "frontier"),
    ("seize", "seized", "hijack", "hijacked", "capture", "captured", "commandeer"),
    ("coup", "overthrow", "putsch"),
    ("message", "statement", "post", "communique", "manifesto"),
    ("theory", "theories", "version", "versions", "speculation", "rumour", "rumor", "rumours", "explanation"),
    ("report", "reports", "reported", "chatter", "word", "news"),
    ("stage", "staged", "fake", "faked", "orchestrated", "false-flag"),
    ("organise", "organize", "organised", "organized", "mastermind", "masterminded", "orchestrate", "plot"),
    ("hacker", "hack", "hacked", "hackers"),
    ("win", "won", "winner", "winning", "victory", "champion", "title", "beat", "defeated", "defeat", "triumph"),
    ("acquire", "acquired", "acquisition", "buy", "bought", "purchase", "purchased", "takeover"),
    ("release", "released", "launch", "launched", "debut", "debuted", "published"),
    ("revenue", "revenues", "sales", "turnover", "income"),
    ("order", "ordered", "instruction", "instructed", "instruct", "command", "commanded", "directive", "told"),
    ("security", "safety"),
)


@lru_cache(maxsize=1)
def synonym_map() -> dict[str, frozenset[str]]:
    """Each stemmed term to the stems of its synonyms (itself excluded)."""
    out: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        stems = set(_stemmer().stemWords(list(group)))
        for stem in stems:
            out.setdefault(stem, set()).update(stems - {stem})
    return {k: frozenset(v) for k, v in out.items()}


def one_edit_apart(term: str, other: str) -> bool:
    """One edit apart (for terms of five letters or more): "aktube" ~ "aktob", "tuleshev" ~ "tuleshov"."""
    if len(term) < 5 or abs(len(term) - len(other)) > 1:
        return False
    if len(term) == len(other):
        return sum(a != b for a, b in zip(term, other)) <= 1
    short, long_ = (term, other) if len(term) < len(other) else (other, term)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def tokenise(texts: Sequence[str]) -> list[list[str]]:
    """Each text's terms, as shared strings (the same term is one object across the archive)."""
    return [[sys.intern(term) for term in terms(t)] for t in texts]


def bm25_idf(df: np.ndarray | float, n: int) -> np.ndarray | float:
    """BM25's IDF as bm25s computes it by default (Lucene's variant)."""
    return np.log1p((n - df + 0.5) / (df + 0.5))


class Segment:
    """BM25 over some texts, built by bm25s, with each term's IDF divided back out.

    bm25s stores each (text, term) score as IDF x term-frequency part, with the IDF of the texts
    it was given. A segment keeps the term-frequency part only, so an index of several segments
    (the archive, plus the articles written since) weighs every term by its IDF over all of them
    at query time, and a write builds a segment for the articles it changed, not the archive.
    """

    def __init__(self, positions: Sequence[int], tokenised: Sequence[Sequence[str]]) -> None:
        """``positions``: where each text sits in the index; ``tokenised``: its terms (``tokenise``)."""
        import bm25s

        self.positions = np.asarray(positions, dtype=np.int64)
        self.vocab: dict[str, int] = {}
        ids = [[self.vocab.setdefault(tok, len(self.vocab)) for tok in toks] for toks in tokenised]
        self.vocab = dict(self.vocab)
        if not ids or not self.vocab:
            self.data = np.zeros(0, dtype=np.float32)
            self.indices = np.zeros(0, dtype=np.int32)
            self.indptr = np.zeros(len(self.vocab) + 1, dtype=np.int64)
            return
        bm25 = bm25s.BM25()
        bm25.index(bm25s.tokenization.Tokenized(ids=ids, vocab=dict(self.vocab)), show_progress=False)
        data, self.indices, indptr = (bm25.scores[key] for key in ("data", "indices", "indptr"))
        self.indptr = np.asarray(indptr[: len(self.vocab) + 1], dtype=np.int64)
        counts = np.diff(self.indptr)  # texts holding each term: its document frequency here
        own_idf = bm25_idf(counts.astype(np.float64), len(ids))
        self.data = (data[: self.indptr[-1]] / np.repeat(own_idf, counts)).astype(np.float32)

    def __len__(self) -> int:
        return len(self.positions)

    def add_scores(self, into: np.ndarray, weights: dict[str, float]) -> None:
        """Add each text's BM25 score for terms weighted by ``weights`` (their IDF) to ``into``."""
        rows: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for term, weight in weights.items():
            column = self.vocab.get(term)
            if column is None:
                continue
            begin, end = self.indptr[column], self.indptr[column + 1]
            rows.append(self.indices[begin:end])
            values.append(self.data[begin:end] * np.float32(weight))
        if rows:
            np.add.at(into, self.positions[np.concatenate(rows)], np.concatenate(values))


class LexicalIndex:
    """BM25 over numbered texts held in segments (bm25s), plus document frequencies for IDF weights.

    Positions are stable: a text taken out leaves a hole (``tokens[p]`` is None) until the whole
    index is rebuilt, so a write never renumbers the rest of the archive.
    """

    def __init__(self, texts: Sequence[str] = (), tokenised: Sequence[Sequence[str]] | None = None) -> None:
        """One segment over ``texts`` (positions 0..n-1). ``tokenised``: their terms when already
        known (``tokenise``)."""
        if tokenised is None:
            tokenised = tokenise(texts)
        # Each text's terms (repeats kept: BM25 counts them) as a tuple of shared strings.
        self.tokens: list[tuple[str, ...] | None] = [tuple(toks) for toks in tokenised]
        self.df: Counter[str] = Counter()
        for toks in tokenised:
            self.df.update(set(toks))
        self.segments: tuple[Segment, ...] = (Segment(range(len(tokenised)), tokenised),) if tokenised else ()
        self._alive = np.ones(len(tokenised), dtype=bool)
        self._size = len(tokenised)
        self._resolved: dict[str, str] = {}

    def changed(self, removed: Iterable[int], added: Sequence[tuple[int, Sequence[str]]], merge: int = 0) -> LexicalIndex:
        """A new index with the texts at ``removed`` taken out and ``added`` (position, terms) put
        in, at positions past the end. This index is left as it was (a question reading it is not
        disturbed). The new texts make one new segment, with those still in the ``merge`` newest
        segments, which it replaces: the caller keeps the number of segments small."""
        out = LexicalIndex.__new__(LexicalIndex)
        lists = list(self.tokens)
        alive = self._alive.copy()
        df = Counter(self.df)
        emptied: set[str] = set()
        for pos in removed:
            old = lists[pos]
            if old is not None:
                distinct = set(old)
                df.subtract(distinct)
                emptied.update(distinct)
                lists[pos] = None
                alive[pos] = False
        end = max((pos for pos, _ in added), default=-1) + 1
        if end > len(lists):
            lists.extend([None] * (end - len(lists)))
            alive = np.concatenate([alive, np.zeros(end - len(alive), dtype=bool)])
        kept = self.segments[: len(self.segments) - merge]
        texts: list[tuple[int, tuple[str, ...]]] = [
            (int(p), toks) for segment in self.segments[len(kept) :] for p in segment.positions
            if (toks := lists[int(p)]) is not None
        ]
        for pos, given in added:
            toks = tuple(given)
            lists[pos] = toks
            alive[pos] = True
            df.update(set(toks))
            texts.append((pos, toks))
        for term in emptied:
            if df[term] <= 0:
                del df[term]
        out.tokens, out.df, out._alive = lists, df, alive
        out.segments = (*kept, Segment([p for p, _ in texts], [t for _, t in texts])) if texts else kept
        out._size = int(alive.sum())
        out._resolved = {}
        return out

    def terms_of(self, position: int) -> frozenset[str]:
        """The distinct terms of text number ``position``."""
        return frozenset(self.tokens[position] or ())

    def resolve(self, query_terms: Iterable[str]) -> list[str]:
        """Query terms with misspellings mapped to the closest indexed term ("aktube" -> "aktob")."""
        out = []
        for term in query_terms:
            if term in self.df or any(c.isdigit() for c in term):
                out.append(term)
                continue
            if term not in self._resolved:  # the vocabulary is fixed: look each unknown term up once
                near = sorted((t for t in self.df if one_edit_apart(term, t)), key=lambda t: (-self.df[t], t))
                self._resolved[term] = near[0] if near else term
            out.append(self._resolved[term])
        return out

    def idf(self, term: str) -> float:
        return math.log(1 + (self._size + 1) / (self.df.get(term, 0) + 0.5))

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """Positions and BM25 scores of the best ``k`` texts for ``query`` (positive scores only)."""
        expanded = set(self.resolve(terms(query)))
        for term in list(expanded):
            expanded |= synonym_map().get(term, frozenset())
        weights = {t: float(bm25_idf(float(self.df[t]), self._size)) for t in sorted(expanded) if self.df.get(t, 0) > 0}
        if not weights or not self._size:
            return []
        scores = np.zeros(len(self.tokens), dtype=np.float32)
        for segment in self.segments:
            segment.add_scores(scores, weights)
        scores[~self._alive] = 0.0
        k = min(k, len(scores))
        # The k best, ties at the cut broken by position, so the same index always gives the same list.
        cut = max(float(scores[np.argpartition(-scores, k - 1)[k - 1]]), np.nextafter(np.float32(0), np.float32(1)))
        top = np.flatnonzero(scores >= cut)
        ranked = sorted(((int(i), float(scores[i])) for i in top), key=lambda x: (-x[1], x[0]))
        return ranked[:k]

    def coverage(
        self,
        query_terms: Iterable[str],
        term_set: Iterable[str],
        around: Iterable[str] = (),
        around_credit: float = AROUND_CREDIT,
        idf: Callable[[str], float] | None = None,
    ) -> float:
        """IDF-weighted share of the query's terms found in ``term_set``.

        A term missing from the sentence but present ``around`` it (elsewhere in its article)
        earns ``around_credit``: the article's topic need not be repeated in every sentence.
        """
        qs = set(query_terms)
        if not qs:
            return 0.0
        have, near = set(term_set), set(around)
        synonyms = synonym_map()

        def credit(term: str) -> float:
            if term in have:
                return 1.0
            if synonyms.get(term, frozenset()) & have:
                return SYNONYM_CREDIT
            return around_credit if term in near else 0.0

        weight = idf or self.idf
        total = sum(weight(t) for t in qs)
        return sum(weight(t) * credit(t) for t in qs) / total if total else 0.0


def local_idf(term_lists: Sequence[Iterable[str]]) -> Callable[[str], float]:
    """IDF over one article's sentences: how a term's weight is judged within its own article,
    so other articles joining the archive do not change how this article's sentences score."""
    df: Counter[str] = Counter()
    for tlist in term_lists:  # each text's distinct terms
        df.update(tlist)
    size = len(term_lists)
    return lambda term: math.log(1 + (size + 1) / (df.get(term, 0) + 0.5))
