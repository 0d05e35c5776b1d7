"""Files identified by their bytes; hostile and unusable files refused with their own message."""

from __future__ import annotations

import random
import resource
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
import sheet_files as sf

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.importer import sniff as sn
from campaign_gui.importer.reader import open_source
from campaign_gui.importer.sniff import sniff

ROWS = [["Phone", "Name"], ["0901234567", "An"]]


def _kind_of_error(path: Path) -> str:
    with pytest.raises(ImportInputError) as info:
        src = open_source(path)
        list(src.iter_rows_fast(0))
    return info.value.kind


def test_xlsx_identified_by_bytes_not_extension(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "contacts.csv", {"S": ROWS})
    assert sniff(p).kind == "xlsx"
    with open_source(p) as src:
        assert src.kind == "xlsx"
        assert list(src.iter_rows(0)) == [["Phone", "Name"], ["0901234567", "An"]]


def test_csv_renamed_xlsx_is_read_as_text(tmp_path: Path) -> None:
    p = tmp_path / "contacts.xlsx"
    p.write_text("Phone,Name\n0901234567,An\n", encoding="utf-8")
    assert sniff(p).kind == "text"
    with open_source(p) as src:
        assert list(src.iter_rows(0)) == [["Phone", "Name"], ["0901234567", "An"]]


def test_xlsm_detected_from_content_types(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "m.xlsx", {"S": ROWS})
    sf.patch_zip(p, "[Content_Types].xml", lambda d: d.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"))
    assert sniff(p).kind == "xlsm"


def test_ods_detected_by_mimetype(tmp_path: Path) -> None:
    p = tmp_path / "a.ods"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")
    assert sniff(p).kind == "ods"


def test_xlsb_detected(tmp_path: Path) -> None:
    p = tmp_path / "b.bin"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert sniff(p).kind == "xlsb"


def test_legacy_xls_read_with_calamine(tmp_path: Path) -> None:
    p = sf.write_xls(tmp_path / "old.xls", [["Phone", "Tên"], ["0901234567", "Nguyễn Văn Định"], [901234567, "B"]])
    assert sniff(p).kind == "xls"
    with open_source(p) as src:
        assert src.sheet_names == ["Sheet1"]
        assert list(src.iter_rows(0)) == [["Phone", "Tên"], ["0901234567", "Nguyễn Văn Định"], [901234567.0, "B"]]


def test_password_protected_workbook(tmp_path: Path) -> None:
    p = sf.write_encrypted(tmp_path / "secret.xlsx")
    with pytest.raises(ImportInputError) as info:
        open_source(p)
    assert info.value.kind == "encrypted"
    assert "remove the password" in info.value.message


def test_html_saved_as_xls(tmp_path: Path) -> None:
    p = tmp_path / "export.xls"
    p.write_text("<html><head><meta charset='utf-8'></head><body><table><tr><td>Phone</td></tr>"
                 "<tr><td>0901234567</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(ImportInputError) as info:
        open_source(p)
    assert info.value.kind == "html"
    assert "web page" in info.value.message and "Save As .xlsx" in info.value.message


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.xlsx"
    p.write_bytes(b"")
    assert _kind_of_error(p) == "empty"


def test_random_binary(tmp_path: Path) -> None:
    p = tmp_path / "noise.xlsx"
    p.write_bytes(random.Random(7).randbytes(20_000))
    assert _kind_of_error(p) == "unknown_format"


def test_truncated_zip(tmp_path: Path) -> None:
    good = sf.write_xlsx(tmp_path / "good.xlsx", {"S": ROWS * 200})
    p = tmp_path / "cut.xlsx"
    p.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert _kind_of_error(p) == "corrupt"


def test_word_document_is_not_a_spreadsheet(tmp_path: Path) -> None:
    p = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert _kind_of_error(p) == "unknown_format"


def test_missing_file(tmp_path: Path) -> None:
    assert _kind_of_error(tmp_path / "nope.xlsx") == "not_found"


def _bounded(fn: object, seconds: float = 10.0, mb: int = 400) -> None:
    assert callable(fn)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    fn()
    assert time.monotonic() - t0 < seconds
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024 < mb


def test_zip_bomb_rejected_from_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sn, "RATIO_MIN_SIZE", 8 * 1024**2)  # the real limit is 64 MB: keep the test small
    p = sf.write_xlsx(tmp_path / "bomb.xlsx", {"S": ROWS})
    big = b"<row/>" * (12 * 1024**2 // 6)  # 12 MB that deflates ~1000x
    sf.patch_zip(p, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"</sheetData>", big + b"</sheetData>"))
    assert p.stat().st_size < 2 * 1024**2
    _bounded(lambda: pytest.raises(ImportInputError, open_source, p))
    assert _kind_of_error(p) == "zip_bomb"


def test_too_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sn, "MAX_MEMBERS", 20)
    p = sf.write_xlsx(tmp_path / "many.xlsx", {"S": ROWS})
    for i in range(30):
        sf.add_member(p, f"xl/media/i{i}.bin", b"x")
    assert _kind_of_error(p) == "zip_bomb"


