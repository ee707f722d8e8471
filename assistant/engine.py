"""The Assistant: wires the stages together. Front-ends call this and render what it returns."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.answer.compose import ComposerSettings, compose
from assistant.answer.judge import AnswerJudge, Judged, load_judge
from assistant.answer.question import analyse, clean_question, focus
from assistant.answer.retrieve import Query, retrieve
from assistant.errors import ArticleNotFound, CorpusError, IndexMissing
from assistant.index.catalog import read_catalog, read_record
from assistant.index.corpus import Corpus, expand_acronyms
from assistant.index.memory import give_back_free_memory
from assistant.index.store import ChromaStore, VectorStore
from assistant.ingest.embed import OnnxSentenceEncoder, load_encoder
from assistant.ingest.load import (
    article_file,
    check_writable,
    load_corpus,
    new_article,
    remove_article_files,
    save_article,
)
from assistant.ingest.nlp import named_entities
from assistant.ingest.pipeline import IngestReport, ingest_articles, label_article
from assistant.offline import go_offline
from assistant.settings import Settings
from assistant.types import Answer, Article, LabelledSentence

#: Cosine between a name's embedding and a name in the article above which they are taken as
#: aliases. Measured with MiniLM: Moscow/Russia 0.84; Putin/Russia 0.67, Tokayev/Nazarbaev 0.52.
ALIAS_SIMILARITY = 0.75


#: Bump when segmenting, labelling or what gets embedded changes: indexes built before re-ingest.
PIPELINE_VERSION = 6


def _encoder(settings: Settings) -> OnnxSentenceEncoder:
    return load_encoder(settings.model_dir, settings.model_sha256 or None)


def embedder_id(settings: Settings) -> str:
    """Identifies what produced an index's vectors; an index built otherwise is rebuilt."""
    model = str(settings.model_dir) if settings.model_dir else "packaged:all-MiniLM-L6-v2-int8"
    return f"{model}@{(settings.model_sha256 or 'unchecked')[:16]}/pipeline-{PIPELINE_VERSION}"


