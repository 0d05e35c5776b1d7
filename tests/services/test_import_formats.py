"""The wizard's reading service on every file class of issue 14 items 1-5: read (sheets, preview), or a banner
in the user's language naming what the file is."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_import_helpers import close_service, make_service

_READING = str(Path(__file__).resolve().parents[1] / "reading")
if _READING not in sys.path:  # the file builders live with the reading tests
    sys.path.insert(0, _READING)

import format_files  # noqa: E402

from campaign_gui.reading import sniff_messages as sniff  # noqa: E402
from campaign_gui.services import texts  # noqa: E402
from campaign_gui.services.container import AppServices  # noqa: E402
from campaign_gui.services.import_service import ImportService  # noqa: E402
from campaign_gui.services.import_worker import inspect_file, preview_sheet  # noqa: E402


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def test_reading_service_reads_every_class(tmp_path: Path) -> None:
    for name, path in format_files.readable(tmp_path).items():
        summary = inspect_file(str(path))
        first = summary.first_visible
        preview = preview_sheet(str(path), first)
        texts_seen = {v for row in preview.rows for v in row}
        assert "0901234567" in texts_seen, (name, preview.rows)
        assert preview.detected_header >= 1, name


def test_every_refusal_is_a_vietnamese_banner(vietnamese: None, service: ImportService, qtbot: QtBot,
                                               tmp_path: Path) -> None:
    for name, (path, _needle) in format_files.refused(tmp_path).items():
        with qtbot.waitSignal(service.failed, timeout=10_000) as got:
            service.inspect(str(path))
        error = got.args[1]
        assert error.message and "Traceback" not in error.message, name
        assert error.message.isascii() is False, (name, error.message)  # Vietnamese, not the English text
        assert service.check_file(path) == error.message, name  # the drop-time check says the same


def test_every_new_message_is_translated(vietnamese: None) -> None:
    for constant in (sniff.MSG_SYLK, sniff.MSG_DIF, sniff.MSG_QUATTRO, sniff.MSG_LOTUS, sniff.MSG_WORKS,
                     sniff.MSG_STARCALC, sniff.MSG_GNUMERIC, sniff.MSG_NUMBERS, sniff.MSG_OTHER_XML,
                     sniff.MSG_OLD_EXCEL, sniff.MSG_WORD, sniff.MSG_POWERPOINT, sniff.MSG_FLAT_ODF, sniff.MSG_BINARY):
        assert texts.input_error_text("", constant) != constant, constant
    assert texts.input_error_text("codepage", sniff.codepage_message(10029)) == (
        "Sổ làm việc Excel cũ này dùng bảng mã Mac Central European (10029) nên không đọc được: hãy mở tệp trong "
        "Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại.")
    assert texts.input_error_text("other_format", sniff.MSG_SYLK).startswith("Đây là tệp SYLK")
