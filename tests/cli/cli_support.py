"""Helpers for the import/jobs CLI tests: accounts in a temp data dir, CSV files, in-process runs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from campaign_gui.cli import main
from campaign_gui.storage.accounts import AccountStore

ROOT = Path(__file__).resolve().parents[2]


def add_account(sandbox: Any, data: Path, provider: str, name: str | None = None) -> str:
    demo = sandbox.account(provider)
    name = name or f"{provider}-test"
    AccountStore(data).add(provider, name, base_url=sandbox.url(provider), fields=dict(demo.fields))
    return name


def write_csv(path: Path, phones: list[str], *, names: list[str] | None = None) -> Path:
    lines = ["phone,name"]
    for i, phone in enumerate(phones):
        name = names[i] if names else f"Khách {i}"
        lines.append(f"{phone},\"{name}\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def vn_phones(n: int, start: int = 0) -> list[str]:
    return [f"0910{start + i:06d}" for i in range(n)]


def e164(phones: list[str]) -> set[str]:
    return {"+84" + p[1:] for p in phones}


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str],
            stdin: str = "") -> tuple[int, Any, str]:
    """Run ``campaign-gui ARGS`` in-process; returns (exit code, parsed JSON or stdout text, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin + "\n"))
    code = main(args)
    out, err = capsys.readouterr()
    try:
        parsed: Any = json.loads(out) if out.strip() else None
    except ValueError:
        parsed = out
    return code, parsed, err


def run_process(args: list[str], *, stdin: str = "", env: dict[str, str] | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m campaign_gui ARGS`` as a real process (crash tests, lock tests)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "campaign_gui", *args], input=stdin + "\n", text=True,
                          capture_output=True, env=full_env, timeout=timeout, cwd=ROOT)
