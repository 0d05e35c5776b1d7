"""The sandbox's whole mutable state: provider data, insert ledger, request log, config and fault scripts."""

from __future__ import annotations

import copy
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from campaign_gui.sandbox.models import AlohubData, CellcastData, DynmsgData, SmsbyData, StringeeData

PROVIDERS = ("stringee", "smsby", "alohub", "cellcast", "dynmsg")
REGIONS = {"stringee": "VN", "smsby": "BY", "alohub": "VN", "cellcast": "AU", "dynmsg": "GB"}

DEFAULT_CONFIG: dict[str, dict[str, Any]] = {
    "stringee": {"reject_tokens_issued_before": 0.0, "max_phones": 1000},
    "smsby": {"max_request_line": 8192, "max_rows": 500, "max_fields": 30},
    "alohub": {"tenant_limit": 200, "route_limit": 100, "window": 10.0, "job_seconds": 3.0, "max_bulk": 10000,
               "refuse_phones": []},  # E.164 numbers a bulk job refuses, counted in failedRows, never named
    "cellcast": {"max_contacts": 1000},
    "dynmsg": {"default_page_size": 10, "max_page_size": 0},
}

FAULT_ACTIONS = frozenset({"status", "rate_limit", "commit_then_500", "reset", "stall", "html", "malformed",
                           "empty", "drip", "json"})


class SpecError(ValueError):
    """A control-API request that cannot be honoured (bad fault spec, unknown config key)."""


@dataclass
class Fault:
    """One scripted fault. ``times`` -1 = forever; ``after`` lets that many matching requests through first."""

    id: int
    action: str
    provider: str | None = None
    path: re.Pattern[str] | None = None
    method: str | None = None
    status: int | None = None
    retry_after: str | None = None
    body: Any = None
    times: int = 1
    after: int = 0
    seconds: float = 30.0
    commit: bool = False
    seen: int = 0
    fired: int = 0

    def describe(self) -> dict[str, Any]:
        return {"id": self.id, "action": self.action, "provider": self.provider,
                "path": self.path.pattern if self.path else None, "method": self.method, "status": self.status,
                "retry_after": self.retry_after, "times": self.times, "after": self.after,
                "seconds": self.seconds, "commit": self.commit, "seen": self.seen, "fired": self.fired}


def parse_fault(fault_id: int, spec: dict[str, Any]) -> Fault:
    action = spec.get("action")
    if action not in FAULT_ACTIONS:
        raise SpecError(f"unknown fault action {action!r}; one of {sorted(FAULT_ACTIONS)}")
    provider = spec.get("provider")
    if provider in ("*", ""):
        provider = None
    if provider is not None and provider not in PROVIDERS:
        raise SpecError(f"unknown provider {provider!r}")
    try:
        path = re.compile(spec["path"]) if spec.get("path") else None
    except re.error as exc:
        raise SpecError(f"bad path regex: {exc}") from exc
    retry_after = spec.get("retry_after")
    try:
        return Fault(
            id=fault_id, action=action, provider=provider, path=path,
            method=str(spec["method"]).upper() if spec.get("method") else None,
            status=int(spec["status"]) if spec.get("status") is not None else None,
            retry_after=None if retry_after is None else str(retry_after),
            body=spec.get("body"), times=int(spec.get("times", 1)), after=int(spec.get("after", 0)),
            seconds=float(spec.get("seconds", 30.0)),
            commit=bool(spec.get("commit", action == "commit_then_500")),
        )
    except (TypeError, ValueError) as exc:
        raise SpecError(f"bad fault spec: {exc}") from exc


@dataclass
class RequestLog:
    count: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)


class SandboxState:
    """Everything the simulated providers remember. Every mutation happens under ``lock``."""

    def __init__(self, seed: bool = True) -> None:
        self.lock = threading.RLock()
        self.generation = 0  # bumped by reset(): stalled requests of an older generation are dropped
        self.stopping = False
        self.reset(seed)

    def reset(self, seed: bool = True) -> None:
        from campaign_gui.sandbox.seed import build_seed

        with self.lock:
            self.generation += 1
            self.config: dict[str, dict[str, Any]] = copy.deepcopy(DEFAULT_CONFIG)
            self.ledger: dict[str, Counter[str]] = {p: Counter() for p in PROVIDERS}
            self.requests: dict[str, RequestLog] = {p: RequestLog() for p in PROVIDERS}
            self.faults: list[Fault] = []
            self.next_fault_id = 1
            if seed:
                data = build_seed()
                self.stringee, self.smsby, self.alohub = data.stringee, data.smsby, data.alohub
                self.cellcast, self.dynmsg = data.cellcast, data.dynmsg
            else:
                self.stringee, self.smsby, self.alohub = StringeeData(), SmsbyData(), AlohubData()
                self.cellcast, self.dynmsg = CellcastData(), DynmsgData()

    # ledger and request log -------------------------------------------------------------------------
    def record_insert(self, provider: str, e164: str) -> None:
        with self.lock:
            self.ledger[provider][e164] += 1

    def record_inserts(self, provider: str, e164s: list[str]) -> None:
        """``record_insert`` for many phones at once (one lock, C-level counting)."""
        with self.lock:
            self.ledger[provider].update(e164s)

    def log_request(self, provider: str, method: str, path: str) -> None:
        with self.lock:
            log = self.requests[provider]
            log.count += 1
            log.by_path[f"{method} {path}"] += 1
            log.times.append(time.time())

    def cfg(self, provider: str, key: str) -> Any:
        with self.lock:
            return self.config[provider][key]

    def configure(self, changes: dict[str, Any]) -> dict[str, dict[str, Any]]:
        with self.lock:
            for provider, values in changes.items():
                if provider not in self.config or not isinstance(values, dict):
                    raise SpecError(f"unknown provider {provider!r} in config")
                for key, value in values.items():
                    if key not in self.config[provider]:
                        raise SpecError(f"unknown config key {provider}.{key}; known: {sorted(self.config[provider])}")
                    default = DEFAULT_CONFIG[provider][key]
                    try:
                        self.config[provider][key] = type(default)(value) if value is not None else default
                    except (TypeError, ValueError) as exc:
                        raise SpecError(f"bad value for {provider}.{key}: {exc}") from exc
            return copy.deepcopy(self.config)

    # faults -----------------------------------------------------------------------------------------
    def add_fault(self, spec: dict[str, Any]) -> int:
        with self.lock:
            fault = parse_fault(self.next_fault_id, spec)
            self.next_fault_id += 1
            self.faults.append(fault)
            return fault.id

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()

    def match_fault(self, provider: str, method: str, path: str) -> Fault | None:
        """The first active fault matching this request, counting ``after``/``times`` as it goes."""
        with self.lock:
            for fault in self.faults:
                if fault.provider is not None and fault.provider != provider:
                    continue
                if fault.method is not None and fault.method != method.upper():
                    continue
                if fault.path is not None and not fault.path.search(path):
                    continue
                if fault.times != -1 and fault.fired >= fault.times:
                    continue
                fault.seen += 1
                if fault.seen <= fault.after:
                    continue
                fault.fired += 1
                return fault
            return None
