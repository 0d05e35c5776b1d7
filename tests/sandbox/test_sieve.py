"""The Sieve look-alike on plain rows: operators, escapes, OR, sorting, paging."""

from __future__ import annotations

import pytest

from campaign_gui.sandbox.sieve import SieveError, apply_sieve, page_of

ROWS = [
    {"id": "a", "name": "Alpha, Ltd", "n": 5, "when": "2026-01-02T10:00:00Z", "tag": None},
    {"id": "b", "name": "beta|pipe", "n": 12, "when": "2025-12-31T23:00:00Z", "tag": "x"},
    {"id": "c", "name": "Gamma", "n": 7, "when": "2026-03-01T00:00:00+01:00", "tag": "null"},
]


def ids(filters: str | None = None, sorts: str | None = None) -> list[str]:
    return [r["id"] for r in apply_sieve(ROWS, filters, sorts)]


@pytest.mark.parametrize("filters,expected", [
    ("n>6", ["b", "c"]), ("n<=7", ["a", "c"]), ("n==12", ["b"]), ("n!=12", ["a", "c"]),
    ("name==Alpha\\, Ltd", ["a"]), ("name==beta\\|pipe", ["b"]), ("name@=a", ["a", "b", "c"]),
    ("name@=A", ["a"]), ("name@=*A", ["a", "b", "c"]), ("name_=G", ["c"]), ("name_=*g", ["c"]),
    ("name_-=ma", ["c"]), ("name_-=*MA", ["c"]), ("name!@=pipe", ["a", "c"]), ("name!_=Al", ["b", "c"]),
    ("name!_-=ma", ["a", "b"]), ("name==*gamma", ["c"]), ("name!=*GAMMA", ["a", "b"]),
    ("name!@=*PIPE", ["a", "c"]), ("name!_=*al", ["b", "c"]),
    ("name==Gamma|Alpha\\, Ltd", ["a", "c"]), ("name!=Gamma|Alpha\\, Ltd", ["a", "b", "c"]),
    ("tag!=x", ["c"]), ("tag!=null", ["b", "c"]), ("tag@=u", ["c"]), ("n!=abc", []),
    ("(name|tag)==x", ["b"]), ("tag==null", ["a"]), ("tag==\\null", ["c"]),
    ("when>2026-01-01T00:00:00Z", ["a", "c"]), ("when<2026-03-01T00:00:00Z", ["a", "b", "c"]),
    ("n>5,name@=a", ["b", "c"]), ("NAME==Gamma", ["c"]), ("unknown==1", ["a", "b", "c"]), ("n>abc", []),
])
def test_filters(filters: str, expected: list[str]) -> None:
    assert ids(filters) == expected


def test_sorts() -> None:
    assert ids(sorts="n") == ["a", "c", "b"]
    assert ids(sorts="-n") == ["b", "c", "a"]
    assert ids(sorts="-when") == ["c", "a", "b"]
    assert ids(sorts="tag,id") == ["a", "c", "b"]
    assert ids(sorts="nope,-N") == ["b", "c", "a"]


def test_paging() -> None:
    rows = [{"i": i} for i in range(25)]
    page = page_of(rows, "3", "10", 10, 0)
    assert (page["pageIndex"], page["totalPages"], page["totalRecords"], len(page["items"])) == (3, 3, 25, 5)
    assert page_of(rows, None, None, 10, 0)["items"][0] == {"i": 0}
    assert len(page_of(rows, "1", "100", 10, 20)["items"]) == 20
    assert page_of([], "1", "10", 10, 0)["totalPages"] == 0
    with pytest.raises(SieveError):
        page_of(rows, "x", "10", 10, 0)
