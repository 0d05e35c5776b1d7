"""The target provider's own rules on a validation result: countries it takes, fixed lines for SMS providers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from test_validate import _xlsx

from campaign_gui.reading.target_rules import LandlinePolicy, TargetRules
from campaign_gui.reading.types import InvalidPolicy, RowStatus
from campaign_gui.reading.validate import validate_file

VN_ONLY = TargetRules("Stringee", (84,))
AU_SMS = TargetRules("Cellcast", (61,), sends_sms=True)


def _mixed(tmp_path: Path) -> Path:
    return _xlsx(tmp_path / "m.xlsx", [["Phone", "Name"], ["0901234567", "VN mobile"], ["+61 412 345 678", "AU mobile"],
                                       ["+61 2 9876 5432", "AU landline"], ["0901234567", "VN again"], ["bad", "x"],
                                       ["+84 24 3825 1234", "VN landline"]])


def test_numbers_of_other_countries_are_flagged_with_the_reason(tmp_path: Path) -> None:
    res = validate_file(_mixed(tmp_path)).for_target(VN_ONLY)
    statuses = [r.status for r in res.records()]
    assert statuses == [RowStatus.VALID, RowStatus.INVALID, RowStatus.INVALID, RowStatus.DUPLICATE, RowStatus.INVALID,
                        RowStatus.VALID]
    au = res.record(1)
    assert au.reason == "country_not_accepted" and au.message == "Stringee only accepts +84 numbers; this one is +61."
    assert res.counts() == {"rows": 6, "valid": 2, "fixed": 0, "invalid": 3, "duplicates": 1, "blank": 0}
    assert res.target_rejected == 2 and res.reasons == {"not_a_number": 1, "country_not_accepted": 2}
    assert [r.index for r in res.upload_rows(InvalidPolicy.DROP)] == [2, 7]
    # "include invalid rows" sends a typo as typed, never a number the provider does not take
    assert [r.index for r in res.upload_rows(InvalidPolicy.INCLUDE)] == [2, 6, 7]
    journal = Counter(row[7] for row in res.journal_rows(InvalidPolicy.INCLUDE, Counter()))
    assert journal == {"pending": 3, "invalid": 2, "duplicate": 1}
    assert [i for i in res.indices(RowStatus.INVALID)] == [1, 2, 4]
    accepted = res.accept_suggestions()  # a new result keeps the target's rules
    assert accepted.target_rejected == 2


def test_fixed_lines_for_an_sms_provider_follow_their_own_policy(tmp_path: Path) -> None:
    res = validate_file(_mixed(tmp_path), region="AU").for_target(AU_SMS)
    by_name = {r.name: r for r in res.records()}
    assert by_name["AU mobile"].status is RowStatus.VALID
    assert by_name["AU landline"].reason == "landline" and by_name["AU landline"].status is RowStatus.INVALID
    assert by_name["VN landline"].reason == "country_not_accepted"  # (0901234567 is no AU number: invalid)
    assert res.landlines == 1 and [r.name for r in res.upload_rows()] == ["AU mobile"]
    kept = validate_file(_mixed(tmp_path), region="AU").for_target(
        TargetRules("Cellcast", (61,), sends_sms=True, landline=LandlinePolicy.INCLUDE))
    assert kept.landlines == 1 and [r.name for r in kept.upload_rows()] == ["AU mobile", "AU landline"]
    # a call-center provider takes fixed lines
    calls = validate_file(_mixed(tmp_path)).for_target(VN_ONLY)
    assert calls.landlines == 0 and calls.record(5).status is RowStatus.VALID


def test_no_rules_no_change(tmp_path: Path) -> None:
    res = validate_file(_mixed(tmp_path))
    assert res.for_target(None).counts() == res.counts() and res.for_target(TargetRules("Any")).target_rejected == 0
