"""Account secrets in the OS keyring only (service ``campaign-gui``), or in process memory on request."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from campaign_gui.domain.models import Account
from campaign_gui.domain.redaction import register_secret

logger = logging.getLogger(__name__)

SERVICE = "campaign-gui"
WINDOWS_VAULT_MAX_BYTES = 2560  # CRED_MAX_CREDENTIAL_BLOB_SIZE, counted in UTF-16 bytes

SESSION_HINT = "You can keep the secret for this session only; it will be asked for again next time."
# Backends that keep secrets in a file (keyrings.alt): never used, whatever the configuration says.
_FILE_BACKEND_NAMES = frozenset({"PlaintextKeyring", "EncryptedKeyring", "PlaintextPyfilesystemKeyring",
                                 "EncryptedPyfilesystemKeyring", "EscapeKeyring", "Win32CryptoKeyring"})
_DESCRIPTIONS = {
    "keyring.backends.SecretService.Keyring": "GNOME Keyring or another Secret Service keyring",
    "keyring.backends.libsecret.Keyring": "GNOME Keyring or another Secret Service keyring, via libsecret",
    "keyring.backends.kwallet.DBusKeyring": "KDE Wallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KDE Wallet",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
}


class KeyringLike(Protocol):
    """What is used of a ``keyring`` backend (tests pass hand-written fakes)."""

    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


class CredentialError(Exception):
    """A secret could not be read or kept. ``message`` is for the user and never holds the secret.

    ``session_only_possible``: the caller may offer to keep the secret in memory for this session
    (``CredentialStore.set(..., session_only=True)``) instead.
    """

    title = "Keyring problem"
    session_only_possible = True

    def __init__(self, reason: str, *, hint: str = SESSION_HINT) -> None:
        message = f"{reason} {hint}".strip()
        super().__init__(message)
        self.reason = reason  # what went wrong and how to fix it
        self.message = message  # ``reason`` plus the session-only offer, for the window

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class KeyringUnavailable(CredentialError):
    """No usable system keyring (none installed or running, or only a file-based one, refused)."""

    title = "No keyring available"


class KeyringLocked(CredentialError):
    """The keyring is locked and unlocking was dismissed or impossible."""

    title = "Keyring locked"


class SecretTooLong(CredentialError):
    """The secret is larger than the backend can hold (Windows Credential Manager: 2560 bytes)."""

    title = "Secret too long"


class ProcessMemoryKeyring:
    """A keyring backend that keeps secrets in this process only, never on disk.

    For runs with no system keyring by design (benchmarks, screenshot tools): pass it as
    ``CredentialStore(ProcessMemoryKeyring())``. The application itself never picks it.
    """

    priority = 1

    def __init__(self) -> None:
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._secrets.pop((service, username), None)


class CredentialStore:
    """Get, set and delete one secret per account id; ``backend`` None means keyring's own choice.

    A chainer backend is narrowed to its best real backend; fail/null backends and file-based
    ``keyrings.alt`` backends are refused (``KeyringUnavailable``): there is never a plaintext file.
    """

    def __init__(self, backend: KeyringLike | None = None) -> None:
        self._configured = backend
        self._resolved: KeyringLike | None = None
        self._session: dict[str, str] = {}

    def __repr__(self) -> str:
        chosen = type(self._resolved).__name__ if self._resolved is not None else "unresolved"
        return f"CredentialStore(backend={chosen}, session_only_entries={len(self._session)})"

    # --- the backend ----------------------------------------------------------------------------

    def available(self) -> bool:
        """Whether a usable system keyring is there (else only session-only secrets are possible)."""
        try:
            self._backend()
        except CredentialError:
            return False
        return True

    def backend_description(self) -> str:
        """Where secrets are kept, in the user's words, e.g. "macOS Keychain"."""
        try:
            backend = self._backend()
        except CredentialError:
            return "Nowhere permanent: no usable system keyring, secrets are kept for this session only"
        return _describe(backend)

    @property
    def max_secret_bytes(self) -> int | None:
        """The backend's limit in UTF-16 bytes (Windows: 2560), None when unlimited or unknown."""
        try:
            return _max_secret_bytes(self._backend())
        except CredentialError:
            return None

    # --- secrets --------------------------------------------------------------------------------

    def get(self, account_id: str) -> str | None:
        """The account's secret (session memory first, then the keyring), None if none is stored."""
        if account_id in self._session:
            return self._session[account_id]
        backend = self._backend()
        try:
            value = backend.get_password(SERVICE, account_id)
        except Exception as exc:
            raise _translate(exc, _describe(backend), "read") from None
        register_secret(value)
        return value

    def set(self, account_id: str, secret: str, session_only: bool = False) -> None:
        """Keep the secret in the keyring, or in process memory only when ``session_only``.

        Raises ``KeyringUnavailable``, ``KeyringLocked`` or ``SecretTooLong`` (nothing kept);
        the caller may then offer ``session_only=True``.
        """
        if not isinstance(secret, str) or not secret:
            raise ValueError("The secret is empty.")
        register_secret(secret)
        if session_only:
            self._session[account_id] = secret
            return
        backend = self._backend()
        limit = _max_secret_bytes(backend)
        size = len(secret.encode("utf-16-le"))
        if limit is not None and size > limit:
            raise SecretTooLong(
                f"The secret is {size} bytes, more than {_describe(backend)} can hold ({limit} bytes). "
                f"Check that only the key was pasted.")
        try:
            backend.set_password(SERVICE, account_id, secret)
        except Exception as exc:
            raise _translate(exc, _describe(backend), "saved") from None
        self._session.pop(account_id, None)

    def set_for_account(self, account: Account, secret: str, session_only: bool = False) -> None:
        """``set`` for an account; demo accounts (fixed sandbox credentials) are always session-only."""
        self.set(account.id, secret, session_only=session_only or account.demo)

    def delete(self, account_id: str) -> None:
        """Forget the secret in memory and in the keyring (no error when none was stored)."""
        self._session.pop(account_id, None)
        backend = self._backend()
        try:
            backend.delete_password(SERVICE, account_id)
        except Exception as exc:
            from keyring.errors import PasswordDeleteError

            if isinstance(exc, PasswordDeleteError):
                return
            raise _translate(exc, _describe(backend), "deleted") from None

    def is_session_only(self, account_id: str) -> bool:
        """Whether this account's secret lives in process memory only (gone when the app exits)."""
        return account_id in self._session

    # --- internals ------------------------------------------------------------------------------

    def _backend(self) -> KeyringLike:
        if self._resolved is None:
            self._resolved = _usable(self._configured)
            logger.debug("secrets kept in %s", _describe(self._resolved))
        return self._resolved


