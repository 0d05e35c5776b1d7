"""Build Sieve (Biarity/Sieve, .NET) ``filters`` and ``sorts`` query values safely."""

from __future__ import annotations

import re
from collections.abc import Sequence

OPERATORS = ("==", "!=", ">", "<", ">=", "<=", "@=", "_=", "_-=", "!@=", "!_=", "!_-=",
             "@=*", "_=*", "_-=*", "==*", "!=*", "!@=*", "!_=*")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
# Sieve splits a term at its operator; a value holding an operator would be cut there.
_OPERATOR_CHARS = re.compile(r"[=<>]")


def escape_value(value: str) -> str:
    """Escape a value as the DM docs say: ``,`` and ``|`` get a backslash; ``null`` becomes ``\\null``.

    Backslashes themselves are sent as typed (the docs define no escape for them).
    """
    escaped = value.replace(",", "\\,").replace("|", "\\|")
    return "\\null" if escaped == "null" else escaped


def is_safe_value(value: str) -> bool:
    """False when Sieve would misparse the value (it holds operator characters it cannot escape)."""
    return _OPERATOR_CHARS.search(value) is None


def term(names: str | Sequence[str], operator: str, values: str | Sequence[str]) -> str:
    """One filter term: ``name@=*value`` or, for several names/values, ``(a|b)@=*x|y`` (OR)."""
    name_list = [names] if isinstance(names, str) else list(names)
    value_list = [values] if isinstance(values, str) else list(values)
    if operator not in OPERATORS:
        raise ValueError(f"unknown Sieve operator {operator!r}")
    if not name_list or not all(_NAME.match(n) for n in name_list):
        raise ValueError("Sieve property names are letters, digits and underscores")
    if not value_list:
        raise ValueError("a Sieve filter term needs a value")
    name_part = name_list[0] if len(name_list) == 1 else "(" + "|".join(name_list) + ")"
    return name_part + operator + "|".join(escape_value(v) for v in value_list)


def filters(*terms: str) -> str:
    """Join terms with ``,`` (AND)."""
    return ",".join(t for t in terms if t)


def sorts(*fields: str) -> str:
    """``sorts`` value: field names, a leading ``-`` for descending; anything else is refused."""
    cleaned: list[str] = []
    for field in fields:
        name = field.strip()
        bare = name[1:] if name.startswith("-") else name
        if not _NAME.match(bare):
            raise ValueError(f"not a sortable field name: {field!r}")
        cleaned.append(name)
    return ",".join(cleaned)
