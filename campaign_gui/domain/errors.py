"""The error taxonomy every provider call maps into; messages never carry secrets or URLs."""

from __future__ import annotations


class ProviderError(Exception):
    """Base of every error a provider call can raise.

    ``message`` is short, redacted and in the user's terms; ``detail`` may hold
    a redacted server snippet for the log. Neither may contain a secret or a URL query.
    """

    retryable: bool = False

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.detail = detail

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r}, code={self.code!r})"


class AuthError(ProviderError):
    """401: the key is wrong or expired; the user must re-enter it."""


class Forbidden(ProviderError):
    """403: the key lacks a scope or permission."""


class NotFound(ProviderError):
    """404 or a provider 'not found' code: the campaign/list/contact is gone."""


class RateLimited(ProviderError):
    """429: wait ``retry_after`` seconds (already parsed and clamped) before trying again."""

    retryable = True

    def __init__(self, message: str = "Rate limited by the provider", *, retry_after: float = 1.0,
                 status: int | None = 429, code: str | None = None, detail: str | None = None) -> None:
        super().__init__(message, status=status, code=code, detail=detail)
        self.retry_after = retry_after


class Rejected(ProviderError):
    """400-class validation error or provider error code: the request itself is wrong; do not retry."""


class InvalidState(Rejected):
    """The object is in a state that forbids the action (Alohub INVALID_STATE)."""


class RequestTooLarge(Rejected):
    """414/413: the request is too large; the caller should shrink the batch."""


class ServerError(ProviderError):
    """5xx: the provider failed; may be retried per the provider's retry class."""

    retryable = True


class NetworkError(ProviderError):
    """Connection refused/reset or protocol error before a valid answer arrived."""

    retryable = True


class Timeout(NetworkError):
    """A per-read timeout or the total request deadline fired."""


class ProtocolError(ProviderError):
    """The body is HTML, empty, truncated or lacks expected fields: never success."""

    retryable = True


class Unsupported(ProviderError):
    """The provider's API has no such capability."""


class ImportInputError(Exception):
    """A spreadsheet or mapping the user gave cannot be used; message is for the user."""

    def __init__(self, message: str, *, kind: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