def _qualname(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def _describe(backend: object) -> str:
    known = _DESCRIPTIONS.get(_qualname(backend))
    if known:
        return known
    name = getattr(backend, "name", None)
    return name if isinstance(name, str) and name else type(backend).__name__


def _max_secret_bytes(backend: object) -> int | None:
    explicit = getattr(backend, "max_secret_bytes", None)
    if isinstance(explicit, int) and not isinstance(explicit, bool):
        return explicit
    if type(backend).__module__ == "keyring.backends.Windows":
        return WINDOWS_VAULT_MAX_BYTES
    return None


def _is_file_backend(backend: object) -> bool:
    cls = type(backend)
    return cls.__module__.split(".")[0] == "keyrings" or cls.__name__ in _FILE_BACKEND_NAMES


def _usable(configured: KeyringLike | None) -> KeyringLike:
    """The backend to use, or ``KeyringUnavailable`` saying why there is none."""
    backend: Any = configured
    if backend is None:
        try:
            import keyring

            backend = keyring.get_keyring()
        except Exception as exc:  # a configured backend that cannot load (PYTHON_KEYRING_BACKEND…)
            logger.debug("keyring backend detection failed: %s", type(exc).__name__)
            raise _unavailable() from None
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        try:
            candidates = list(backend.backends)
        except Exception:
            candidates = []
        refused = [b for b in candidates if _is_file_backend(b)]
        real = [b for b in candidates if not _is_file_backend(b) and _viable(b)]
        if not real:
            raise _refused(refused[0]) if refused else _unavailable()
        backend = real[0]  # the chain is sorted by priority: the best real keyring
    if _is_file_backend(backend):
        raise _refused(backend)
    if not _viable(backend):
        raise _unavailable()
    usable: KeyringLike = backend
    return usable


def _viable(backend: object) -> bool:
    """keyring's own test: a backend's ``priority`` raises or is ≤ 0 when it cannot work here."""
    try:
        priority = getattr(type(backend), "priority", 1)
    except Exception:
        return False
    return isinstance(priority, (int, float)) and priority > 0


def _unavailable() -> KeyringUnavailable:
    return KeyringUnavailable(
        "No system keyring is available to keep the secret (looked for GNOME Keyring or another Secret "
        "Service, KDE Wallet, macOS Keychain, Windows Credential Manager). On Linux install and start "
        "gnome-keyring, or run inside a desktop session.")


def _refused(backend: object) -> KeyringUnavailable:
    return KeyringUnavailable(
        f"The configured keyring ({type(backend).__name__}) would keep secrets in a file, which Campaign "
        "Manager refuses. Configure a system keyring instead (check PYTHON_KEYRING_BACKEND and "
        f"keyringrc.cfg).")


def _translate(exc: BaseException, where: str, done: str) -> CredentialError:
    """Map a backend exception to a ``CredentialError`` in the user's terms (no backend text kept).

    ``done`` is what should have happened to the secret: "read", "saved" or "deleted".
    """
    from keyring import errors

    name = type(exc).__name__
    dbus_name = str(getattr(exc, "name", ""))
    logger.debug("keyring operation failed (%s): %s %s", done, name, dbus_name)
    if (isinstance(exc, errors.KeyringLocked) or name in ("LockedException", "PromptDismissedException")
            or dbus_name.endswith(".IsLocked")):
        return KeyringLocked(
            f"The keyring ({where}) is locked and was not unlocked, so the secret could not be {done}. "
            f"Unlock it (for GNOME: log in to the desktop, or unlock the 'Login' keyring in Passwords and "
            f"Keys) and try again.")
    if isinstance(exc, (errors.NoKeyringError, errors.InitError, OSError)) or name in (
            "SecretServiceNotAvailableException", "DBusErrorResponse"):
        return KeyringUnavailable(
            f"The keyring ({where}) did not answer, so the secret could not be {done}. Check that it "
            f"is running.")
    return CredentialError(f"The keyring ({where}) failed ({name}): the secret could not be {done}.")
