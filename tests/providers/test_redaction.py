"""Secrets never leak: domain/redaction.py units, then every provider run with faults at DEBUG logging."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from campaign_gui.domain import redaction
from campaign_gui.domain.errors import ProviderError
from campaign_gui.domain.models import ProviderId, UploadRow
from campaign_gui.domain.redaction import (
    MASK,
    RedactingFilter,
    install_log_redaction,
    redact,
    register_secret,
    strip_query,
)
from campaign_gui.providers import make_provider, provider_info

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJTSzEyMyIsInJlc3RfYXBpIjp0cnVlfQ.c2lnbmF0dXJlLWJ5dGVz"


# -- units ----------------------------------------------------------------------------------------

def test_registered_secret_is_masked_everywhere_in_text() -> None:
    register_secret("unit-secret-aa11bb22")
    text = redact("key=unit-secret-aa11bb22 and again unit-secret-aa11bb22!")
    assert "unit-secret-aa11bb22" not in text
    assert text.count(MASK) == 2


def test_longer_secret_wins_over_its_prefix() -> None:
    register_secret("prefix-secret-01")
    register_secret("prefix-secret-01-longer-tail")
    assert redact("x prefix-secret-01-longer-tail y") == f"x {MASK} y"


def test_short_or_empty_secrets_are_ignored() -> None:
    register_secret("")
    register_secret(None)
    register_secret("abc")  # too short: would mask ordinary words
    assert redact("abc abcdef") == "abc abcdef"


def test_secret_with_regex_characters() -> None:
    register_secret("a.b*c+d?(e)[f]")
    assert redact("see a.b*c+d?(e)[f] here") == f"see {MASK} here"
    assert redact("see aXbbbcd here") == "see aXbbbcd here"


@pytest.mark.parametrize("url", [
    "https://app.sms.by/api/v2/importContacts?token=abc123&list_id=5",
    "https://x.test/a?list_id=5&token=abc123",
    "https://x.test/a?access_token=abc123",
    "https://x.test/a?api-key=abc123#frag",
    "https://x.test/a?API_KEY=abc123",
])
def test_query_secrets_are_masked(url: str) -> None:
    text = redact(f"GET {url} failed")
    assert "abc123" not in text
    assert MASK in text


def test_strip_query() -> None:
    assert strip_query("https://x.test/a/b?token=1&x=2#f") == "https://x.test/a/b"
    assert strip_query("https://x.test/a#f?x") == "https://x.test/a"
    assert strip_query("https://x.test/a") == "https://x.test/a"


def test_bearer_and_jwt_masking() -> None:
    assert redact("Authorization: Bearer sk_live_zz99") == f"Authorization: Bearer {MASK}"
    assert redact("authorization: bearer abc.def-ghi") == f"authorization: bearer {MASK}"
    text = redact(f"X-STRINGEE-AUTH: {JWT}")
    assert JWT not in text and "eyJ" not in text


def test_plain_text_is_untouched() -> None:
    sample = "Cellcast rejected the batch: contact[1] error : phone_number empty"
    assert redact(sample) == sample
    assert redact("") == ""


def test_filter_redacts_args_and_exc_info() -> None:
    register_secret("filter-secret-77aa")
    try:
        raise RuntimeError("boom with filter-secret-77aa")
    except RuntimeError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "call %s failed", ("filter-secret-77aa",),
                                   sys.exc_info())
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == f"call {MASK} failed"
    assert record.exc_info is None
    assert record.exc_text is not None and "boom with" in record.exc_text
    assert "filter-secret-77aa" not in record.exc_text


def test_filter_survives_a_bad_format_string() -> None:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "%d items %s", ("x",), None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "%d items %s"


def test_record_factory_redacts_for_every_handler(tmp_path: Path) -> None:
    install_log_redaction()
    install_log_redaction()  # idempotent
    register_secret("factory-secret-3c3c")
    log_file = tmp_path / "log.txt"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("test.redaction.factory")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("token %s", "factory-secret-3c3c")
        try:
            raise ValueError(f"bad https://x.test/?token=factory-secret-3c3c {JWT}")
        except ValueError:
            logger.exception("request failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "request failed" in text and "ValueError" in text
    assert "factory-secret-3c3c" not in text
    assert JWT not in text


def test_install_quiets_httpx_loggers() -> None:
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    install_log_redaction()
    for name in ("httpx", "httpcore"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING


# -- every provider, with faults, at DEBUG ---------------------------------------------------------

PHONES = {
    ProviderId.STRINGEE: ["+84901230001", "+84901230002"],
    ProviderId.SMSBY: ["+375291230001", "+375291230002"],
    ProviderId.ALOHUB: ["+84901230003", "+84901230004"],
    ProviderId.CELLCAST: ["+61412300001", "+61412300002"],
    ProviderId.DYNMSG: ["+447712300001", "+447712300002"],
}
TARGETS: dict[ProviderId, dict[str, Any]] = {
    ProviderId.STRINGEE: {"campaign": "CA100001"},
    ProviderId.SMSBY: {"list": "101"},
    ProviderId.ALOHUB: {"campaign": "1042", "list_name": "Redaction test"},
    ProviderId.CELLCAST: {"list": ["Redaction test"], "tag": "audit"},
    ProviderId.DYNMSG: {"campaign": "new", "sender": "Audit", "message": "Redaction test",
                        "start": "2026-12-01T09:00:00Z"},
}
FAULTS: list[dict[str, Any]] = [
    {"action": "status", "status": 401},
    {"action": "status", "status": 500},
    {"action": "html", "status": 502},
    {"action": "html", "status": 200},
    {"action": "malformed"},
    {"action": "empty"},
    {"action": "reset"},
    {"action": "rate_limit", "retry_after": "3"},
]
_QUERY_LEAK = re.compile(r"(?i)[?&](?:token|access_token|api-key|api_key|key)=(?!\*\*\*)")
_JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")


def _tokens_held_by(obj: Any, depth: int = 0) -> set[str]:
    """Any JWT-looking string held by the client or its helpers (the Stringee minted token)."""
    found: set[str] = set()
    if depth > 3:
        return found
    attrs = getattr(obj, "__dict__", None)
    if not isinstance(attrs, dict):
        return found
    for value in attrs.values():
        if isinstance(value, str):
            found.update(_JWT_RE.findall(value))
        elif isinstance(value, (dict, list, tuple)):
            found.update(_JWT_RE.findall(repr(value)))
        elif not isinstance(value, (int, float, bool, type(None))) and type(value).__module__.startswith(
                "campaign_gui"):
            found |= _tokens_held_by(value, depth + 1)
    return found


@pytest.fixture
def debug_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[Path]:
    install_log_redaction()
    caplog.set_level(logging.DEBUG)
    log_file = tmp_path / "debug.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield log_file
    finally:
        root.removeHandler(handler)
        handler.close()


async def _exercise(client: Any, provider: ProviderId, texts: list[str], control: Any) -> None:
    info = provider_info(provider)
    caps = info.capabilities

    async def attempt(coro: Any) -> Any:
        try:
            return await coro
        except ProviderError as exc:
            texts.extend([str(exc), repr(exc), str(exc.detail or "")])
            logging.getLogger("test.redaction").exception("provider call failed")
            return None

    summary = await attempt(client.test_connection())
    assert isinstance(summary, str) and summary, f"{provider.value}: test_connection should succeed"
    texts.append(summary)
    if caps.list_campaigns:
        texts.append(repr(await attempt(client.list_campaigns(0, 5))))
    if caps.list_contact_lists:
        texts.append(repr(await attempt(client.list_contact_lists(TARGETS[provider].get("campaign")))))
    rows = [UploadRow(index=i, phone=p, name=f"Audit {i}") for i, p in enumerate(PHONES[provider])]
    if caps.upload_batch:
        uploaded = await attempt(client.upload_batch(TARGETS[provider], rows, batch_key="redaction-1"))
    else:
        uploaded = await attempt(client.create_campaign(TARGETS[provider], rows))
    assert uploaded is not None, f"{provider.value}: the upload should succeed"
    texts.append(repr(uploaded))
    for fault in FAULTS:
        control.clear_faults()
        control.fault(provider=provider.value, path=".*", times=-1, **fault)
        await attempt(client.test_connection())
    control.clear_faults()
    texts.append(repr(client))


@pytest.mark.parametrize("provider", list(ProviderId), ids=lambda p: p.value)
async def test_no_secret_in_logs_errors_or_reprs(provider: ProviderId, sandbox: Any, debug_log: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    secret = sandbox.secret(provider.value)
    client = make_provider(sandbox.account(provider.value), secret, deadline=3.0)
    texts: list[str] = []
    try:
        await _exercise(client, provider, texts, sandbox.control)
        tokens = _tokens_held_by(client)
    finally:
        await client.aclose()
    assert sandbox.control.requests(provider.value)["count"] >= len(FAULTS) + 1  # the calls really happened
    if provider is ProviderId.STRINGEE:
        assert tokens, "the Stringee client should hold a minted JWT"
    needles = {secret, *tokens, *(s for s in redaction._secrets if s.startswith("eyJ"))}
    log_text = debug_log.read_text(encoding="utf-8")
    records = [r.getMessage() + "\n" + (r.exc_text or "") for r in caplog.records]
    assert any("failed" in r for r in records), "the faulted calls were logged"
    assert " -> 200" in log_text, "DEBUG request lines reached the file handler"
    haystacks = {"log file": log_text, "caplog": caplog.text, "records": "\n".join(records),
                 "exceptions and results": "\n".join(texts)}
    for where, text in haystacks.items():
        for needle in needles:
            assert needle not in text, f"{provider.value}: a secret leaked into the {where}"
        assert not _QUERY_LEAK.search(text), f"{provider.value}: a query secret leaked into the {where}"
    for name in ("httpx", "httpcore"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING
