"""The catalog: which article versions the index holds. Writing it is the commit point of an ingest.

Layout under the index folder::

    catalog.json                    {"version": 1, "embedder": ..., "docs": {doc_id: {...}}}
    articles/<doc_id>-<hash>.json   the article, its labelled sentences and passages

Vectors for a version are written before the catalog names it, and the catalog is replaced
atomically (write, fsync, rename), so a killed ingest leaves the previous index usable.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.errors import IndexMissing
from assistant.index.records import ArticleRecord, compact

CATALOG_VERSION = 1


class CatalogEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    content_hash: str
    record: str
    title: str
    source_path: str
    sentences: int


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: int = CATALOG_VERSION
    embedder: str
    docs: dict[str, CatalogEntry]


def catalog_path(index_dir: Path) -> Path:
    return index_dir / "catalog.json"


def read_catalog(index_dir: Path) -> Catalog | None:
    path = catalog_path(index_dir)
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise IndexMissing(
            f"The index catalog {path} cannot be read: {exc.strerror}.",
            "Run the service as the user who ingested, or give its group read access to the index folder "
            "(files are written group-readable).",
        ) from exc
    try:
        catalog = Catalog.model_validate_json(text)
    except ValueError as exc:
        raise IndexMissing(
            f"The index catalog {path} is unreadable: {exc}", "Delete the index folder and run `assistant ingest`."
        ) from exc
    if catalog.version != CATALOG_VERSION:
        raise IndexMissing(f"The index at {index_dir} has format {catalog.version}.", "Run `assistant ingest` to rebuild it.")
    return catalog


def _file_mode() -> int:
    """The mode ``open()`` would give a new file (0o666 less the umask), read without changing
    the umask (which is process-wide); mkstemp's 0o600 would hide files from the service's group."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def atomic_write(path: Path, data: str) -> None:
    """Write, fsync, rename: readers see the old file or the new one, never half of one. The file
    gets the mode of an ordinary new file (group-readable under the usual umasks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_catalog(index_dir: Path, catalog: Catalog) -> None:
    atomic_write(catalog_path(index_dir), catalog.model_dump_json(indent=1))


def record_name(doc_id: str, content_hash: str) -> str:
    return f"articles/{doc_id}-{content_hash[:16]}.json"


def write_record(index_dir: Path, record: ArticleRecord) -> str:
    name = record_name(record.article.doc_id, record.article.content_hash)
    atomic_write(index_dir / name, record.model_dump_json())
    return name


def read_record(index_dir: Path, entry: CatalogEntry) -> ArticleRecord:
    path = index_dir / entry.record
    try:
        return compact(ArticleRecord.model_validate_json(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise IndexMissing(f"The index record {path} is missing or unreadable.", "Run `assistant ingest` to rebuild the index.") from exc


def remove_unreferenced_records(index_dir: Path, catalog: Catalog) -> None:
    keep = {entry.record for entry in catalog.docs.values()}
    folder = index_dir / "articles"
    if folder.is_dir():
        for path in folder.glob("*.json"):
            if f"articles/{path.name}" not in keep:
                path.unlink(missing_ok=True)


@contextmanager
def index_lock(index_dir: Path) -> Iterator[None]:
    """One writer at a time per index folder."""
    import fcntl

    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
