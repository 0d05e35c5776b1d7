"""A Sieve (Biarity/Sieve, .NET) look-alike: ``filters``, ``sorts``, ``page``, ``pageSize`` over dict rows.

Operators ``==  !=  >  <  >=  <=  @=  _=  _-=`` with negations ``!@= !_= !_-=`` and ``*`` case-insensitive
variants; ``(A|B)op v`` ORs names and ``A op v1|v2`` ORs values, negated operators included (as Sieve does:
``x!=a|b`` matches everything); ``\\,`` and ``\\|`` escape, ``\\null`` is the string "null", a bare ``null``
is null; a null property never matches a non-null value (Sieve's IgnoreNullsOnNotEqual default). Names are
case-insensitive; unknown names are ignored (Sieve's default). Values compare as the row's type: numbers
numerically, ISO date-times as instants, strings ordinally.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

_SPLIT_COMMA = re.compile(r"(?<!\\),")
_SPLIT_PIPE = re.compile(r"(?<!\\)\|")
_OPERATOR = re.compile(r"(!@=\*|!_-=\*|!_=\*|!=\*|!@=|!_-=|!_=|==\*|@=\*|_-=\*|_=\*|==|!=|>=|<=|>|<|@=|_-=|_=)")
_NULL = object()


class SieveError(ValueError):
    pass


def _unescape(value: str) -> Any:
    if value == "null":
        return None
    if value == "\\null":
        return "null"
    return value.replace("\\,", ",").replace("\\|", "|")


def _instant(text: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.now().astimezone().tzinfo)


def _coerce(row_value: Any, raw: Any) -> tuple[Any, Any]:
    """Both sides in a comparable form; (_NULL, _NULL) when the filter value cannot be that type."""
    if raw is None or row_value is None:
        return row_value, raw
    if isinstance(row_value, bool):
        return row_value, str(raw).lower() == "true"
    if isinstance(row_value, int | float):
        try:
            return row_value, float(raw)
        except ValueError:
            return _NULL, _NULL
    if isinstance(row_value, str) and re.match(r"^\d{4}-\d\d-\d\dT", row_value):
        left, right = _instant(row_value), _instant(str(raw))
        if left is not None and right is not None:
            return left, right
    return str(row_value), str(raw)


def _compare(op: str, row_value: Any, raw: Any) -> bool:
    """One name against one value, negation included."""
    negated = op.startswith("!")
    if raw is None and op.rstrip("*") in ("==", "!="):
        return (row_value is None) != negated
    if row_value is None or raw is None:
        return False
    hit = _positive(op.rstrip("*").lstrip("!") if op.rstrip("*") != "!=" else "==", op.endswith("*"),
                    row_value, raw)
    return hit is not None and hit != negated


def _positive(base: str, insensitive: bool, row_value: Any, raw: Any) -> bool | None:
    """The un-negated comparison; None when the value cannot be compared with the property at all."""
    left, right = _coerce(row_value, raw)
    if left is _NULL:
        return None
    if insensitive and isinstance(left, str) and isinstance(right, str):
        left, right = left.upper(), right.upper()
    if base == "==":
        return bool(left == right)
    if base in ("@=", "_=", "_-="):
        left, right = str(left), str(right)
        return right in left if base == "@=" else left.startswith(right) if base == "_=" else left.endswith(right)
    try:
        if base in (">", ">="):
            return bool(left > right or (base == ">=" and left == right))
        return bool(left < right or (base == "<=" and left == right))
    except TypeError:
        return None


def _term(text: str, keys: dict[str, str]) -> Callable[[dict[str, Any]], bool] | None:
    match = _OPERATOR.search(text)
    if match is None:
        return None
    names_part, op, values_part = text[:match.start()].strip(), match.group(1), text[match.end():]
    names = [n.strip() for n in names_part.strip("()").split("|") if n.strip()]
    fields = [keys[n.lower()] for n in names if n.lower() in keys]
    if not fields:
        return None
    values = [_unescape(v) for v in _SPLIT_PIPE.split(values_part)]

    def test(row: dict[str, Any]) -> bool:
        return any(_compare(op, row.get(name), v) for name in fields for v in values)

    return test


def apply_sieve(rows: Sequence[dict[str, Any]], filters: str | None, sorts: str | None) -> list[dict[str, Any]]:
    keys = {k.lower(): k for row in rows[:1] for k in row}
    out = list(rows)
    for chunk in _SPLIT_COMMA.split(filters or ""):
        if chunk.strip():
            test = _term(chunk.strip(), keys)
            if test is not None:
                out = [row for row in out if test(row)]
    for part in reversed([s.strip() for s in (sorts or "").split(",") if s.strip()]):
        descending = part.startswith("-")
        name = keys.get(part.lstrip("-").lower())
        if name is None:
            continue
        present = [r for r in out if r.get(name) is not None]
        missing = [r for r in out if r.get(name) is None]
        present.sort(key=lambda r, n=name: _coerce(r[n], r[n])[0], reverse=descending)  # type: ignore[misc]
        out = present + missing if descending else missing + present
    return out


def page_of(rows: list[dict[str, Any]], page_raw: str | None, size_raw: str | None, default_size: int,
            max_size: int) -> dict[str, Any]:
    """Sieve paging: ``page`` 1-based (default 1), ``pageSize`` (default/max from config; 0 = no max)."""
    try:
        page = int(page_raw) if page_raw else 1
        size = int(size_raw) if size_raw else default_size
    except ValueError as exc:
        raise SieveError("page and pageSize must be integers") from exc
    page, size = max(page, 1), max(size, 1)
    if max_size > 0:
        size = min(size, max_size)
    return {"pageIndex": page, "totalPages": math.ceil(len(rows) / size), "totalRecords": len(rows),
            "items": rows[(page - 1) * size:page * size]}
