"""Input files for the importer tests: real workbooks, hostile zips, a tiny OLE2/BIFF8 writer."""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]], *, hidden: Sequence[str] = (),
               very_hidden: Sequence[str] = (), merges: dict[str, list[str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        if name in hidden:
            ws.sheet_state = "hidden"
        if name in very_hidden:
            ws.sheet_state = "veryHidden"
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def write_xlsxwriter(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A workbook with a shared-strings table (as Excel writes them)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("S")
    for r, row in enumerate(rows):
        ws.write_row(r, 0, list(row))
    wb.close()
    return path


def patch_zip(path: Path, member: str, change: Callable[[bytes], bytes], out: Path | None = None) -> Path:
    """Rewrite one member of a zip (others copied as they are)."""
    out = out or path
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zw:
        for info, data in items:
            zw.writestr(info.filename, change(data) if info.filename == member else data)
    return out


def add_member(path: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zw:
        zw.writestr(member, data)
    return path


def styled_empty_rows(xml: bytes, first: int, count: int) -> bytes:
    """Append ``count`` styled empty <row> elements (Excel does this when a format is applied to rows)."""
    rows = b"".join(b'<row r="%d" s="1" customFormat="1"/>' % r for r in range(first, first + count))
    return xml.replace(b"</sheetData>", rows + b"</sheetData>")


def set_dimension(xml: bytes, ref: str) -> bytes:
    return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="' + ref.encode() + b'"/>', xml)


BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
                  + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                    b'uniqueCount="1"><si><t>&lol9;</t></si></sst>')


# --- OLE2 compound file (version 3, 512-byte sectors, every stream >= 4096 bytes: no mini stream) -----

def write_cfb(streams: dict[str, bytes]) -> bytes:
    names = list(streams)
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    n_dir = (len(names) + 1 + 3) // 4
    sectors_per = [(len(d) + 511) // 512 for d in datas]
    total = 1 + n_dir + sum(sectors_per)
    assert total <= 128, "one FAT sector only"
    fat = [FREESECT] * 128
    fat[0] = FATSECT
    for s in range(1, 1 + n_dir):
        fat[s] = s + 1 if s < n_dir else ENDOFCHAIN
    starts = []
    nxt = 1 + n_dir
    for count in sectors_per:
        starts.append(nxt)
        for k in range(count):
            fat[nxt + k] = nxt + k + 1 if k < count - 1 else ENDOFCHAIN
        nxt += count

    def entry(name: str, typ: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = (name.encode("utf-16-le") + b"\0\0") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), typ, 1)
                + struct.pack("<III", NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, NOSTREAM, 1 if names else NOSTREAM, ENDOFCHAIN, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        entries.append(entry(name, 2, right, NOSTREAM, starts[i], len(datas[i])))
    while len(entries) % 4:
        entries.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM,
                                                                                NOSTREAM) + b"\0" * 48)
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([FREESECT] * 108))
    body = struct.pack("<128I", *fat) + b"".join(entries)
    for d in datas:
        body += d.ljust((len(d) + 511) // 512 * 512, b"\0")
    return bytes(header) + body


def _rec(rtype: int, data: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(data)) + data


def _xlstr16(text: str) -> bytes:  # XLUnicodeString, 2-byte count, UTF-16
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def biff8_workbook(rows: Sequence[Sequence[Any]], sheet: str = "Sheet1") -> bytes:
    """A minimal BIFF8 Workbook stream: one sheet of LABEL (text) and NUMBER cells."""
    bof_globals = _rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    codepage = _rec(0x0042, struct.pack("<H", 1200))
    xfs = b"".join(_rec(0x00E0, struct.pack("<HHH", 0, 0, 0xFFF5 if i < 15 else 0x0001) + b"\0" * 14)
                   for i in range(16))
    name = struct.pack("<BB", len(sheet), 1) + sheet.encode("utf-16-le")
    boundsheet_len = 4 + 6 + len(name)
    offset = len(bof_globals) + len(codepage) + len(xfs) + boundsheet_len + 4
    boundsheet = _rec(0x0085, struct.pack("<IBB", offset, 0, 0) + name)
    globals_ = bof_globals + codepage + xfs + boundsheet + _rec(0x000A, b"")
    assert len(globals_) == offset
    cells = b""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, str):
                cells += _rec(0x0204, struct.pack("<HHH", r, c, 15) + _xlstr16(v))
            elif v is not None:
                cells += _rec(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
    ncols = max((len(r) for r in rows), default=0)
    sheet_bof = _rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    dims = _rec(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, ncols, 0))
    return globals_ + sheet_bof + dims + cells + _rec(0x000A, b"")


def write_xls(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Sheet1") -> Path:
    path.write_bytes(write_cfb({"Workbook": biff8_workbook(rows, sheet)}))
    return path


def write_encrypted(path: Path) -> Path:
    """An OOXML workbook encrypted by Excel is an OLE2 file with these two streams."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>"
    path.write_bytes(write_cfb({"EncryptionInfo": info, "EncryptedPackage": b"\x10\0\0\0\0\0\0\0" + b"\x8e" * 64}))
    return path


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Vietnamese into Windows-1258 as Windows does it: base letter (with its vowel mark) + combining tone."""
    out = io.BytesIO()
    for ch in text:
        try:
            out.write(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        out.write((base + "".join(c for c in nfd if c in TONES)).encode("cp1258"))
    return out.getvalue()


def write_ods(path: Path, sheet: str, rows: Sequence[Sequence[Any]]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves, without styles)."""
    from xml.sax.saxutils import escape

    def cell(v: Any) -> str:
        if isinstance(v, str):
            return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="{escape(sheet)}">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)
    return path


def leftovers(folder: Path) -> list[Path]:
    """Files left under ``folder`` (a temporary folder a test set), but for the lock file of this process's
    scratch directory there (importer.scratch: it lives as long as the process)."""
    from campaign_gui.reading.scratch import OWNER, PREFIX

    return [p for p in folder.rglob("*") if p.is_file()
            and not (p.name == OWNER and p.parent.name.startswith(PREFIX) and p.parent.parent == folder)]


def _xlstr8(text: str, encoding: str, width: int = 2) -> bytes:  # BIFF5 string: byte count, 8-bit bytes
    raw = text.encode(encoding)
    return struct.pack("<H" if width == 2 else "<B", len(raw)) + raw


def biff5_workbook(rows: Sequence[Sequence[Any]], codepage: int, encoding: str, sheet: str = "Sheet1") -> bytes:
    """A minimal BIFF5 (Excel 5.0/95) Book stream in an 8-bit code page: LABEL and NUMBER cells."""
    bof_globals = _rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC))
    cp = _rec(0x0042, struct.pack("<H", codepage))
    xfs = b"".join(_rec(0x00E0, struct.pack("<HHH", 0, 0, 0xFFF5 if i < 15 else 0x0001) + b"\0" * 10)
                   for i in range(16))
    name = _xlstr8(sheet, encoding, 1)
    offset = len(bof_globals) + len(cp) + len(xfs) + 4 + 6 + len(name) + 4
    globals_ = bof_globals + cp + xfs + _rec(0x0085, struct.pack("<IH", offset, 0) + name) + _rec(0x000A, b"")
    assert len(globals_) == offset
    cells = b""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, str):
                cells += _rec(0x0204, struct.pack("<HHH", r, c, 15) + _xlstr8(v, encoding))
            elif v is not None:
                cells += _rec(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
    ncols = max((len(r) for r in rows), default=0)
    sheet_bof = _rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0x0DBB, 0x07CC))
    dims = _rec(0x0000, struct.pack("<HHHHH", 0, len(rows), 0, ncols, 0))
    return globals_ + sheet_bof + dims + cells + _rec(0x000A, b"")


def write_xls5(path: Path, rows: Sequence[Sequence[Any]], codepage: int, encoding: str) -> Path:
    path.write_bytes(write_cfb({"Book": biff5_workbook(rows, codepage, encoding)}))
    return path


def write_xls_with_filepass(path: Path, rows: Sequence[Sequence[Any]], rc4: bool) -> Path:
    """A BIFF8 workbook marked as encrypted: FILEPASS right after the globals' BOF (XOR obfuscation or RC4).
    The rest is left in the clear: only the marker matters to the reader, which must not try to read on."""
    stream = biff8_workbook(rows)
    bof_len = 4 + 16
    if rc4:  # RC4 (CryptoAPI-less): wEncryptionType 1, version 1.1, salt, verifier, verifier hash
        body = struct.pack("<HHH", 1, 1, 1) + b"\x11" * 48
    else:  # XOR obfuscation: wEncryptionType 0, key, verifier
        body = struct.pack("<HHH", 0, 0x1234, 0x5678)
    filepass = _rec(0x002F, body)
    stream = stream[:bof_len] + filepass + stream[bof_len:]
    # BOUNDSHEET's offset of the sheet's BOF moves by the inserted record
    pos = stream.find(struct.pack("<H", 0x0085))
    old = struct.unpack_from("<I", stream, pos + 4)[0]
    stream = stream[:pos + 4] + struct.pack("<I", old + len(filepass)) + stream[pos + 8:]
    path.write_bytes(write_cfb({"Workbook": stream}))
    return path


# --- workbooks laid out or encoded unusually, and formats that are named, not read ---------------------

def relocate_ooxml(src: Path, out: Path, folder: str = "", backslashes: bool = False, utf16: bool = False) -> Path:
    """Move a package's ``xl/`` parts to ``folder`` ('' = the archive's root), rewriting ``_rels/.rels``, the
    content types and absolute relationship targets; member names with backslashes; XML parts in UTF-16."""
    with zipfile.ZipFile(src) as zf:
        items = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zw:
        for name, data in items:
            if name.startswith("xl/"):
                name = folder + name[3:]
            if name.endswith((".xml", ".rels")):
                data = data.replace(b'Target="/xl/', b'Target="/' + folder.encode())
                data = data.replace(b'PartName="/xl/', b'PartName="/' + folder.encode())
                if name == "_rels/.rels":
                    data = data.replace(b'Target="xl/workbook.xml"', b'Target="' + folder.encode() + b'workbook.xml"')
                if utf16:
                    text = data.decode("utf-8")
                    text = re.sub(r'encoding="UTF-8"', 'encoding="UTF-16"', text, count=1, flags=re.IGNORECASE)
                    data = text.encode("utf-16")
            if backslashes:
                name = name.replace("/", "\\")
            zw.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return out


def drop_member(path: Path, member: str) -> Path:
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i)) for i in zf.infolist() if i.filename != member]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zw:
        for info, data in items:
            zw.writestr(info.filename, data)
    return path


def ods_content(sheet: str, rows: Sequence[Sequence[Any]]) -> str:
    """The office:body of an ODS holding one table (strings and floats)."""
    from xml.sax.saxutils import escape

    def cell(v: Any) -> str:
        if isinstance(v, str):
            return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    return f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{body}</table:table>' \
           "</office:spreadsheet></office:body>"


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def write_fods(path: Path, sheet: str, rows: Sequence[Sequence[Any]], kind: str = "spreadsheet") -> Path:
    """A flat OpenDocument file (LibreOffice's .fods): the whole document as one XML file."""
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    f'<office:document {ODF_NS} office:version="1.2" '
                    f'office:mimetype="application/vnd.oasis.opendocument.{kind}"><office:meta/><office:styles/>'
                    f"{ods_content(sheet, rows)}</office:document>", encoding="utf-8")
    return path


def write_xml2003(path: Path) -> Path:
    """An 'XML Spreadsheet 2003' as Excel writes it: styles first, a <Table> in the first bytes, cells with
    ss:Index gaps, a phone stored as a number, rich text, a merged title, a hidden second sheet."""
    path.write_text('''<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style></Styles>
 <Worksheet ss:Name="Danh bạ">
  <Table ss:ExpandedColumnCount="4" ss:ExpandedRowCount="6" x:FullColumns="1" x:FullRows="1">
   <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Danh sách khách hàng</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">Số điện thoại</Data></Cell>
    <Cell><Data ss:Type="String">Họ và tên</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">Email</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">0901234567</Data></Cell><Cell><ss:Data ss:Type="String"
     xmlns="http://www.w3.org/TR/REC-html40"><B>Nguyễn</B> Văn An</ss:Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="String">an@example.vn</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">912345678</Data></Cell><Cell><Data ss:Type="String">Trần &amp; Bình</Data></Cell>
    <Cell><Data ss:Type="DateTime">2024-03-05T00:00:00.000</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="Ẩn">
  <Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
</Workbook>
''', encoding="utf-8")
    return path


XML2003_ROWS = [["Danh sách khách hàng", None, None, None], [None, None, None, None],
                ["Số điện thoại", "Họ và tên", None, "Email"], ["0901234567", "Nguyễn Văn An", None, "an@example.vn"],
                [912345678.0, "Trần & Bình", "2024-03-05", True]]


def named_formats(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files of formats the app names instead of reading: name -> (file, words its message must hold)."""
    import gzip

    out: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, needle: str) -> None:
        path = folder / name
        path.write_bytes(data)
        out[name] = (path, needle)

    put("sylk.csv", b'ID;PWXL;N;E\r\nP;PGeneral\r\nC;Y1;X1;K"Phone"\r\nC;Y2;X1;K901234567\r\nE\r\n', "SYLK")
    put("dif.csv", b'TABLE\r\n0,1\r\n"EXCEL"\r\nVECTORS\r\n0,1\r\n""\r\nTUPLES\r\n0,2\r\n""\r\nDATA\r\n0,0\r\n""\r\n'
                   b'-1,0\r\nBOT\r\n1,0\r\n"Phone"\r\n-1,0\r\nEOD\r\n', "DIF")
    put("lotus.xls", b"\x00\x00\x02\x00\x06\x04\x06\x00\x08\x00\x00\x00\x00\x00" + bytes(200), "Lotus 1-2-3")
    put("quattro.xlsx", b"\x00\x00\x02\x00\x20\x51\x01\x00" + bytes(200), "Quattro Pro")
    put("quattro9.xls", write_cfb({"NativeContent_MAIN": b"\x00" * 64}), "Quattro Pro")
    put("works.xls", write_cfb({"MatOST": b"\x00" * 64}), "Microsoft Works")
    put("starcalc.xls", write_cfb({"StarCalcDocument": b"\x00" * 64}), "StarCalc")
    put("gnumeric.xls", gzip.compress(b'<?xml version="1.0"?><gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">'
                                      b"</gnm:Workbook>"), "Gnumeric")
    put("export.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n<contacts><contact phone="0901234567"/></contacts>',
        "an XML file")
    numbers = folder / "numbers.xlsx"
    with zipfile.ZipFile(numbers, "w") as zf:
        zf.writestr("Index/Document.iwa", b"\x00" * 32)
        zf.writestr("Metadata/Properties.plist", b"<plist/>")
    out["numbers.xlsx"] = (numbers, "Apple Numbers")
    # Excel 2.1 worksheet and Excel 4.0 workbook: their BOF records are the whole file's start (no OLE2)
    put("excel2.xls", b"\x09\x00\x04\x00\x02\x00\x10\x00" + bytes(100), "very old Excel")
    put("excel4.xls", b"\x09\x04\x06\x00\x00\x00\x00\x01\x00\x00" + bytes(100), "very old Excel")
    return out


def write_cfb_small(streams: dict[str, bytes]) -> bytes:
    """An OLE2 file whose streams are all under 4,096 bytes: they live in the mini stream (64-byte sectors
    chained by the MiniFAT, inside the root entry's stream), as small workbooks written by some tools do."""
    names = list(streams)
    assert len(names) <= 3 and all(len(d) < 4096 for d in streams.values())
    mini = b""
    mini_fat: list[int] = []
    starts = []
    for name in names:
        data = streams[name]
        count = max((len(data) + 63) // 64, 1)
        first = len(mini_fat)
        starts.append(first)
        mini_fat.extend(first + k + 1 if k < count - 1 else ENDOFCHAIN for k in range(count))
        mini += data.ljust(count * 64, b"\0")
    container = (len(mini) + 511) // 512
    # sectors: 0 FAT, 1 directory, 2 MiniFAT, 3.. the mini stream's container
    fat = [FATSECT, ENDOFCHAIN, ENDOFCHAIN] + [4 + k if k < container - 1 else ENDOFCHAIN
                                               for k in range(container)]
    fat += [FREESECT] * (128 - len(fat))

    def entry(name: str, typ: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = (name.encode("utf-16-le") + b"\0\0") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), typ, 1)
                + struct.pack("<III", NOSTREAM, right, child) + b"\0" * 36 + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, NOSTREAM, 1, 3, len(mini))]
    for i, name in enumerate(names):
        entries.append(entry(name, 2, i + 2 if i + 1 < len(names) else NOSTREAM, NOSTREAM, starts[i],
                             len(streams[name])))
    while len(entries) < 4:
        entries.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM)
                       + b"\0" * 48)
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, 1, 1, 0, 4096, 2, 1, ENDOFCHAIN, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([FREESECT] * 108))
    minifat = struct.pack(f"<{len(mini_fat)}I", *mini_fat).ljust(512, b"\xff")
    return (bytes(header) + struct.pack("<128I", *fat) + b"".join(entries) + minifat
            + mini.ljust(container * 512, b"\0"))
