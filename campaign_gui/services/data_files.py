"""Start-up check of the data directory's own files: a damaged accounts.json, settings.json or journal is named,
with what to do, in the user's language (the window shows it instead of failing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from campaign_gui.storage.accounts import AccountStore
from campaign_gui.storage.jsonfile import StorageFileError, read_json_object
from campaign_gui.storage.settings import FILE_NAME as SETTINGS_NAME
from campaign_gui.upload.journal import JOURNAL_NAME, Journal
from campaign_gui.upload.journal_errors import JournalDamaged, JournalError


def damaged_title() -> str:
    return QCoreApplication.translate("DataFiles", "A data file is damaged")


def data_file_problems(data_dir: Path) -> list[str]:
    """One message per data file that cannot be read (empty when all is well)."""
    problems: list[str] = []
    accounts = AccountStore(data_dir)
    try:
        accounts.list()
    except StorageFileError:
        problems.append(QCoreApplication.translate(
            "DataFiles", "The accounts file {0} is damaged and cannot be read. Restore it from a backup, or move it "
            "to another folder to start with no accounts; then start Campaign Manager again.").format(accounts.path))
    settings = Path(data_dir) / SETTINGS_NAME
    try:
        read_json_object(settings, "settings")
    except StorageFileError:
        problems.append(QCoreApplication.translate(
            "DataFiles", "The settings file {0} is damaged and cannot be read. Restore it from a backup, or move it "
            "to another folder to start with the default settings; then start Campaign Manager again.")
            .format(settings))
    journal_path = Path(data_dir) / JOURNAL_NAME
    if journal_path.exists():
        try:
            with Journal(journal_path, read_only=True) as journal:
                journal.list_jobs()
        except JournalDamaged:
            problems.append(QCoreApplication.translate(
                "DataFiles", "The import journal {0} is damaged and cannot be read. Move it (and any {1}-wal and "
                "{1}-shm beside it) to another folder to start a new journal; the jobs recorded in it will no "
                "longer be listed or resumable. Then start Campaign Manager again.")
                .format(journal_path, JOURNAL_NAME))
        except JournalError:
            pass  # locked or busy: the imports panel says so when it opens the journal
    return problems
