"""Damaged data files at start-up: the window names the file and what to do (English and Vietnamese), and the
app exits 2 instead of failing on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.services.data_files import data_file_problems
from campaign_gui.services.import_service import describe_import_error
from campaign_gui.services.texts import input_error_text
from campaign_gui.upload.jobs import CREATE_FULL, DISCARDED, INCOMPLETE
from campaign_gui.upload.journal_errors import JournalFull

ROOT = Path(__file__).resolve().parents[2]


def _damage(data: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "accounts.json").write_text("{not json", encoding="utf-8")
    (data / "settings.json").write_text("[1, 2", encoding="utf-8")
    (data / "journal.sqlite3").write_bytes(b"\x00not a database" * 100)


def test_every_damaged_file_is_named(qapp: QApplication, tmp_path: Path) -> None:
    assert data_file_problems(tmp_path) == []
    _damage(tmp_path)
    problems = data_file_problems(tmp_path)
    assert len(problems) == 3
    for problem, name in zip(problems, ("accounts.json", "settings.json", "journal.sqlite3"), strict=True):
        assert str(tmp_path / name) in problem and "damaged" in problem and "start Campaign Manager again" in problem


def test_in_vietnamese(vietnamese: None, tmp_path: Path) -> None:
    _damage(tmp_path)
    problems = data_file_problems(tmp_path)
    assert problems[0].startswith("Tệp tài khoản ") and "bị hỏng" in problems[0]
    assert problems[2].startswith("Nhật ký nhập ")
    full = describe_import_error(JournalFull(CREATE_FULL))
    assert full.title == "Ổ đĩa đã đầy" and "bắt đầu nhập lại" in full.message
    said = input_error_text("incomplete", DISCARDED.format(job="abc123"))
    assert said.startswith("Lượt nhập abc123 bị dừng")
    said = input_error_text("incomplete", INCOMPLETE.format(job="abc123", have=20000, want=0))
    assert said.startswith("Lượt nhập abc123 không đầy đủ")
    fifo = tmp_path / "in.csv"
    if os.name == "posix":
        os.mkfifo(fifo)
        from campaign_gui.reading.sniff import sniff

        with pytest.raises(ImportInputError) as caught:
            sniff(fifo)
        assert input_error_text(caught.value.kind, caught.value.message).startswith("in.csv là một đường ống")


def test_the_app_exits_2_naming_the_file(tmp_path: Path) -> None:
    _damage(tmp_path)
    done = subprocess.run([sys.executable, "-m", "campaign_gui", "--smoke-test", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2, done.stderr
    assert str(tmp_path / "accounts.json") in done.stderr and "Traceback" not in done.stderr
