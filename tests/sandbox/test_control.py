"""The control API: reset, ledger, request log, config, contact dump, and the SandboxControl client."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

CELLCAST = {"Authorization": "Bearer cellcast-demo-key-5e7a1c3b9d2f"}


def test_reset_restores_seed_and_clears_everything(http: httpx.Client, sandbox: Any) -> None:
    url = sandbox.url("cellcast") + "/api/v1/contact/bulk"
    http.post(url, json={"contacts": [{"phone_number": "0400000001"}]}, headers=CELLCAST)
    sandbox.control.fault(provider="cellcast", action="status", status=500, times=-1)
    sandbox.control.configure(alohub={"job_seconds": 0})
    assert sandbox.control.ledger("cellcast") == {"+61400000001": 1}
    assert len(sandbox.control.contacts("cellcast")) == 121
    sandbox.control.reset()
    assert sandbox.control.ledger("cellcast") == {}
    assert sandbox.control.requests("cellcast")["count"] == 0
    assert sandbox.control.faults() == []
    assert sandbox.control.configure()["alohub"]["job_seconds"] == 3.0
    assert len(sandbox.control.contacts("cellcast")) == 120


def test_reset_without_seed_is_empty(sandbox: Any) -> None:
    sandbox.control.reset(seed=False)
    assert sandbox.control.contacts("alohub") == [] and sandbox.control.contacts("dynmsg") == []


def test_seed_is_deterministic_and_multilingual(sandbox: Any) -> None:
    first = {p: sandbox.control.contacts(p) for p in ("stringee", "smsby", "alohub", "cellcast", "dynmsg")}
    sandbox.control.reset()
    assert {p: sandbox.control.contacts(p) for p in first} == first
    assert len(first["alohub"]) == 150 + 30 + 45 + 12
    assert all(p.startswith("+84") for p in first["stringee"] + first["alohub"])
    assert all(p.startswith("+375") for p in first["smsby"])
    assert all(p.startswith("+614") for p in first["cellcast"])
    assert all(p.startswith("+447") for p in first["dynmsg"])
    state = sandbox.server.state
    names = [c.name for c in state.alohub.campaigns[1042].lists[501].contacts.values()]
    assert any(ch in "".join(names) for ch in "ễăđơư")
    assert any("ў" in f.get("name", "") or "Ирина" in f.get("name", "")
               for lst in state.smsby.lists.values() for f in lst.contacts.values())


def test_request_log_counts_by_path(http: httpx.Client, sandbox: Any) -> None:
    for _ in range(3):
        http.get(sandbox.url("cellcast") + "/api/v1/apiClient/account", headers=CELLCAST)
    http.get(sandbox.url("cellcast") + "/api/v2/contact?page=2", headers=CELLCAST)
    log = sandbox.control.requests("cellcast")
    assert log["count"] == 4
    assert log["by_path"] == {"GET /api/v1/apiClient/account": 3, "GET /api/v2/contact": 1}
    assert len(log["times"]) == 4 and log["times"] == sorted(log["times"])
    assert sandbox.control.requests("dynmsg")["count"] == 0


def test_config_rejects_unknown_keys(sandbox: Any) -> None:
    merged = sandbox.control.configure(alohub={"route_limit": 60, "window": 5})
    assert merged["alohub"]["route_limit"] == 60 and merged["alohub"]["window"] == 5.0
    for bad in ({"alohub": {"nope": 1}}, {"acme": {}}, {"alohub": {"window": "soon"}}):
        with pytest.raises(ValueError):
            sandbox.control.configure(**bad)


def test_bad_control_requests(http: httpx.Client, sandbox: Any) -> None:
    assert http.get(sandbox.base_url + "/_sandbox/ledger", params={"provider": "acme"}).status_code == 400
    assert http.get(sandbox.base_url + "/_sandbox/nothing").status_code == 404
    assert http.get(sandbox.base_url + "/nowhere/api").status_code == 404
    assert http.get(sandbox.base_url + "/_sandbox/health").json()["ok"] is True
