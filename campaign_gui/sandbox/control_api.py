"""The sandbox control API under ``/_sandbox/``: reset, faults, ledger, request log, config, contact dump."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.base import json_response, read_json
from campaign_gui.sandbox.phones import to_e164
from campaign_gui.sandbox.state import PROVIDERS, SandboxState, SpecError


def _bad(message: str, status: int = 400) -> Response:
    return json_response({"error": message}, status)


class ControlApi:
    def __init__(self, state: SandboxState) -> None:
        self.state = state

    async def handle(self, request: Request) -> Response:
        route = (request.method, request.url.path.rstrip("/"))
        try:
            if route == ("POST", "/_sandbox/reset"):
                body = await read_json(request)
                self.state.reset(seed=bool(body.get("seed", True)) if isinstance(body, dict) else True)
                return json_response({"ok": True})
            if route == ("POST", "/_sandbox/faults"):
                body = await read_json(request)
                if not isinstance(body, dict):
                    return _bad("a JSON object is required")
                return json_response({"id": self.state.add_fault(body)})
            if route == ("DELETE", "/_sandbox/faults"):
                self.state.clear_faults()
                return json_response({"ok": True})
            if route == ("GET", "/_sandbox/faults"):
                with self.state.lock:
                    return json_response({"faults": [f.describe() for f in self.state.faults]})
            if route == ("POST", "/_sandbox/config"):
                body = await read_json(request)
                if not isinstance(body, dict):
                    return _bad("a JSON object is required")
                return json_response(self.state.configure(body))
            if route == ("GET", "/_sandbox/config"):
                return json_response(self.state.configure({}))
            if route == ("POST", "/_sandbox/alohub/restart"):
                with self.state.lock:
                    self.state.alohub.jobs.clear()
                return json_response({"ok": True})
            if route == ("POST", "/_sandbox/alohub/advance"):
                body = await read_json(request)
                seconds = float(body.get("seconds", 0)) if isinstance(body, dict) else 0.0
                with self.state.lock:  # age jobs and rate-limit windows: time passes, deterministically
                    for job in self.state.alohub.jobs.values():
                        job.created -= seconds
                    for window in self.state.alohub.windows.values():
                        for i in range(len(window)):
                            window[i] -= seconds
                return json_response({"ok": True})
            if route == ("GET", "/_sandbox/health"):
                return json_response({"ok": True, "providers": list(PROVIDERS)})
            if route[0] == "GET" and route[1] in ("/_sandbox/ledger", "/_sandbox/requests", "/_sandbox/contacts"):
                provider = request.query_params.get("provider", "")
                if provider not in PROVIDERS:
                    return _bad(f"provider must be one of {list(PROVIDERS)}")
                if route[1] == "/_sandbox/ledger":
                    with self.state.lock:
                        return json_response({"inserts": dict(self.state.ledger[provider])})
                if route[1] == "/_sandbox/requests":
                    with self.state.lock:
                        log = self.state.requests[provider]
                        return json_response({"count": log.count, "by_path": dict(log.by_path),
                                              "times": list(log.times)})
                return json_response({"phones": self._phones(provider, request.query_params.get("container"))})
        except SpecError as exc:
            return _bad(str(exc))
        return _bad("unknown control route", 404)

    def _phones(self, provider: str, container: str | None) -> list[str]:
        """E.164 phones stored in one container (campaign/list) or everywhere, duplicates kept."""
        s = self.state
        with s.lock:
            if provider == "stringee":
                camps = [c for c in s.stringee.campaigns.values() if container in (None, c.id)]
                return ["+" + p for c in camps for p in c.phones]
            if provider == "smsby":
                lists = [x for x in s.smsby.lists.values() if container in (None, str(x.list_id))]
                return [k for x in lists for k in x.contacts if k.startswith("+")]
            if provider == "alohub":
                alohub = [c for c in s.alohub.campaigns.values() if container in (None, str(c.campaign_id))]
                return [p.e164 for c in alohub for lst in c.lists.values() for p in lst.contacts.values()]
            if provider == "cellcast":
                return [c.e164 for c in s.cellcast.contacts.values()
                        if container is None or container in c.lists or
                        container in [s.cellcast.lists[x] for x in c.lists]]
            out: list[Any] = []
            for camp in s.dynmsg.campaigns.values():
                if container in (None, camp.id):
                    out += [to_e164(c["phoneNumber"], "GB") or c["phoneNumber"] for c in camp.contacts]
            return out
