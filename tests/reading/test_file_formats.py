"""Issue 14 (items 1-5): the format comes from the bytes, all the way; each file class built here and read,
or refused with a message naming what it is."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import sheet_files as sf

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff_messages as msg
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.sniff import sniff
from campaign_gui.reading.sniff_ole import _Cfb
from campaign_gui.reading.sniff_text import HEAD_SCAN
from campaign_gui.reading.sniff_zip import XLSM_MAIN

ROWS = [["Phone", "Tên"], ["0901234567", "Nguyễn Văn Định"], ["0912345678", "Trần Bình"]]


def _rows(path: Path) -> list[list[object]]:
    with open_source(path) as src:
        return [list(r) for r in src.iter_rows(0)]


def _refusal(path: Path) -> ImportInputError:
    with pytest.raises(ImportInputError) as info:
        with open_source(path) as src:
            list(src.iter_rows_fast(0))
    return info.value


def _scratch_files(tmp_path: Path) -> list[Path]:
    return [p for p in sf.leftovers(tmp_path) if "campaign-gui-scratch-" in str(p)]


@pytest.fixture(autouse=True)
def _own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scratch files (links, repaired copies) go to this test's folder, so that the test sees them go."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)


# --- 1. an extension that lies ------------------------------------------------------------------------

@pytest.mark.parametrize("real, named", [("xls", "xlsx"), ("ods", "xlsx"), ("xlsx", "ods"), ("xlsx", "xls"),
                                         ("xls", "ods"), ("ods", "xls"), ("xlsx", "csv")])
def test_workbook_read_as_its_bytes_say(tmp_path: Path, real: str, named: str) -> None:
    built = tmp_path / f"made.{real}"
    if real == "xls":
        sf.write_xls(built, ROWS)
    elif real == "ods":
        sf.write_ods(built, "Sheet1", ROWS)
    else:
        sf.write_xlsx(built, {"Sheet1": ROWS})
    liar = tmp_path / f"contacts.{named}"
    shutil.copy(built, liar)
    assert sniff(liar).kind == real
    assert _rows(liar) == ROWS
    assert _scratch_files(tmp_path) == []  # the link under the right name went with the source


# --- 2. OOXML laid out unusually ----------------------------------------------------------------------

@pytest.mark.parametrize("folder", ["", "book/", "docs/excel/"])
@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_workbook_part_found_through_relationships(tmp_path: Path, folder: str, writer: str) -> None:
    src = (sf.write_xlsx(tmp_path / "src.xlsx", {"Sheet1": ROWS}) if writer == "openpyxl"
           else sf.write_xlsxwriter(tmp_path / "src.xlsx", ROWS))
    p = sf.relocate_ooxml(src, tmp_path / "odd.xlsx", folder)
    found = sniff(p)
    assert found.kind == "xlsx" and found.repair is not None
    rows = _rows(p)
    assert rows == ROWS
    assert _scratch_files(tmp_path) == []


@pytest.mark.parametrize("backslashes, utf16", [(True, False), (False, True), (True, True)])
def test_backslashes_and_utf16_parts(tmp_path: Path, backslashes: bool, utf16: bool) -> None:
    src = sf.write_xlsxwriter(tmp_path / "src.xlsx", ROWS)  # shared strings: their part is re-encoded too
    p = sf.relocate_ooxml(src, tmp_path / "odd.xlsx", "xl/", backslashes=backslashes, utf16=utf16)
    assert sniff(p).kind == "xlsx"
    assert _rows(p) == ROWS
    with open_source(p) as source:
        assert source.sheet_names == ["S"]
        assert source.sheet_info(0).rows == 3


def test_macro_workbook_at_the_root_is_xlsm(tmp_path: Path) -> None:
    src = sf.write_xlsx(tmp_path / "m.xlsx", {"S": ROWS})
    sf.patch_zip(src, "[Content_Types].xml", lambda d: d.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", XLSM_MAIN.encode()))
    p = sf.relocate_ooxml(src, tmp_path / "odd.xlsm", "")
    assert sniff(p).kind == "xlsm"
    assert _rows(p) == ROWS


def test_spreadsheet_content_types_are_never_a_word_document(tmp_path: Path) -> None:
    src = sf.write_xlsx(tmp_path / "src.xlsx", {"S": ROWS})
    p = sf.relocate_ooxml(src, tmp_path / "broken.xlsx", "book/")
    sf.drop_member(p, "book/workbook.xml")
    error = _refusal(p)
    assert error.kind == "corrupt" and "Word" not in error.message


def test_word_and_powerpoint_packages_are_named(tmp_path: Path) -> None:
    for name, ctype, needle in [("letter.xlsx", "wordprocessingml.document.main+xml", "Word document"),
                                ("slides.xlsx", "presentationml.presentation.main+xml", "PowerPoint")]:
        p = tmp_path / name
        with zipfile.ZipFile(p, "w") as zf:
            zf.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                        'content-types"><Override PartName="/doc/main.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.{ctype}"/></Types>')
            zf.writestr("doc/main.xml", "<document/>")
        error = _refusal(p)
        assert error.kind == "unknown_format" and needle in error.message


# --- 3. ODS without mimetype, flat ODS, SpreadsheetML 2003, formats that are named -------------------

@pytest.mark.parametrize("drop", [["mimetype"], ["mimetype", "META-INF/manifest.xml"]])
def test_ods_without_mimetype(tmp_path: Path, drop: list[str]) -> None:
    p = sf.write_ods(tmp_path / "google.ods", "Khách", ROWS)
    for member in drop:
        sf.drop_member(p, member)
    assert sniff(p).kind == "ods"
    assert _rows(p) == ROWS


def test_flat_ods_is_read(tmp_path: Path) -> None:
    p = sf.write_fods(tmp_path / "list.fods", "Khách", ROWS)
    assert sniff(p).kind == "fods"
    with open_source(p) as src:
        assert src.sheet_names == ["Khách"]
    assert _rows(p) == ROWS
    assert _scratch_files(tmp_path) == []


def test_flat_odf_text_is_not_a_spreadsheet(tmp_path: Path) -> None:
    p = sf.write_fods(tmp_path / "letter.fodt", "x", ROWS, kind="text")
    error = _refusal(p)
    assert error.message == msg.MSG_FLAT_ODF


def test_spreadsheetml_2003_is_read_not_a_web_page(tmp_path: Path) -> None:
    p = sf.write_xml2003(tmp_path / "export.xls")
    assert sniff(p).kind == "xml2003"
    with open_source(p) as src:
        assert src.sheet_names == ["Danh bạ", "Ẩn"]
        assert src.hidden_sheets() == {"Ẩn"}
        assert [list(r) for r in src.iter_rows(0)] == sf.XML2003_ROWS
        assert any("merged cells A1:C1" in w for w in src.warnings)
    assert _scratch_files(tmp_path) == []


_CONVERT = """
import sys
from pathlib import Path
from campaign_gui.reading.xml2003 import convert_xml2003
convert_xml2003(Path(sys.argv[1]), Path(sys.argv[2]))
try:  # this process's own high-water mark (Linux carries the parent's ru_maxrss into a child)
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")))
except OSError:
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak // 1024 if sys.platform == "darwin" else peak)
"""


def _convert_in_child(src: Path, dest: Path) -> float:
    """Convert in a fresh interpreter; its own peak RSS (VmHWM) in MB."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _CONVERT, str(src), str(dest)], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    return int(done.stdout.split()[-1]) / 1024


