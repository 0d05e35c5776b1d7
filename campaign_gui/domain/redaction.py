"""Process-wide secret redaction: registered secrets never reach logs, messages or reprs."""

from __future__ import annotations

import logging
import re
import threading

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None

# Query parameters and headers whose values are secret whatever their value is.
_QUERY_SECRET = re.compile(r"(?i)([?&](?:token|access_token|api-key|api_key|apikey|key)=)[^&\s#'\"]*")
_BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")
MASK = "***"


def register_secret(value: str | None) -> None:
    """Remember a secret (API key, token, minted JWT) so that ``redact`` masks it everywhere."""
    global _pattern
    if not value or len(value) < 4:
        return
    with _lock:
        if value in _secrets:
            return
        _secrets.add(value)
        ordered = sorted(_secrets, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(s) for s in ordered))


def redact(text: str) -> str:
    """Mask every registered secret, secret-looking query parameter, bearer token and JWT."""
    if not text:
        return text
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    text = _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, text)
    text = _BEARER.sub(lambda m: m.group(1) + MASK, text)
    return _JWT.sub(MASK, text)


def strip_query(url: str) -> str:
    """A URL without its query string and fragment, for messages and logs."""
    return url.split("?", 1)[0].split("#", 1)[0]


class RedactingFilter(logging.Filter):
    """A logging filter that redacts the formatted message and any exception text of a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not kill logging
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            import traceback

            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)))
            record.exc_info = None
        return True


_factory_installed = False


def install_log_redaction() -> None:
    """Redact every log record at creation (all handlers see clean text); quiet httpx URL logs."""
    global _factory_installed
    if not _factory_installed:
        previous = logging.getLogRecordFactory()
        filt = RedactingFilter()

        def factory(*args: object, **kwargs: object) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            filt.filter(record)
            return record

        logging.setLogRecordFactory(factory)
        _factory_installed = True
    # httpx logs the full request URL (with the SMS.by token) at INFO; keep it at WARNING.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
