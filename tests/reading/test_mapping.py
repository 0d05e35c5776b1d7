"""Column mapping: exact → synonym (EN/VI/RU, diacritics folded) → content; short headers exact only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from campaign_gui.reading.mapping import MappingMemory, fold, propose_mapping
from campaign_gui.reading.types import ColumnMapping

SAMPLE = [["1", f"09{i:08d}", f"Tên {i}", f"u{i}@example.vn"] for i in range(1, 11)]


def test_fold() -> None:
    assert fold("Số Điện Thoại:") == "so dien thoai"
    assert fold("SĐT") == "sdt"
    assert fold("  E-mail ") == "e mail"
    assert fold("Моб. телефон") == "моб телефон"


def test_exact_headers() -> None:
    m = propose_mapping(["Phone", "Name", "Email"])
    assert dict(m.fields) == {"phone": 0, "name": 1, "email": 2}
    assert m.reasons["phone"] == "exact header 'Phone'"


@pytest.mark.parametrize("header", ["Số điện thoại", "so dien thoai", "SỐ ĐIỆN THOẠI", "Điện thoại", "Di động",
                                    "Số di động", "SĐT", "Sdt", "ĐT", "Mobile number", "Telephone", "MSISDN",
                                    "Tel", "Cell", "Телефон", "Моб. телефон"])
def test_phone_synonyms(header: str) -> None:
    m = propose_mapping(["STT", header, "Ghi chú"])
    assert m.fields.get("phone") == 1, header
    assert "synonym" in m.reasons["phone"] and header in m.reasons["phone"]


def test_vietnamese_reason_names_the_language() -> None:
    m = propose_mapping(["Số điện thoại", "Họ và tên", "Thư điện tử"])
    assert dict(m.fields) == {"phone": 0, "name": 1, "email": 2}
    assert m.reasons["phone"] == "Vietnamese synonym 'Số điện thoại'"
    assert m.reasons["name"] == "Vietnamese synonym 'Họ và tên'"


@pytest.mark.parametrize("header", ["Họ tên", "Tên KH", "Tên khách hàng", "Khách hàng", "Customer name", "Full name",
                                    "ФИО", "Имя"])
def test_name_synonyms(header: str) -> None:
    assert propose_mapping(["Phone", header]).fields.get("name") == 1


def test_first_and_last_name() -> None:
    m = propose_mapping(["Phone", "First name", "Surname"])
    assert dict(m.fields) == {"phone": 0, "first_name": 1, "last_name": 2}
    m = propose_mapping(["SĐT", "Họ", "Tên"])
    assert dict(m.fields) == {"phone": 0, "last_name": 1, "first_name": 2}
    assert propose_mapping(["SĐT", "Tên"]).fields == {"phone": 0, "name": 1}


def test_stt_never_becomes_phone() -> None:
    rows = [[i, f"Tên {i}"] for i in range(1, 51)]
    m = propose_mapping(["STT", "Tên"], rows)
    assert "phone" not in m.fields
    # even without a header, counting numbers are not phones
    m = propose_mapping(["Column A", "Column B"], rows)
    assert "phone" not in m.fields


def test_short_headers_are_exact_only() -> None:
    assert propose_mapping(["ID", "No", "STT", "Te"]).fields == {}


def test_content_sniffing_phone_and_email() -> None:
    m = propose_mapping(["STT", "Column B", "Column C", "Liên hệ"], SAMPLE)
    assert m.fields["phone"] == 1
    assert m.reasons["phone"] == "column content looks like phone numbers (10/10)"
    assert m.fields["email"] == 3
    assert m.reasons["email"].startswith("column content looks like email addresses")
    assert m.fields.get("name") is None


def test_content_sniffing_numeric_cells() -> None:
    rows = [[f"n{i}", 900000000.0 + i * 7919] for i in range(20)]
    m = propose_mapping(["Who", "Contact"], rows)
    assert m.fields["phone"] == 1


def test_extras_from_the_provider() -> None:
    m = propose_mapping(["Phone", "Thành phố", "Birthday"],
                        extras=[("city", "City", ["thành phố", "city", "tỉnh"]), ("birthday", "Birthday", ["dob"])])
    assert m.fields == {"phone": 0, "city": 1, "birthday": 2}
    assert m.reasons["birthday"] == "exact header 'Birthday'"
    assert m.reasons["city"] == "synonym 'Thành phố'"


def test_each_column_used_once() -> None:
    m = propose_mapping(["Phone", "phone number", "Name"])
    assert m.fields == {"phone": 0, "name": 2}


def test_memory_roundtrip(tmp_path: Path) -> None:
    mem = MappingMemory(tmp_path)
    headers = ["Số ĐT", "Họ tên", "Ghi chú"]
    assert mem.recall("acc-1", headers) is None
    mem.remember("acc-1", headers, ColumnMapping(fields={"phone": 0, "name": 2}))
    got = mem.recall("acc-1", ["SỐ ĐT", "Họ Tên", "ghi chú"])  # the same header set, normalised
    assert got is not None and dict(got.fields) == {"phone": 0, "name": 2}
    assert "remembered" in got.reasons["phone"]
    assert mem.recall("acc-2", headers) is None
    assert mem.recall("acc-1", ["Other", "Headers"]) is None
    data = json.loads((tmp_path / "mappings.json").read_text(encoding="utf-8"))
    assert list(data) == ["acc-1"]


def test_memory_ignores_a_damaged_file(tmp_path: Path) -> None:
    (tmp_path / "mappings.json").write_text("{not json", encoding="utf-8")
    mem = MappingMemory(tmp_path)
    assert mem.recall("a", ["Phone"]) is None
    mem.remember("a", ["Phone"], ColumnMapping(fields={"phone": 0}))
    assert mem.recall("a", ["Phone"]) == ColumnMapping(fields={"phone": 0},
                                                       reasons={"phone": "remembered from an earlier import ('Phone')"})
