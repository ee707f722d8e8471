"""Label sets: the formats `make eval` scores provenance labels on, and the sets shipped in evals/."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path

import pytest

from assistant.errors import EvalSetError
from assistant.evaluation.labelsets import LabelledText, label_set_lines, read_label_set, score_label_set

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "data"
TEXT = "The ministry said the bridge would reopen in May. The bridge was built in 1931."


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_text_set_is_scored_sentence_by_sentence_with_a_confusion_matrix(tmp_path: Path) -> None:
    rows = [{"id": "t1", "kind": "wire", "text": TEXT, "sentences": [
        {"sentence": "The ministry said the bridge would reopen in May.", "labels": ["official"]},
        {"sentence": "The bridge was built in 1931.", "labels": ["social_media"]}]}]
    score = score_label_set("tiny", read_label_set(_write(tmp_path / "set.jsonl", rows)))
    assert (score.sentences, score.articles, score.accuracy) == (2, 1, 0.5)
    assert score.confusion["official"]["official"] == 1
    assert score.confusion["social_media"]["article"] == 1
    assert [m["text"] for m in score.misses] == ["The bridge was built in 1931."]



def test_a_check_no_one_reads_lists_no_misses_in_either_report(tmp_path: Path) -> None:
    rows = [{"id": "t1", "kind": "wire", "text": TEXT, "sentences": [
        {"sentence": "The bridge was built in 1931.", "labels": ["social_media"]}]}]
    check = score_label_set("labels_web_check", read_label_set(_write(tmp_path / "set.jsonl", rows)))
    dev = score_label_set("labels_web_dev", read_label_set(tmp_path / "set.jsonl"))
    assert check.accuracy == dev.accuracy == 0.0 and check.misses  # scored as any set
    assert check.to_dict()["misses"] == [] and dev.to_dict()["misses"]
    assert not any("1931" in line for line in label_set_lines(check, show_misses=check.misses_shown))

def test_passage_rows_by_offsets_read_the_sentence_from_the_passages_file(tmp_path: Path) -> None:
    passages = tmp_path / "data" / "passages.json"
    passages.parent.mkdir()
    passages.write_text(json.dumps({"id": 7, "positive": [TEXT], "negative": []}) + "\n", encoding="utf-8")
    start = TEXT.index("The bridge was")
    rows = [{"passages": "data/passages.json", "id": 7, "field": "positive", "passage": 0,
             "start": start, "end": len(TEXT), "labels": ["article"], "attributed_to": "the article", "note": ""}]
    (text,) = read_label_set(_write(tmp_path / "set.jsonl", rows))
    assert text.text == TEXT
    assert [text.text[g.start : g.end] for g in text.gold] == ["The bridge was built in 1931."]
    assert score_label_set("offsets", [text]).accuracy == 1.0


def test_paragraph_rows_by_offsets_read_the_sentence_from_squad_json(tmp_path: Path) -> None:
    squad = tmp_path / "squad.json"
    squad.write_text(json.dumps({"data": [{"title": "Bridges", "paragraphs": [{"context": "x"}, {"context": TEXT}]}]}),
                     encoding="utf-8")
    rows = [{"passages": "squad.json", "title": "Bridges", "paragraph": 1, "start": 0, "end": TEXT.index(" The bridge was"),
             "labels": ["official"], "attributed_to": "the ministry", "note": ""}]
    (text,) = read_label_set(_write(tmp_path / "set.jsonl", rows))
    assert [text.text[g.start : g.end] for g in text.gold] == ["The ministry said the bridge would reopen in May."]
    assert score_label_set("offsets", [text]).accuracy == 1.0


def _package_file_row(**extra: object) -> dict:
    """A line of a file pytest ships, located as a set on a packaged corpus locates its documents."""
    path = Path(str(importlib.metadata.distribution("pytest").locate_file("pytest/__init__.py")))
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next(n for n, x in enumerate(lines) if len(x.strip()) > 20)
    row = {"package": "pytest", "file": "pytest/__init__.py", "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
           "line": line, "start": 0, "end": len(lines[line].rstrip()), "labels": ["article"], "attributed_to": "the article", "note": ""}
    return {**row, **extra}


def test_line_rows_read_their_document_from_a_file_an_installed_package_ships(tmp_path: Path) -> None:
    row = _package_file_row()
    (text,) = read_label_set(_write(tmp_path / "set.jsonl", [row]))
    assert text.doc_id == f"__init__-{row['line']}" and len(text.gold) == 1
    assert text.text[text.gold[0].start : text.gold[0].end] == text.text


@pytest.mark.parametrize("extra", [{"sha256": "0" * 64}, {"package": "no-such-package-here"}], ids=["changed file", "not installed"])
def test_a_packaged_corpus_that_is_missing_or_changed_is_refused_with_a_hint(tmp_path: Path, extra: dict) -> None:
    with pytest.raises(EvalSetError) as caught:
        read_label_set(_write(tmp_path / "set.jsonl", [_package_file_row(**extra)]))
    assert "make install-dev" in caught.value.hint


@pytest.mark.parametrize("rows", [
    [{"id": "t1", "text": TEXT}],
    [{"id": "t1", "text": TEXT, "sentences": [{"sentence": "Not in the text.", "labels": ["article"]}]}],
    [{"id": "t1", "text": TEXT, "sentences": [{"sentence": "The bridge was built in 1931.", "labels": ["fact"]}]}],
    [{"passages": "missing.json", "id": 7, "field": "positive", "passage": 0, "start": 0, "end": 5, "labels": ["article"]}],
], ids=["no sentences", "sentence not in text", "unknown label", "passages file missing"])
def test_a_malformed_set_is_refused_with_a_hint(tmp_path: Path, rows: list[dict]) -> None:
    with pytest.raises(EvalSetError) as caught:
        read_label_set(_write(tmp_path / "set.jsonl", rows))
    assert caught.value.hint


@pytest.mark.parametrize("name", ["labels_dev.jsonl", "labels_check.jsonl", "labels_rgb_dev.jsonl", "labels_wiki_dev.jsonl",
                                  "labels_lee_dev.jsonl", "labels_lee_more_dev.jsonl", "labels_lee_check.jsonl"])
def test_the_shipped_label_sets_locate_every_sentence(name: str) -> None:
    path = ROOT / "evals" / name
    if name in ("labels_rgb_dev.jsonl", "labels_wiki_dev.jsonl") and not SHARED.is_dir():
        pytest.skip("RGB's passages and SQuAD's paragraphs live in ../shared/data")
    texts = read_label_set(path)
    gold = [g for t in texts for g in t.gold]
    assert len(texts) >= 20 and len(gold) >= 100
    assert all(t.text[g.start : g.end].strip() for t in texts for g in t.gold)


def test_the_rgb_dev_set_shares_no_passage_with_the_rgb_check() -> None:
    if not SHARED.is_dir():
        pytest.skip("RGB's passages live in ../shared/data")
    check = {(r["id"]) for r in map(json.loads, (SHARED / "rgb_labels.jsonl").read_text(encoding="utf-8").splitlines())}
    dev = {r["id"] for r in map(json.loads, (ROOT / "evals" / "labels_rgb_dev.jsonl").read_text(encoding="utf-8").splitlines())}
    assert dev and not dev & check


RGB_SNIPPET_SETS = ("labels_rgb_dev.jsonl", "labels_rgb_more_dev.jsonl", "labels_rgb_extra_dev.jsonl", "labels_rgb_rest_dev.jsonl")


@pytest.mark.parametrize(("name", "stretch", "passages", "sentences"), [
    ("labels_rgb_more_dev.jsonl", 55, 300, 736), ("labels_rgb_extra_dev.jsonl", 50, 240, 575), ("labels_rgb_rest_dev.jsonl", 50, 91, 234)])
def test_the_rgb_snippet_development_sets_share_no_text_with_the_rgb_check(name: str, stretch: int, passages: int, sentences: int) -> None:
    # Drawn from the same RGB records as the check, no development passage shares a stretch of
    # ``stretch`` characters with a passage the check labels, nor with another development set's
    # (labels_rgb_more_dev: two of its passages share 51 and 54 characters with one check passage
    # each, a phrase two pages quote; labels_rgb_extra_dev and labels_rgb_rest_dev were drawn clear of 50).
    if not SHARED.is_dir():
        pytest.skip("RGB's passages live in ../shared/data")

    def stretches(texts: list[LabelledText]) -> set[str]:
        return {t.text[i : i + stretch] for t in texts for i in range(max(1, len(t.text) - stretch + 1))}

    texts = read_label_set(ROOT / "evals" / name)
    dev = stretches(texts)
    others = [ROOT / "evals" / n for n in RGB_SNIPPET_SETS if n != name]
    assert dev and not dev & stretches(read_label_set(SHARED / "rgb_labels.jsonl"))
    assert not any(dev & stretches(read_label_set(other)) for other in others)
    assert len(texts) == passages and sum(len(t.gold) for t in texts) == sentences


def test_the_lee_check_shares_no_article_with_the_lee_development_sets() -> None:
    dev, more, check = (read_label_set(ROOT / "evals" / f"labels_lee_{name}.jsonl") for name in ("dev", "more_dev", "check"))
    assert dev and more and check
    assert not {t.text for t in dev + more} & {t.text for t in check}
    assert not {t.text for t in dev} & {t.text for t in more}


def test_the_web_news_sets_are_verbatim_pages_none_shared_between_development_and_check() -> None:
    texts = {}
    for name in ("dev", "check"):
        path = ROOT / "evals" / f"labels_web_{name}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for row in rows:  # each text is newspaper4k's test page byte for byte, as its origin says
            assert hashlib.sha256(row["text"].encode("utf-8")).hexdigest() == row["origin"]["sha256"]
        texts[name] = read_label_set(path)
        assert sum(len(t.gold) for t in texts[name]) >= 300
        assert all(t.text[g.start : g.end].strip() for t in texts[name] for g in t.gold)
    assert not {t.text for t in texts["dev"]} & {t.text for t in texts["check"]}


def test_a_set_may_label_documents_of_several_packaged_files_in_their_own_encodings(tmp_path: Path) -> None:
    latin = json.loads((ROOT / "evals" / "labels_lee_more_dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    texts = read_label_set(_write(tmp_path / "set.jsonl", [_package_file_row(), latin]))
    assert [t.doc_id.rsplit("-", 1)[0] for t in texts] == ["__init__", "lee"]
    lee = read_label_set(ROOT / "evals" / "labels_lee_more_dev.jsonl")
    assert any("\N{POUND SIGN}" in t.text for t in lee)  # lee.cor is Latin-1, read as its rows say


def test_a_packaged_file_read_in_the_wrong_encoding_is_refused_with_a_hint(tmp_path: Path) -> None:
    row = json.loads((ROOT / "evals" / "labels_lee_more_dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["encoding"] == "latin-1"
    for wrong in ({k: v for k, v in row.items() if k != "encoding"}, {**row, "encoding": "no-such-codec"}):
        with pytest.raises(EvalSetError) as caught:
            read_label_set(_write(tmp_path / "set.jsonl", [wrong]))
        assert "encoding" in caught.value.hint


@pytest.mark.parametrize(("gold", "predicted", "same"), [
    ("Employment Minister Tony Abbott", "Mr Abbott", True),  # a surname names the person
    ("A spokesman (police)", "Illawarra police", True),  # the gold's note names the body
    ("the Department for Education (release body)", "the Department for Education", True),
    ("sources", "unnamed source", True),
    ("the Federal Opposition", "the Federal Government", False),  # a shared adjective is not the source
    ("John Howard", "he", False),  # a pronoun alone names no one
    ("CMA", "The Competition and Markets Authority", True),  # an acronym and its words
    ("the National Disaster Risk Reduction and Management Council", "NDRRMC", True),
    ("UKMTO", "The United Kingdom Maritime Trade Operations agency", True),
    ("CMA", "The Civil Aviation Authority", False),  # other initials
    ("the FBI", "the CIA", False),
    ("the WHO", "The WHO", True),  # an acronym spelt like a stop word is a name
    ("US officials", "us", False),
])
def test_two_names_of_a_source_agree_by_their_heads_or_an_acronym(gold: str, predicted: str, same: bool) -> None:
    from assistant.evaluation.sources import same_source

    assert same_source(gold, predicted) is same


def test_a_label_set_reports_how_many_attributed_sentences_get_a_source_and_the_right_one(tmp_path: Path) -> None:
    text = "The ministry said the bridge would reopen in May. Engineers disagreed, the union said. The bridge was built in 1931."
    rows = [{"id": "t1", "text": text, "sentences": [
        {"sentence": "The ministry said the bridge would reopen in May.", "labels": ["official"], "attributed_to": "the ministry"},
        {"sentence": "Engineers disagreed, the union said.", "labels": ["group_claim"], "attributed_to": "the engineers' union"},
        {"sentence": "The bridge was built in 1931.", "labels": ["article"], "attributed_to": "the article"}]}]
    score = score_label_set("sources", read_label_set(_write(tmp_path / "set.jsonl", rows)))
    assert score.sources is not None
    assert score.sources.to_dict() == {"attributable": 2, "attributed": 1.0, "source_right": 1.0}  # narration is not counted
    rows[0]["sentences"][1]["attributed_to"] = "the engineers"  # the labeller names the union, not its members
    assert score_label_set("sources", read_label_set(_write(tmp_path / "set.jsonl", rows))).sources.to_dict()["source_right"] == 0.5
