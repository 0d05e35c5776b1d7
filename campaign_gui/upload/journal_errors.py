"""How the import journal fails, in the user's terms: damaged (the user must move it), full (free some
space, then resume), or another SQLite error; ``wrap`` turns an sqlite3 error into one of them."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class JournalError(Exception):
    """The journal cannot be used (corrupt, locked, unreadable); ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class JournalFull(JournalError):
    """The disk (or the database's page limit) is full; the journal itself is intact."""


class JournalDamaged(JournalError):
    """The journal file is not a database or is corrupt; ``path`` names it (bad input: the user must act)."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def damaged_message(path: Path) -> str:
    return (f"The import journal {path} is damaged and cannot be read. Move it (and any {path.name}-wal and "
            f"{path.name}-shm beside it) to another folder to start a new journal; the jobs recorded in it will "
            f"no longer be listed or resumable.")

def _full(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "full" in text or "no space" in text


def _damaged(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text
                                                       or "corrupt" in text)


def wrap(exc: sqlite3.Error, path: Path | None = None) -> JournalError:
    if path is not None and _damaged(exc):
        return JournalDamaged(damaged_message(path), path)
    if _full(exc):
        return JournalFull("The disk is full: the import journal cannot grow. Free some space, then resume the job.")
    return JournalError(f"The import journal failed ({type(exc).__name__}: {str(exc)[:120]})")

