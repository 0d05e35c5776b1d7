"""Faulted imports for all five providers through the real CLI at DEBUG: no secret or token left anywhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent / "cli"))

from cli_support import ROOT, add_account, run_process, vn_phones, write_csv

JWT = re.compile(rb"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
PROVIDERS = ("stringee", "smsby", "alohub", "cellcast", "dynmsg")
CRASH = "CAMPAIGN_GUI_TEST_CRASH_AFTER"


def _import_args(data: Path, src: Path, name: str, *targets: str, pacing: str = "0") -> list[str]:
    args = ["--debug", "--data-dir", str(data), "import", str(src), "--account", name, "--pacing", pacing,
            "--secret-stdin", "--json"]
    for target in targets:
        args += ["--target", target]
    return args


def _contents(path: Path) -> bytes:
    """A file's bytes; for a zip (an .xlsx report) the bytes of every member, unzipped."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return b"\n".join(zf.read(name) for name in zf.namelist())
    return path.read_bytes()


def _leaks(blob: bytes, secrets: list[str]) -> list[str]:
    found = [f"secret {s[:6]}…" for s in secrets if s.encode() in blob]
    found += [f"JWT {m.group()[:12].decode()}…" for m in JWT.finditer(blob)]
    if b"token=" in blob.lower():
        at = blob.lower().index(b"token=")
        found.append(f"token= near {blob[max(0, at - 40):at + 20]!r}")
    return found


def _scan(data: Path, outputs: list[str], secrets: list[str]) -> dict[str, list[str]]:
    """Every file under the data directory and every captured output, searched for secrets and tokens."""
    hits: dict[str, list[str]] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        found = _leaks(_contents(path), secrets)
        if found:
            hits[str(path.relative_to(data))] = found
    for i, text in enumerate(outputs):
        found = _leaks(text.encode("utf-8", "replace"), secrets)
        if found:
            hits[f"output #{i}"] = found
    return hits


def _run(args: list[str], secret: str, outputs: list[str], env: dict[str, str] | None = None) -> Any:
    proc = run_process(args, stdin=secret, env={CRASH: "", **(env or {})})
    outputs.extend((proc.stdout, proc.stderr))
    return proc


def _stringee_with_remint(sandbox: Any, data: Path, tmp_path: Path, outputs: list[str]) -> None:
    """Two batches 2.5 s apart; between them the sandbox starts rejecting tokens issued before the first
    request's second, so the second batch meets a 401 and the client mints a new token (iat a later second)."""
    name = add_account(sandbox, data, "stringee")
    src = write_csv(tmp_path / "stringee.csv", vn_phones(2000))
    args = _import_args(data, src, name, "campaign=CA100003", pacing="2.5")
    proc = subprocess.Popen([sys.executable, "-m", "campaign_gui", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, CRASH: ""})
    out, err = "", ""
    try:
        assert proc.stdin is not None
        proc.stdin.write(sandbox.secret("stringee") + "\n")
        proc.stdin.close()
        deadline = time.monotonic() + 60
        while not sandbox.control.requests("stringee")["times"] and time.monotonic() < deadline:
            time.sleep(0.02)
        first = sandbox.control.requests("stringee")["times"][0]
        sandbox.control.configure(stringee={"reject_tokens_issued_before": int(first) + 1})
        proc.stdin = None
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    outputs.extend((out, err))
    assert proc.returncode == 0, err
    assert "minting a new token" in err  # the re-mint really happened (and was logged)
    by_path = sandbox.control.requests("stringee")["by_path"]
    assert sum(by_path.values()) == 3  # batch 1, batch 2 refused (401), batch 2 with the new token


