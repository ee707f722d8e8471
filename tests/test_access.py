"""Access rules on their own: who a request is, what they may do, how often, and serving safely."""

from __future__ import annotations

import pytest

from assistant.errors import AuthRequired, ConfigError, PermissionDenied, RateLimited
from assistant.settings import Settings
from assistant.web.access import (
    RateLimiter,
    authenticate,
    check_exposure,
    require_write,
    token_user,
)

from .conftest import run_cli

SECURED = Settings(api_tokens={"w-token": "write", "r-token": "read"}, proxy_user_header="X-Forwarded-User",
                   trusted_proxies=["10.1.0.0/16", "192.0.2.7"])


def test_without_configured_auth_everyone_on_loopback_may_read_and_write() -> None:
    caller = authenticate(Settings(), {}, "127.0.0.1")
    assert caller.via == "open" and caller.role == "write"


@pytest.mark.parametrize(
    "headers, peer, user, role",
    [
        ({"authorization": "Bearer w-token"}, "203.0.113.9", token_user("w-token"), "write"),
        ({"authorization": "bearer r-token"}, "203.0.113.9", token_user("r-token"), "read"),
        ({"x-forwarded-user": "a.reporter"}, "10.1.4.2", "a.reporter", "read"),
        ({"x-forwarded-user": "b.editor"}, "192.0.2.7", "b.editor", "read"),
    ],
)
def test_tokens_and_trusted_proxies_sign_callers_in(headers, peer, user, role) -> None:
    caller = authenticate(SECURED, headers, peer)
    assert (caller.user, caller.role) == (user, role)


@pytest.mark.parametrize(
    "headers, peer, says",
    [
        ({}, "10.1.4.2", "needs authentication"),
        ({"authorization": "Bearer nope"}, "10.1.4.2", "not valid"),
        ({"authorization": "Basic dXNlcjpwYXNz"}, "10.1.4.2", "must read 'Bearer"),
        ({"x-forwarded-user": "a.reporter"}, "10.2.0.1", "not a trusted proxy"),
        ({"x-forwarded-user": "a.reporter"}, None, "not a trusted proxy"),
    ],
)
def test_missing_wrong_or_forged_credentials_are_refused(headers, peer, says) -> None:
    with pytest.raises(AuthRequired, match=says) as caught:
        authenticate(SECURED, headers, peer)
    assert caught.value.hint


def test_a_read_token_cannot_write() -> None:
    with pytest.raises(PermissionDenied, match="may read but not change"):
        require_write(authenticate(SECURED, {"authorization": "Bearer r-token"}, "127.0.0.1"))


def test_tokens_from_the_environment_are_comma_separated_with_rights(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_API_TOKENS", "alpha:write, beta:read,gamma")
    monkeypatch.setenv("ASSISTANT_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2")
    settings = Settings()
    assert settings.api_tokens == {"alpha": "write", "beta": "read", "gamma": "read"}
    assert settings.trusted_proxies == ["10.0.0.1", "10.0.0.2"]


def test_the_rate_limit_is_a_sliding_minute_per_client() -> None:
    now = [0.0]
    limiter = RateLimiter(3, clock=lambda: now[0])
    for _ in range(3):
        limiter.check("alice")
    with pytest.raises(RateLimited) as caught:
        limiter.check("alice")
    assert caught.value.retry_after == 61  # type: ignore[attr-defined]
    limiter.check("bob")  # another client has its own minute
    now[0] = 30.0
    with pytest.raises(RateLimited):
        limiter.check("alice")
    now[0] = 60.0
    limiter.check("alice")  # the first three requests have left the window
    RateLimiter(0).check("anyone")  # 0 turns the limit off


def test_serving_the_network_without_auth_is_refused_unless_a_proxy_authenticates() -> None:
    with pytest.raises(ConfigError, match="no authentication"):
        check_exposure(Settings(host="0.0.0.0"))
    check_exposure(Settings(host="0.0.0.0", allow_anonymous=True))
    check_exposure(Settings(host="0.0.0.0", api_tokens={"t": "read"}))
    check_exposure(Settings(host="::1"))


def test_a_proxy_user_header_is_believed_from_no_one_until_a_proxy_is_named() -> None:
    assert Settings().trusted_proxies == []
    with pytest.raises(ConfigError, match="no proxy is trusted") as refused:
        check_exposure(Settings(proxy_user_header="X-Forwarded-User"))
    assert "ASSISTANT_TRUSTED_PROXIES" in refused.value.hint
    check_exposure(Settings(proxy_user_header="X-Forwarded-User", trusted_proxies=["10.0.0.5"]))


def test_the_cli_says_why_it_will_not_serve_an_open_api_on_the_network() -> None:
    done = run_cli("serve", "--host", "0.0.0.0", env={"ASSISTANT_API_TOKENS": "", "ASSISTANT_PROXY_USER_HEADER": ""})
    assert done.returncode == 10
    assert "no authentication" in done.stderr and "ASSISTANT_API_TOKENS" in done.stderr
