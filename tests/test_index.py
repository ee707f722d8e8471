"""The in-memory index follows the store article by article: a write costs time for the articles
it touches, finds what it added, forgets what it removed, and never disturbs a question reading
the index it replaces."""

from __future__ import annotations

import pytest

from assistant.evaluation.archive import synthetic_article
from assistant.index.corpus import Corpus
from assistant.index.lexical import LexicalIndex, tokenise
from assistant.index.records import ArticleRecord, RecordCache
from assistant.ingest.load import new_article
from assistant.ingest.pipeline import build_records

from .conftest import ARTICLE

ARTICLES = 24


@pytest.fixture(scope="module")
def records() -> dict[str, ArticleRecord]:
    """The seed article and synthetic news articles, labelled as ingest labels them."""
    articles = [new_article("aktobe-2016", ARTICLE.read_text(encoding="utf-8"))]
    articles += [new_article(f"news-{n:02d}", synthetic_article(n)) for n in range(ARTICLES)]
    return {r.article.doc_id: r for r in build_records(articles)}


def one_at_a_time(records: dict[str, ArticleRecord]) -> Corpus:
    corpus = Corpus({})
    held: dict[str, ArticleRecord] = {}
    for doc_id, record in records.items():
        held[doc_id] = record
        corpus = Corpus(dict(held), previous=corpus)
    return corpus


def found(corpus: Corpus, query: str, k: int = 5) -> list[tuple[str, int]]:
    return [(corpus.at(p).doc_id, corpus.at(p).idx) for p, _ in corpus.lexical.search(query, k)]


def test_an_index_grown_one_article_at_a_time_finds_what_one_built_at_once_finds(records) -> None:
    grown, whole = one_at_a_time(records), Corpus(dict(records))
    assert grown.size == whole.size == sum(len(r.sentences) for r in records.values())
    for record in records.values():
        for sentence in record.sentences[:3]:
            best = found(whole, sentence.text, 1)
            assert found(grown, sentence.text, 1) == best, sentence.text
        scores_grown = [s for _, s in grown.lexical.search(record.sentences[0].text, 5)]
        scores_whole = [s for _, s in whole.lexical.search(record.sentences[0].text, 5)]
        # Segments weigh terms by the IDF of the whole index; only their length norms differ.
        assert scores_grown == pytest.approx(scores_whole, rel=0.1)
    assert grown.acronyms == whole.acronyms
    assert all(grown.terms_around(d) == whole.terms_around(d) for d in records)


def test_a_write_builds_a_segment_for_what_it_changed_and_segments_stay_few(records) -> None:
    whole = Corpus({d: r for d, r in records.items() if d != "news-05"})
    added = Corpus(dict(records), previous=whole)
    assert added.segments[0] is whole.segments[0]  # the archive's segment is not rebuilt
    assert len(added.segments[-1]) == len(records["news-05"].sentences)
    grown = one_at_a_time(records)
    assert len(grown.segments) <= len(records).bit_length()


def test_a_removed_article_is_never_found_and_a_replaced_one_is_found_as_it_now_reads(records) -> None:
    corpus = one_at_a_time(records)
    seed = records["aktobe-2016"]
    unique = "Aktobe Tuleshov"
    assert {d for d, _ in found(corpus, unique, 10)} == {"aktobe-2016"}
    without = Corpus({d: r for d, r in records.items() if d != "aktobe-2016"}, previous=corpus)
    assert found(without, unique, 10) == []
    assert without.position("aktobe-2016", 0) is None and not without.terms_around("aktobe-2016")
    assert without.lexical.df.get(tokenise(["Tuleshov"])[0][0]) is None
    assert without.size == corpus.size - len(seed.sentences)
    # The corpus a question is reading is left as it was.
    assert {d for d, _ in found(corpus, unique, 10)} == {"aktobe-2016"}

    news = records["news-03"]
    rewritten = new_article("news-03", news.article.text + " The Zharkent observatory recorded the tremor.")
    replaced_record = build_records([rewritten])[0]
    replaced = Corpus({**{d: r for d, r in records.items() if d != "aktobe-2016"}, "news-03": replaced_record},
                      previous=without)
    assert found(replaced, "Zharkent observatory tremor", 1) == [("news-03", len(replaced_record.sentences) - 1)]
    assert replaced.size == without.size - len(news.sentences) + len(replaced_record.sentences)


def test_removing_most_of_the_archive_rebuilds_it_without_holes(records) -> None:
    corpus = one_at_a_time(records)
    kept = list(records)[:3]
    held = dict(records)
    for doc_id in list(records)[3:]:
        del held[doc_id]
        corpus = Corpus(dict(held), previous=corpus)
    assert set(corpus.records) == set(kept)
    assert corpus.size == sum(len(records[d].sentences) for d in kept)
    # Holes are reclaimed: positions stay within twice the sentences held.
    assert len(corpus.lexical.tokens) <= 2 * corpus.size
    assert {d for d, _ in found(corpus, "Aktobe Tuleshov", 10)} == {"aktobe-2016"}


def test_between_questions_articles_are_held_compressed_and_parsed_through_a_bounded_cache(records) -> None:
    corpus = Corpus(dict(records), cache=RecordCache(size=3))
    assert corpus.records["news-07"] == records["news-07"]  # parsed back exactly
    for doc_id in list(records)[:10]:
        corpus.records[doc_id]
    assert len(corpus._cache._parsed) == 3
    listing = corpus.listing()
    assert [a.doc_id for a, _, _ in listing] == list(records)
    assert all(a.text == "" and chars == len(records[a.doc_id].article.text) and n == len(records[a.doc_id].sentences)
               for a, n, chars in listing)
    held = sum(len(p.blob) for p in (corpus.packed(d) for d in records) if p is not None)
    parsed = sum(len(r.model_dump_json()) for r in records.values())
    assert held < parsed / 2


def test_a_search_lists_the_best_texts_first_and_ties_in_position_order() -> None:
    index = LexicalIndex(["grain depot fire", "a fire", "a fire", "a fire", "flooding"])
    assert [p for p, _ in index.search("fire", 3)] == [1, 2, 3]
    assert index.search("grain depot", 5)[0][0] == 0
    assert index.search("nothing like it", 5) == []


def test_the_commit_log_keeps_the_last_commits_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Followers read what each commit changed; the store does not grow with every write."""
    from assistant.index import catalog
    from assistant.index.store import ChromaStore

    monkeypatch.setattr(catalog, "LOG_KEEP", 4)
    monkeypatch.setattr(catalog, "_LOG_PRUNE", 2)
    store = ChromaStore.ephemeral("commit-log")
    try:
        for n in range(1, 11):
            store.catalog.bump("embedder", [f"doc-{n}"])
        assert store.catalog.state().seq == 10
        assert store.catalog.changes(7, 10) == ["doc-8", "doc-9", "doc-10"]
        assert store.catalog.changes(2, 10) is None  # further back than the log keeps: read everything
        kept = store.catalog._col.get(ids=[catalog.log_id(n) for n in range(1, 11)])["ids"]
        assert len(kept) <= catalog.LOG_KEEP + catalog._LOG_PRUNE
        store.catalog.bump("embedder", None)  # a commit that changed everything says so
        assert store.catalog.changes(10, 11) is None
    finally:
        store.drop()
