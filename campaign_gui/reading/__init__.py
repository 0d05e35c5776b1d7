"""reading: everything from a path to a validated result (no Qt, no network).

sniff (the format from the bytes; sniff_zip checks OOXML/ODS packages, sniff_ole OLE2 files, sniff_text the
rest, sniff_messages holds the refusals' texts) → repair (a copy made first when calamine cannot read the file
as it is: repair_package for odd zip packages and flat ODS, xml2003 for XML Spreadsheet 2003) → reader /
csv_reader (a Source of rows; big .xlsx sheets cut in parts by xlsx_split / xlsx_parts, the last part walked by
part_worker's child, scratch files in scratch) → header (which row is the header) → mapping (which column is
which field) → walk (cells to stored columns, phones normalised by phone_worker, duplicates found) → result
(the columnar ValidationResult). validate wires them. types holds the row types that upload/ journals. Never
imports upload/.
"""
