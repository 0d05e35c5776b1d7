"""The English texts of refusals when reading a file or resuming a job (ImportInputError messages by kind)
and of reading warnings, listed for lupdate (context ReasonText) with their patterns; the rest of the
catalogue is in texts_catalogue.py (same conventions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...  # the stubs say object; it returns source
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

from campaign_gui.services.texts_catalogue import Spec  # (regex of the English text, template, group kinds)

# ImportInputError messages by kind (reading.sniff_messages MSG_*, reader, csv_reader, validate, result, jobs)
INPUT_MESSAGES: dict[str, tuple[str, ...]] = {
    "empty": (QT_TRANSLATE_NOOP("ReasonText", "The file is empty."),),
    "encrypted": (QT_TRANSLATE_NOOP("ReasonText", "This workbook is password-protected: remove the password in Excel (File → Info → Protect Workbook) and try again."),),
    "html": (QT_TRANSLATE_NOOP("ReasonText", "This file was saved as a web page, not a real Excel workbook: open it in Excel and Save As .xlsx, then try again."),),
    "corrupt": (QT_TRANSLATE_NOOP("ReasonText", "The file is damaged or incomplete (the workbook could not be unpacked): open it in Excel, save it again and retry."),),
    "unknown_format": (
        QT_TRANSLATE_NOOP("ReasonText", "This is not a spreadsheet or text file that can be read (supported: .xlsx, .xlsm, .xlsb, .xls, .ods, .fods, XML Spreadsheet 2003, .csv, .tsv, .txt)."),
        QT_TRANSLATE_NOOP("ReasonText", "This zip/Office file does not contain a spreadsheet (is it a Word or PowerPoint document?)."),
        QT_TRANSLATE_NOOP("ReasonText", "This Office file is not a spreadsheet (is it a Word or PowerPoint document?)."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a Word document, not a spreadsheet: choose the Excel or CSV file with the contacts."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a PowerPoint presentation, not a spreadsheet: choose the Excel or CSV file with the contacts."),
        QT_TRANSLATE_NOOP("ReasonText", "This is an OpenDocument text or presentation saved as flat XML, not a spreadsheet: choose the spreadsheet with the contacts."),
    ),
    "other_format": (
        QT_TRANSLATE_NOOP("ReasonText", "This is a SYLK file, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a DIF file, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a Quattro Pro workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a Lotus 1-2-3 worksheet, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a Microsoft Works spreadsheet, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a StarCalc workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is a Gnumeric workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is an XML file, but not a spreadsheet saved by Excel or LibreOffice: open it in Excel or LibreOffice and save it as .xlsx, then try again."),
        QT_TRANSLATE_NOOP("ReasonText", "This is an Apple Numbers document, which cannot be read: open it in Numbers and export it to Excel (File → Export To → Excel), then try again."),
    ),
    "old_excel": (QT_TRANSLATE_NOOP("ReasonText", "This workbook was saved by a very old Excel (version 2, 3 or 4): open it in Excel or LibreOffice and save it as .xlsx, then try again."),),
    "zip_bomb": (QT_TRANSLATE_NOOP("ReasonText", "The workbook unpacks to far more data than it holds (a 'zip bomb' or a damaged file); it was not opened."),),
    "too_large": (QT_TRANSLATE_NOOP("ReasonText", "The workbook is too large once unpacked (over 3 GB); split it into smaller files."),),
    "xml_entities": (QT_TRANSLATE_NOOP("ReasonText", "The file contains XML constructs that are not allowed (DTD or entity declarations); it was not opened."),),
    "bad_header_row": (QT_TRANSLATE_NOOP("ReasonText", "The header row must be 1 or more (0 = no header)."),),
    "no_phone": (QT_TRANSLATE_NOOP("ReasonText", "No phone column was found: choose which column holds the phone numbers (e.g. --map phone=B)."),),
    "source_changed": (
        QT_TRANSLATE_NOOP("ReasonText", "the source file changed since the import started; start a new import"),
        QT_TRANSLATE_NOOP("ReasonText", "the source file is gone since the import started; start a new import"),
    ),
    "mapping_changed": (QT_TRANSLATE_NOOP("ReasonText", "the column mapping or settings changed since the import started; start a new import"),),
}

INPUT_PATTERNS: dict[str, tuple[Spec, ...]] = {
    "not_found": (
        (r"File not found: (.*)", QT_TRANSLATE_NOOP("ReasonText", "File not found: {0}"), ()),
        (r"(.*) is a folder, not a file\.", QT_TRANSLATE_NOOP("ReasonText", "{0} is a folder, not a file."), ()),
        (r"No import job (.*) in this data directory",
         QT_TRANSLATE_NOOP("ReasonText", "No import job {0} in this data directory"), ()),
    ),
    "unreadable": ((r"Cannot read (.*?): (.*)", QT_TRANSLATE_NOOP("ReasonText", "Cannot read {0}: {1}"), ()),),
    "unknown_sheet": ((r"There is no sheet (.*) in this file \(sheets: (.*)\)\.",
                       QT_TRANSLATE_NOOP("ReasonText", "There is no sheet {0} in this file (sheets: {1})."), ()),),
    "codepage": ((r"This old Excel workbook is written in the (.*) code page \((\d+)\), which cannot be read: open it in Excel or LibreOffice and save it as \.xlsx, then try again\.",
                  QT_TRANSLATE_NOOP("ReasonText", "This old Excel workbook is written in the {0} code page ({1}), which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, then try again."), ()),),
    "bad_encoding": ((r"Unknown text encoding (.*)\.", QT_TRANSLATE_NOOP("ReasonText", "Unknown text encoding {0}."), ()),),
    "corrupt": ((r"The text file could not be read near line (\d+): (.*) \(an unclosed quote\?\)",
                 QT_TRANSLATE_NOOP("ReasonText", "The text file could not be read near line {0}: {1} (an unclosed quote?)"),
                 ()),),
    "blocked": ((r"(\d+) row\(s\) have an invalid phone number: fix them, or choose to skip or include invalid rows\.",
                 QT_TRANSLATE_NOOP("ReasonText", "{0} row(s) have an invalid phone number: fix them, or choose to skip or include invalid rows."),
                 ("num",)),),
    "choose_sheet": ((r"Several sheets hold phone numbers \((.*) in their first rows\) and the first sheet holds no "
                      r"contact list: choose the sheet to read \(--sheet NAME\)\.",
                      QT_TRANSLATE_NOOP("ReasonText", "Several sheets hold phone numbers ({0} in their first rows) and the first sheet holds no contact list: choose the sheet to read (--sheet NAME)."),
                      ()),),
    "not_a_file": (
        (r"(.*) is a pipe \(FIFO\), not a file: save the data to a file and choose that file\.",
         QT_TRANSLATE_NOOP("ReasonText", "{0} is a pipe (FIFO), not a file: save the data to a file and choose that file."),
         ()),
        (r"(.*) is a device, not a file: choose a spreadsheet or text file\.",
         QT_TRANSLATE_NOOP("ReasonText", "{0} is a device, not a file: choose a spreadsheet or text file."), ()),
    ),
    "incomplete": (
        (r"Job (\S+) is incomplete: its rows were not all recorded when it was created \(the journal holds ([\d,]+) "
         r"rows, the job counts ([\d,]+)\)\. Nothing more will be sent for it; start the import again\.",
         QT_TRANSLATE_NOOP("ReasonText", "Job {0} is incomplete: its rows were not all recorded when it was created (the journal holds {1} rows, the job counts {2}). Nothing more will be sent for it; start the import again."),
         ("", "num", "num")),
        (r"Job (\S+) was stopped while it was being created, before all of its rows were recorded; it was removed "
         r"and nothing of it was sent\. Start the import again\.",
         QT_TRANSLATE_NOOP("ReasonText", "Job {0} was stopped while it was being created, before all of its rows were recorded; it was removed and nothing of it was sent. Start the import again."),
         ()),
        (r"Job (\S+) is still being created by another import; wait for it to start",
         QT_TRANSLATE_NOOP("ReasonText", "Job {0} is still being created by another import; wait for it to start"), ()),
    ),
    "finished": ((r"Job (\S+) has already ended \((\w+)\); nothing to resume",
                  QT_TRANSLATE_NOOP("ReasonText", "Job {0} has already ended ({1}); nothing to resume"), ()),),
}

# reader and csv_reader warnings
WARNING_PATTERNS: tuple[Spec, ...] = (
    (r"Sheet '(.*)': merged cells (.*) and (\d+) more: only the top-left cell of each holds a value; the other cells are read as empty\.",
     QT_TRANSLATE_NOOP("ReasonText", "Sheet '{0}': merged cells {1} and {2} more: only the top-left cell of each holds a value; the other cells are read as empty."),
     ("", "", "num")),
    (r"Sheet '(.*)': merged cells (.*): only the top-left cell of each holds a value; the other cells are read as empty\.",
     QT_TRANSLATE_NOOP("ReasonText", "Sheet '{0}': merged cells {1}: only the top-left cell of each holds a value; the other cells are read as empty."),
     ()),
    (r"Sheet '(.*)': (\d+) formula cell\(s\) have no saved value \((.*)\); they are read as empty\. Open the file in Excel and save it to store the values\.",
     QT_TRANSLATE_NOOP("ReasonText", "Sheet '{0}': {1} formula cell(s) have no saved value ({2}); they are read as empty. Open the file in Excel and save it to store the values."),
     ("", "num", "")),
    (r"Read sheet '(.*)': the first sheet '(.*)' holds no contact list\.",
     QT_TRANSLATE_NOOP("ReasonText", "Read sheet '{0}': the first sheet '{1}' holds no contact list."), ()),
    (r"Most phone numbers look like numbers of (.+) \((\w+)\), not of (.+) \((\w+)\): choose country (\w+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Most phone numbers look like numbers of {0} ({1}), not of {2} ({3}): choose country {4}."),
     ("country", "", "country")),
    (r"(\d+) NUL byte\(s\) were removed from the file\.",
     QT_TRANSLATE_NOOP("ReasonText", "{0} NUL byte(s) were removed from the file."), ("num",)),
)
