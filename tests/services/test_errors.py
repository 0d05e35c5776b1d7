"""Every domain error maps to one user message with the right action."""

from __future__ import annotations

import pytest

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    InvalidState,
    NetworkError,
    NotFound,
    ProtocolError,
    RateLimited,
    Rejected,
    ServerError,
    Timeout,
    Unsupported,
)
from campaign_gui.domain.redaction import register_secret
from campaign_gui.services.errors import ErrorKind, describe_error
from campaign_gui.storage.secrets import KeyringLocked


@pytest.mark.parametrize(("error", "kind", "retry"), [
    (AuthError("bad key", status=401), ErrorKind.AUTH, False),
    (Forbidden("no scope", status=403), ErrorKind.FORBIDDEN, False),
    (NotFound("gone", status=404), ErrorKind.NOT_FOUND, False),
    (RateLimited(retry_after=7.5), ErrorKind.RATE_LIMITED, True),
    (ServerError("boom", status=503), ErrorKind.RETRYABLE, True),
    (NetworkError("refused"), ErrorKind.RETRYABLE, True),
    (Timeout("slow"), ErrorKind.RETRYABLE, True),
    (ProtocolError("html"), ErrorKind.RETRYABLE, True),
    (Rejected("bad phone"), ErrorKind.REJECTED, False),
    (InvalidState("not pending"), ErrorKind.REJECTED, False),
    (Unsupported("cannot"), ErrorKind.UNSUPPORTED, False),
    (KeyringLocked("The keyring is locked."), ErrorKind.SECRET, False),
    (RuntimeError("oops"), ErrorKind.INTERNAL, False),
])
def test_kinds_and_retry(error: Exception, kind: ErrorKind, retry: bool) -> None:
    described = describe_error(error)
    assert described.kind is kind
    assert described.can_retry is retry
    assert described.title and described.message


def test_rate_limit_keeps_the_wait() -> None:
    assert describe_error(RateLimited(retry_after=12.0)).retry_after == 12.0


def test_server_error_names_the_status() -> None:
    assert "503" in describe_error(ServerError("x", status=503)).message


def test_provider_words_are_kept_but_redacted() -> None:
    register_secret("sk_live_topsecret_123456")
    described = describe_error(Rejected("key sk_live_topsecret_123456 refused: phone invalid"))
    assert "phone invalid" in described.message
    assert "sk_live_topsecret_123456" not in described.message


def test_internal_errors_do_not_leak_their_text() -> None:
    described = describe_error(RuntimeError("token=abc123 in some internal detail"))
    assert "abc123" not in described.message
    assert "RuntimeError" in described.message
