"""The benchmark harness and its synthetic archive (figures live in bench/, never in tests)."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.archive import synthetic_article, write_archive
from assistant.evaluation.bench import COLUMNS, SizeResult, memory_growth, run_bench, write_bench

from .conftest import ARTICLE, ROOT


def test_the_synthetic_archive_is_deterministic_and_keeps_the_seed_article(tmp_path: Path) -> None:
    assert synthetic_article(7) == synthetic_article(7) != synthetic_article(8)
    folder = write_archive(tmp_path / "a", 5, ARTICLE)
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 5 and ARTICLE.name in files
    assert (folder / ARTICLE.name).read_bytes() == ARTICLE.read_bytes()


def test_a_small_bench_run_measures_every_column_and_checks_the_answers(tmp_path: Path) -> None:
    result = run_bench([1, 3], ROOT, pairs=2)
    assert [r.articles for r in result.sizes] == [1, 3]
    # Our ingest and the baseline's run back to back twice beyond the seed; the median pair's ratio is reported.
    assert [r.ingest_pairs for r in result.sizes] == [1, 2]
    assert all(0 < r.ingest_ratio_min <= r.ingest_ratio <= r.ingest_ratio_max for r in result.sizes)
    for r in result.sizes:
        assert r.query_p50_ms > 0 and r.ingest_s > 0 and r.embed_only_s > 0 and r.baseline_p50_ms > 0
        assert r.rules_only_ingest_s > 0  # the same ingest with the label review switched off
        assert r.correct >= 0.9  # the Aktobe questions are still answered inside the archive
        # Memory measured for the embedded store, and apart for the app and a real `chroma run` serving the index.
        assert 0 < r.serving_rss_now_mb <= r.serving_rss_mb and r.server_app_rss_mb > 0 and r.server_rss_mb > 0
        # ... and for Chroma alone on the same folder: what the assistant adds is the rest.
        assert 0 < r.chroma_alone_rss_mb < r.serving_rss_mb
    assert result.cold_start_s["existing_index"] > 0 and result.cold_start_s["no_index"] > 0
    assert [h["clients"] for h in result.http] == [1, 8, 32]  # over real HTTP to python app.py
    assert all(h["errors"] == 0 and 0 < h["p50_ms"] <= h["p95_ms"] for h in result.http)
    assert result.writes["archive"] == 3 and 0 < result.writes["add_p50_ms"] <= result.writes["add_p95_ms"]
    assert 0 < result.writes["delete_p50_ms"] <= result.writes["delete_p95_ms"]
    report = write_bench(tmp_path, result).read_text(encoding="utf-8")
    assert "synthetic" in report and all(c in report for c in COLUMNS) and "| 32 | 96 |" in report
    assert "Writes into the 3-article archive" in report
    assert (tmp_path / "latency_ingest.png").read_bytes()[:4] == b"\x89PNG"


def test_the_report_states_memory_growth_per_thousand_articles_between_the_two_largest_archives() -> None:
    sizes = [SizeResult(size=n, articles=n, serving_rss_mb=400 + n * 0.025, chroma_alone_rss_mb=100 + n * 0.02,
                        server_app_rss_mb=380 + n * 0.003, server_rss_mb=140 + n * 0.02) for n in (1, 1000, 10000)]
    lines = memory_growth(sizes)
    assert "between 1,000 and 10,000 articles" in lines[1]
    assert any("serving process" in line and "25.0 MB" in line for line in lines)
    assert any("bare embedded Chroma" in line and "20.0 MB" in line for line in lines)
    assert any("Chroma server" in line and "3.0 MB" in line for line in lines)
    assert memory_growth(sizes[:2][:1]) == [] and memory_growth([sizes[0], SizeResult(size=3, articles=3)]) == []
