"""HTML for the browser chat: answers laid out by provenance, sources, the highlighted article.

Every string that comes from a question or an article is escaped here, so no markup from either
ever reaches the page as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from assistant.types import (
    LABEL_DESCRIPTIONS,
    LABEL_ORDER,
    SECTION_TITLES,
    Answer,
    Article,
    Citation,
    Sentence,
)

#: Badge text per label; colours (Okabe-Ito, colour-blind safe) live in CSS below.
BADGES: dict[str, str] = {
    "official": "OFFICIAL",
    "group_claim": "GROUP CLAIM · UNVERIFIED",
    "media_report": "MEDIA REPORT",
    "social_media": "SOCIAL MEDIA · UNVERIFIED",
    "article": "ARTICLE",
}

CSS = """
.na-badge {display:inline-block; font-size:0.72em; font-weight:700; letter-spacing:0.04em; padding:1px 7px;
  border-radius:4px; color:#fff; margin-right:6px; vertical-align:middle; white-space:nowrap;}
.na-official {background:#0072B2;} .na-group_claim {background:#B84F00;} .na-media_report {background:#007A5E;}
.na-social_media {background:#A8467F;} .na-article {background:#5F5F5F;}
.na-section {border-left:5px solid #888; padding:4px 10px; margin:8px 0; background:rgba(127,127,127,0.06);}
.na-section.na-official {border-color:#0072B2; background:rgba(0,114,178,0.08);}
.na-section.na-group_claim {border-color:#B84F00; background:rgba(213,94,0,0.08); border-left-style:dashed;}
.na-section.na-media_report {border-color:#007A5E; background:rgba(0,158,115,0.08);}
.na-section.na-social_media {border-color:#A8467F; background:rgba(204,121,167,0.10); border-left-style:dashed;}
.na-section.na-article {border-color:#5F5F5F;}
.na-section h4 {margin:2px 0 4px 0; font-size:0.95em; color:inherit;}
.na-section ul {margin:0; padding-left:18px;} .na-section li {margin:3px 0;}
.na-cite {font-weight:700; font-size:0.8em; vertical-align:super; margin-left:2px;}
.na-unverified {font-style:italic; opacity:0.85;}
.na-refusal {border:2px solid #B84F00; padding:8px 12px; border-radius:6px; margin-bottom:6px; font-weight:600;}
.na-note {font-style:italic; margin:4px 0;}
.na-source {margin:6px 0 10px 0;} .na-source blockquote {margin:4px 0 0 0; padding-left:8px; border-left:3px solid #999;}
.na-meta {font-size:0.85em; opacity:0.8;}
#article-view {max-height:520px; overflow:auto; line-height:1.55; padding:6px 10px;}
#article-view p {margin:0 0 10px 0;}
#article-view mark.na-cited {background:#FFD84D; color:#000; padding:1px 0; outline:2px solid #B8860B;}
#article-view .na-near {background:rgba(255,216,77,0.22);}
.na-legend span.na-badge {margin:2px 6px 2px 0;}
"""


def badge(label: str) -> str:
    return f'<span class="na-badge na-{escape(label)}">{escape(BADGES.get(label, label.upper()))}</span>'


def legend_html() -> str:
    rows = "".join(
        f"<li>{badge(label)} {escape(LABEL_DESCRIPTIONS[label])}</li>" for label in LABEL_ORDER
    )
    return (
        '<div class="na-legend"><strong>Who says it.</strong> Every cited passage carries a label; '
        "claims marked UNVERIFIED are not established facts.<ul>" + rows + "</ul></div>"
    )


def _cites(numbers: list[int]) -> str:
    return "".join(f'<span class="na-cite" data-cite="{n}">[{n}]</span>' for n in numbers)


def answer_html(answer: Answer) -> str:
    """The answer as sections by label, with citation markers; a refusal is said plainly."""
    parts: list[str] = []
    if not answer.answerable:
        parts.append('<div class="na-refusal">The articles do not answer this question.</div>')
        if answer.sections:
            parts.append("<div>Related passages, which do not answer it:</div>")
    elif answer.answer.startswith("Note:"):
        parts.append(f'<div class="na-note">{escape(answer.answer.splitlines()[0])}</div>')
    for section in answer.sections:
        unverified = section.label in ("social_media", "group_claim")
        items = "".join(
            f'<li class="{"na-unverified" if unverified else ""}">{escape(p.text)} {_cites(p.citations)}</li>'
            for p in section.points
        )
        parts.append(
            f'<div class="na-section na-{escape(section.label)}"><h4>{badge(section.label)}'
            f"{escape(SECTION_TITLES.get(section.label, section.title))}</h4><ul>{items}</ul></div>"
        )
    return "".join(parts)


def sources_html(answer: Answer | None) -> str:
    if answer is None or not answer.citations:
        return '<div class="na-meta">Sources of the latest answer appear here.</div>'
    items = []
    for c in answer.citations:
        title = c.title if c.title and c.title != "unknown" else c.doc_id
        items.append(
            f'<div class="na-source" id="source-{c.id}"><strong>[{c.id}]</strong> {badge(c.label)}'
            f'<span class="na-meta">{escape(c.attributed_to)} · {escape(title)} · characters {c.start}–{c.end}</span>'
            f"<blockquote>{escape(c.quote)}</blockquote></div>"
        )
    return "".join(items)


def article_html(article: Article, sentences: Sequence[Sentence], citation: Citation | None) -> str:
    """The whole article, paragraphs kept, with the cited span marked and its neighbours shaded."""
    text = article.text
    near: list[tuple[int, int]] = []
    if citation is not None:
        for s in sentences:
            if s.end <= citation.start and s.idx >= _index_at(sentences, citation.start) - 1:
                near.append((s.start, s.end))
            elif s.start >= citation.end and s.idx <= _index_at(sentences, citation.end - 1) + 1:
                near.append((s.start, s.end))
    cuts = sorted({0, len(text), *(p for span in near for p in span), *((citation.start, citation.end) if citation else ())})
    pieces = []
    for begin, end in zip(cuts, cuts[1:]):
        chunk = escape(text[begin:end]).replace("\n", "</p><p>")
        if citation is not None and begin == citation.start and end == citation.end:
            pieces.append(f'<mark class="na-cited" id="cited-span">{chunk}</mark>')
        elif (begin, end) in near:
            pieces.append(f'<span class="na-near">{chunk}</span>')
        else:
            pieces.append(chunk)
    title = article.title if article.title != "unknown" else article.doc_id
    return f'<div class="na-meta">{escape(title)}</div><div id="article-view"><p>{"".join(pieces)}</p></div>'


def _index_at(sentences: Sequence[Sentence], offset: int) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.idx
    return -10
