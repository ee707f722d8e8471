"""The outlet that wrote an article, from its dateline's credit ("DAKAR, Feb 3 (Reuters) -"): what that outlet says it did
itself ("Reuters verified the footage", "Reuters was able to confirm the location") is the article's own reporting, not a
third party's report."""

from __future__ import annotations

import re

from assistant.ingest.frames import Frame, Inherit

OWN_REPORTING = "its own reporting, not a source's"
# A dateline ending in an outlet's name in brackets and a dash: "MOSCOW, March 12 (Reuters) -", "PARIS (AP) —".
_DATELINE_CREDIT = re.compile(r"[^()\n]{0,80}?\(([A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,3})\)\s*[-\u2013\u2014]")


def dateline_outlet(first_sentence: str) -> str | None:
    """The outlet an article's dateline credits, or None."""
    found = _DATELINE_CREDIT.match(first_sentence.strip())
    return found.group(1) if found else None


def own_reporting(frame: Frame | Inherit | None, outlet: str | None) -> Frame | Inherit | None:
    """A report attributed to the outlet that wrote the article, its reporters or its calculations ("A Reuters reporter
    saw ...", "The Associated Press verified ..." after "(AP) -") is the article's own words."""
    if outlet is None or not isinstance(frame, Frame) or frame.label != "media_report" or not _names(frame.source, outlet):
        return frame
    return Frame("article", "the article", frame.cue, f"'{outlet}' wrote the article (its dateline's credit): {OWN_REPORTING}",
                 speech=frame.speech)


def _names(source: str, outlet: str) -> bool:
    """Does the source name the outlet: its name as words ("A Reuters reporter", "MOSCOW (Reuters) - Reuters") or its
    initials ("The Associated Press" for "AP")?"""
    words = re.findall(r"[\w&.]+", source)
    initials = "".join(w[0] for w in words if w[:1].isupper() and w.lower() != "the")
    return re.search(rf"(?<![\w(]){re.escape(outlet)}(?![\w)])", source) is not None or initials == outlet.replace(".", "")
