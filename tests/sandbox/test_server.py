"""SandboxServer lifecycle, demo accounts, and the ``campaign-gui sandbox`` command."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading

import httpx
import pytest

from campaign_gui.sandbox.server import SandboxServer


def test_start_stop_and_context_manager() -> None:
    with SandboxServer() as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
        assert httpx.get(server.base_url + "/_sandbox/health").status_code == 200
        url = server.base_url
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/_sandbox/health")
    with pytest.raises(RuntimeError):
        _ = server.base_url


def test_busy_port_is_a_clear_error(sandbox_server: SandboxServer) -> None:
    with pytest.raises(RuntimeError, match="failed to start"):
        SandboxServer(port=sandbox_server.port).start()


def test_demo_accounts(sandbox_server: SandboxServer) -> None:
    accounts = {a["provider"]: a for a in sandbox_server.demo_accounts()}
    assert list(accounts) == ["stringee", "smsby", "alohub", "cellcast", "dynmsg"]
    assert accounts["stringee"]["fields"] == {"key_sid": "SKDEMO00000000000000000000000001"}
    assert accounts["alohub"]["fields"] == {"tenant_id": "20260310", "user_name": "demo"}
    assert accounts["cellcast"]["base_url"] == sandbox_server.base_url + "/cellcast"
    assert accounts["dynmsg"]["secret"] == "dynmsg-demo-key-8d4f2a6c1e3b"


def test_fixture_account_matches(sandbox) -> None:  # type: ignore[no-untyped-def]
    account = sandbox.account("stringee")
    assert account.base_url == sandbox.url("stringee") and account.demo
    assert sandbox.secret("smsby") == "smsby-demo-token-4c1e8b7a2f9d"


def _read_lines(stream: object, out: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        out.put(line)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_cli_prints_its_address_and_stops_cleanly(sig: signal.Signals) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "campaign_gui", "sandbox", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read_lines, args=(proc.stdout, lines), daemon=True).start()
    try:
        first = lines.get(timeout=30)
        match = re.fullmatch(r"sandbox listening on (http://127\.0\.0\.1:\d+)\n", first)
        assert match, first
        base = match.group(1)
        assert httpx.get(base + "/_sandbox/health").json()["ok"] is True
        rest = [lines.get(timeout=10) for _ in range(6)]
        assert any("stringee" in line and "SKDEMO" in line and base + "/stringee" in line for line in rest)
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
