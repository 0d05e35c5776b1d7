"""Propose which column feeds which field (exact → synonym → content) and remember confirmed mappings."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from campaign_gui.reading.source import CellValue
from campaign_gui.reading.types import ColumnMapping

CORE_FIELDS = ("phone", "name", "email", "first_name", "last_name")
LABELS = {"phone": "phone", "name": "name", "email": "email", "first_name": "first name", "last_name": "last name"}

# (synonym, language) per field; compared after folding diacritics.
SYNONYMS: dict[str, list[tuple[str, str]]] = {
    "phone": [(s, "English") for s in ("phone", "phone number", "mobile", "mobile number", "cell", "tel",
                                       "telephone", "msisdn", "phone no", "mobile phone", "cell phone")]
    + [(s, "Vietnamese") for s in ("số điện thoại", "so dien thoai", "sđt", "sdt", "đt", "điện thoại",
                                   "di động", "số di động", "số đt", "đtdđ")]
    + [(s, "Russian") for s in ("телефон", "моб. телефон", "мобильный", "номер телефона")],
    "name": [(s, "English") for s in ("name", "full name", "customer", "customer name", "contact name")]
    + [(s, "Vietnamese") for s in ("họ và tên", "họ tên", "tên", "tên kh", "tên khách hàng", "khách hàng")]
    + [(s, "Russian") for s in ("имя", "фио")],
    "email": [(s, "English") for s in ("email", "e-mail", "mail", "email address")]
    + [(s, "Vietnamese") for s in ("thư điện tử",)],
    "first_name": [(s, "English") for s in ("first name", "given name", "firstname", "forename")]
    + [(s, "Vietnamese") for s in ("tên",)],
    "last_name": [(s, "English") for s in ("last name", "surname", "family name", "lastname")]
    + [(s, "Vietnamese") for s in ("họ",)] + [(s, "Russian") for s in ("фамилия",)],
}

SHORT = 3  # headers this short after folding (STT, ID, No) match exactly only
ROW_NUMBER_HEADERS = frozenset({"stt", "tt", "no", "nr", "n", "id", "", "#", "num", "so tt", "index"})
SNIFF_SAMPLE = 50
SNIFF_SHARE = 0.8
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)

Extra = tuple[str, str, Sequence[str]]  # (key, label, synonyms)


def fold(text: str) -> str:
    """Case-fold, strip diacritics (đ→d) and punctuation: 'Số ĐT:' -> 'so dt'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def _exact(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def propose_mapping(headers: Sequence[str], sample: Sequence[Sequence[CellValue]] = (), *, region: str = "VN",
                    extras: Sequence[Extra] = ()) -> ColumnMapping:
    """Best guess of field -> 0-based column with a reason for each; ``sample`` = a few data rows."""
    table: dict[str, list[tuple[str, str]]] = {k: list(v) for k, v in SYNONYMS.items()}
    labels = dict(LABELS)
    for key, label, syns in extras:
        labels[key] = label
        table[key] = [(s, "") for s in syns]
    order = [*CORE_FIELDS, *(k for k, _, _ in extras if k not in CORE_FIELDS)]
    fields: dict[str, int] = {}
    reasons: dict[str, str] = {}
    used: set[int] = set()

    def take(key: str, col: int, reason: str) -> None:
        fields[key] = col
        reasons[key] = reason
        used.add(col)

    # 1. exact: the field's own name/label, or a synonym typed exactly (case-insensitive)
    for key in order:
        names = {_exact(key), _exact(labels[key]), _exact(key.replace("_", " "))}
        for col, header in enumerate(headers):
            if col in used or key in fields:
                continue
            h = _exact(header)
            if h in names:
                take(key, col, f"exact header '{header}'")
            elif fold(header) and len(fold(header)) <= SHORT:
                for syn, lang in table[key]:
                    if h == _exact(syn):
                        take(key, col, _syn_reason(lang, header))
                        break
    # 2. synonyms after folding diacritics (longer headers only)
    for key in order:
        if key in fields:
            continue
        folded = {fold(s): lang for s, lang in table[key]}
        for col, header in enumerate(headers):
            f = fold(header)
            if col in used or len(f) <= SHORT or f not in folded:
                continue
            lang = folded[f]
            take(key, col, _syn_reason(lang, header))
            break
    _split_vietnamese_name(headers, fields, reasons)
    # 3. content sniffing for phone and email
    if sample:
        if "phone" not in fields:
            _sniff(headers, sample, used, "phone", region, take)
        if "email" not in fields:
            _sniff(headers, sample, used, "email", region, take)
    return ColumnMapping(fields=fields, reasons=reasons)


def _syn_reason(lang: str, header: str) -> str:
    return f"{lang} synonym '{header}'" if lang else f"synonym '{header}'"


def _split_vietnamese_name(headers: Sequence[str], fields: dict[str, int], reasons: dict[str, str]) -> None:
    """'Họ' + 'Tên' side by side are last and first name; 'Tên' alone is the name."""
    if "name" in fields and "last_name" in fields and "first_name" not in fields \
            and fold(headers[fields["name"]]) == "ten":
        fields["first_name"] = fields.pop("name")
        reasons["first_name"] = reasons.pop("name")


def _sniff(headers: Sequence[str], sample: Sequence[Sequence[CellValue]], used: set[int], key: str,
           region: str, take: object) -> None:
    assert callable(take)
    width = max((len(r) for r in sample), default=0)
    best: tuple[int, int, int] | None = None  # (hits, col, total)
    for col in range(width):
        if col in used or (col < len(headers) and fold(headers[col]) in ROW_NUMBER_HEADERS):
            continue
        values = [r[col] for r in sample if col < len(r) and r[col] not in (None, "")][:SNIFF_SAMPLE]
        if len(values) < 3:
            continue
        hits = _phone_hits(values, region) if key == "phone" else sum(
            1 for v in values if isinstance(v, str) and _EMAIL.match(v.strip()))
        if hits >= SNIFF_SHARE * len(values) and (best is None or hits > best[0]):
            best = (hits, col, len(values))
    if best is not None:
        what = "phone numbers" if key == "phone" else "email addresses"
        take(key, best[1], f"column content looks like {what} ({best[0]}/{best[2]})")


def _phone_hits(values: list[CellValue], region: str) -> int:
    if _sequential_small(values) or _ids(values):
        return 0
    from campaign_gui.domain.phones import normalize_many

    results = normalize_many([v for v in values if not _test_integer(v)], region)
    return sum(1 for r in results if r.e164)


def _integer(v: CellValue) -> int | None:
    """A whole number written as a number (or as digits without a leading 0 or '+'), else None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float) and float(v).is_integer():
        return int(v)
    if isinstance(v, str):
        t = v.strip()
        if t[:1] == "-":
            t = t[1:]
        if t.isascii() and t.isdigit() and not t.startswith("0"):
            return int(v.strip())
    return None


def _test_integer(v: CellValue) -> bool:
    """Values programmers type as test data, never phones: 2^n and 2^n - 1 (2147483647), negative numbers,
    one digit repeated (9999999999), the digits in a row (1234567890)."""
    n = _integer(v)
    if n is None:
        return False
    if n < 0:
        return True
    text = str(n)
    return (n >= 1 << 20 and ((n & (n - 1)) == 0 or (n & (n + 1)) == 0)) or len(set(text)) == 1 \
        or text in "1234567890" or text in "9876543210"


def _ids(values: list[CellValue]) -> bool:
    """A column of record ids: whole numbers of one length, strictly increasing in small steps (a sorted
    list of phones steps by millions)."""
    nums = [_integer(v) for v in values]
    if len(nums) < 5 or any(n is None for n in nums):
        return False
    known = [n for n in nums if n is not None]
    return (len({len(str(n)) for n in known}) == 1 and all(a < b for a, b in zip(known, known[1:], strict=False))
            and known[-1] - known[0] <= 1000 * len(known))


def _sequential_small(values: list[CellValue]) -> bool:
    """Row numbers (STT), ids, quantities: small integers, mostly counting up."""
    nums: list[int] = []
    for v in values:
        if isinstance(v, bool):
            return False
        if isinstance(v, int | float) and float(v).is_integer():
            nums.append(int(v))
        elif isinstance(v, str) and v.strip().isdigit() and not v.strip().startswith("0"):
            nums.append(int(v.strip()))
        else:
            return False
    steps = sum(1 for a, b in zip(nums, nums[1:], strict=False) if b - a == 1)
    return max(nums) < 10_000_000 or steps >= 0.8 * (len(nums) - 1)


def counter_columns(headers: Sequence[str], sample: Sequence[Sequence[CellValue]],
                    mapping: ColumnMapping) -> list[int]:
    """Unmapped columns of running numbers (a template's STT 1..200): headed STT/No/#…, or counting up by
    one down the sample. A row holding nothing but such a number is blank (validate)."""
    mapped = set(mapping.fields.values())
    width = max(len(headers), max((len(r) for r in sample), default=0))
    out: list[int] = []
    for col in range(width):
        if col in mapped:
            continue
        if col < len(headers) and fold(headers[col]) in ROW_NUMBER_HEADERS and fold(headers[col]):
            out.append(col)
            continue
        values = [r[col] for r in sample if col < len(r) and r[col] not in (None, "")][:SNIFF_SAMPLE]
        if len(values) >= 3 and _counting_up(values):
            out.append(col)
    return out


def _counting_up(values: list[CellValue]) -> bool:
    nums: list[int] = []
    for v in values:
        if isinstance(v, bool):
            return False
        if isinstance(v, int | float) and float(v).is_integer():
            nums.append(int(v))
        elif isinstance(v, str) and v.strip().isdigit() and len(v.strip()) < 7:
            nums.append(int(v.strip()))
        else:
            return False
    return sum(1 for a, b in zip(nums, nums[1:], strict=False) if b - a == 1) >= 0.8 * (len(nums) - 1)


def headers_key(headers: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps([fold(h) for h in headers], ensure_ascii=False).encode()).hexdigest()[:32]


class MappingMemory:
    """Confirmed mappings per account and header set, in ``data_dir/mappings.json``."""

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        self.path = Path(data_dir) / "mappings.json"

    def _load(self) -> dict[str, dict[str, dict[str, object]]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def remember(self, account_id: str, headers: Sequence[str], mapping: ColumnMapping) -> None:
        data = self._load()
        data.setdefault(account_id, {})[headers_key(headers)] = {
            "headers": list(headers), "fields": dict(mapping.fields)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".mappings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)

    def recall(self, account_id: str, headers: Sequence[str]) -> ColumnMapping | None:
        entry = self._load().get(account_id, {}).get(headers_key(headers))
        if not isinstance(entry, dict) or not isinstance(entry.get("fields"), dict):
            return None
        raw = entry["fields"]
        assert isinstance(raw, dict)
        fields = {str(k): int(v) for k, v in raw.items() if isinstance(v, int) and 0 <= v < len(headers)}
        if not fields:
            return None
        return ColumnMapping(fields=fields,
                             reasons={k: f"remembered from an earlier import ('{headers[v]}')" for k, v in fields.items()})
