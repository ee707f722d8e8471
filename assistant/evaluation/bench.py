"""Benchmarks: query latency, ingest throughput against the embedding model's own speed, cold
start, peak memory, on the seed corpus and on synthetic archives, side by side with the default
llama-index pipeline (same embedder, same Chroma). Timings only here, never in unit tests.

Each measurement that needs a clean process (ingest, serving, cold start) runs in a child
Python process that reports its wall time and peak RSS.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SEED_ARTICLE = Path("corpus") / "aktobe-2016.txt"

_CHILD_INGEST = """
import json, resource, sys, time
t0 = time.perf_counter()
from assistant.ingest.load import load_corpus
from assistant.engine import Assistant
from assistant.ingest.context import index_texts
from pathlib import Path
assistant = Assistant.open(corpus=None, index=sys.argv[1], require_index=False)
articles = load_corpus([Path(sys.argv[2])])
t1 = time.perf_counter()
report = assistant.ingest(articles, progress=False)
t2 = time.perf_counter()
texts = [t for r in assistant.corpus.records.values() for t in index_texts(r.sentences)]
t3 = time.perf_counter()
assistant.encoder.encode(texts)
t4 = time.perf_counter()
print(json.dumps({"articles": report.articles, "sentences": len(texts), "ingest_s": t2 - t1, "embed_only_s": t4 - t3,
                  "startup_s": t1 - t0, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_CHILD_SERVE = """
import json, resource, sys, time
from assistant.engine import Assistant
questions = json.loads(sys.argv[2])
assistant = Assistant.open(corpus=None, index=sys.argv[1])
assistant.warm()
assistant.ask("warm up")
lat, answers = [], []
for q in questions * 3:
    t = time.perf_counter(); a = assistant.ask(q); lat.append((time.perf_counter() - t) * 1000)
    answers.append({"answer": a.answer, "answerable": a.answerable, "quotes": [c.quote for c in a.citations]})
from assistant.index.memory import give_back_free_memory
give_back_free_memory()
now = next((int(line.split()[1]) / 1024 for line in open("/proc/self/status") if line.startswith("VmRSS")), 0.0)
print(json.dumps({"latency_ms": lat, "answers": answers[: len(questions)], "rss_mb": now,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_CHILD_WRITE = """
import json, sys, time
from pathlib import Path
from assistant.engine import Assistant
from assistant.settings import Settings
settings = Settings().model_copy(update={"corpus": Path(sys.argv[2])})
assistant = Assistant.open(corpus=None, index=sys.argv[1], settings=settings)
assistant.warm()  # as a service does before it says it is ready
add, delete = [], []
for i in range(int(sys.argv[3])):
    text = (f"The council of district {i} said on Tuesday that the harbour bridge will reopen in May. "
            f"Engineers found {i + 3} cracks in the main span, the transport ministry said. Ferries will run meanwhile.")
    t = time.perf_counter(); assistant.put_article(assistant.new_article(f"bench-write-{i}", text))
    add.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter(); assistant.delete_article(f"bench-write-{i}")
    delete.append((time.perf_counter() - t) * 1000)
print(json.dumps({"add_ms": add, "delete_ms": delete}))
"""

_CHILD_BASELINE = """
import json, sys, time, resource
from pathlib import Path
from assistant.offline import go_offline
go_offline()
import chromadb
from chromadb.config import Settings as CS
from llama_index.core import Document, StorageContext, VectorStoreIndex
from llama_index.core.node_parser import SentenceSplitter
from llama_index.vector_stores.chroma import ChromaVectorStore
from assistant.ingest.embed import OnnxEmbedding, OnnxSentenceEncoder, source_model_files
from assistant.ingest.load import load_corpus
from assistant.settings import MINILM_SHA256
encoder = OnnxSentenceEncoder(*source_model_files(), MINILM_SHA256)  # DESIGN.md §5's package, as it ships
articles = load_corpus([Path(sys.argv[2])])
client = chromadb.PersistentClient(path=sys.argv[1], settings=CS(anonymized_telemetry=False))
col = client.get_or_create_collection("baseline", embedding_function=None)
t0 = time.perf_counter()
index = VectorStoreIndex.from_documents(
    [Document(text=a.text, id_=a.doc_id) for a in articles],
    storage_context=StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=col)),
    embed_model=OnnxEmbedding(encoder), transformations=[SentenceSplitter(tokenizer=encoder.tokenizer_fn())],
)
t1 = time.perf_counter()
retriever = index.as_retriever(similarity_top_k=2)
retriever.retrieve("warm up")
lat = []
for q in json.loads(sys.argv[3]) * 3:
    t = time.perf_counter(); retriever.retrieve(q); lat.append((time.perf_counter() - t) * 1000)
print(json.dumps({"ingest_s": t1 - t0, "latency_ms": lat, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# Chroma alone, embedded, on the same folder: every collection opened and searched once, nothing of
# ours loaded. What the serving process holds beyond this is the assistant's own.
_CHILD_CHROMA = """
import json, sys
from assistant.offline import go_offline
go_offline()
import chromadb
from chromadb.config import Settings as CS
client = chromadb.PersistentClient(path=sys.argv[1], settings=CS(anonymized_telemetry=False))
for listed in client.list_collections():
    col = client.get_collection(listed.name, embedding_function=None)
    sample = col.get(limit=1, include=["embeddings"])["embeddings"]
    if len(sample):
        col.query(query_embeddings=[list(sample[0])], n_results=1)
now = next((int(line.split()[1]) / 1024 for line in open("/proc/self/status") if line.startswith("VmRSS")), 0.0)
print(json.dumps({"rss_mb": now}))
"""

_CHILD_COLD = """
import sys, time
from assistant.engine import Assistant
assistant = Assistant.open(corpus=sys.argv[2] if sys.argv[2] != "-" else None, index=sys.argv[1])
assistant.ask("Who claimed responsibility for the attacks?")
print("answered")
"""


def _child(code: str, *args: str, cwd: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    import os

    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 2)


@dataclass
class SizeResult:
    size: int
    articles: int = 0
    sentences: int = 0
    ingest_s: float = 0.0
    articles_per_s: float = 0.0
    sentences_per_s: float = 0.0
    embed_only_s: float = 0.0
    ingest_over_embedding: float = 0.0
    query_p50_ms: float = 0.0
    query_p95_ms: float = 0.0
    serving_rss_mb: float = 0.0  # peak
    serving_rss_now_mb: float = 0.0  # after the questions, freed pages handed back
    server_app_rss_mb: float = 0.0  # the same questions with the index on a `chroma run` server: the app
    server_rss_mb: float = 0.0  # and the Chroma server
    chroma_alone_rss_mb: float = 0.0  # a bare embedded Chroma process that opened and searched the same folder
    ingest_rss_mb: float = 0.0
    correct: float = 0.0
    unchanged_vs_seed: float = 0.0
    baseline_ingest_s: float = 0.0
    baseline_p50_ms: float = 0.0
    baseline_p95_ms: float = 0.0
    ingest_ratio: float = 0.0  # ours / baseline: the median over back-to-back pairs of runs
    ingest_pairs: int = 1  # how many such pairs (the host's speed drifts between runs)
    ingest_ratio_min: float = 0.0
    ingest_ratio_max: float = 0.0
    rules_only_ingest_s: float = 0.0  # the same ingest with ASSISTANT_LABEL_REVIEW=false (no learned second opinion)
    rules_only_ratio: float = 0.0  # that / baseline
    query_ratio: float = 0.0  # ours / baseline (p50)


@dataclass
class BenchResult:
    machine: dict[str, str]
    sizes: list[SizeResult] = field(default_factory=list)
    cold_start_s: dict[str, float] = field(default_factory=dict)
    http: list[dict[str, float]] = field(default_factory=list)
    segmentation: dict[str, float] = field(default_factory=dict)
    writes: dict[str, float] = field(default_factory=dict)  # add / delete one article in the largest archive
    synthetic_note: str = (
        "Archives beyond the seed corpus are synthetic: deterministic template articles (assistant/evaluation/archive.py) "
        "with attribution cues, names, numbers and dates, plus the seed article."
    )


def _questions(root: Path) -> tuple[list[str], list[list[str]]]:
    from assistant.evaluation.evaluate import load_evalset

    cases = [c for c in load_evalset(root / "evals" / "aktobe.jsonl") if c.answerable and not c.history][:20]
    return [c.question for c in cases], [c.facts for c in cases]


def segmentation_speed(chars: int = 1_000_000) -> dict[str, float]:
    """Seconds to split one single-line article of ``chars`` characters (no paragraph breaks)."""
    from assistant.ingest.segment import split_sentences
    from assistant.types import Article

    sentence = "The council said on Tuesday that the harbour bridge will reopen in May. "
    text = (sentence * (chars // len(sentence) + 1))[:chars]
    start = time.perf_counter()
    found = split_sentences(Article(doc_id="long", text=text, content_hash="long"))
    return {"chars": float(chars), "sentences": float(len(found)), "seconds": round(time.perf_counter() - start, 3)}


def run_bench(sizes: list[int], root: Path, pairs: int = 1) -> BenchResult:
    """Every figure for each archive size; ``pairs``: how many times our ingest and the baseline's
    run back to back on archives beyond the seed (the ratio reported is the median of the pairs':
    on a shared host one run of each misleads by 10-15%)."""
    import re

    from assistant.evaluation.archive import write_archive
    from assistant.ingest.embed import cores

    questions, facts = _questions(root)
    result = BenchResult(machine={"python": platform.python_version(), "machine": platform.machine(),
                                  "processor": platform.processor() or "unknown", "cpus": str(cores())})
    seed_quotes: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            corpus = write_archive(work / f"archive-{size}", size, root / SEED_ARTICLE)
            index = work / f"index-{size}"
            ingest = _child(_CHILD_INGEST, str(index), str(corpus), cwd=root)
            base = _child(_CHILD_BASELINE, str(work / f"baseline-{size}"), str(corpus), json.dumps(questions), cwd=root)
            runs = [(ingest["ingest_s"], base["ingest_s"])]
            for n in range(1, pairs if size > 1 else 1):
                again = _child(_CHILD_INGEST, str(work / f"index-{size}-{n}"), str(corpus), cwd=root)
                again_base = _child(_CHILD_BASELINE, str(work / f"baseline-{size}-{n}"), str(corpus), json.dumps(questions), cwd=root)
                runs.append((again["ingest_s"], again_base["ingest_s"]))
            serve = _child(_CHILD_SERVE, str(index), json.dumps(questions), cwd=root)
            rules = _child(_CHILD_INGEST, str(work / f"rules-{size}"), str(corpus), cwd=root, env={"ASSISTANT_LABEL_REVIEW": "false"})
            answers = serve["answers"]
            correct = [a["answerable"] and all(re.search(f, a["answer"], re.I) for f in fs) for a, fs in zip(answers, facts)]
            quotes = [a["quotes"] for a in answers]
            if not seed_quotes:
                seed_quotes = quotes
            r = SizeResult(size=size, articles=ingest["articles"], sentences=ingest["sentences"])
            ours = statistics.median(o for o, _ in runs)
            r.ingest_s = round(ours, 2)
            r.articles_per_s = round(r.articles / max(ours, 1e-9), 1)
            r.sentences_per_s = round(r.sentences / max(ours, 1e-9), 1)
            r.embed_only_s = round(ingest["embed_only_s"], 2)
            r.ingest_over_embedding = round(ingest["ingest_s"] / max(ingest["embed_only_s"], 1e-9), 2)
            r.query_p50_ms, r.query_p95_ms = _pct(serve["latency_ms"], 0.5), _pct(serve["latency_ms"], 0.95)
            r.serving_rss_mb, r.ingest_rss_mb = round(serve["max_rss_mb"], 1), round(ingest["max_rss_mb"], 1)
            r.serving_rss_now_mb = round(serve["rss_mb"], 1)
            remote = _server_mode(root, index / "chroma", questions)
            r.server_app_rss_mb, r.server_rss_mb = remote["app_rss_mb"], remote["server_rss_mb"]
            r.chroma_alone_rss_mb = round(_child(_CHILD_CHROMA, str(index / "chroma"), cwd=root)["rss_mb"], 1)
            r.correct = round(sum(correct) / len(correct), 3)
            r.unchanged_vs_seed = round(sum(q == s for q, s in zip(quotes, seed_quotes)) / len(quotes), 3)
            r.baseline_ingest_s = round(statistics.median(b for _, b in runs), 2)
            r.baseline_p50_ms, r.baseline_p95_ms = _pct(base["latency_ms"], 0.5), _pct(base["latency_ms"], 0.95)
            ratios = [o / max(b, 1e-9) for o, b in runs]
            r.ingest_ratio = round(statistics.median(ratios), 2)
            r.ingest_pairs, r.ingest_ratio_min, r.ingest_ratio_max = len(runs), round(min(ratios), 2), round(max(ratios), 2)
            r.query_ratio = round(r.query_p50_ms / max(r.baseline_p50_ms, 1e-9), 2)
            r.rules_only_ingest_s = round(rules["ingest_s"], 2)
            r.rules_only_ratio = round(r.rules_only_ingest_s / max(r.baseline_ingest_s, 1e-9), 2)
            result.sizes.append(r)
        largest = max(sizes)
        written = _child(_CHILD_WRITE, str(work / f"index-{largest}"), str(work / "written"), str(WRITES), cwd=root)
        result.writes = {"archive": float(largest), "writes": float(WRITES),
                         "add_p50_ms": _pct(written["add_ms"], 0.5), "add_p95_ms": _pct(written["add_ms"], 0.95),
                         "delete_p50_ms": _pct(written["delete_ms"], 0.5), "delete_p95_ms": _pct(written["delete_ms"], 0.95)}
        seed_index = work / f"index-{sizes[0]}"
        result.http = _http(root, seed_index, work / f"archive-{sizes[0]}", questions)
        result.cold_start_s["existing_index"] = _cold(root, seed_index, "-")
        result.cold_start_s["no_index"] = _cold(root, work / "cold-none", str(root / "corpus"))
    result.segmentation = segmentation_speed()
    return result


WRITES = 10  # articles added then deleted, one at a time, in the largest archive
HTTP_CLIENTS = (1, 8, 32)
HTTP_REQUESTS_PER_LEVEL = 96


def _http(root: Path, index: Path, corpus: Path, questions: list[str]) -> list[dict[str, float]]:
    """`python app.py` on a loopback port (no auth, no rate limit, no audit log); N concurrent clients
    each POST /api/v1/ask until HTTP_REQUESTS_PER_LEVEL requests are done; latency per request."""
    import os
    import socket
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASSISTANT_PORT": str(port), "ASSISTANT_INDEX_DIR": str(index), "ASSISTANT_CORPUS": str(corpus),
           "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0", "ASSISTANT_AUDIT_PATH": ""}
    server = subprocess.Popen([sys.executable, "app.py"], cwd=root, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    levels: list[dict[str, float]] = []
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.time() > deadline:
                raise RuntimeError("the HTTP benchmark's server did not start")
            time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=120) as warm:
            warm.post("/api/v1/ask", json={"question": "warm up"})
        for clients in HTTP_CLIENTS:
            jobs = [questions[i % len(questions)] for i in range(HTTP_REQUESTS_PER_LEVEL)]

            def one(question: str, client: httpx.Client) -> tuple[float, bool]:
                started = time.perf_counter()
                try:
                    ok = client.post("/api/v1/ask", json={"question": question}).status_code == 200
                except httpx.HTTPError:
                    ok = False
                return (time.perf_counter() - started) * 1000, ok

            limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
            with httpx.Client(base_url=base, timeout=120, limits=limits) as client, ThreadPoolExecutor(clients) as pool:
                started = time.perf_counter()
                results = list(pool.map(lambda q: one(q, client), jobs))
                wall = time.perf_counter() - started
            latencies = [ms for ms, _ in results]
            levels.append({"clients": clients, "requests": len(jobs), "p50_ms": _pct(latencies, 0.5),
                           "p95_ms": _pct(latencies, 0.95), "errors": sum(not ok for _, ok in results),
                           "requests_per_s": round(len(jobs) / wall, 1)})
    finally:
        server.terminate()
        server.wait(timeout=30)
    return levels


def _server_mode(root: Path, data: Path, questions: list[str]) -> dict[str, float]:
    """The serving child again with the same index served by `chroma run` (the embedded store's
    folder, which the server reads as is): the app's memory and the server's, apart."""
    from assistant.evaluation.processes import free_port, start_chroma

    port = free_port()
    server = start_chroma(data, port)
    try:
        env = {"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(port)}
        app = _child(_CHILD_SERVE, str(data.parent), json.dumps(questions), cwd=root, env=env)
        return {"app_rss_mb": round(app["rss_mb"], 1), "server_rss_mb": round(_tree_rss_mb(server.pid), 1)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc; 0 elsewhere)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS")), 0.0)
        todo += [int(c) for c in children]
    return total


def _cold(root: Path, index: Path, corpus: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD_COLD, str(index), corpus], cwd=root, capture_output=True, text=True)
    if "answered" not in done.stdout:
        raise RuntimeError(f"cold start failed: {done.stderr[-2000:]}")
    return round(time.perf_counter() - started, 2)


COLUMNS = ("size", "articles", "sentences", "ingest_s", "articles_per_s", "sentences_per_s", "embed_only_s",
           "ingest_over_embedding", "query_p50_ms", "query_p95_ms", "serving_rss_mb", "serving_rss_now_mb",
           "server_app_rss_mb", "server_rss_mb", "chroma_alone_rss_mb", "ingest_rss_mb", "correct",
           "unchanged_vs_seed", "baseline_ingest_s", "baseline_p50_ms", "baseline_p95_ms", "ingest_ratio", "ingest_pairs",
           "ingest_ratio_min", "ingest_ratio_max", "query_ratio", "rules_only_ingest_s", "rules_only_ratio")


def write_bench(out: Path, result: BenchResult) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    data = asdict(result)
    (out / "report.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    _chart(out / "latency_ingest.png", result)
    lines = ["# Benchmark", "", result.synthetic_note, "",
             f"Machine: {result.machine}. Questions: the first 20 single-turn answerable questions of evals/aktobe.jsonl, "
             "each asked three times; latency in-process around `ask` (baseline: llama-index `retrieve`, top-2).", "",
             "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(f"{getattr(r, c):g}" for c in COLUMNS) + " |" for r in result.sizes]
    lines += memory_growth(result.sizes)
    lines += ["", f"Cold start to first answer: {result.cold_start_s.get('existing_index')} s with an existing index, "
              f"{result.cold_start_s.get('no_index')} s with none (ingesting the seed corpus).", "",
              "HTTP (seed corpus, `POST /api/v1/ask` over 127.0.0.1 to `python app.py`, "
              f"{HTTP_REQUESTS_PER_LEVEL} requests per level, client threads on the same machine):", "",
              "| clients | requests | p50_ms | p95_ms | errors | requests_per_s |", "|---|---|---|---|---|---|"]
    lines += [f"| {h['clients']:g} | {h['requests']:g} | {h['p50_ms']:g} | {h['p95_ms']:g} | {h['errors']:g} | "
              f"{h['requests_per_s']:g} |" for h in result.http]
    seg = result.segmentation
    if seg:
        lines += ["", f"Segmentation of one single-line article of {seg['chars']:,.0f} characters "
                  f"({seg['sentences']:,.0f} sentences): {seg['seconds']:g} s."]
    w = result.writes
    if w:
        lines += ["", f"Writes into the {w['archive']:,.0f}-article archive ({w['writes']:g} articles added, then deleted, "
                  "one at a time, through `Assistant.put_article` / `delete_article`, each answerable or gone on return): "
                  f"add p50 {w['add_p50_ms']:g} ms, p95 {w['add_p95_ms']:g} ms; "
                  f"delete p50 {w['delete_p50_ms']:g} ms, p95 {w['delete_p95_ms']:g} ms."]
    lines += ["", "![latency and ingest time against archive size](latency_ingest.png)", ""]
    path = out / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


#: Memory figures whose growth with the archive the report states (issue 17's targets read them).
GROWTH = (("serving_rss_mb", "serving process, embedded store (peak)"),
          ("chroma_alone_rss_mb", "a bare embedded Chroma process on the same folder"),
          ("server_app_rss_mb", "the app with the index on a Chroma server"),
          ("server_rss_mb", "that Chroma server"))


def memory_growth(sizes: list[SizeResult]) -> list[str]:
    """How much each memory figure grows per 1,000 articles between the two largest archives."""
    ordered = sorted(sizes, key=lambda r: r.articles)
    if len(ordered) < 2 or ordered[-1].articles - ordered[-2].articles < 500:
        return []
    small, large = ordered[-2], ordered[-1]
    per = 1000 / (large.articles - small.articles)
    lines = ["", f"Memory growth per 1,000 articles, between {small.articles:,} and {large.articles:,} articles:", ""]
    lines += [f"- {what}: {(getattr(large, key) - getattr(small, key)) * per:.1f} MB" for key, what in GROWTH]
    return lines


def _chart(path: Path, result: BenchResult) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r.articles for r in result.sizes]
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    a.plot(sizes, [r.query_p50_ms for r in result.sizes], "o-", label="assistant p50")
    a.plot(sizes, [r.query_p95_ms for r in result.sizes], "o--", label="assistant p95")
    a.plot(sizes, [r.baseline_p50_ms for r in result.sizes], "s-", label="llama-index default p50")
    a.set_xscale("log"); a.set_yscale("log"); a.set_xlabel("articles"); a.set_ylabel("ms per question"); a.legend(fontsize=8)
    b.plot(sizes, [r.ingest_s for r in result.sizes], "o-", label="assistant ingest")
    b.plot(sizes, [r.embed_only_s for r in result.sizes], "o--", label="embedding model alone")
    b.plot(sizes, [r.baseline_ingest_s for r in result.sizes], "s-", label="llama-index default ingest")
    b.set_xscale("log"); b.set_yscale("log"); b.set_xlabel("articles"); b.set_ylabel("seconds"); b.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
