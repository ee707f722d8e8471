"""The Assistant: wires the stages together. Front-ends call this and render what it returns."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.answer.compose import ComposerSettings, compose
from assistant.answer.fit import missing_names, rerank
from assistant.answer.head import Candidate, build_candidates, read_head
from assistant.answer.judge import AnswerJudge, Judged, load_judge
from assistant.answer.question import QuestionProfile, analyse, clean_question, focus
from assistant.answer.retrieve import Query, retrieve
from assistant.errors import ArticleNotFound, AssistantError, CorpusError, IndexMissing, ModelError
from assistant.index.corpus import Corpus, expand_acronyms
from assistant.index.memory import give_back_free_memory
from assistant.index.records import Packed, RecordCache
from assistant.index.store import ChromaStore, VectorStore
from assistant.ingest.embed import OnnxSentenceEncoder, load_encoder, model_digest
from assistant.ingest.load import (
    article_file,
    article_files,
    check_writable,
    load_corpus,
    new_article,
    remove_article_files,
    save_article,
)
from assistant.ingest.nlp import named_entities
from assistant.ingest.pipeline import (
    WRITER_TTL_S,
    IngestReport,
    ingest_articles,
    label_article,
    remove_articles,
    writer_name,
)
from assistant.offline import go_offline
from assistant.settings import Settings
from assistant.types import Answer, Article, LabelledSentence, ScoredSentence

#: Cosine between a name's embedding and a name in the article above which they are taken as
#: aliases. Measured with MiniLM: Moscow/Russia 0.84; Putin/Russia 0.67, Tokayev/Nazarbaev 0.52.
ALIAS_SIMILARITY = 0.75
NAME_CACHE = 4096  # words whose vectors the alias check keeps
WRITE_WAIT_S = 30.0  # how long a write waits for another process's turn before a 503

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Retrieved:
    """One question up to composing: its text, profile, ranked sentences, judge, and the index view."""

    text: str
    profile: QuestionProfile
    ranked: list[ScoredSentence]
    judged: Judged | None
    corpus: Corpus


#: Bump when segmenting, labelling or what gets embedded changes: indexes built before re-ingest.
PIPELINE_VERSION = 149


def _encoder(settings: Settings) -> OnnxSentenceEncoder:
    return load_encoder(settings.model_dir, settings.model_sha256 or None)


def embedder_id(settings: Settings) -> str:
    """Identifies what produced an index's vectors; an index built otherwise is rebuilt."""
    model = str(settings.model_dir) if settings.model_dir else "packaged:all-MiniLM-L6-v2-int8"
    rules = "" if settings.label_review else "/rules-only"  # labels from the rules alone: labelled again when it changes
    digest = settings.model_sha256 or model_digest(settings.model_dir)  # unchecked: the file's own, so a new file re-embeds
    return f"{model}@{digest[:16]}/pipeline-{PIPELINE_VERSION}{rules}"


