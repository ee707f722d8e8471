"""Child processes of the benchmarks, the soak and the tests: a free port, a service that is up,
a real `chroma run` on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 180) -> None:
    """Return once ``url`` answers 200; raise if ``proc`` exits or ``seconds`` pass first."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def start_chroma(data: Path, port: int) -> subprocess.Popen:
    """The chroma CLI that ships with the chromadb package, serving ``data`` on 127.0.0.1:``port``."""
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(chroma), "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(data)],
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, 60)
    except RuntimeError:
        proc.terminate()
        raise
    return proc
