"""The one place where domain errors become messages a user understands."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    ImportInputError,
    InvalidState,
    NetworkError,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    ServerError,
    Timeout,
    Unsupported,
)
from campaign_gui.domain.redaction import redact
from campaign_gui.storage.secrets import CredentialError


class ErrorKind(enum.StrEnum):
    AUTH = "auth"  # re-enter the key
    FORBIDDEN = "forbidden"  # missing scope
    NOT_FOUND = "not_found"  # gone
    RATE_LIMITED = "rate_limited"  # wait, then retry automatically
    RETRYABLE = "retryable"  # 5xx / network: a retry button
    REJECTED = "rejected"  # the request itself is wrong
    UNSUPPORTED = "unsupported"
    SECRET = "secret"  # the keyring cannot give the secret
    INTERNAL = "internal"


@dataclass(frozen=True)
class UserError:
    """What the banner or a dialog shows: a kind that chooses the action, a title and a message."""

    kind: ErrorKind
    title: str
    message: str
    retry_after: float | None = None

    @property
    def can_retry(self) -> bool:
        return self.kind in (ErrorKind.RETRYABLE, ErrorKind.RATE_LIMITED)


def describe_error(exc: BaseException) -> UserError:
    """Map any exception to a ``UserError``; the provider's own words are kept (redacted) as detail."""
    detail = redact(getattr(exc, "message", "") or str(exc)).strip()
    if isinstance(exc, ProviderError):
        return _describe_provider_error(exc, detail)
    if isinstance(exc, ImportInputError):
        return UserError(ErrorKind.REJECTED, QCoreApplication.translate("UserError", "Cannot use this input"), detail)
    if isinstance(exc, CredentialError):
        return UserError(ErrorKind.SECRET, QCoreApplication.translate("UserError", "The key could not be read from the keyring"), detail)
    if isinstance(exc, OSError):
        return UserError(ErrorKind.RETRYABLE, QCoreApplication.translate("UserError", "Network problem"), QCoreApplication.translate("UserError", "Cannot reach the provider: {0}")
                         .format(detail or type(exc).__name__))
    return UserError(ErrorKind.INTERNAL, QCoreApplication.translate("UserError", "Something went wrong"),
                     QCoreApplication.translate("UserError", "An internal error occurred ({0}). Details are in the log.").format(type(exc).__name__))


def _describe_provider_error(exc: ProviderError, detail: str) -> UserError:
    said = QCoreApplication.translate("UserError", " The provider said: {0}").format(detail) if detail else ""
    if isinstance(exc, AuthError):
        return UserError(ErrorKind.AUTH, QCoreApplication.translate("UserError", "The key was not accepted"),
                         QCoreApplication.translate("UserError", "The provider rejected the credentials. Re-enter the key in the account settings.")
                         + said)
    if isinstance(exc, Forbidden):
        return UserError(ErrorKind.FORBIDDEN, QCoreApplication.translate("UserError", "Permission missing"),
                         QCoreApplication.translate("UserError", "The key is valid but lacks the permission (scope) for this action.") + said)
    if isinstance(exc, NotFound):
        return UserError(ErrorKind.NOT_FOUND, QCoreApplication.translate("UserError", "Not found"),
                         QCoreApplication.translate("UserError", "This campaign, list or contact no longer exists at the provider.") + said)
    if isinstance(exc, RateLimited):
        return UserError(ErrorKind.RATE_LIMITED, QCoreApplication.translate("UserError", "Too many requests"),
                         QCoreApplication.translate("UserError", "The provider asks us to slow down."), retry_after=max(0.0, exc.retry_after))
    if isinstance(exc, Timeout):
        return UserError(ErrorKind.RETRYABLE, QCoreApplication.translate("UserError", "The provider did not answer in time"),
                         QCoreApplication.translate("UserError", "The request timed out. Check the connection and retry."))
    if isinstance(exc, NetworkError):
        return UserError(ErrorKind.RETRYABLE, QCoreApplication.translate("UserError", "Network problem"),
                         QCoreApplication.translate("UserError", "Cannot reach the provider. Check the connection and the base URL, then retry.") + said)
    if isinstance(exc, ServerError):
        return UserError(ErrorKind.RETRYABLE, QCoreApplication.translate("UserError", "The provider has a problem"),
                         QCoreApplication.translate("UserError", "The provider's server failed (HTTP {0}). Retry in a moment.").format(exc.status or "5xx"))
    if isinstance(exc, ProtocolError):
        return UserError(ErrorKind.RETRYABLE, QCoreApplication.translate("UserError", "Unexpected answer"),
                         QCoreApplication.translate("UserError", "The provider sent an answer the app cannot read. Check the base URL, then retry."))
    if isinstance(exc, InvalidState):
        return UserError(ErrorKind.REJECTED, QCoreApplication.translate("UserError", "Not allowed in this state"), detail or QCoreApplication.translate("UserError", "The provider refused."))
    if isinstance(exc, Rejected):
        return UserError(ErrorKind.REJECTED, QCoreApplication.translate("UserError", "The provider refused the request"),
                         detail or QCoreApplication.translate("UserError", "The request was rejected."))
    if isinstance(exc, Unsupported):
        return UserError(ErrorKind.UNSUPPORTED, QCoreApplication.translate("UserError", "Not supported"),
                         detail or QCoreApplication.translate("UserError", "This provider's API cannot do this."))
    return UserError(ErrorKind.RETRYABLE, QCoreApplication.translate("UserError", "The provider reported an error"), detail)
