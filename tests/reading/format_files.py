"""One file per class of issue 14 (items 1-5), for the command line and the wizard's reading service."""

from __future__ import annotations

import shutil
from pathlib import Path

import sheet_files as sf

ROWS = [["Số điện thoại", "Họ và tên"], ["0901234567", "Nguyễn Văn An"], ["0912345678", "Trần Bình"]]


def readable(folder: Path) -> dict[str, Path]:
    """Files that must be read: each holds two contacts under a Vietnamese header."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    xls = sf.write_xls(folder / "src.xls", ROWS)
    ods = sf.write_ods(folder / "src.ods", "Khách", ROWS)
    xlsx = sf.write_xlsxwriter(folder / "src.xlsx", ROWS)
    out["xls named .xlsx"] = Path(shutil.copy(xls, folder / "xls_named.xlsx"))
    out["ods named .xlsx"] = Path(shutil.copy(ods, folder / "ods_named.xlsx"))
    out["xlsx named .ods"] = Path(shutil.copy(xlsx, folder / "xlsx_named.ods"))
    out["workbook at the root"] = sf.relocate_ooxml(xlsx, folder / "root.xlsx", "")
    out["backslashes, UTF-16"] = sf.relocate_ooxml(xlsx, folder / "utf16.xlsx", "xl/", backslashes=True, utf16=True)
    out["ods without mimetype"] = sf.drop_member(Path(shutil.copy(ods, folder / "nomime.ods")), "mimetype")
    out["flat ods"] = sf.write_fods(folder / "flat.fods", "Khách", ROWS)
    out["xml spreadsheet 2003"] = sf.write_xml2003(folder / "xml2003.xls")
    out["biff5 mac roman"] = sf.write_xls5(folder / "mac.xls", [["Phone", "Name"], ["0901234567", "Cafe"],
                                                                 ["0912345678", "Ñoño"]], 32768, "mac_roman")
    nul = folder / "nul.csv"
    nul.write_bytes("Số điện thoại,Họ và tên\n0901234567,An\x00\n0912345678,Bình\n".encode())
    out["short csv with a NUL"] = nul
    return out


def refused(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files that must be refused by name: (file, words of the message)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = dict(sf.named_formats(folder))
    out["xor.xls"] = (sf.write_xls_with_filepass(folder / "xor.xls", ROWS, rc4=False), "password-protected")
    out["rc4.xls"] = (sf.write_xls_with_filepass(folder / "rc4.xls", ROWS, rc4=True), "password-protected")
    out["mac-ce.xls"] = (sf.write_xls5(folder / "mac-ce.xls", [["Phone"], ["0901234567"]], 10029, "mac_latin2"),
                         "Mac Central European code page (10029)")
    return out