def _xml2003_rows(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>')
        fh.write('<Row><Cell><Data ss:Type="String">Phone</Data></Cell></Row>')
        for i in range(n):
            fh.write(f'<Row><Cell><Data ss:Type="String">09{i:08d}</Data></Cell>'
                     f'<Cell><Data ss:Type="String">Khách {i}</Data></Cell></Row>')
        fh.write("</Table></Worksheet></Workbook>")
    return path


def test_spreadsheetml_2003_big_sheet_in_bounded_memory(tmp_path: Path) -> None:
    """100,000 rows (10 MB of XML, a tree of it would take ~150 MB) stream through iterparse row by row."""
    big = _xml2003_rows(tmp_path / "big.xml", 100_000)
    assert big.stat().st_size > 10 * 1024**2
    base = _convert_in_child(_xml2003_rows(tmp_path / "small.xml", 10), tmp_path / "small.xlsx")
    peak = _convert_in_child(big, tmp_path / "big.xlsx")
    assert peak - base < 25, (peak, base)
    with open_source(tmp_path / "big.xlsx") as src:
        assert src.sheet_info(0).rows == 100_001
        assert list(src.iter_rows(0, start_row=100_000)) == [["0900099999", "Khách 99999"]]


def test_spreadsheetml_2003_with_entities_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "lol.xml"
    p.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><Workbook '
                  b'xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&e;'
                  b"</Data></Cell></Row></Table></Worksheet></Workbook>")
    assert _refusal(p).kind == "xml_entities"


