"""Article text reaches readers as text: markup in an article never becomes markup in an answer."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Assistant

ARTICLE = (
    "Ferry strike in Harlow\n\n"
    'The ferry union said the strike would last until Friday <script>alert("x")</script>.\n\n'
    'The port authority said <img src=x onerror="alert(1)"> that two ferries would still sail, '
    "see [the timetable](javascript:alert(2)) and ![map](http://example.invalid/t.png) [1].\n"
)


def test_markup_in_an_article_is_inert_in_the_answer_markdown_and_verbatim_in_the_quote(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    assistant = Assistant.open(corpus=corpus, index=tmp_path / "index")
    for question in ("What did the ferry union say about the strike?", "What did the port authority say about the ferries?"):
        answer = assistant.ask(question)
        assert answer.answerable and answer.citations
        markdown = answer.answer
        assert "<script" not in markdown and "<img" not in markdown
        assert "](" not in markdown.replace("\\](", "")  # no live link or image
        for citation in answer.citations:
            assert ARTICLE[citation.start : citation.end] == citation.quote  # quotes stay exact
    quoted = " ".join(c.quote for c in assistant.ask("What did the port authority say about the ferries?").citations)
    assert "<img" in quoted
