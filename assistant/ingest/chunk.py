"""Group labelled sentences into passages: a few sentences, sentence-aligned, within a paragraph."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.types import Article, LabelledSentence, Passage

MAX_SENTENCES = 3
MAX_WORDS = 90


def chunk_article(article: Article, sentences: Sequence[LabelledSentence]) -> list[Passage]:
    """Consecutive sentences of one paragraph, at most ``MAX_SENTENCES`` or ``MAX_WORDS`` words each."""
    passages: list[Passage] = []
    group: list[LabelledSentence] = []

    def flush() -> None:
        if not group:
            return
        start, end = group[0].start, group[-1].end
        passages.append(
            Passage(
                doc_id=article.doc_id,
                chunk_id=f"{article.doc_id}:p{len(passages)}",
                start=start,
                end=end,
                sentence_ids=tuple(s.idx for s in group),
                labels=tuple(dict.fromkeys(s.label for s in group)),
            )
        )
        group.clear()

    words = 0
    for sentence in sentences:
        n = len(sentence.text.split())
        if group and (
            sentence.paragraph != group[-1].paragraph or len(group) >= MAX_SENTENCES or words + n > MAX_WORDS
        ):
            flush()
            words = 0
        group.append(sentence)
        words += n
    flush()
    return passages
