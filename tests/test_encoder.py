"""The sentence embedder: the packaged MiniLM, built from the package DESIGN.md §5 names, checked at
load, and giving a text the same vector whatever is encoded beside it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ModelError
from assistant.ingest.embed import PACKAGED, OnnxSentenceEncoder, load_encoder, sha256_of, source_model_files
from assistant.ingest.load import load_corpus
from assistant.ingest.segment import split_sentences
from assistant.settings import EMBEDDER_SHA256, MINILM_SHA256, Settings

from .conftest import CORPUS, tampered_copy

QUESTIONS = [
    "Who claimed responsibility for the attacks?",
    "How many people died?",
    "What do social media users say about Russia?",
    "Which shops did the attackers rob?",
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return [s.text for a in load_corpus([CORPUS]) for s in split_sentences(a)]


def test_the_packaged_embedder_is_the_one_its_card_describes() -> None:
    card = json.loads((PACKAGED / "embed_model.json").read_text(encoding="utf-8"))
    assert card["command"] == "make build-embedder"
    assert card["sha256"] == EMBEDDER_SHA256 == sha256_of(PACKAGED / "model.onnx") == Settings().model_sha256
    assert card["source_sha256"] == MINILM_SHA256 == sha256_of(source_model_files()[0])
    assert (PACKAGED / "tokenizer.json").read_bytes() == source_model_files()[1].read_bytes()


def test_the_packaged_embedder_reads_text_as_the_package_it_is_built_from_does(sentences: list[str]) -> None:
    packaged, source = load_encoder(None, EMBEDDER_SHA256), OnnxSentenceEncoder(*source_model_files(), MINILM_SHA256)
    assert packaged.alone and not source.alone  # int8 products, each text alone; the package's, batched
    ours, theirs = packaged.encode(sentences + QUESTIONS), source.encode(sentences + QUESTIONS)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert float((ours * theirs).sum(axis=1).min()) > 0.97
    # A question finds the sentence the package's vectors put first among the top three of ours.
    n = len(sentences)
    for q in range(n, n + len(QUESTIONS)):
        best = int(np.argmax(theirs[:n] @ theirs[q]))
        assert best in np.argsort(-(ours[:n] @ ours[q]))[:3]


def test_a_texts_vector_does_not_depend_on_the_texts_encoded_with_it(sentences: list[str]) -> None:
    encoder = load_encoder(None, EMBEDDER_SHA256)
    alone = encoder.encode([sentences[3]])[0]
    among = encoder.encode([sentences[0], "Dozens were wounded.", sentences[3], " ".join(sentences)])
    assert np.array_equal(alone, among[2])


def test_a_swapped_embedder_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        OnnxSentenceEncoder(tampered_copy(PACKAGED, tmp_path) / "model.onnx", PACKAGED / "tokenizer.json", EMBEDDER_SHA256)
    assert "make build-embedder" in caught.value.hint


def test_another_model_file_in_the_same_folder_is_embedded_again_even_unchecked(tmp_path: Path) -> None:
    """With no sha256 checked (ASSISTANT_MODEL_SHA256 empty), the index is named by the file's own
    digest: vectors of the old file are never searched with the new one's questions."""
    import shutil

    from assistant import Assistant

    folder = tmp_path / "model"
    shutil.copytree(PACKAGED, folder)
    settings = Settings(model_dir=folder, model_sha256="")
    first = Assistant.open(corpus=CORPUS, index=tmp_path / "index", settings=settings)
    before = first.store.catalog.state()[1]
    shutil.copy(source_model_files()[0], folder / "model.onnx")  # the package's own model, same tokenizer
    load_encoder.cache_clear()
    again = Assistant.open(corpus=CORPUS, index=tmp_path / "index", settings=settings)
    assert again.store.catalog.state()[1] == again.index_id != before
    assert not again.encoder.alone and again.store.count() == 33
