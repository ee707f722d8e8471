"""`make soak`: bounded load on a real service with faults injected, and a report of what held.

1. **Load with writes and a store outage**: ``python app.py`` on a copy of the corpus, its vectors
   in a real ``chroma run`` on 127.0.0.1; ``clients`` threads ask and stream for ``seconds``
   while a writer adds and deletes articles; halfway, the Chroma server is stopped and started
   again on the same data. Counted: requests, errors outside the documented outage 503s, p50/p95,
   and the recovery time (server back until the first answer).
2. **kill -9 during ingest**: ``assistant ingest`` of a synthetic archive is killed mid-run, then
   run again; every article must be indexed exactly once (catalog and vector count agree).

Run: ``python -m assistant.evaluation.soak [--out soak] [--clients 32] [--seconds 60]``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

import httpx

from assistant.evaluation.processes import free_port, start_chroma, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "soak-writer"
QUESTIONS = ["How many people died?", "Who claimed responsibility for the attacks?", "What did the authorities say?",
             "What theories circulate on social media?", "What is the weather tomorrow?"]


@dataclass
class SoakReport:
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0  # anything but 200, or a documented 503 while the store is down
    outage_503: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    writes: int = 0
    recovery_s: float = -1.0
    error_samples: list[str] = field(default_factory=list)
    ingest_killed_after_s: float = 0.0
    ingest_articles: int = 0
    ingest_indexed: int = 0
    ingest_lost: int = 0
    ingest_duplicated_vectors: int = 0


@contextmanager
def _service(work: Path, chroma_port: int) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "ASSISTANT_PORT": str(port), "ASSISTANT_INDEX_DIR": str(work / "index"),
           "ASSISTANT_CORPUS": str(work / "corpus"), "ASSISTANT_AUDIT_PATH": "", "ASSISTANT_API_TOKENS": f"{TOKEN}:write",
           "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0", "ASSISTANT_CHROMA_HOST": "127.0.0.1",
           "ASSISTANT_CHROMA_PORT": str(chroma_port)}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1)))], 1) if ordered else 0.0


def load_with_faults(report: SoakReport, work: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "corpus", work / "corpus")
    chroma_port = free_port()
    chroma = start_chroma(work / "chroma", chroma_port)
    outage = threading.Event()
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = 0.0  # set once the service is up

    def record(status: int, ms: float, what: str) -> None:
        with lock:
            report.requests += 1
            if status == 200:
                latencies.append(ms)
            elif status == 503 and outage.is_set():
                report.outage_503 += 1
            else:
                report.errors += 1
                if len(report.error_samples) < 10:
                    report.error_samples.append(f"{what}: {status}")

    with _service(work, chroma_port) as url:
        def reader(n: int) -> None:
            with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60) as api:
                while time.monotonic() < stop_at:
                    q = QUESTIONS[n % len(QUESTIONS)]
                    started = time.perf_counter()
                    try:
                        if n % 4 == 0:
                            with api.stream("POST", "/api/v1/ask/stream", json={"question": q}) as r:
                                for _ in r.iter_lines():
                                    pass
                                status = r.status_code
                        else:
                            status = api.post("/api/v1/ask", json={"question": q}).status_code
                    except httpx.HTTPError as exc:
                        status = 599
                        with lock:
                            if len(report.error_samples) < 10:
                                report.error_samples.append(f"transport: {exc!r}")
                    record(status, (time.perf_counter() - started) * 1000, q)
                    n += 1

        def writer() -> None:
            with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120) as api:
                turn = 0
                while time.monotonic() < stop_at:
                    doc = f"soak-{turn % 3}"
                    text = f"The harbour bridge in Lindqvist will reopen in week {turn}, the city engineer said."
                    try:
                        if turn % 2:
                            r = api.delete(f"/api/v1/articles/{doc}")
                            status = 200 if r.status_code == 404 else r.status_code  # already gone
                        else:
                            status = api.post("/api/v1/articles", json={"doc_id": doc, "text": text}).status_code
                            status = 200 if status == 201 else status
                    except httpx.HTTPError:
                        status = 599
                    record(status, 0.0, "write")
                    with lock:
                        report.writes += 1
                    turn += 1
                    time.sleep(0.5)

        stop_at = time.monotonic() + report.seconds
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(report.clients)]
        threads.append(threading.Thread(target=writer))
        for t in threads:
            t.start()
        time.sleep(report.seconds / 2)
        outage.set()
        chroma.terminate()
        chroma.wait(timeout=30)
        time.sleep(3)
        chroma = start_chroma(work / "chroma", chroma_port)
        back = time.monotonic()
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as probe:
            while time.monotonic() - back < 120:
                try:
                    if probe.post("/api/v1/ask", json={"question": QUESTIONS[0]}).status_code == 200:
                        report.recovery_s = round(time.monotonic() - back, 2)
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        outage.clear()
        for t in threads:
            t.join()
    chroma.terminate()
    chroma.wait(timeout=30)
    report.p50_ms, report.p95_ms = _pct(latencies, 0.5), _pct(latencies, 0.95)


def kill_during_ingest(report: SoakReport, work: Path, articles: int = 300) -> None:
    from assistant.evaluation.archive import write_archive

    corpus = write_archive(work / "archive", articles, ROOT / "corpus" / "aktobe-2016.txt")
    index = work / "kill-index"
    cmd = [sys.executable, "-m", "assistant", "ingest", str(corpus), "--index", str(index)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    time.sleep(8)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    report.ingest_killed_after_s = round(time.monotonic() - started, 1)
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from assistant.engine import Assistant

    assistant = Assistant.open(corpus=None, index=index)
    catalog = assistant.store.catalog.read()
    files = {p.stem for p in corpus.glob("*.txt")}
    report.ingest_articles = len(files)
    report.ingest_indexed = len(catalog.docs)
    report.ingest_lost = len(files - set(catalog.docs))
    expected = sum(e.sentences for e in catalog.docs.values())
    report.ingest_duplicated_vectors = max(0, assistant.store.count() - expected)


def write_report(out: Path, report: SoakReport) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(asdict(report), indent=1), encoding="utf-8")
    lines = [
        "# Soak", "",
        f"{report.clients} clients asking and streaming for {report.seconds:g} s over 127.0.0.1, a writer adding and "
        "deleting articles, the Chroma server stopped and restarted halfway.", "",
        "| requests | errors | 503 during the outage | p50_ms | p95_ms | writes | recovery_s |", "|---|---|---|---|---|---|---|",
        f"| {report.requests} | {report.errors} | {report.outage_503} | {report.p50_ms} | {report.p95_ms} | {report.writes} | "
        f"{report.recovery_s} |", "",
        f"kill -9 during `assistant ingest` of {report.ingest_articles} articles after {report.ingest_killed_after_s} s, "
        f"then ingest again: {report.ingest_indexed} indexed, {report.ingest_lost} lost, "
        f"{report.ingest_duplicated_vectors} duplicated vectors.",
    ]
    if report.error_samples:
        lines += ["", "Error samples:", "", *[f"- {e}" for e in report.error_samples]]
    path = out / "report.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.evaluation.soak", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("soak"))
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    report = SoakReport(args.clients, args.seconds)
    with tempfile.TemporaryDirectory() as tmp:
        load_with_faults(report, Path(tmp) / "load")
        kill_during_ingest(report, Path(tmp))
    print(write_report(args.out, report).read_text(encoding="utf-8"))
    return 0 if report.errors == 0 and report.ingest_lost == 0 and report.ingest_duplicated_vectors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
