"""CSV/TSV/TXT: encodings (incl. Windows-1258 and -1251), delimiters, quoting, NULs, long fields, NFC."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
import sheet_files as sf

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.csv_reader import CsvSource, guess_8bit, sniff_delimiter
from campaign_gui.reading.reader import open_source

VN = [["Số điện thoại", "Họ và tên", "Ghi chú"],
      ["0901234567", "Nguyễn Văn Định", "Khách hàng thân thiết"],
      ["0912345678", "Trần Thị Hường", "Gọi lại sau giờ hành chính"],
      ["0987654321", "Lê Quốc Việt", "Đã mua hàng tháng trước"],
      ["0345678901", "Phạm Ngọc Ánh", "Ưu tiên liên hệ buổi sáng"]]
RU = [["Телефон", "ФИО", "Город"],
      ["+375291234567", "Иванов Иван Петрович", "Минск"],
      ["+375297654321", "Сидорова Мария Александровна", "Гомель"],
      ["+375331112233", "Ёлкин Фёдор", "Брест"]]


def _text(rows: list[list[str]], delim: str = ",", newline: str = "\n") -> str:
    return newline.join(delim.join(r) for r in rows) + newline


def _read(path: Path, **kw: str) -> list[list[object]]:
    with open_source(path, **kw) as src:
        return list(src.iter_rows(0))


def test_utf8(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_bytes(_text(VN).encode("utf-8"))
    with open_source(p) as src:
        assert (src.encoding, src.delimiter) == ("utf-8", ",")
        assert list(src.iter_rows(0)) == VN


def test_utf8_bom(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_bytes(codecs.BOM_UTF8 + _text(VN, ";").encode("utf-8"))
    assert _read(p) == VN


def test_utf16_tab_delimited_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "excel-unicode.txt"
    p.write_bytes(_text(VN, "\t", "\r\n").encode("utf-16"))  # Excel's "Unicode Text"
    with open_source(p) as src:
        assert src.delimiter == "\t"
        assert list(src.iter_rows(0)) == VN


def test_utf16le_without_bom(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(_text(VN, "\t").encode("utf-16-le"))
    assert _read(p) == VN


def test_windows_1258_vietnamese_with_semicolons(tmp_path: Path) -> None:
    p = tmp_path / "vn.csv"
    raw = sf.encode_cp1258(_text(VN, ";", "\r\n"))
    assert b"\xde" in raw or b"\xec" in raw  # tone marks really are combining bytes
    p.write_bytes(raw)
    with open_source(p) as src:
        assert (src.encoding, src.delimiter) == ("cp1258", ";")
        rows = list(src.iter_rows(0))
    assert rows == VN  # exactly: tones composed back (NFC)
    assert all(unicodedata.is_normalized("NFC", c) for r in rows for c in r if isinstance(c, str))


def test_windows_1251_russian_with_semicolons(tmp_path: Path) -> None:
    p = tmp_path / "ru.csv"
    p.write_bytes(_text(RU, ";", "\r\n").encode("cp1251"))
    with open_source(p) as src:
        assert (src.encoding, src.delimiter) == ("cp1251", ";")
        assert list(src.iter_rows(0)) == RU


def test_8bit_scoring_prefers_the_right_codepage() -> None:
    assert guess_8bit(sf.encode_cp1258("Nguyễn Thị Hồng Nhung, Đặng Văn Lâm")) == "cp1258"
    assert guess_8bit("Пётр Ильич Чайковский, Москва".encode("cp1251")) == "cp1251"
    assert guess_8bit("Müller, Zürich; Bäckerstraße".encode("cp1252")) in ("cp1252", "cp1258")


def test_encoding_override(tmp_path: Path) -> None:
    p = tmp_path / "ru.csv"
    p.write_bytes(_text(RU, ";").encode("cp1251"))
    assert _read(p, encoding="cp1251") == RU
    with pytest.raises(ImportInputError) as info:
        open_source(p, encoding="no-such-codec")
    assert info.value.kind == "bad_encoding"


def test_one_column_file(tmp_path: Path) -> None:
    p = tmp_path / "phones.txt"
    p.write_text("Phone\n0901234567\n0912345678\n", encoding="utf-8")
    with open_source(p) as src:
        assert list(src.iter_rows(0)) == [["Phone"], ["0901234567"], ["0912345678"]]
        assert src.sheets[0].rows == 3 and src.sheets[0].cols == 1


def test_quoted_newlines_and_delimiters(tmp_path: Path) -> None:
    p = tmp_path / "q.csv"
    p.write_text('Phone;Name;Note\n0901234567;"Lê; An";"line one\nline two"\n0912345678;B;"say ""hi"""\n',
                 encoding="utf-8")
    assert _read(p) == [["Phone", "Name", "Note"], ["0901234567", "Lê; An", "line one\nline two"],
                        ["0912345678", "B", 'say "hi"']]


