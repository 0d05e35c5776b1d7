"""Storage fixtures: a real Secret Service (gnome-keyring on a private D-Bus bus) for the session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # the shared helper lives in tests/ (no packages under tests/)
    sys.path.insert(0, _TESTS)

from keyring_env import SecretServiceEnv  # noqa: E402


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecretServiceEnv]:
    """gnome-keyring-daemon with an unlocked login collection, for the whole session."""
    service = SecretServiceEnv.start(tmp_path_factory.mktemp("keyring"))
    yield service
    service.stop()


@pytest.fixture
def real_keyring(secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch) -> SecretServiceEnv:
    """The session's Secret Service, with this process pointed at its bus for the test."""
    secret_service.apply(monkeypatch)
    return secret_service


@pytest.fixture
def locked_keyring(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceEnv]:
    """A Secret Service of its own whose login collection is locked (and cannot be unlocked here)."""
    service = SecretServiceEnv.start(tmp_path_factory.mktemp("locked"))
    try:
        service.apply(monkeypatch)
        service.lock()
        yield service
    finally:
        service.stop()