def test_named_formats_are_never_read_as_text(tmp_path: Path) -> None:
    for name, (path, needle) in sf.named_formats(tmp_path).items():
        error = _refusal(path)
        assert needle in error.message, (name, error.message)
        assert error.kind in ("other_format", "old_excel"), name
        assert "save it as .xlsx" in error.message or "Export To" in error.message, name
        assert ".xls," not in error.message, name  # never "supported: .xls" for an .xls refused


def test_csv_starting_with_id_is_still_csv(tmp_path: Path) -> None:
    """Excel itself calls a CSV starting with 'ID' a SYLK file; here only real SYLK records are."""
    p = tmp_path / "ids.csv"
    p.write_text("ID;Phone;Name\r\n1;0901234567;An\r\nC;0912345678;Bình\r\n", encoding="utf-8")
    assert sniff(p).kind == "text"
    assert _rows(p)[0] == ["ID", "Phone", "Name"]


# --- 4. legacy .xls: passwords, BIFF5 code pages -----------------------------------------------------

@pytest.mark.parametrize("rc4", [False, True], ids=["xor", "rc4"])
def test_filepass_is_password_protected(tmp_path: Path, rc4: bool) -> None:
    p = sf.write_xls_with_filepass(tmp_path / "locked.xls", ROWS[:1], rc4)
    error = _refusal(p)
    assert error.kind == "encrypted" and error.message == msg.MSG_ENCRYPTED


@pytest.mark.parametrize("codepage, encoding, text", [(10000, "mac_roman", "Café Ñoño"),
                                                      (10007, "mac_cyrillic", "Иван Петров"),
                                                      (32768, "mac_roman", "Café Ñoño")])
@pytest.mark.parametrize("small", [False, True], ids=["stream", "mini-stream"])
def test_biff5_in_mac_roman_and_cyrillic_is_read(tmp_path: Path, codepage: int, encoding: str, text: str,
                                                 small: bool) -> None:
    """Mac Excel 5 writes 32768 for Mac Roman: read from a copy relabelled 10000; the user's file is untouched."""
    rows = [["Phone", "Name"], ["0901234567", text]]
    p = sf.write_xls5(tmp_path / "mac.xls", rows, codepage, encoding)
    if small:  # the same Book stream, small enough to live in the OLE2 mini stream
        p.write_bytes(sf.write_cfb_small({"Book": sf.biff5_workbook(rows, codepage, encoding)}))
    before = p.read_bytes()
    assert (sniff(p).repair is not None) == (codepage == 32768)
    assert _rows(p) == rows
    assert p.read_bytes() == before and _scratch_files(tmp_path) == []


@pytest.mark.parametrize("codepage, encoding, name", [(10029, "mac_latin2", "Mac Central European"),
                                                      (10006, "mac_greek", "Mac Greek"),
                                                      (10081, "mac_turkish", "Mac Turkish")])
def test_biff5_in_other_mac_code_pages_is_named(tmp_path: Path, codepage: int, encoding: str, name: str) -> None:
    p = sf.write_xls5(tmp_path / "mac.xls", [["Phone"], ["0901234567"]], codepage, encoding)
    error = _refusal(p)
    assert error.kind == "codepage"
    assert f"{name} code page ({codepage})" in error.message and "save it as .xlsx" in error.message


# --- 5. a stray NUL in a short text file ---------------------------------------------------------------

@pytest.mark.parametrize("data", [b"Phone,Name\n0901234567,An\x00\n", b"0901234567\x00\n", b"a\x00\n",
                                  b"Phone\n0901234567\n\x00", b"\x00Phone;Name\r\n0901234567;B\r\n"])
