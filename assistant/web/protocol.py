"""HTTP/1.1 as uvicorn's h11 protocol speaks it, except that a request too malformed to reach the
app (a Content-Length that is not a number, a broken request line) is also answered in the one
error shape, as JSON, instead of uvicorn's plain text."""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class JsonErrorH11Protocol(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        body = json.dumps({
            "error": "InvalidRequest",
            "message": f"The HTTP request is malformed: {msg}",
            "hint": "Send a well-formed HTTP/1.1 request: a numeric Content-Length (or chunked encoding) and valid headers.",
        }).encode("utf-8")
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode("ascii")),
            (b"x-content-type-options", b"nosniff"),
            (b"connection", b"close"),
        ]
        self.transport.write(self.conn.send(h11.Response(status_code=400, headers=headers, reason=b"Bad Request")))
        self.transport.write(self.conn.send(h11.Data(data=body)))
        self.transport.write(self.conn.send(h11.EndOfMessage()))
        self.transport.close()
