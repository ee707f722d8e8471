"""Provenance labels come from generic attribution rules, not from the seed article."""

from __future__ import annotations

import pytest

from assistant.ingest.label import label_sentences
from assistant.ingest.load import content_hash
from assistant.ingest.segment import split_sentences
from assistant.types import Article


def _labels(text: str) -> list[tuple[str, str]]:
    article = Article(doc_id="t", text=text, content_hash=content_hash(text))
    return [(s.label, s.attributed_to) for s in label_sentences(split_sentences(article))]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The Interior Ministry said three people were detained overnight.", "official"),
        ("Police spokesman Erlan Abdrakhmanov told reporters the area had been sealed off.", "official"),
        ("According to the Defence Ministry, the convoy was not attacked.", "official"),
        ("The army denied that any soldiers had been wounded.", "official"),
        ("The governor ordered all schools in the region to close.", "official"),
        ("The Islamic Front claimed responsibility for the bombing in a statement.", "group_claim"),
        ("The rebels said they had captured the airport.", "group_claim"),
        ("Witnesses told the local newspaper they heard several explosions.", "media_report"),
        ("Reuters reported that the border crossing was closed.", "media_report"),
        ("According to local media, the bridge was damaged.", "media_report"),
        ("Rumours circulating on Telegram suggest that the mayor fled the city.", "social_media"),
        ("Bloggers speculated that the fire had been set deliberately.", "social_media"),
        ("Several theories are being discussed online.", "social_media"),
        ("The city was founded in 1869 as a fortress.", "article"),
        ("The region is home to about two million people.", "article"),
    ],
)
def test_generic_attribution_sentences(sentence: str, label: str) -> None:
    assert _labels(sentence)[0][0] == label


def test_a_pronoun_subject_continues_the_source_before_it() -> None:
    text = "Social media users suggest the blast was planned. They pointed out a strange post on a forum."
    assert [label for label, _ in _labels(text)] == ["social_media", "social_media"]
    assert _labels(text)[1][1] == "Social media users"


def test_the_quoted_body_of_a_statement_keeps_the_statement_label() -> None:
    text = (
        "The statement released by the Free Valley Liberation Front read:\n"
        "“We struck the garrison today. Our fight has only begun. We will not stop!”\n"
        "The city was quiet on Tuesday."
    )
    assert [label for label, _ in _labels(text)] == ["group_claim"] * 4 + ["article"]


def test_an_unrelated_official_actor_inside_a_report_does_not_make_it_official() -> None:
    text = "Messages appeared reporting that the defence minister had left the capital."
    assert _labels(text)[0][0] == "media_report"


def test_every_label_records_a_reason(assistant) -> None:
    for record in assistant.corpus.records.values():
        for s in record.sentences:
            assert s.reason, s.text


def _gold_articles() -> dict[str, list[dict]]:
    import json
    from collections import defaultdict
    from pathlib import Path

    articles: dict[str, list[dict]] = defaultdict(list)
    for line in (Path(__file__).parent / "data" / "provenance_gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["article"]].append(row)
    return articles


def test_labels_agree_with_an_editor_on_four_invented_articles() -> None:
    """Four invented news stories, labelled sentence by sentence by a second author (tests/data)."""
    right = total = 0
    for rows in _gold_articles().values():
        text = rows[0]["text"]
        for before, row in zip(rows, rows[1:]):
            text += ("\n" if before["text"].endswith(":") else " ") + row["text"]
        article = Article(doc_id="gold", text=text, content_hash=content_hash(text))
        labelled = label_sentences(split_sentences(article))
        assert [s.text for s in labelled] == [r["text"] for r in rows]
        right += sum(s.label == r["label"] for s, r in zip(labelled, rows))
        total += len(rows)
    assert total == 53
    assert right / total >= 0.95
