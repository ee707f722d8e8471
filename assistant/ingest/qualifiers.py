"""Words that change what a typed source stands for: a past office ("former president",
"ex-minister", "a retired general": its holder speaks for themselves), the opposition's shadow office ("Shadow
Treasurer"), and a fake ("a spoof ministry account", "a forged letter": no one's word but an
unclear origin's). General English, used by ``source.py`` and the learned second opinion's guards."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

FORMER = frozenset("former ex ex- retired".split())
SHADOW = frozenset({"shadow"})  # Westminster systems: the opposition's spokesperson for an office
FAKES = frozenset("fake fabricated forged doctored bogus counterfeit purported parody spoof satirical impostor imposter".split())


def fake_word(speaker: Token) -> str | None:
    """ "A fake INEC letter", "a spoof ministry account": the word that says the source is not its owner's."""
    return next((t.text for t in speaker.subtree if t.i < speaker.i and t.dep_ in ("amod", "compound") and t.lower_ in FAKES), None)


def past_title(speaker: Token, words: frozenset[str] = FORMER) -> str | None:
    """ "Former president", "ex-minister": the word that says the speaker's office is past (or, with
    ``SHADOW``, held in the opposition's shadow cabinet)."""
    titles = {speaker.i} | {c.i for c in speaker.children if c.dep_ in ("compound", "amod") and c.i < speaker.i}
    return next((t.text for t in speaker.subtree if t.i < speaker.i and t.lower_ in words and t.head.i in titles), None)


def unnamed(speaker: Token) -> bool:
    """ "One former minister", "a former diplomat who served in the embassy", "Former officials": someone counted,
    introduced by an indefinite article or a bare plural, with no name beside them."""
    counted = any(c.lower_ in ("a", "an", "one", "another") or c.like_num for c in speaker.children if c.dep_ in ("det", "nummod"))
    bare_plural = speaker.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in speaker.children)  # "Former officials said"
    return (counted or bare_plural) and not any(c.pos_ == "PROPN" for c in speaker.children if c.dep_ in ("compound", "appos"))


# A person's lawyers speak for that person's own affairs, whatever office the person holds.
LAWYERS = frozenset("lawyer lawyers attorney attorneys solicitor solicitors barrister barristers counsel".split())


def personal_client(speaker: Token) -> str | None:
    """ "Lawyers for President Alvarez", "the president's lawyer, Mark Stein": the person a lawyer acts for, named or by a
    title (not a body: "government lawyers", "lawyers for the ministry" speak for it)."""
    from assistant.ingest.patterns import source_kinds
    from assistant.ingest.titled import office_titles

    if speaker.lower_ not in LAWYERS:
        return None  # most speakers: the patterns are read only for a lawyer
    kinds = source_kinds(speaker.doc)
    clients = [c for c in speaker.children if c.dep_ == "poss"] + [o for p in speaker.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                                                                   for o in p.children if o.dep_ == "pobj"]
    person = next((c for c in clients if c.pos_ == "PROPN" and (c.i not in kinds or kinds[c.i].label_ == "ROLE")
                   or (k := kinds.get(c.i)) is not None and k.label_ == "ROLE" or c.lemma_.lower() in office_titles()), None)
    return person.text if person is not None else None