def test_cr_only_line_endings(tmp_path: Path) -> None:
    p = tmp_path / "mac.csv"
    p.write_bytes(b"Phone,Name\r0901234567,An\r0912345678,Binh\r")
    assert _read(p) == [["Phone", "Name"], ["0901234567", "An"], ["0912345678", "Binh"]]


def test_nul_bytes_stripped_with_warning(tmp_path: Path) -> None:
    p = tmp_path / "nul.csv"
    p.write_bytes(b"Phone,Name\n0901\x00234567,An\x00\n0912345678,Binh\n")
    with open_source(p) as src:
        assert list(src.iter_rows(0)) == [["Phone", "Name"], ["0901234567", "An"], ["0912345678", "Binh"]]
        assert any("NUL" in w for w in src.warnings)


def test_very_long_field(tmp_path: Path) -> None:
    p = tmp_path / "long.csv"
    long = "x" * 300_000  # above the csv module's default 128 KiB field limit
    p.write_text(f'Phone,Note\n0901234567,"{long}"\n', encoding="utf-8")
    assert _read(p)[1] == ["0901234567", long]


def test_unclosed_quote_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import campaign_gui.reading.csv_reader as cr

    monkeypatch.setattr(cr, "FIELD_LIMIT", 1000)
    import csv

    old = csv.field_size_limit(1000)
    try:
        p = tmp_path / "bad.csv"
        p.write_text('Phone,Note\n0901234567,"never closed\n' + "x" * 5000 + "\n", encoding="utf-8")
        with pytest.raises(ImportInputError) as info:
            src = CsvSource(p)
            list(src.iter_rows(0))
        assert info.value.kind == "corrupt" and "quote" in info.value.message
    finally:
        csv.field_size_limit(old)


def test_nfd_text_becomes_nfc(tmp_path: Path) -> None:
    p = tmp_path / "nfd.csv"
    p.write_text("Phone,Name\n0901234567," + unicodedata.normalize("NFD", "Nguyễn Văn Định") + "\n", encoding="utf-8")
    assert _read(p)[1][1] == "Nguyễn Văn Định"


def test_delimiter_sniffing_respects_quotes() -> None:
    lines = ['Phone,Name,Note\n', '0901,"a; b; c",x\n', '0902,"d; e",y\n']
    assert sniff_delimiter(lines) == ","
    assert sniff_delimiter(["Phone|Name\n", "0901|An\n"]) == "|"
    assert sniff_delimiter(["Phone\n", "0901\n"]) == ","


def test_cancel_while_reading(tmp_path: Path) -> None:
    import threading

    from campaign_gui.reading.source import Cancelled

    p = tmp_path / "big.csv"
    p.write_text("Phone\n" + "0901234567\n" * 50_000, encoding="utf-8")
    cancel = threading.Event()
    cancel.set()
    with open_source(p) as src, pytest.raises(Cancelled):
        list(src.iter_rows(0, cancel=cancel))