def test_short_text_with_a_stray_nul_is_text(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "short.csv"
    p.write_bytes(data)
    assert sniff(p).kind == "text"
    with open_source(p) as src:
        rows = list(src.iter_rows(0))
        assert all("\x00" not in str(v) for r in rows for v in r)
        assert any("NUL" in w for w in src.warnings)


@pytest.mark.parametrize("data", [b"\x00" * 64, b"PK\x00\x00\x00\x00" + bytes(range(256)) * 4,
                                  b"abc" + b"\x00" * 40 + b"def"])
def test_binary_with_nul_runs_is_not_text(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "bin.csv"
    p.write_bytes(data)
    with pytest.raises(ImportInputError):
        sniff(p)


def test_damage_found_while_repairing_is_in_the_users_terms(tmp_path: Path) -> None:
    """The sheet's CRC is wrong: sniffing reads only its head, the rewrite meets the damage at its end."""
    import struct

    rows = [["Phone", "Name"]] + [[f"09{i:08d}", f"Khách {i}"] for i in range(6000)]
    p = sf.relocate_ooxml(sf.write_xlsxwriter(tmp_path / "src.xlsx", rows), tmp_path / "odd.xlsx", "")
    member = "worksheets/sheet1.xml"
    with zipfile.ZipFile(p) as zf:
        info = zf.getinfo(member)
    assert info.file_size > HEAD_SCAN
    data = bytearray(p.read_bytes())
    struct.pack_into("<I", data, info.header_offset + 14, info.CRC ^ 0xFFFF)
    central = data.find(b"PK\x01\x02" + data[info.header_offset + 4:info.header_offset + 8])
    while data[central + 46:central + 46 + len(member)] != member.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 16, info.CRC ^ 0xFFFF)
    p.write_bytes(bytes(data))
    assert sniff(p).repair is not None
    error = _refusal(p)
    assert error.kind in ("zip_bomb", "corrupt") and error.message in (msg.MSG_BOMB, msg.MSG_CORRUPT)
    assert _scratch_files(tmp_path) == []


@pytest.mark.parametrize("rc4", [False, True, None], ids=["xor", "rc4", "clear"])
def test_filepass_found_in_a_small_workbook_stream(tmp_path: Path, rc4: bool | None) -> None:
    """A Workbook stream under 4,096 bytes lives in the OLE2 mini stream: FILEPASS is found there too."""
    stream = sf.biff8_workbook(ROWS)
    if rc4 is not None:
        with sf.write_xls_with_filepass(tmp_path / "big.xls", ROWS, rc4).open("rb") as fh:
            stream = _Cfb(fh).head("Workbook", len(stream) + 4 + (54 if rc4 else 6))  # + FILEPASS
    p = tmp_path / "small.xls"
    p.write_bytes(sf.write_cfb_small({"Workbook": stream}))
    with p.open("rb") as fh:
        cfb = _Cfb(fh)
        assert cfb.entries["workbook"][1] < cfb.cutoff and cfb.head("Workbook", 4096) == stream
    if rc4 is None:
        assert sniff(p).kind == "xls"
        assert _rows(p) == ROWS
    else:
        assert _refusal(p).kind == "encrypted"


def test_a_visio_package_is_not_a_workbook_and_a_plain_xml_type_is(tmp_path: Path) -> None:
    visio = tmp_path / "drawing.xlsx"
    with zipfile.ZipFile(visio, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'content-types"><Override PartName="/visio/document.xml" '
                    'ContentType="application/vnd.ms-visio.drawing.main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/officeDocument" Target="visio/document.xml"/></Relationships>')
        zf.writestr("visio/document.xml", "<VisioDocument/>")
    assert _refusal(visio).message == msg.MSG_NOT_SHEET
    # a minimal writer's workbook covered only by the default "application/xml" type is still a workbook
    plain = sf.write_xlsx(tmp_path / "plain.xlsx", {"S": ROWS})
    sf.patch_zip(plain, "[Content_Types].xml", lambda d: re.sub(rb'<Override PartName="/xl/workbook.xml"[^>]*>', b"", d))
    with zipfile.ZipFile(plain) as zf:
        assert b"workbook.xml" not in zf.read("[Content_Types].xml")
    assert sniff(plain).kind == "xlsx" and _rows(plain) == ROWS


@pytest.mark.parametrize("cell", ['<Row ss:Index="2000000000"><Cell><Data ss:Type="String">x</Data></Cell></Row>',
                                  '<Row><Cell ss:Index="99999"><Data ss:Type="String">x</Data></Cell></Row>',
                                  '<Row><Cell ss:MergeDown="5000000"><Data ss:Type="String">x</Data></Cell></Row>'])
def test_spreadsheetml_2003_beyond_a_sheet_is_damaged(tmp_path: Path, cell: str) -> None:
    """A cell placed past Excel's last row or column would make the reader size its grid by it: refused."""
    p = tmp_path / "far.xml"
    p.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>'
                 f'<Row><Cell><Data ss:Type="String">Phone</Data></Cell></Row>{cell}</Table></Worksheet></Workbook>',
                 encoding="utf-8")
    assert _refusal(p).kind == "corrupt"
    assert _scratch_files(tmp_path) == []
