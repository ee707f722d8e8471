"""Ingest and ask open no network connection and import no telemetry path that phones home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

# Runs in a fresh interpreter: an audit hook records every socket connection and DNS lookup
# made while the real CLI ingests the corpus and answers a question.
PROBE = r"""
import json, socket, sys
events = []
def hook(event, args):
    if event == "socket.connect":
        sock, address = args[0], args[1]
        if sock.family != socket.AF_UNIX:
            events.append([event, repr(address)])
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        events.append([event, repr(args[:2])])
sys.addaudithook(hook)
from assistant.cli import main
codes = [
    main(["--index", sys.argv[1], "ingest", sys.argv[2]]),
    main(["--index", sys.argv[1], "--corpus", sys.argv[2], "ask", "Who claimed responsibility for the attacks?", "--json"]),
]
print("EVENTS=" + json.dumps({"codes": codes, "events": events}))
"""


@pytest.mark.parametrize("judge", ["false", "true"], ids=["default", "answer-judge"])
def test_ingest_and_ask_open_no_outbound_connection(tmp_path: Path, judge: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "index"), str(CORPUS)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "ASSISTANT_ANSWER_JUDGE": judge},
    )
    assert done.returncode == 0, done.stderr
    line = next(l for l in done.stdout.splitlines() if l.startswith("EVENTS="))
    result = json.loads(line.removeprefix("EVENTS="))
    assert result["codes"] == [0, 0]
    assert result["events"] == []


def test_importing_the_package_changes_no_environment() -> None:
    code = "import os; before = dict(os.environ); import assistant; print(before == dict(os.environ))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True"
