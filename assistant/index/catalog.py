"""The catalog: which article versions the index holds, kept in the store beside their vectors.

One Chroma collection, ``<name>_articles``, next to ``<name>_sentences`` (embedded by default, on
the Chroma server when one is configured), so every instance that uses the store reads the same
catalog. One row per indexed article (id: its doc_id) with content hash, title, source path and
sentence count. Writing it is the commit point of that version: its vectors and its record are
written first.

Rows whose id starts with ``~`` (never a doc_id) hold the rest:
- ``~record:<doc_id>:<hash>``: the record of one version (the article, its labelled sentences
  and passages), compressed JSON in its metadata: apart from the small rows, so that reading the
  catalog never carries the articles, and out of Chroma's documents, which it full-text indexes.
- ``~version``: a token replaced on every commit, a sequence number counting commits, and the
  embedder the vectors come from. Instances read it (one small read) to follow writes made
  through any instance.
- ``~log:<seq>``: the doc_ids commit number ``seq`` changed (the last ``LOG_KEEP`` commits), so
  an instance following the store reads the articles that changed, not the whole catalog.
- ``~writer``: a lease (holder, expiry) that one writer holds at a time, across processes and
  hosts; a writer killed while holding it loses it when it expires.
- ``~pending:<doc_id>:<hash>``: a version whose vectors are being written. A killed ingest leaves
  it behind; the next writer removes the vectors it names unless the version was committed.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from assistant.errors import StoreUnavailable
from assistant.index.records import ArticleRecord, Packed, encode, pack

VERSION_ID = "~version"
WRITER_ID = "~writer"
PENDING_PREFIX = "~pending:"
RECORD_PREFIX = "~record:"
LOG_PREFIX = "~log:"
LOG_KEEP = 1000  # commits whose changes stay listed; an instance further behind reads the whole catalog
LOG_MAX_IDS = 1000  # a commit changing more articles is logged as "everything changed"
_PLACE = [0.0]  # Chroma wants a vector per row (else it reaches for its default model); rows are never searched
_PAGE = 1000
_LOG_PRUNE = 100

Guard = Callable[[str, Callable[[], Any]], Any]


class CatalogEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    content_hash: str
    title: str
    source_path: str
    sentences: int


class Catalog(BaseModel):
    """What the store holds: the committed version of each article, the embedder, a version token."""

    model_config = ConfigDict(frozen=True)

    version: str = ""
    embedder: str = ""
    seq: int = 0
    docs: dict[str, CatalogEntry] = {}


class Head(NamedTuple):
    """The small row instances poll: version token, embedder, commit sequence number."""

    version: str
    embedder: str
    seq: int


class ChromaCatalog:
    """The catalog collection of one index (``store.ChromaStore`` opens it with the vectors)."""

    def __init__(self, collection: Any, guard: Guard) -> None:
        self._col = collection
        self._guard = guard

    # -- reading -------------------------------------------------------------------------
    def state(self) -> Head:
        """The version token, embedder and commit number ("", "", 0 for a catalog never written)."""
        got = self._guard("read the catalog", lambda: self._col.get(ids=[VERSION_ID], include=["metadatas"]))
        if not got["ids"]:
            return Head("", "", 0)
        meta = got["metadatas"][0] or {}
        return Head(str(meta.get("token", "")), str(meta.get("embedder", "")), int(meta.get("seq", 0)))

    def read(self, doc_ids: Sequence[str] | None = None) -> Catalog:
        """The committed entries (metadata only: the records stay in the store) of every article,
        or of ``doc_ids`` only (those indexed)."""
        head = self.state()
        docs = self.entries(doc_ids) if doc_ids is not None else {
            doc_id: entry for ids, metas in self._pages() for doc_id, meta in zip(ids, metas)
            if not doc_id.startswith("~") and (entry := _entry(meta)) is not None
        }
        return Catalog(version=head.version, embedder=head.embedder, seq=head.seq, docs=docs)

    def entries(self, doc_ids: Sequence[str]) -> dict[str, CatalogEntry]:
        """The committed entries of these articles (those not indexed are left out)."""
        out: dict[str, CatalogEntry] = {}
        wanted = [d for d in dict.fromkeys(doc_ids) if not d.startswith("~")]
        for begin in range(0, len(wanted), _PAGE):
            ids = wanted[begin : begin + _PAGE]
            got = self._guard("read the catalog", lambda: self._col.get(ids=ids, include=["metadatas"]))
            for doc_id, meta in zip(got["ids"], got["metadatas"]):
                if (entry := _entry(meta)) is not None:
                    out[doc_id] = entry
        return out

    def changes(self, since: int, until: int) -> list[str] | None:
        """The doc_ids commits ``since`` + 1 .. ``until`` changed; None when the log no longer
        says (too far back, or a commit that changed everything): read the whole catalog then."""
        if until <= since:
            return []
        if until - since > LOG_KEEP:
            return None
        ids = [log_id(n) for n in range(since + 1, until + 1)]
        got = self._guard("read the catalog", lambda: self._col.get(ids=ids, include=["metadatas"]))
        if len(got["ids"]) != len(ids):
            return None
        changed: list[str] = []
        for meta in got["metadatas"]:
            listed = (meta or {}).get("changed")
            if not isinstance(listed, str) or listed == "*":
                return None
            changed.extend(json.loads(listed))
        return list(dict.fromkeys(changed))

    def _pages(self) -> Iterator[tuple[list[str], list[dict[str, Any]]]]:
        offset = 0
        while True:
            got = self._guard("read the catalog", lambda: self._col.get(
                where={"sentences": {"$gte": 0}}, include=["metadatas"], limit=_PAGE, offset=offset
            ))
            if not got["ids"]:
                return
            yield got["ids"], got["metadatas"]
            offset += len(got["ids"])

    def records(self, versions: dict[str, str]) -> dict[str, ArticleRecord]:
        """The records of these versions (doc_id -> content hash); one no longer stored is left out."""
        return {doc_id: packed.unpack() for doc_id, packed in self.packed(versions).items()}

    def packed(self, versions: dict[str, str]) -> dict[str, Packed]:
        """The records of these versions as the index holds them (compressed, with their
        metadata); one no longer stored is left out."""
        out: dict[str, Packed] = {}
        wanted = [record_id(d, h) for d, h in versions.items()]
        for begin in range(0, len(wanted), _PAGE // 10):
            ids = wanted[begin : begin + _PAGE // 10]
            got = self._guard("read articles", lambda: self._col.get(ids=ids, include=["metadatas"]))
            for meta in got["metadatas"]:
                if meta and "record" in meta:
                    blob = base64.b64decode(meta["record"])
                    record = ArticleRecord.model_validate_json(zlib.decompress(blob))
                    out[record.article.doc_id] = pack(record, blob)
        return out

    # -- writing (under the writer lease) -------------------------------------------------
    def commit(self, records: Sequence[ArticleRecord], embedder: str) -> None:
        """Make these versions the indexed ones (their vectors are already written): their
        records, the rows that name them and the new version in one write (one transaction of
        the store, so no instance sees a row without its record)."""
        ids = [record_id(r.article.doc_id, r.article.content_hash) for r in records]
        metas: list[dict[str, Any]] = [
            {"doc_id": r.article.doc_id, "content_hash": r.article.content_hash,
             "record": base64.b64encode(encode(r)).decode()}
            for r in records
        ]
        ids += [r.article.doc_id for r in records]
        metas += [{"content_hash": r.article.content_hash, "title": r.article.title,
                   "source_path": r.article.source_path, "sentences": len(r.sentences)} for r in records]
        self._commit_rows(ids, metas, embedder, [r.article.doc_id for r in records])

    def drop_records(self, versions: Sequence[tuple[str, str]]) -> None:
        """Records of versions no longer indexed (replaced, or never committed)."""
        if versions:
            self._guard("remove articles", lambda: self._col.delete(ids=[record_id(d, h) for d, h in versions]))

    def remove(self, doc_ids: Sequence[str], embedder: str) -> None:
        """Take articles out: their rows (no instance lists them from then on), then their records."""
        if doc_ids:
            self._guard("remove articles", lambda: self._col.delete(ids=list(doc_ids)))
            self._guard("remove articles", lambda: self._col.delete(where={"doc_id": {"$in": list(doc_ids)}}))
        self.bump(embedder, doc_ids)

    def bump(self, embedder: str, changed: Sequence[str] | None = None) -> None:
        """A new version token and commit number: every instance following the store reloads
        ``changed`` (None: everything)."""
        self._commit_rows([], [], embedder, changed)

    def _commit_rows(self, ids: list[str], metas: list[dict[str, Any]], embedder: str, changed: Sequence[str] | None) -> None:
        """Write ``ids`` with the log row of this commit and the new version row, in one upsert."""
        seq = self.state().seq + 1
        listed = json.dumps(list(changed)) if changed is not None and len(changed) <= LOG_MAX_IDS else "*"
        ids = [*ids, log_id(seq), VERSION_ID]
        metas = [*metas, {"changed": listed}, {"token": uuid.uuid4().hex, "embedder": embedder, "seq": seq}]
        for begin in range(0, len(ids), _PAGE):
            chunk = slice(begin, begin + _PAGE)
            self._guard("commit articles", lambda: self._col.upsert(
                ids=ids[chunk], metadatas=metas[chunk], embeddings=[_PLACE] * len(ids[chunk])
            ))
        if seq > LOG_KEEP and seq % _LOG_PRUNE == 0:  # log rows past LOG_KEEP go a hundred at a time
            old = [log_id(n) for n in range(seq - LOG_KEEP - _LOG_PRUNE + 1, seq - LOG_KEEP + 1)]
            self._guard("commit the catalog", lambda: self._col.delete(ids=old))

    def mark_pending(self, versions: Sequence[tuple[str, str]]) -> None:
        """Versions whose vectors are about to be written (what a killed ingest leaves behind)."""
        if versions:
            self._guard("write the catalog", lambda: self._col.upsert(
                ids=[pending_id(d, h) for d, h in versions],
                metadatas=[{"doc_id": d, "content_hash": h, "at": time.time()} for d, h in versions],
                embeddings=[_PLACE] * len(versions),
            ))

    def clear_pending(self, versions: Sequence[tuple[str, str]]) -> None:
        if versions:
            self._guard("write the catalog", lambda: self._col.delete(ids=[pending_id(d, h) for d, h in versions]))

    def pending(self) -> list[tuple[str, str]]:
        """Versions marked pending and never cleared: a writer is writing them, or was killed."""
        got = self._guard("read the catalog", lambda: self._col.get(where={"at": {"$gt": 0}}, include=["metadatas"]))
        return [(str(m["doc_id"]), str(m["content_hash"])) for i, m in zip(got["ids"], got["metadatas"])
                if i.startswith(PENDING_PREFIX) and m]

    @contextmanager
    def writer(self, owner: str, wait_s: float, ttl_s: float) -> Iterator[None]:
        """Hold the writer lease: one writer at a time across every process on this store.

        ``owner`` is "host:pid:tag". While held, a thread renews the lease every third of
        ``ttl_s``; a holder that stops renewing (killed) loses it after ``ttl_s``, at once when it
        was a process on this host that no longer runs.
        """
        deadline = time.monotonic() + wait_s
        while not self._take(owner, ttl_s):
            if time.monotonic() > deadline:
                raise StoreUnavailable(
                    f"Another writer ({self._holder()[0] or 'unknown'}) is writing to the index.",
                    f"Try again shortly; a writer that stopped loses its turn after {ttl_s:.0f} s.",
                )
            time.sleep(0.1)
        done = threading.Event()

        def heartbeat() -> None:
            while not done.wait(ttl_s / 3):
                try:
                    self._set_holder(owner, ttl_s)
                except StoreUnavailable:
                    pass  # the store is down: the write itself fails and says so

        beat = threading.Thread(target=heartbeat, name="writer-lease", daemon=True)
        beat.start()
        try:
            yield
        finally:
            done.set()
            beat.join()
            if self._holder()[0] == owner:
                self._guard("release the writer lease", lambda: self._col.delete(ids=[WRITER_ID]))

    def _holder(self) -> tuple[str, float]:
        got = self._guard("read the writer lease", lambda: self._col.get(ids=[WRITER_ID], include=["metadatas"]))
        if not got["ids"] or not got["metadatas"][0]:
            return "", 0.0
        meta = got["metadatas"][0]
        return str(meta.get("holder", "")), float(meta.get("expires", 0.0))

    def _set_holder(self, owner: str, ttl_s: float) -> None:
        self._guard("take the writer lease", lambda: self._col.upsert(
            ids=[WRITER_ID], metadatas=[{"holder": owner, "expires": time.time() + ttl_s}], embeddings=[_PLACE]
        ))

    def _take(self, owner: str, ttl_s: float) -> bool:
        holder, expires = self._holder()
        if holder not in ("", owner) and expires > time.time() and not _gone(holder):
            return False
        self._set_holder(owner, ttl_s)
        time.sleep(0.05)  # Chroma has no compare-and-set: let a racing writer's upsert land, then look again
        return self._holder()[0] == owner


def _gone(holder: str) -> bool:
    """A holder that was a process on this host which no longer runs (killed mid-write)."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _entry(meta: dict[str, Any] | None) -> CatalogEntry | None:
    """An article's committed entry from its row's metadata (None for another kind of row)."""
    if not meta or "content_hash" not in meta or "sentences" not in meta:
        return None
    return CatalogEntry(
        content_hash=str(meta["content_hash"]), title=str(meta.get("title", "")),
        source_path=str(meta.get("source_path", "")), sentences=int(meta.get("sentences", 0)),
    )


def log_id(seq: int) -> str:
    return f"{LOG_PREFIX}{seq}"


def pending_id(doc_id: str, content_hash: str) -> str:
    return f"{PENDING_PREFIX}{doc_id}:{content_hash[:16]}"


def record_id(doc_id: str, content_hash: str) -> str:
    return f"{RECORD_PREFIX}{doc_id}:{content_hash[:16]}"
