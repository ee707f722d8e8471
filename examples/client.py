"""Call the newsroom assistant's REST API from Python (httpx; `requests` works the same way).

    ASSISTANT_URL=http://127.0.0.1:7860 ASSISTANT_TOKEN=... python examples/client.py "How many people died?"

Prints the answer section by section, each point with its provenance label and the exact quote
it rests on; ``--stream`` prints the partial text as server-sent events arrive.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import httpx


def connect(url: str, token: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=url.rstrip("/"), headers=headers, timeout=60)


def ask(api: httpx.Client, question: str, history: list[str]) -> dict:
    reply = api.post("/api/v1/ask", json={"question": question, "history": history})
    if reply.status_code != 200:  # every error has the same shape: error, message, hint
        error = reply.json()
        raise SystemExit(f"{error['error']}: {error['message']}\nhint: {error['hint']}")
    return reply.json()


def ask_streaming(api: httpx.Client, question: str, history: list[str]) -> dict:
    with api.stream("POST", "/api/v1/ask/stream", json={"question": question, "history": history}) as reply:
        if reply.status_code != 200:
            error = json.loads(reply.read())
            raise SystemExit(f"{error['error']}: {error['message']}\nhint: {error['hint']}")
        event = ""
        for line in reply.iter_lines():
            if line.startswith("event: "):
                event = line[len("event: "):]
            elif line.startswith("data: "):
                data = json.loads(line[len("data: "):])
                if event == "partial":
                    print(f"... {data['text'].splitlines()[-1]}", file=sys.stderr)
                elif event == "answer":
                    return data
    raise SystemExit("The stream ended without an answer.")


def show(answer: dict) -> None:
    if not answer["answerable"]:
        print(answer["answer"])
        return
    quotes = {c["id"]: c for c in answer["citations"]}
    for section in answer["sections"]:
        print(f"== {section['title']} ==")
        for point in section["points"]:
            print(f"- {point['text']}")
            for number in point["citations"]:
                c = quotes[number]
                print(f"    [{number}] {c['label']}, {c['attributed_to']}: {c['doc_id']} chars {c['start']}-{c['end']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question")
    parser.add_argument("--history", action="append", default=[], help="an earlier question, oldest first")
    parser.add_argument("--stream", action="store_true")
    args = parser.parse_args()
    with connect(os.environ.get("ASSISTANT_URL", "http://127.0.0.1:7860"), os.environ.get("ASSISTANT_TOKEN")) as api:
        answer = (ask_streaming if args.stream else ask)(api, args.question, args.history)
    show(answer)


if __name__ == "__main__":
    main()
