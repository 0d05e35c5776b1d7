"""What sniffing tells the user about a file it refuses (English; the window translates them by their text).

services.texts_catalogue_input holds the Vietnamese of every ``MSG_*`` here; a test checks none is missing.
"""

from __future__ import annotations

MSG_EMPTY = "The file is empty."
MSG_ENCRYPTED = ("This workbook is password-protected: remove the password in Excel "
                 "(File → Info → Protect Workbook) and try again.")
MSG_HTML = ("This file was saved as a web page, not a real Excel workbook: open it in Excel and "
            "Save As .xlsx, then try again.")
MSG_CORRUPT = ("The file is damaged or incomplete (the workbook could not be unpacked): "
               "open it in Excel, save it again and retry.")
MSG_BINARY = ("This is not a spreadsheet or text file that can be read (supported: .xlsx, .xlsm, .xlsb, .xls, "
              ".ods, .fods, XML Spreadsheet 2003, .csv, .tsv, .txt).")
MSG_NOT_SHEET = "This zip/Office file does not contain a spreadsheet (is it a Word or PowerPoint document?)."
MSG_BOMB = ("The workbook unpacks to far more data than it holds (a 'zip bomb' or a damaged file); "
            "it was not opened.")
MSG_TOO_LARGE = "The workbook is too large once unpacked (over 3 GB); split it into smaller files."
SAVE_AS = "open it in Excel or LibreOffice and save it as .xlsx, then try again."
MSG_SYLK = f"This is a SYLK file, which cannot be read: {SAVE_AS}"
MSG_DIF = f"This is a DIF file, which cannot be read: {SAVE_AS}"
MSG_QUATTRO = f"This is a Quattro Pro workbook, which cannot be read: {SAVE_AS}"
MSG_LOTUS = f"This is a Lotus 1-2-3 worksheet, which cannot be read: {SAVE_AS}"
MSG_WORKS = f"This is a Microsoft Works spreadsheet, which cannot be read: {SAVE_AS}"
MSG_STARCALC = f"This is a StarCalc workbook, which cannot be read: {SAVE_AS}"
MSG_GNUMERIC = f"This is a Gnumeric workbook, which cannot be read: {SAVE_AS}"
MSG_NUMBERS = ("This is an Apple Numbers document, which cannot be read: open it in Numbers and export it "
               "to Excel (File → Export To → Excel), then try again.")
MSG_OTHER_XML = f"This is an XML file, but not a spreadsheet saved by Excel or LibreOffice: {SAVE_AS}"
MSG_OLD_EXCEL = f"This workbook was saved by a very old Excel (version 2, 3 or 4): {SAVE_AS}"
MSG_WORD = "This is a Word document, not a spreadsheet: choose the Excel or CSV file with the contacts."
MSG_POWERPOINT = "This is a PowerPoint presentation, not a spreadsheet: choose the Excel or CSV file with the contacts."
MSG_FLAT_ODF = ("This is an OpenDocument text or presentation saved as flat XML, not a spreadsheet: "
                "choose the spreadsheet with the contacts.")
MSG_XML = "The file contains XML constructs that are not allowed (DTD or entity declarations); it was not opened."

MAC_CODEPAGES = {10000: "Mac Roman", 10001: "Mac Japanese", 10002: "Mac Traditional Chinese", 10003: "Mac Korean",
                 10004: "Mac Arabic", 10005: "Mac Hebrew", 10006: "Mac Greek", 10007: "Mac Cyrillic",
                 10008: "Mac Simplified Chinese", 10010: "Mac Romanian", 10017: "Mac Ukrainian", 10021: "Mac Thai",
                 10029: "Mac Central European", 10079: "Mac Icelandic", 10081: "Mac Turkish",
                 10082: "Mac Croatian", 32768: "Mac Roman"}


def codepage_message(codepage: int) -> str:
    """The refusal of an old workbook whose 8-bit code page cannot be decoded, naming it."""
    name = MAC_CODEPAGES.get(codepage, "unsupported")
    return (f"This old Excel workbook is written in the {name} code page ({codepage}), which cannot be read: "
            f"{SAVE_AS}")
