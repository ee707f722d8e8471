"""Load articles from ``corpus/``: text kept verbatim, each with a stable ``doc_id``.

Reads ``.txt``, ``.md`` and ``.html`` (visible text only). Optional metadata sits beside an
article as ``NAME.meta.json`` (title, outlet, published, url, language).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from assistant.errors import CorpusError
from assistant.types import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
META_SUFFIX = ".meta.json"
META_FIELDS = ("title", "outlet", "published", "url", "language")
MAX_ARTICLE_BYTES = 20_000_000


#: doc_ids the API accepts (and the file names it writes): no paths, no dots, no upper case.
DOC_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")  # whole string: fullmatch (a "$" lets "id\n" through)


def content_hash(text: str, meta: dict[str, str] | None = None) -> str:
    """The version of an article: its text and, when it has any, its metadata."""
    digest = hashlib.sha256(text.encode("utf-8"))
    if meta:
        digest.update(b"\0" + json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def slug(name: str) -> str:
    """A doc_id from a file name: lower case, ASCII letters, digits and dashes."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return cleaned or "article"


class _VisibleText(HTMLParser):
    """Collects the text a browser would show: no script, style or head content."""

    _HIDDEN = {"script", "style", "head", "title", "noscript", "template"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._hidden_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._HIDDEN:
            self._hidden_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if not self._hidden_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page (paragraphs on their own lines) and its <title>."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    return text, " ".join("".join(parser.title_parts).split())


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"Cannot read {path}: {exc.strerror}.", "Check the file's permissions.") from exc
    if len(raw) > MAX_ARTICLE_BYTES:
        raise CorpusError(
            f"{path} is {len(raw):,} bytes, larger than the {MAX_ARTICLE_BYTES:,}-byte limit for one article.",
            "Split it into articles or remove it from the corpus.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path} is not UTF-8 text (bad byte at offset {exc.start}).",
            "Re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or remove it from the corpus.",
        ) from exc
    if "\x00" in text:
        raise CorpusError(f"{path} contains NUL bytes: it looks binary.", "Remove it from the corpus.")
    return text


def _read_meta(path: Path) -> dict[str, str]:
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(
            f"The metadata file {meta_path} is not valid JSON: {exc}.",
            f"Fix it (fields: {', '.join(META_FIELDS)}) or delete it.",
        ) from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"The metadata file {meta_path} must hold a JSON object.", "Fix or delete it.")
    return {key: str(meta[key]) for key in META_FIELDS if meta.get(key) not in (None, "")}


def load_article(path: Path, doc_id: str | None = None) -> Article:
    """Read one article file verbatim (HTML: its visible text)."""
    text = _read_text(path)
    html_title = ""
    if path.suffix.lower() in (".html", ".htm"):
        text, html_title = html_to_text(text)
    if not text.strip():
        raise CorpusError(f"{path} is empty.", "Add the article's text or remove the file from the corpus.")
    meta = _read_meta(path)
    if html_title and "title" not in meta:
        meta["title"] = html_title
    return Article(
        doc_id=doc_id or slug(path.stem),
        source_path=str(path),
        text=text,
        content_hash=content_hash(text, meta),
        **meta,
    )


def new_article(doc_id: str, text: str, fmt: str = "text", max_chars: int = 2_000_000, **meta: str) -> Article:
    """An article handed in over the API, checked as a corpus file would be (HTML: its visible text)."""
    if not DOC_ID_PATTERN.fullmatch(doc_id):
        raise CorpusError(
            f"'{doc_id[:100]}' is not a valid doc_id.",
            "Use 1-80 lower-case ASCII letters, digits and dashes, starting with a letter or digit, e.g. 'aktobe-2016'.",
        )
    if len(text) > max_chars:
        raise CorpusError(
            f"The article is {len(text):,} characters, more than the {max_chars:,} allowed.",
            "Split it into several articles.",
        )
    if "\x00" in text:
        raise CorpusError("The article contains NUL characters.", "Send plain UTF-8 text or HTML.")
    if fmt == "html":
        text, html_title = html_to_text(text)
        if html_title and not meta.get("title"):
            meta["title"] = html_title
    if not text.strip():
        raise CorpusError("The article has no text.", "Send the article's text (or HTML with visible text).")
    kept = {key: " ".join(str(value).split()) for key, value in meta.items() if key in META_FIELDS and value}
    return Article(doc_id=doc_id, text=text, content_hash=content_hash(text, kept), **kept)