def test_faulted_imports_leave_no_secret_at_rest(sandbox: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    secrets = [sandbox.secret(p) for p in PROVIDERS]
    outputs: list[str] = []
    sandbox.control.configure(alohub={"job_seconds": 0})

    _stringee_with_remint(sandbox, data, tmp_path, outputs)

    # SMS.by (its token rides in the URL query): a 500, then a 502 HTML page, then success
    sandbox.control.fault(provider="smsby", path="importContacts", action="status", status=500, times=1)
    sandbox.control.fault(provider="smsby", path="importContacts", action="html", status=502, times=1)
    name = add_account(sandbox, data, "smsby")
    src = write_csv(tmp_path / "smsby.csv", [f"+37529{1000000 + i}" for i in range(700)])
    done = _run(_import_args(data, src, name, "list=101"), sandbox.secret("smsby"), outputs)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("batch 1 failed (ServerError") == 2 and "importContacts -> 502" in done.stderr

    # Alohub: a 429 with a short Retry-After on the bulk upload
    sandbox.control.fault(provider="alohub", path="contacts/bulk$", action="rate_limit", status=429,
                          retry_after="1", times=1)
    name = add_account(sandbox, data, "alohub")
    done = _run(_import_args(data, write_csv(tmp_path / "alohub.csv", vn_phones(50, start=500)), name,
                             "campaign=1042"), sandbox.secret("alohub"), outputs)
    assert done.returncode == 0, done.stderr

    # Cellcast: killed right after its first request (journal + WAL as a crash leaves them), scanned, resumed
    name = add_account(sandbox, data, "cellcast")
    src = write_csv(tmp_path / "cellcast.csv", [f"0400{i:06d}" for i in range(1500)])
    killed = _run(_import_args(data, src, name, "list=Secrets"), sandbox.secret("cellcast"), outputs,
                  env={CRASH: "sent:1"})
    assert killed.returncode in (-9, 137)
    assert (data / "journal.sqlite3-wal").exists()
    assert _scan(data, outputs, secrets) == {}
    job = [line for line in _run(["--data-dir", str(data), "jobs", "list"], "", outputs).stdout.splitlines()
           if "cellcast" in line][0].split()[0]
    resumed = _run(["--debug", "--data-dir", str(data), "jobs", "resume", job, "--secret-stdin", "--json"],
                   sandbox.secret("cellcast"), outputs)
    # the unknown batch is read back (found, added): the read-back requests went through the DEBUG log too
    assert resumed.returncode == 0 and '"needs_verification": 0' in resumed.stdout, resumed.stderr
    assert "GET" in resumed.stderr and "v2/contact" in resumed.stderr

    # Dynamic Messaging: the create answers a 503 HTML page (not processed), then the campaign is created
    sandbox.control.fault(provider="dynmsg", path="(?i)api/campaigns", method="POST", action="html", status=503,
                          times=1)
    name = add_account(sandbox, data, "dynmsg")
    done = _run(_import_args(data, write_csv(tmp_path / "dynmsg.csv", [f"07711{100000 + i}" for i in range(30)]),
                             name, "campaign=new", "sender=ACME", "message=Hello", "start=2030-01-01T10:00:00Z"),
                sandbox.secret("dynmsg"), outputs)
    assert done.returncode in (0, 3), done.stderr

    # every job's report, exported again next to the default ones
    listed = _run(["--data-dir", str(data), "jobs", "list", "--json"], "", outputs)
    jobs = [j["job_id"] for j in __import__("json").loads(listed.stdout)["jobs"]]
    assert len(jobs) == 5
    for job in jobs:
        rep = _run(["--debug", "--data-dir", str(data), "jobs", "report", job, "--out",
                    str(data / "reports" / f"export-{job}.xlsx")], "", outputs)
        assert rep.returncode == 0, rep.stderr

    # the scan is not vacuous: it reads the journal's rows and the reports' XML
    journal = _contents(data / "journal.sqlite3") + (
        _contents(data / "journal.sqlite3-wal") if (data / "journal.sqlite3-wal").exists() else b"")
    assert b"+375291000699" in journal and b"+61400001499" in journal
    reports = sorted((data / "reports").glob("*.xlsx"))
    assert len(reports) >= 10 and all(b"<sheetData" in _contents(r) for r in reports)
    assert (data / "accounts.json").exists()
    assert sum("DEBUG " in o or "INFO " in o for o in outputs) >= 5  # DEBUG logging was on
    assert _scan(data, outputs, secrets) == {}


def test_crash_dialog_and_log_carry_no_url_token(tmp_path: Path, qapp: Any) -> None:
    """An uncaught exception whose text and cause carry ``?token=SECRET``: the dialog and the log are clean."""
    import logging
    import logging.handlers

    from campaign_gui.services.diagnostics import CrashReporter, setup_logging
    from campaign_gui.ui.crash_dialog import show_crash_dialog

    secret = "Zq7unregisteredSmsbyToken93"  # never registered: only the URL pattern can catch it
    log_path = setup_logging(tmp_path, logging.DEBUG)
    boxes: list[Any] = []
    reporter = CrashReporter(lambda title, message: boxes.append(show_crash_dialog(None, title, message,
                                                                                   log_path.parent)))
    url = f"https://app.sms.by/api/v2/importContacts?list_id=101&token={secret}&phones=375291234567"
    try:
        try:
            raise ConnectionError(f"GET {url} failed")
        except ConnectionError as inner:
            raise RuntimeError(f"upload failed: {url}") from inner
    except RuntimeError:
        reporter.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    try:
        assert len(boxes) == 1
        text = boxes[0].text()
        assert "RuntimeError" in text and "upload failed" in text and "importContacts" in text
        assert secret not in text and "token=" + secret[:4] not in text
        for handler in logging.getLogger().handlers:
            handler.flush()
        logged = log_path.read_text(encoding="utf-8")
        assert "uncaught exception" in logged and "ConnectionError" in logged  # the chain was logged
        assert secret not in logged
    finally:
        for box in boxes:
            box.close()
        root = logging.getLogger()
        for handler in list(root.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == log_path:
                root.removeHandler(handler)
                handler.close()