class Assistant:
    """Answers questions from the indexed articles. Build one with :meth:`open`."""

    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        encoder: OnnxSentenceEncoder,
        judge: AnswerJudge | None = None,
    ) -> None:
        """``judge``: the answer judge (default: the packaged model, unless settings turn every use of it off)."""
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self.corpus = Corpus({}, cache=RecordCache(settings.record_cache))
        self._name_vectors: dict[str, np.ndarray] = {}  # words seen by the alias check, embedded once
        self._names_lock = threading.Lock()
        if judge is None and (settings.answer_judge or settings.answer_head or settings.judge_ranks):
            judge = load_judge(settings.judge_dir, settings.judge_threshold)
        self.judge = judge
        self.head = read_head() if settings.answer_head else None
        self._composer = ComposerSettings(min_score=settings.min_answer_score, max_citations=settings.max_citations)
        self._writing = threading.Lock()  # one API write (save + index + reload) at a time in this process
        self._refreshing = threading.Lock()
        self._version = ""  # the catalog version the loaded corpus reflects
        self._seq = 0  # and its commit number
        self._stop = threading.Event()
        self._writer_name = writer_name()

    @classmethod
    def open(
        cls,
        corpus: str | Path | None = "corpus",
        index: str | Path | None = None,
        settings: Settings | None = None,
        store: VectorStore | None = None,
        require_index: bool = True,
    ) -> Assistant:
        """Open the index in the store, first indexing what ``corpus`` holds that the store does not.

        Opening never removes an article (one added by another instance, or through the API, has
        no file here); ``assistant ingest --prune`` removes those whose file left the folder.
        ``require_index``: an error if the store holds no article (an empty folder, or none, with
        ``require_index=False`` opens an empty, writable index).
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
        if corpus is not None and article_files([Path(corpus)]):
            assistant.sync(load_corpus([Path(corpus)]))
        assistant.refresh()
        if require_index and not assistant.corpus.records:
            raise IndexMissing(
                f"There is no index at {assistant.store.location}: no article is indexed.",
                "Run `assistant ingest` (or `make run`) to index corpus/, or add articles through the API.",
            )
        return assistant

    # -- index ---------------------------------------------------------------------------
    def sync(self, articles: Sequence[Article]) -> IngestReport | None:
        """Index those of ``articles`` whose version the store does not hold (nothing is removed)."""
        catalog = self.store.catalog.read([a.doc_id for a in articles])
        if catalog.embedder == self.index_id and all(
            (e := catalog.docs.get(a.doc_id)) is not None and e.content_hash == a.content_hash for a in articles
        ):
            return None
        return self.ingest(articles)

    def ingest(self, articles: Sequence[Article], prune: bool = False, progress: bool | None = None) -> IngestReport:
        """Index ``articles``; ``prune`` also removes every indexed article not among them."""
        report = ingest_articles(
            articles, self.store, self.encoder, self.index_id, prune, progress, writer=self._writer_name, wait_s=WRITE_WAIT_S,
            review=self.settings.label_review,
        )
        self.refresh()
        return report

    def refresh(self) -> bool:
        """Follow the store: load what changed since this instance last looked (any instance may
        have written). One small read when nothing changed; the articles the commit log names
        when something did (the whole catalog when the log does not say). Returns whether
        anything changed."""
        with self._refreshing:
            catalog = self.store.catalog
            head = catalog.state()
            if head.version == self._version and self._version:
                return False
            listed = catalog.changes(self._seq, head.seq) if self._version and 0 < self._seq < head.seq else None
            corpus = self.corpus
            if listed is None:
                entries = catalog.read().docs
                gone = [d for d in corpus.records if d not in entries]
            else:
                entries = catalog.entries(listed)
                gone = [d for d in listed if d not in entries and d in corpus.records]
            # Articles already in memory at the committed version are kept: one article added to a
            # large archive reads one record, not all of them.
            changed = [d for d, e in entries.items() if corpus.hash_of(d) != e.content_hash]
            fresh = catalog.packed({d: entries[d].content_hash for d in changed})
            if changed or gone:
                held: dict[str, Packed] = {}
                order = entries if listed is None else [*corpus.records, *changed]
                for d in order:
                    if d in fresh:
                        held[d] = fresh[d]
                    elif d not in gone and d not in changed and (packed := corpus.packed(d)) is not None:
                        held[d] = packed
                # (an article replaced again since its entry was read is left out: the next look loads it)
                self.corpus = Corpus(held, previous=corpus)
                if len(changed) > 1:
                    give_back_free_memory()  # the loading's temporaries, before Chroma's vectors come in
            self._version, self._seq = head.version, head.seq
            return True

    def follow(self, every_s: float) -> threading.Thread:
        """Keep following the store in the background (the web service: writes through any
        instance become answerable here within ``every_s`` plus the time to load them)."""

        def loop() -> None:
            while not self._stop.wait(every_s):
                try:
                    self.refresh()
                except AssistantError as exc:  # the store is down: keep serving what is loaded, say so
                    log.warning("Could not follow the index: %s", exc.message)
                except Exception:  # anything else (an unreadable record): say so, keep following
                    log.exception("Could not follow the index")

        thread = threading.Thread(target=loop, name="follow-index", daemon=True)
        thread.start()
        return thread

    def warm(self) -> None:
        """Load what the first question or write would otherwise wait for (the parser, the
        labeller, the encoder's and the judge's sessions), so a service says it is ready when it
        can answer and index at full speed."""
        question = "Who said what happened on Monday?"
        label_article(new_article("warm-up", "The ministry said on Monday that the bridge will reopen."), self.encoder,
                      review=self.settings.label_review)
        named_entities(question)
        analyse(question)
        self.encoder.encode([question])
        if self.judge is not None:
            self.judge.judge(question, [question])

    def close(self) -> None:
        """Stop following the store."""
        self._stop.set()

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
        return label_article(new_article(doc_id, text), _encoder(cfg), review=cfg.label_review)

    @staticmethod
    def label_files(paths: Sequence[Path], settings: Settings | None = None) -> list[tuple[Article, list[LabelledSentence]]]:
        """Each article file (.txt, .md, .html) with its labelled sentences; a broken file stops with a hint."""
        go_offline()
        articles = load_corpus(list(paths))
        cfg = settings or Settings()
        encoder = _encoder(cfg)
        return [(article, label_article(article, encoder, review=cfg.label_review)) for article in articles]

    def new_article(self, doc_id: str, text: str, fmt: str = "text", **meta: str) -> Article:
        """An article handed in by a client, checked as a corpus file would be (HTML: its visible text)."""
        return new_article(doc_id, text, fmt, self.settings.max_article_chars, **meta)

    def articles(self) -> list[Article]:
        """The indexed articles with their texts, in index order (reads every record: for
        listings, ``listing``)."""
        records = self.corpus.records
        return [records[doc_id].article for doc_id in records]

    def listing(self) -> list[tuple[Article, int, int]]:
        """Every indexed article's metadata (its text left out), its number of sentences and its
        length in characters, from one view of the index, without reading any record."""
        return self.corpus.listing()

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
            self.refresh()
            current = self.corpus.records.get(article.doc_id)
            if current is not None and current.article.content_hash == article.content_hash:
                return IngestReport(1, 0, 1, 0, 0)
            check_writable(folder)
            staged = article.model_copy(update={"source_path": str(article_file(folder, article.doc_id))})
            report = self.ingest([staged])
            try:
                save_article(folder, article, current.article.source_path if current else "")
            except CorpusError:
                if current is not None:
                    self.ingest([current.article])
                else:
                    self._remove([article.doc_id])
                raise
            return report

    def delete_article(self, doc_id: str) -> IngestReport:
        """Remove one article from the index and its file from the corpus folder."""
        with self._writing:
            self.refresh()
            gone, _ = self.article(doc_id)
            self._remove([doc_id])
            remove_article_files(self.settings.corpus, gone.source_path)
            return IngestReport(1, 0, 0, 1, 0)

    def _remove(self, doc_ids: Sequence[str]) -> None:
        with self.store.catalog.writer(self._writer_name, wait_s=WRITE_WAIT_S, ttl_s=WRITER_TTL_S):
            remove_articles(self.store, doc_ids, self.index_id)
        self.refresh()

    def ready(self) -> dict[str, int]:
        """Check that the index is loaded and the store holds its vectors; raise if not."""
        self.refresh()
        expected = self.corpus.size
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
        vectors = {w: self._name_vectors.get(w) for w in (name, *known)}
        fresh = [w for w, v in vectors.items() if v is None]
        if fresh:
            encoded = dict(zip(fresh, self.encoder.encode(fresh)))
            vectors.update(encoded)
            with self._names_lock:  # bounded: the oldest words leave first
                self._name_vectors.update(encoded)
                for oldest in list(self._name_vectors)[: max(0, len(self._name_vectors) - NAME_CACHE)]:
                    del self._name_vectors[oldest]
        target = vectors[name]
        return any(float(vectors[w] @ target) >= ALIAS_SIMILARITY for w in known)  # type: ignore[operator]

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
        q = self._retrieve(question, history, doc_ids, labels)
        retrieved = time.perf_counter()
        answer = compose(
            q.text, q.profile, q.ranked, q.corpus.records, self._composer, self._is_alias, labels, named_entities,
            q.judged, self.head, gate=self.settings.answer_judge or self.settings.answer_head,
        )
        done = time.perf_counter()
        timings = {
            "retrieve": round((retrieved - started) * 1000, 2),
            "compose": round((done - retrieved) * 1000, 2),
            "total": round((done - started) * 1000, 2),
        }
        return answer.model_copy(update={"timings_ms": timings})

    def candidates(self, question: str) -> list[Candidate]:
        """What the answer head reads for a question's candidate sentences (``make train-head``
        fits the head on these)."""
        q = self._retrieve(question, (), None, None)
        if q.judged is None:
            raise ModelError("The answer head reads the answer judge, which is off.", "Set ASSISTANT_ANSWER_JUDGE=true.")
        records = q.corpus.records
        fitting = rerank(q.ranked, q.profile, records, named_entities, self._is_alias)

        def missing(doc_id: str) -> bool:
            return bool(missing_names(q.profile, [records[doc_id].article.text], self._is_alias))

        return build_candidates(q.ranked, fitting, missing, q.profile, q.judged, records)

    def _retrieve(
        self, question: str, history: Sequence[str], doc_ids: Sequence[str] | None, labels: Sequence[str] | None
    ) -> _Retrieved:
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
        if not ranked and corpus.size and self.store.count() < corpus.size:
            # Nothing found because the vectors are gone (a deleted or emptied store), not because
            # the articles do not answer: say so, as /readyz does.
            raise IndexMissing(
                f"The vector store holds fewer vectors than the {corpus.size} sentences indexed.",
                "Re-run `assistant ingest` (the store was emptied or replaced).",
            )
        if labels:
            ranked = [r for r in ranked if r.sentence.label in labels]
        judged = None
        if self.judge is not None:
            # A follow-up is judged with the turn before it ("What did they say?" after "Who claimed ...").
            judged = Judged(self.judge, f"{turns[-1]} {asked}" if profile.is_followup and turns else asked)
        return _Retrieved(text, profile, ranked, judged, corpus)
