"""Every outcome kind, and the same totals in the import JSON, `jobs show --json` and the report's sheets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from cli_support import add_account, run_cli, vn_phones, write_csv
from openpyxl import load_workbook

from campaign_gui.upload.report import NUMBER_KEYS, OUTCOME_LABELS, SUMMARY_KEYS, SUMMARY_LABELS

OUTCOMES = ("added", "updated", "skipped", "rejected", "failed", "needs_verification")
NUMBERS = ("rows", "valid", "invalid", "duplicates", "sent", *OUTCOMES, "pending")


def _import(sandbox: Any, data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            provider: str, src: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    name = f"{provider}-test"
    if not (data / "accounts.json").exists() or name not in (data / "accounts.json").read_text():
        add_account(sandbox, data, provider)
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                   "--pacing", "0", "--secret-stdin", "--json", *extra],
                             stdin=sandbox.secret(provider))
    assert isinstance(out, dict), err
    return code, out


def _check_everywhere(data: Path, out: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The import's JSON = `jobs show --json` = the report's Summary sheet; the Not added sheet agrees."""
    assert out["sent"] == sum(out[k] for k in OUTCOMES)
    assert out["rows"] == out["valid"] + out["invalid"] + out["duplicates"]
    code, shown, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "show", out["job_id"], "--json"])
    assert code == 0
    for key in (*NUMBERS, "job_id", "state", "provider", "report"):
        assert shown[key] == out[key], key
    book = load_workbook(out["report"], read_only=True)
    # the Summary's labels are words (issue 15: never raw keys such as needs_verification), its totals numbers
    key_of = {label: key for key, label in SUMMARY_LABELS.items()}
    summary = {key_of[row[0]]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert set(SUMMARY_KEYS) <= set(summary)
    for key in SUMMARY_KEYS:
        expected = shown[key]
        if key in NUMBER_KEYS:
            assert type(summary[key]) is int and summary[key] == expected, key
        else:
            assert (summary[key] or "") == ("" if expected in (None, "") else str(expected)), key  # empty: None
    labels = Counter(row[1] for row in book["Not added"].iter_rows(min_row=2, values_only=True))
    book.close()
    expected = {o: shown[o] for o in ("updated", "skipped", "rejected", "failed", "needs_verification")}
    expected["duplicate"] = shown["duplicates"]
    # invalid rows sent anyway (--policy include) have an upload outcome instead of "invalid"
    expected["invalid"] = shown["rows"] - shown["sent"] - shown["pending"] - shown["duplicates"]
    assert 0 <= expected["invalid"] <= shown["invalid"]
    assert labels == Counter({OUTCOME_LABELS[o]: n for o, n in expected.items() if n})
    assert sum(labels.values()) == shown["rows"] - shown["added"]
    return shown


def _counts(shown: dict[str, Any]) -> dict[str, int]:
    return {k: int(shown[k]) for k in OUTCOMES}


def test_totals_agree_for_every_outcome(sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    seen: Counter[str] = Counter()

    # Cellcast: batch 1 committed then 500, and the list cannot be read back (needs verification);
    # batch 2 partial_success (rejected rows)
    au = [f"0400{i:06d}" for i in range(1490)]
    src = write_csv(tmp_path / "cellcast.csv", [*au, au[5], *[f"04{i}x" for i in range(6)]])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="commit_then_500", times=1)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=403, times=-1)
    code, out = _import(sandbox, data, monkeypatch, capsys, "cellcast", src, "--target", "list=Totals",
                        "--policy", "include")
    assert code == 3 and out["state"] == "done"
    assert (out["needs_verification"], out["added"], out["rejected"]) == (1000, 490, 6)
    assert (out["invalid"], out["duplicates"]) == (6, 1)
    seen.update(_counts(_check_everywhere(data, out, monkeypatch, capsys)))

    # SMS.by: the same contacts again -> updated (upsert)
    by = [f"+37529{1000000 + i}" for i in range(300)]
    code, first = _import(sandbox, data, monkeypatch, capsys, "smsby", write_csv(tmp_path / "by1.csv", by),
                          "--target", "list=101")
    assert code == 0 and first["added"] == 300
    seen.update(_counts(_check_everywhere(data, first, monkeypatch, capsys)))
    # a batch mixing new and existing contacts is reported added (SMS.by gives only counts): keep them apart
    src = write_csv(tmp_path / "by2.csv", [*by[:300], by[0], "nonsense"])
    code, out = _import(sandbox, data, monkeypatch, capsys, "smsby", src, "--target", "list=101")
    assert code == 0 and (out["updated"], out["added"], out["invalid"], out["duplicates"]) == (300, 0, 1, 1)
    seen.update(_counts(_check_everywhere(data, out, monkeypatch, capsys)))

    # Stringee: contacts already in the campaign -> skipped
    vn = vn_phones(150)
    code, first = _import(sandbox, data, monkeypatch, capsys, "stringee", write_csv(tmp_path / "vn1.csv", vn[:100]),
                          "--target", "campaign=CA100003")
    assert code == 0 and first["added"] == 100
    seen.update(_counts(_check_everywhere(data, first, monkeypatch, capsys)))
    code, out = _import(sandbox, data, monkeypatch, capsys, "stringee", write_csv(tmp_path / "vn2.csv", vn),
                        "--target", "campaign=CA100003")
    assert code == 0 and (out["skipped"], out["added"]) == (100, 50)
    seen.update(_counts(_check_everywhere(data, out, monkeypatch, capsys)))

    # Stringee, a campaign that does not exist -> the job fails, its rows failed with the reason
    code, out = _import(sandbox, data, monkeypatch, capsys, "stringee", write_csv(tmp_path / "vn3.csv", vn[:40]),
                        "--target", "campaign=CA999999")
    assert code == 3 and out["state"] == "failed" and out["failed"] == 40 and out["added"] == 0
    seen.update(_counts(_check_everywhere(data, out, monkeypatch, capsys)))

    for kind in OUTCOMES:  # every outcome kind was met in at least one job
        assert seen[kind] > 0, kind
