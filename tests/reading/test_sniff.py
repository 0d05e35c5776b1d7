"""Files identified by their bytes; hostile and unusable files refused with their own message."""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
import sheet_files as sf

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff_text, sniff_zip
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.sniff import sniff

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


# --- hostile files: each opened in a fresh child process whose own peak RSS is measured ---------------

_CHILD = """
import json, sys, time
from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.reader import open_source
started = time.monotonic()
result = {"kind": None, "message": ""}
try:
    with open_source(sys.argv[1]) as src:
        for _ in src.iter_rows_fast(0):
            pass
except ImportInputError as exc:
    result = {"kind": exc.kind, "message": exc.message}
result["seconds"] = time.monotonic() - started
try:  # this process's own high-water mark (per address space, so not inherited across fork/exec)
    with open("/proc/self/status") as status:
        result["peak_kb"] = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except OSError:
    result["peak_kb"] = None
print(json.dumps(result), flush=True)
"""
BLOCK = b"<row/>" * 174_762  # just under 1 MiB of well-formed XML, deflating ~700:1


def _in_child(path: Path, timeout: float = 60) -> tuple[dict[str, object], float]:
    """Open ``path`` with ``reader.open_source`` in a fresh interpreter; (its answer, its peak RSS in MB).

    The peak is the child's own ``VmHWM`` (Linux). ``ru_maxrss`` of a child is NOT used where VmHWM exists:
    Linux carries the parent's high-water mark across fork and exec into it, so a child of a large test
    process would report the parent's size. Elsewhere ``wait4``'s rusage of that very child is the fallback.
    """
    import json
    import os
    import subprocess
    import sys
    import tempfile
    import threading

    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(path)], stdout=subprocess.PIPE, stderr=errors,
                                cwd=Path(__file__).resolve().parents[2])
        guard = threading.Timer(timeout, proc.kill)  # a safety net only: a hung child is killed
        guard.start()
        try:
            assert proc.stdout is not None
            out = proc.stdout.read()  # to EOF; the child is not reaped yet…
        finally:
            guard.cancel()
            proc.stdout.close()  # type: ignore[union-attr]
        errors.seek(0)
        err = errors.read()
    _pid, status, usage = os.wait4(proc.pid, 0)  # …so its own rusage is still there to collect
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    answer = json.loads(out.decode().strip().splitlines()[-1])
    peak_kb = answer.pop("peak_kb", None)
    if peak_kb is not None:
        return answer, peak_kb / 1024
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024**2
    return answer, peak_mb


def _baseline_mb(tmp_path: Path) -> float:
    """The child's peak on a harmless workbook: the interpreter and its imports."""
    answer, peak = _in_child(sf.write_xlsx(tmp_path / "harmless.xlsx", {"S": ROWS}))
    assert answer["kind"] is None
    return peak


def _zip_with_deflate_bomb(path: Path, template: Path, member: str, blocks: int,
                           declared_size: int | None = None) -> int:
    """Rewrite ``template`` with ``member`` replaced by its XML whose sheetData holds ``blocks`` MiB of rows.

    The deflate stream is built from one compressed block repeated (a full flush resets the dictionary,
    so every block compresses to the same bytes): gigabytes of content in a few MB, written in a blink.
    ``declared_size`` lies about the uncompressed size in both headers. Returns the real size.
    """
    import zipfile as zf_mod

    with zf_mod.ZipFile(template) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    out = bytearray()
    central = bytearray()
    for name, data in members:
        if name == member:
            head, tail = data.split(b"</sheetData>", 1)
            tail = b"</sheetData>" + tail
            comp = zlib.compressobj(9, zlib.DEFLATED, -15)
            first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
            block = comp.compress(BLOCK) + comp.flush(zlib.Z_FULL_FLUSH)
            assert comp.compress(BLOCK) + comp.flush(zlib.Z_FULL_FLUSH) == block  # history-free
            payload = first + block * blocks + comp.compress(tail) + comp.flush()
            crc = zlib.crc32(head)
            for _ in range(blocks):
                crc = zlib.crc32(BLOCK, crc)
            crc = zlib.crc32(tail, crc)
            size = len(head) + len(BLOCK) * blocks + len(tail)
            real = size
            if declared_size is not None:
                size = declared_size
        else:
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            payload = comp.compress(data) + comp.flush()
            crc, size = zlib.crc32(data), len(data)
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(payload), size, len(raw), 0)
        out += raw + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(payload), size,
                               len(raw), 0, 0, 0, 0, 0, offset) + raw
    cd_offset = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                                 cd_offset, 0)
    path.write_bytes(bytes(out))
    return real


def test_zip_bomb_rejected_from_directory(tmp_path: Path) -> None:
    """A 2 GiB sheet in a ~3 MB file, with the real limits: refused from the directory, in little memory."""
    template = sf.write_xlsx(tmp_path / "template.xlsx", {"S": ROWS})
    p = tmp_path / "bomb.xlsx"
    real = _zip_with_deflate_bomb(p, template, "xl/worksheets/sheet1.xml", blocks=2048)
    assert real > 2 * 1000**3 and p.stat().st_size < 5 * 1024**2
    base = _baseline_mb(tmp_path)
    answer, peak = _in_child(p)
    assert answer["kind"] == "zip_bomb" and "zip bomb" in str(answer["message"]).lower(), answer
    assert peak < 300 and peak - base < 100, (peak, base)  # inflating it would need > 2,000 MB
    assert float(answer["seconds"]) < 20  # a generous safety net, not a timing assertion


def test_too_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff_zip, "MAX_MEMBERS", 20)
    p = sf.write_xlsx(tmp_path / "many.xlsx", {"S": ROWS})
    for i in range(30):
        sf.add_member(p, f"xl/media/i{i}.bin", b"x")
    assert _kind_of_error(p) == "zip_bomb"


def test_lying_zip_sizes_are_bounded(tmp_path: Path) -> None:
    """The sheet declares 4,000 bytes but inflates to 512 MiB: nobody may trust the stream over the header."""
    template = sf.write_xlsx(tmp_path / "template.xlsx", {"S": ROWS})
    p = tmp_path / "liar.xlsx"
    real = _zip_with_deflate_bomb(p, template, "xl/worksheets/sheet1.xml", blocks=512, declared_size=4000)
    assert real > 500 * 1000**2
    base = _baseline_mb(tmp_path)
    answer, peak = _in_child(p)
    assert answer["kind"] in ("zip_bomb", "corrupt"), answer
    assert peak < 300 and peak - base < 100, (peak, base)  # inflating it would need > 500 MB
    assert float(answer["seconds"]) < 20


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
def test_lying_zip_sizes_refused(tmp_path: Path, crc_of_prefix: bool) -> None:
    """Declared size shorter than the stream, with the CRC of the whole or of the declared prefix."""
    p = sf.write_xlsx(tmp_path / "liar.xlsx", {"S": ROWS})
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>0901234567</t></is></c></row>' % (r, r)
                    for r in range(3, 20_000))
    sf.patch_zip(p, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"</sheetData>", rows + b"</sheetData>"))
    _lie_about_size(p, "xl/worksheets/sheet1.xml", 4000, crc_of_prefix)
    assert _kind_of_error(p) in ("zip_bomb", "corrupt")


def test_billion_laughs_in_shared_strings(tmp_path: Path) -> None:
    p = sf.write_xlsxwriter(tmp_path / "lol.xlsx", ROWS)
    sf.patch_zip(p, "xl/sharedStrings.xml", lambda d: sf.BILLION_LAUGHS)
    base = _baseline_mb(tmp_path)
    answer, peak = _in_child(p)
    assert answer["kind"] == "xml_entities", answer
    assert str(answer["message"]).startswith("The file contains XML constructs that are not allowed")
    assert peak < 300 and peak - base < 50, (peak, base)  # expanding it would need ~3,000 MB
    assert float(answer["seconds"]) < 10


def test_entity_in_workbook_xml(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "wb.xlsx", {"S": ROWS})
    sf.patch_zip(p, "xl/workbook.xml", lambda d: d.replace(
        b"<workbook", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook', 1))
    assert _kind_of_error(p) == "xml_entities"


def test_text_detection() -> None:
    assert sniff_text.looks_text("Phone;Name\r\n0901;Ân\r\n".encode())
    assert sniff_text.looks_text("Phone\tName\n".encode("utf-16-le"))
    assert sniff_text.looks_text(b"phone,name\n0901234567,Nguyen Van An\x00\n" * 50)
    assert not sniff_text.looks_text(random.Random(1).randbytes(4096))
