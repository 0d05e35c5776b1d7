"""``SandboxControl``: a small synchronous client for the sandbox control API (tests, benchmarks, demo)."""

from __future__ import annotations

from typing import Any

import httpx


class SandboxControl:
    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.Client(base_url=self.base_url, timeout=timeout)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._client.request(method, f"/_sandbox/{path}", **kwargs)
        if response.status_code >= 400:
            raise ValueError(f"sandbox control {method} {path}: {response.status_code} {response.text}")
        return response.json()

    def reset(self, seed: bool = True) -> None:
        """Back to the seeded state; clears faults, ledger, request counters and config."""
        self._call("POST", "reset", json={"seed": seed})

    def fault(self, **spec: Any) -> int:
        """Script a fault (``provider``, ``path`` regex, ``method``, ``action``, ``status``, ``retry_after``,
        ``body``, ``times``, ``after``, ``seconds``, ``commit``); returns its id."""
        return int(self._call("POST", "faults", json=spec)["id"])

    def faults(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "faults")["faults"])

    def clear_faults(self) -> None:
        self._call("DELETE", "faults")

    def ledger(self, provider: str) -> dict[str, int]:
        """NEW inserts per E.164 phone made through ``provider``'s API since the last reset."""
        return dict(self._call("GET", "ledger", params={"provider": provider})["inserts"])

    def requests(self, provider: str) -> dict[str, Any]:
        """``{"count": n, "by_path": {"POST /v1/…": n}, "times": [unix, …]}``."""
        return dict(self._call("GET", "requests", params={"provider": provider}))

    def configure(self, **per_provider: dict[str, Any]) -> dict[str, Any]:
        """E.g. ``configure(alohub={"job_seconds": 0}, smsby={"max_request_line": 4000})``."""
        return dict(self._call("POST", "config", json=per_provider))

    def contacts(self, provider: str, container: str | None = None) -> list[str]:
        """E.164 phones stored at ``provider`` (in one campaign/list when ``container`` is given)."""
        params = {"provider": provider} | ({"container": container} if container is not None else {})
        return list(self._call("GET", "contacts", params=params)["phones"])

    def alohub_restart(self) -> None:
        """Forget every Alohub import job (as a server restart would): polls then answer 404."""
        self._call("POST", "alohub/restart")

    def alohub_advance(self, seconds: float) -> None:
        """Let ``seconds`` pass for Alohub: import jobs progress and rate-limit windows drain (no sleeping)."""
        self._call("POST", "alohub/advance", json={"seconds": seconds})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SandboxControl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