class Assistant:
    """Answers questions from the indexed articles. Build one with :meth:`open`."""

    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        encoder: OnnxSentenceEncoder,
        judge: AnswerJudge | None = None,
    ) -> None:
        """``judge``: the answer judge (default: the packaged model when ``settings.answer_judge`` is on)."""
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self.corpus = Corpus({})
        self._name_vectors: dict[str, np.ndarray] = {}  # names seen by the alias check, embedded once
        if judge is None and settings.answer_judge:
            judge = load_judge(settings.judge_dir, settings.judge_threshold)
        self.judge = judge
        self._composer = ComposerSettings(min_score=settings.min_answer_score, max_citations=settings.max_citations)
        self._writing = threading.Lock()  # one API write (save + index + reload) at a time

    @classmethod
    def open(
        cls,
        corpus: str | Path | None = "corpus",
        index: str | Path | None = None,
        settings: Settings | None = None,
        store: VectorStore | None = None,
        require_index: bool = True,
    ) -> Assistant:
        """Open the index, ingesting ``corpus`` first if the index is missing or stale.

        ``corpus=None`` opens the index as it is: an error if there is none, unless
        ``require_index`` is False (for a first ingest).
        """
        go_offline()
        base = settings or Settings()
        updates: dict[str, object] = {}
        if corpus is not None:
            updates["corpus"] = Path(corpus)
        if index is not None:
            updates["index_dir"] = Path(index)
        cfg = base.model_copy(update=updates)
        encoder = load_encoder(cfg.model_dir, cfg.model_sha256 or None)
        assistant = cls(cfg, store or ChromaStore.open(cfg), encoder)
        if corpus is not None:
            assistant.sync(load_corpus([Path(corpus)]))
        if require_index or read_catalog(cfg.index_dir) is not None:
            assistant.reload()
        return assistant

    # -- index ---------------------------------------------------------------------------
    def sync(self, articles: Sequence[Article]) -> IngestReport | None:
        """Ingest ``articles`` if the index does not hold exactly these versions."""
        catalog = read_catalog(self.settings.index_dir)
        wanted = {a.doc_id: a.content_hash for a in articles}
        if (
            catalog is not None
            and catalog.embedder == self.index_id
            and {d: e.content_hash for d, e in catalog.docs.items()} == wanted
        ):
            return None
        return self.ingest(articles)

    def ingest(self, articles: Sequence[Article], prune: bool = True, progress: bool | None = None) -> IngestReport:
        report = ingest_articles(
            articles, self.settings.index_dir, self.store, self.encoder, self.index_id, prune, progress
        )
        self.reload()
        return report

    def reload(self) -> None:
        """Load the committed catalog's articles into memory."""
        catalog = read_catalog(self.settings.index_dir)
        if catalog is None:
            raise IndexMissing(
                f"There is no index at {self.settings.index_dir}.",
                "Run `assistant ingest` (or `make run`) to build it from corpus/.",
            )
        loaded = self.corpus.records
        records = {
            # Articles already in memory at the committed version are kept: adding one article to a
            # large archive reads one record, not all of them.
            doc_id: loaded[doc_id] if doc_id in loaded and loaded[doc_id].article.content_hash == e.content_hash
            else read_record(self.settings.index_dir, e)
            for doc_id, e in catalog.docs.items()
        }
        self.corpus = Corpus(records)
        give_back_free_memory()  # the loading's temporaries, before Chroma's vectors come in

    @property
    def index_id(self) -> str:
        """What made the index's vectors and where they live: a change of either rebuilds it."""
        return f"{embedder_id(self.settings)}|{self.store.location}"

    @staticmethod
    def read_corpus(paths: Sequence[Path]) -> list[Article]:
        """Every article under the given files or folders; a broken file stops the read with a hint."""
        return load_corpus(list(paths))

    @staticmethod
    def label(text: str, doc_id: str = "text", settings: Settings | None = None) -> list[LabelledSentence]:
        """Every sentence of ``text`` with its provenance label, ``attributed_to``, cue and reason,
        exactly as ingest labels it. Labels any text without indexing it (an editor checking an
        article's sourcing); ``Assistant.label(text)`` needs no index."""
        go_offline()
        cfg = settings or Settings()
        return label_article(new_article(doc_id, text), _encoder(cfg))

    @staticmethod
    def label_files(paths: Sequence[Path], settings: Settings | None = None) -> list[tuple[Article, list[LabelledSentence]]]:
        """Each article file (.txt, .md, .html) with its labelled sentences; a broken file stops with a hint."""
        go_offline()
        articles = load_corpus(list(paths))
        encoder = _encoder(settings or Settings())
        return [(article, label_article(article, encoder)) for article in articles]

    def new_article(self, doc_id: str, text: str, fmt: str = "text", **meta: str) -> Article:
        """An article handed in by a client, checked as a corpus file would be (HTML: its visible text)."""
        return new_article(doc_id, text, fmt, self.settings.max_article_chars, **meta)

    def articles(self) -> list[Article]:
        """The indexed articles, in index order."""
        return [r.article for r in self.corpus.records.values()]

    def article_sizes(self) -> list[tuple[Article, int]]:
        """The indexed articles with their number of sentences, from one view of the index."""
        return [(r.article, len(r.sentences)) for r in self.corpus.records.values()]

    def has_article(self, doc_id: str) -> bool:
        return doc_id in self.corpus.records

    def article(self, doc_id: str) -> tuple[Article, list[LabelledSentence]]:
        record = self.corpus.records.get(doc_id)
        if record is None:
            raise ArticleNotFound(f"No article with doc_id '{doc_id[:100]}' is indexed.", "GET /api/v1/articles lists them.")
        return record.article, record.sentences

    def put_article(self, article: Article) -> IngestReport:
        """Add or replace one article: labelled and indexed, then saved into the corpus folder.

        Idempotent: the same text and metadata again changes nothing. The file is written only
        once the article is indexed, so an article that cannot be indexed never reaches the
        folder (and a restart never meets it); if the file cannot be written, the index goes
        back to what it held and the error says why.
        """
        folder = self.settings.corpus
        with self._writing:
            current = self.corpus.records.get(article.doc_id)
            if current is not None and current.article.content_hash == article.content_hash:
                return IngestReport(1, 0, 1, 0, 0)
            check_writable(folder)
            staged = article.model_copy(update={"source_path": str(article_file(folder, article.doc_id))})
            report = self.ingest([staged], prune=False, progress=False)
            try:
                save_article(folder, article, current.article.source_path if current else "")
            except CorpusError:
                if current is not None:
                    self.ingest([current.article], prune=False, progress=False)
                else:
                    self.ingest([a for a in self.articles() if a.doc_id != article.doc_id], prune=True, progress=False)
                raise
            return report

    def delete_article(self, doc_id: str) -> IngestReport:
        """Remove one article from the index and its file from the corpus folder."""
        with self._writing:
            gone, _ = self.article(doc_id)
            report = self.ingest([a for a in self.articles() if a.doc_id != doc_id], prune=True, progress=False)
            remove_article_files(self.settings.corpus, gone.source_path)
            return report

    def ready(self) -> dict[str, int]:
        """Check that the index is loaded and the store holds its vectors; raise if not."""
        catalog = read_catalog(self.settings.index_dir)
        if catalog is None:
            raise IndexMissing(f"There is no index at {self.settings.index_dir}.", "Run `assistant ingest`.")
        expected = sum(e.sentences for e in catalog.docs.values())
        stored = self.store.count()
        if stored < expected:
            raise IndexMissing(
                f"The vector store holds {stored} sentence vectors; the catalog expects {expected}.",
                "Re-run `assistant ingest` (the store was emptied or replaced).",
            )
        return {"articles": len(self.corpus.records), "sentences": expected, "vectors": stored}

    # -- questions -----------------------------------------------------------------------
    def _is_alias(self, name: str, known: Sequence[str]) -> bool:
        """Is ``name`` another name for one the articles use ("Moscow" for "Russia")?"""
        if not known:
            return False
        fresh = [w for w in (name, *known) if w not in self._name_vectors]
        if fresh:
            self._name_vectors.update(zip(fresh, self.encoder.encode(fresh)))
        target = self._name_vectors[name]
        return any(float(self._name_vectors[w] @ target) >= ALIAS_SIMILARITY for w in known)

    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        doc_ids: Sequence[str] | None = None,
        labels: Sequence[str] | None = None,
    ) -> Answer:
        """Answer from the articles, with exact citations laid out by provenance.

        ``doc_ids`` restricts the answer to those articles, ``labels`` to passages of those
        provenance labels (e.g. only ``official`` statements).
        """
        started = time.perf_counter()
        corpus = self.corpus  # one view of the index for the whole question: a write swaps it, never edits it
        text = clean_question(question, self.settings.max_question_chars)
        turns = tuple(
            clean_question(h, self.settings.max_question_chars)
            for h in list(history)[-self.settings.max_history_turns :]
            if h and h.strip()
        )
        asked = focus(text)
        profile = analyse(expand_acronyms(asked, corpus.acronyms))
        if profile.is_followup and not profile.wants:
            # "What did they say?" after "What did the NSC say?" asks the same side: the latest
            # earlier turn that names one.
            for turn in reversed(turns):
                wants = analyse(expand_acronyms(focus(turn), corpus.acronyms)).wants
                if wants:
                    profile = replace(profile, wants=wants)
                    break
        query = Query(profile=profile, history=turns, scene=text if asked != text else "")
        ranked = retrieve(query, corpus, self.store, self.encoder, self.settings.dense_top_k, doc_ids)
        if labels:
            ranked = [r for r in ranked if r.sentence.label in labels]
        judged = None
        if self.judge is not None:
            # A follow-up is judged with the turn before it ("What did they say?" after "Who claimed ...").
            judged = Judged(self.judge, f"{turns[-1]} {asked}" if profile.is_followup and turns else asked)
        retrieved = time.perf_counter()
        answer = compose(
            text, profile, ranked, corpus.records, self._composer, self._is_alias, labels, named_entities, judged
        )
        done = time.perf_counter()
        timings = {
            "retrieve": round((retrieved - started) * 1000, 2),
            "compose": round((done - retrieved) * 1000, 2),
            "total": round((done - started) * 1000, 2),
        }
        return answer.model_copy(update={"timings_ms": timings})