def _lie_about_size(path: Path, member: str, declared: int, crc_of_prefix: bool) -> None:
    """Patch the local and central headers of ``member`` to declare ``declared`` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
        real = zf.read(member)
    crc = zlib.crc32(real[:declared]) if crc_of_prefix else info.CRC
    lh = info.header_offset
    struct.pack_into("<III", data, lh + 14, crc, info.compress_size, declared)
    name = member.encode()
    cd = data.find(name, data.find(b"PK\x01\x02")) - 46
    while data[cd:cd + 4] != b"PK\x01\x02" or data[cd + 46:cd + 46 + len(name)] != name:
        cd = data.find(name, cd + 47) - 46
    struct.pack_into("<III", data, cd + 16, crc, info.compress_size, declared)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("crc_of_prefix", [False, True])
def test_lying_zip_sizes_are_bounded(tmp_path: Path, crc_of_prefix: bool) -> None:
    p = sf.write_xlsx(tmp_path / "liar.xlsx", {"S": ROWS})
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>0901234567</t></is></c></row>' % (r, r)
                    for r in range(3, 200_000))
    sf.patch_zip(p, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"</sheetData>", rows + b"</sheetData>"))
    _lie_about_size(p, "xl/worksheets/sheet1.xml", 4000, crc_of_prefix)
    _bounded(lambda: pytest.raises(ImportInputError, lambda: list(open_source(p).iter_rows_fast(0))))
    assert _kind_of_error(p) in ("zip_bomb", "corrupt")


def test_billion_laughs_in_shared_strings(tmp_path: Path) -> None:
    p = sf.write_xlsxwriter(tmp_path / "lol.xlsx", ROWS)
    sf.patch_zip(p, "xl/sharedStrings.xml", lambda d: sf.BILLION_LAUGHS)
    _bounded(lambda: pytest.raises(ImportInputError, open_source, p), seconds=5, mb=100)
    with pytest.raises(ImportInputError) as info:
        open_source(p)
    assert info.value.kind == "xml_entities"
    assert info.value.message.startswith("The file contains XML constructs that are not allowed")


def test_entity_in_workbook_xml(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "wb.xlsx", {"S": ROWS})
    sf.patch_zip(p, "xl/workbook.xml", lambda d: d.replace(
        b"<workbook", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook', 1))
    assert _kind_of_error(p) == "xml_entities"


def test_text_detection() -> None:
    assert sn.looks_text("Phone;Name\r\n0901;Ân\r\n".encode())
    assert sn.looks_text("Phone\tName\n".encode("utf-16-le"))
    assert sn.looks_text(b"phone,name\n0901234567,Nguyen Van An\x00\n" * 50)
    assert not sn.looks_text(random.Random(1).randbytes(4096))
