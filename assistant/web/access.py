"""Who is asking, may they, and the record of it: authentication, rate limits, the audit log.

Pure of any web framework: the API passes in headers and the peer address and translates the
errors. Tokens are compared in constant time and never written anywhere; users signed in by the
reverse proxy are believed only when the request comes from one of the trusted proxies.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from assistant.errors import AuthRequired, ConfigError, PermissionDenied, RateLimited
from assistant.settings import Role, Settings


@dataclass(frozen=True)
class Principal:
    """An authenticated caller: a name for the audit log and their rights."""

    user: str
    role: Role
    via: str  # "token", "proxy" or "open" (authentication is off)


def auth_enabled(settings: Settings) -> bool:
    return bool(settings.api_tokens or settings.proxy_user_header)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(settings: Settings) -> None:
    """Refuse to serve a network without authentication unless told that a proxy does it."""
    if not auth_enabled(settings) and not is_loopback(settings.host) and not settings.allow_anonymous:
        raise ConfigError(
            f"Serving on {settings.host} with no authentication would open the API (including writes) to the network.",
            "Set ASSISTANT_API_TOKENS and/or ASSISTANT_PROXY_USER_HEADER, or ASSISTANT_ALLOW_ANONYMOUS=true "
            "if a reverse proxy in front already authenticates every request.",
        )
    if settings.proxy_user_header and not settings.trusted_proxies:
        raise ConfigError(
            f"ASSISTANT_PROXY_USER_HEADER={settings.proxy_user_header} is set but no proxy is trusted to send it, "
            "so every caller could claim to be any user.",
            "Set ASSISTANT_TRUSTED_PROXIES to your reverse proxy's address (e.g. 10.0.0.5), or unset the header.",
        )


def _trusted(address: str | None, networks: list[str]) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for net in networks:
        try:
            if ip in ipaddress.ip_network(net, strict=False):
                return True
        except ValueError:
            continue
    return False


def token_user(token: str) -> str:
    """A stable, non-secret name for a token in logs."""
    return "token:" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:10]


def authenticate(settings: Settings, headers: Mapping[str, str], peer: str | None) -> Principal:
    """The caller of a request, from its bearer token or its trusted proxy header."""
    if not auth_enabled(settings):
        return Principal(user=f"anonymous@{peer or '-'}", role="write", via="open")
    authorization = headers.get("authorization", "")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise AuthRequired("The Authorization header must read 'Bearer <token>'.", "Send the API token you were given.")
        for known, role in settings.api_tokens.items():
            if hmac.compare_digest(known.encode("utf-8"), token.encode("utf-8")):
                return Principal(user=token_user(known), role=role, via="token")
        raise AuthRequired("The bearer token is not valid.", "Check the token, or ask the maintainer for a new one.")
    header = settings.proxy_user_header
    user = headers.get(header.lower(), "").strip() if header else ""
    if user:
        if not _trusted(peer, settings.trusted_proxies):
            raise AuthRequired(
                f"The {header} header came from {peer}, which is not a trusted proxy.",
                "Sign in through the intranet's proxy; maintainers: list the proxy in ASSISTANT_TRUSTED_PROXIES.",
            )
        return Principal(user=user[:200], role=settings.proxy_user_role, via="proxy")
    raise AuthRequired(
        "This service needs authentication.",
        "Send 'Authorization: Bearer <token>'"
        + (f", or come through the intranet's sign-in proxy ({header})." if header else "."),
    )


def require_write(principal: Principal) -> None:
    if principal.role != "write":
        raise PermissionDenied(
            f"{principal.user} may read but not change the articles.", "Use a token with write rights (TOKEN:write)."
        )


class RateLimiter:
    """At most ``per_minute`` requests per client in any sliding minute (0: unlimited)."""

    def __init__(self, per_minute: int, clock: Any = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str, count: bool = True, what: str = "requests",
              setting: str = "ASSISTANT_RATE_LIMIT_PER_MINUTE") -> None:
        """Raise RateLimited if ``client`` used up its minute; else count this one (``count``)."""
        if self.per_minute <= 0:
            return
        now = self._clock()
        with self._lock:
            window = self._seen.setdefault(client, deque())
            while window and now - window[0] >= 60.0:
                window.popleft()
            if len(window) >= self.per_minute:
                retry = max(1, int(60.0 - (now - window[0])) + 1)
                error = RateLimited(
                    f"More than {self.per_minute} {what} in a minute from {client}.",
                    f"Wait {retry} s and try again; maintainers can raise {setting}.",
                )
                error.retry_after = retry  # type: ignore[attr-defined]
                raise error
            if count:
                window.append(now)


def authenticate_limited(settings: Settings, headers: Mapping[str, str], peer: str | None,
                         failures: RateLimiter) -> Principal:
    """:func:`authenticate`, with failed attempts limited per address: past the limit the address
    gets 429 before any token is even compared, so guessing tokens cannot go fast."""
    address = peer or "-"
    failures.check(address, count=False, what="failed sign-ins", setting="ASSISTANT_AUTH_FAILURES_PER_MINUTE")
    try:
        return authenticate(settings, headers, peer)
    except AuthRequired:
        failures.check(address, what="failed sign-ins", setting="ASSISTANT_AUTH_FAILURES_PER_MINUTE")
        raise


def question_hash(question: str) -> str:
    """Lets the audit log link repeated questions without storing what was asked."""
    return hashlib.sha256(question.encode("utf-8")).hexdigest()[:16]


class AuditLog:
    """Appends one JSON line per request: time, user, endpoint, question hash, answerable, latency."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.open("a", encoding="utf-8").close()
            except OSError as exc:
                raise ConfigError(
                    f"Cannot write the audit log {path}: {exc.strerror}.",
                    "Point ASSISTANT_AUDIT_PATH at a writable file, or set it empty to turn the log off.",
                ) from exc

    def write(self, **fields: Any) -> None:
        if self.path is None:
            return
        line = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), **fields}
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
