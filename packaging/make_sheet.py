"""A small contacts spreadsheet for the packaging checks: make_sheet.py OUT.xlsx ROWS (Vietnamese names)."""

from __future__ import annotations

import sys

import xlsxwriter


def main(out: str, rows: int) -> None:
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet("Khách hàng")
    sheet.write_row(0, 0, ["Họ và tên", "Số điện thoại"])
    for i in range(rows):
        sheet.write_row(i + 1, 0, [f"Khách {i}", f"09{i:08d}"])
    book.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
