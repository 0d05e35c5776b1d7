"""Simulated Dynamic Messaging SMS Platform: /api/Campaigns (Sieve-paged list, get, contacts, create, put, delete).

Paths are case-insensitive (ASP.NET routing). Auth: ``Authorization: Bearer <key>``, an ``api-key`` header
or ``?api-key=``; else 401. ``POST /api/Campaigns`` validates phones like ``/api/campaigns/false``; with
``/true`` invalid phones are dropped. Created campaigns answer 201 with the id as a bare JSON string;
validation errors are ASP.NET ProblemDetails (assumed shape). ``pageSize`` defaults to
``default_page_size`` (10: the document's 4274 records / 428 pages); an assumption, configurable.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.base import ProviderApp, json_response, read_json
from campaign_gui.sandbox.models import DYNMSG_API_KEY, DynCampaign
from campaign_gui.sandbox.phones import to_e164
from campaign_gui.sandbox.sieve import SieveError, apply_sieve, page_of

PROBLEM_TYPE = "https://tools.ietf.org/html/rfc7231#section-6.5.1"


def problem(errors: dict[str, list[str]]) -> Response:
    return json_response({"type": PROBLEM_TYPE, "title": "One or more validation errors occurred.", "status": 400,
                          "errors": errors}, 400)


def not_found() -> Response:
    return json_response({"type": "https://tools.ietf.org/html/rfc7231#section-6.5.4", "title": "Not Found",
                          "status": 404}, 404)


class DynmsgApp(ProviderApp):
    provider = "dynmsg"
    case_insensitive = True
    _ID = r"/api/campaigns/(?P<cid>[^/]+)"
    routes = [
        ("GET", r"/api/campaigns", "list_campaigns"),
        ("POST", r"/api/campaigns", "create"),
        ("POST", r"/api/campaigns/(?P<flag>true|false)", "create"),
        ("GET", _ID + r"/contacts", "list_contacts"),
        ("GET", _ID, "get_campaign"),
        ("PUT", _ID, "update"),
        ("DELETE", _ID, "delete"),
    ]

    async def authenticate(self, request: Request) -> Response | None:
        auth = request.headers.get("authorization", "")
        key = auth[7:].strip() if auth[:7].lower() == "bearer " else None
        key = key or request.headers.get("api-key") or request.query_params.get("api-key")
        if key != DYNMSG_API_KEY:
            return Response(status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return None

    def not_found(self, request: Request, wrong_method: bool) -> Response:
        return Response(status_code=405) if wrong_method else not_found()

    def _paged(self, request: Request, rows: list[dict[str, Any]]) -> Response:
        q = request.query_params
        try:
            ordered = apply_sieve(rows, q.get("filters"), q.get("sorts"))
            body = page_of(ordered, q.get("page"), q.get("pageSize"), int(self.state.cfg("dynmsg", "default_page_size")),
                           int(self.state.cfg("dynmsg", "max_page_size")))
        except SieveError as exc:
            return problem({"page": [str(exc)]})
        return json_response(body)

    async def list_campaigns(self, request: Request) -> Response:
        with self.state.lock:
            rows = [c.public() for c in self.state.dynmsg.campaigns.values()]
        return self._paged(request, rows)

    async def get_campaign(self, request: Request, cid: str) -> Response:
        with self.state.lock:
            camp = self.state.dynmsg.campaigns.get(cid)
            return json_response(camp.public()) if camp else not_found()

    async def list_contacts(self, request: Request, cid: str) -> Response:
        with self.state.lock:
            camp = self.state.dynmsg.campaigns.get(cid)
            if camp is None:
                return not_found()
            rows = [{k: c.get(k) for k in ("id", "phoneNumber", "name", "custom1", "custom2")} for c in camp.contacts]
        return self._paged(request, rows)

    @staticmethod
    def _fields(body: dict[str, Any], errors: dict[str, list[str]]) -> dict[str, Any]:
        for name in ("sender", "message"):
            if not isinstance(body.get(name), str) or not body[name].strip():
                errors[name[0].upper() + name[1:]] = [f"The {name[0].upper() + name[1:]} field is required."]
        start = body.get("startDateTime")
        if start is not None and (not isinstance(start, str) or "T" not in start):
            errors["startDateTime"] = ["The value is not a valid date-time."]
        opt_out = body.get("optOutLinkId")
        if opt_out is not None and (isinstance(opt_out, bool) or not isinstance(opt_out, int)):
            errors["optOutLinkId"] = ["The value is not a valid integer."]
        return {"startDateTime": start or "", "sender": body.get("sender") or "", "message": body.get("message") or "",
                "optOutLinkId": opt_out, "trackLinkUrl": body.get("trackLinkUrl")}

    async def create(self, request: Request, flag: str = "false") -> Response:
        body = await read_json(request)
        if not isinstance(body, dict):
            return problem({"$": ["A non-empty request body is required."]})
        errors: dict[str, list[str]] = {}
        fields = self._fields(body, errors)
        contacts = body.get("contacts") or []
        if not isinstance(contacts, list):
            errors["contacts"] = ["The value is not a valid array."]
            contacts = []
        ignore_invalid = flag.lower() == "true"
        kept: list[dict[str, Any]] = []
        for i, item in enumerate(contacts):
            phone = item.get("phoneNumber") if isinstance(item, dict) else None
            e164 = to_e164(str(phone), "GB") if phone else None
            if e164 is None:
                if not ignore_invalid:
                    errors[f"contacts[{i}].phoneNumber"] = [f"'{phone or ''}' is not a valid phone number."]
                continue
            kept.append({"phoneNumber": str(phone), "e164": e164, "name": item.get("name"),
                         "custom1": item.get("custom1"), "custom2": item.get("custom2"),
                         "contactGroupId": item.get("contactGroupId")})
        if errors:
            return problem(errors)
        with self.state.lock:
            data = self.state.dynmsg
            cid = str(uuid.UUID(int=(0xD15 << 116) | data.next_id))
            data.next_id += 1
            for contact in kept:
                contact["id"] = str(uuid.UUID(int=(0xC0 << 120) | data.next_id))
                data.next_id += 1
                self.state.record_insert("dynmsg", contact.pop("e164"))
            data.campaigns[cid] = DynCampaign(cid, fields["startDateTime"], fields["sender"], fields["message"],
                                              0, fields["optOutLinkId"], fields["trackLinkUrl"], kept)
        return json_response(cid, 201, headers={"Location": f"/api/Campaigns/{cid}"})

    async def update(self, request: Request, cid: str) -> Response:
        body = await read_json(request)
        if not isinstance(body, dict):
            return problem({"$": ["A non-empty request body is required."]})
        errors: dict[str, list[str]] = {}
        fields = self._fields(body, errors)
        with self.state.lock:
            camp = self.state.dynmsg.campaigns.get(cid)
            if camp is None:
                return not_found()
            if errors:
                return problem(errors)
            camp.startDateTime = fields["startDateTime"] or camp.startDateTime
            camp.sender, camp.message = fields["sender"], fields["message"]
            camp.optOutLinkId, camp.trackLinkUrl = fields["optOutLinkId"], fields["trackLinkUrl"]
        return Response(status_code=204)

    async def delete(self, request: Request, cid: str) -> Response:
        with self.state.lock:
            if self.state.dynmsg.campaigns.pop(cid, None) is None:
                return not_found()
        return Response(status_code=204)