def _inside(folder: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def article_file(folder: Path, doc_id: str) -> Path:
    """Where an API article's text is kept in the corpus folder."""
    return folder / f"{doc_id}.txt"


def check_writable(folder: Path) -> None:
    """Raise a CorpusError with a hint unless API articles can be written into ``folder``."""
    if folder.exists() and not folder.is_dir():
        raise CorpusError(
            f"The corpus {folder} is a single file, so articles cannot be added to it.",
            "Point ASSISTANT_CORPUS at a folder.",
        )
    probe = folder if folder.exists() else folder.parent
    if not os.access(probe, os.W_OK | os.X_OK):
        raise CorpusError(
            f"The corpus folder {folder} is not writable by this service, so articles cannot be added or replaced.",
            "Give the service's user write access to ASSISTANT_CORPUS (reading and answering still work).",
        )


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


def save_article(folder: Path, article: Article, replaces: str = "") -> Article:
    """Write an API article into the corpus folder (``<doc_id>.txt`` + metadata), replacing the
    file of its earlier version. Returns the article with its new ``source_path``."""
    check_writable(folder)
    path = article_file(folder, article.doc_id)
    meta = {key: getattr(article, key) for key in META_FIELDS if getattr(article, key) != "unknown"}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, article.text)
        meta_path = path.with_name(path.stem + META_SUFFIX)
        if meta:
            atomic_write(meta_path, json.dumps(meta, indent=1, ensure_ascii=False))
        else:
            meta_path.unlink(missing_ok=True)
    except OSError as exc:
        raise CorpusError(
            f"Could not write {path}: {exc.strerror}.", "Check that ASSISTANT_CORPUS is writable and the disk is not full."
        ) from exc
    if replaces and Path(replaces) != path:
        remove_article_files(folder, replaces)
    return article.model_copy(update={"source_path": str(path)})


def remove_article_files(folder: Path, source_path: str) -> None:
    """Delete an article's file and its metadata, only ever inside the corpus folder."""
    path = Path(source_path)
    if source_path and folder.is_dir() and _inside(folder, path):
        path.unlink(missing_ok=True)
        path.with_name(path.stem + META_SUFFIX).unlink(missing_ok=True)


def article_files(paths: list[Path]) -> list[Path]:
    """Article files under the given files or folders, sorted, metadata files excluded."""
    found: list[Path] = []
    for root in paths:
        if not root.exists():
            raise CorpusError(f"The corpus path {root} does not exist.", "Pass a folder of .txt/.md/.html articles.")
        candidates = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in candidates:
            if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith("."):
                found.append(path)
    return found


def load_corpus(paths: list[Path]) -> list[Article]:
    """Every article under ``paths``. A broken file stops the load with a hint naming it."""
    files = article_files(paths)
    if not files:
        raise CorpusError(
            f"No articles found in {', '.join(map(str, paths))}.",
            f"Put {', '.join(ARTICLE_SUFFIXES)} files there, e.g. copy ../shared/seed/aktobe-2016.txt.",
        )
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in files:
        article = load_article(path)
        if article.doc_id in seen:
            raise CorpusError(
                f"{path} and {seen[article.doc_id]} both map to doc_id '{article.doc_id}'.",
                "Rename one of them: doc_ids come from file names.",
            )
        seen[article.doc_id] = path
        articles.append(article)
    return articles
