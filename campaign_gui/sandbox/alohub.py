"""Simulated Alohub xapi: campaigns, contact lists, contacts, async bulk import jobs, two rate-limit windows.

- Auth: ``X-Api-Key`` or a raw ``Authorization: <key>`` (``Bearer`` tolerated); an ``X-Tenant-ID`` header,
  when present, must name the key's tenant. Missing/wrong → 401 UNAUTHORIZED; the no-scope demo key → 403.
- Rate limits (after auth, as Kong orders its plugins): sliding ``window`` seconds per tenant and per
  tenant+route; every authenticated response carries ``X-RateLimit-{Limit,Remaining}-{Tenant,Route}``;
  over → 429 RATE_LIMIT_EXCEEDED with ``Retry-After`` (whole seconds until the window frees). Rejected
  requests do not consume quota. Job polling is limited like any route.
- Bulk jobs: outcomes are decided and applied at submission (so a resubmission dedupes), and reported
  progressively over ``job_seconds``: pending for the first 20 %, then processing, then done
  (``job_seconds`` 0 → done at the first poll). ``processedRows`` counts every handled row including
  failed and duplicate ones. ``POST /_sandbox/alohub/restart`` forgets all jobs (→ 404 on poll).
- Single add (POST contacts) does not dedupe (undocumented; assumed), so a retried add shows twice.
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.base import Handler, ProviderApp, json_response, read_json
from campaign_gui.sandbox.models import (
    ALOHUB_API_KEY,
    ALOHUB_NOSCOPE_KEY,
    ALOHUB_TENANT_ID,
    AlohubCampaign,
    AlohubContact,
    AlohubJob,
    AlohubList,
)
from campaign_gui.sandbox.phones import vn_national

KEYS = {ALOHUB_API_KEY: (ALOHUB_TENANT_ID, True), ALOHUB_NOSCOPE_KEY: (ALOHUB_TENANT_ID, False)}
_C = r"/v1/campaigns/(?P<cid>[^/]+)"


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return json_response({"success": "0", "error_code": code, "error_message": message}, status, headers)


def ok(**fields: Any) -> dict[str, Any]:
    return {"success": "1", "error_code": "SUCCESS", "error_message": "", **fields}


def _int(value: str | None, default: int) -> int | None:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        return None


class AlohubApp(ProviderApp):
    provider = "alohub"
    routes = [
        ("GET", r"/v1/campaigns", "list_campaigns"),
        ("GET", _C + r"/contact-lists", "list_lists"),
        ("GET", _C + r"/contact-lists/(?P<lid>[^/]+)/contacts", "list_contacts"),
        ("POST", _C + r"/contacts", "add_contact"),
        ("POST", _C + r"/contacts/bulk", "bulk"),
        ("GET", _C + r"/contacts/import/(?P<job>[^/]+)", "poll"),
        ("DELETE", _C + r"/contacts/(?P<contact>[^/]+)", "delete_contact"),
    ]

    def not_found(self, request: Request, wrong_method: bool) -> Response:
        return error(405 if wrong_method else 404, "NOT_FOUND", "Not found")

    async def authenticate(self, request: Request) -> Response | None:  # pragma: no cover - dispatch does it
        return None

    async def dispatch(self, request: Request, handler: Handler, params: dict[str, str]) -> Response:
        key = request.headers.get("x-api-key") or request.headers.get("authorization", "")
        key = key.removeprefix("Bearer ").strip()
        known = KEYS.get(key)
        tenant_header = request.headers.get("x-tenant-id")
        if known is None or (tenant_header is not None and tenant_header.strip() != known[0]):
            return error(401, "UNAUTHORIZED", "Missing or incorrect API key")
        if not known[1]:
            return error(403, "INSUFFICIENT_SCOPE", "API key does not have scope: campaign")
        route = f"{request.method} {handler.__name__}"
        headers, retry_after = self._rate_limit(known[0], route)
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
            return error(429, "RATE_LIMIT_EXCEEDED", "Exceeded request limit", headers)
        response = await handler(request, **params)
        response.headers.update(headers)
        return response

    def _rate_limit(self, tenant: str, route: str) -> tuple[dict[str, str], int | None]:
        cfg = self.state.config["alohub"]
        with self.state.lock:
            now = time.monotonic()
            window, limits = float(cfg["window"]), (int(cfg["tenant_limit"]), int(cfg["route_limit"]))
            queues = [self.state.alohub.windows.setdefault(k, deque()) for k in (f"t:{tenant}", f"r:{tenant}:{route}")]
            for q in queues:
                while q and q[0] <= now - window:
                    q.popleft()
            blocked = [q[len(q) - limit] + window - now for q, limit in zip(queues, limits, strict=True)
                       if len(q) >= limit]
            if not blocked:
                for q in queues:
                    q.append(now)
            headers = {"X-RateLimit-Limit-Tenant": str(limits[0]),
                       "X-RateLimit-Remaining-Tenant": str(max(0, limits[0] - len(queues[0]))),
                       "X-RateLimit-Limit-Route": str(limits[1]),
                       "X-RateLimit-Remaining-Route": str(max(0, limits[1] - len(queues[1])))}
            return headers, (max(1, math.ceil(max(blocked))) if blocked else None)

    def _campaign(self, cid: str) -> AlohubCampaign | None:
        value = _int(cid, -1)
        return self.state.alohub.campaigns.get(value) if value is not None else None

    async def list_campaigns(self, request: Request) -> Response:
        q = request.query_params
        user = q.get("userName", "").strip()
        if not user:
            return error(400, "INVALID_INPUT", "userName is required")
        page, limit, status = _int(q.get("page"), 0), _int(q.get("limit"), 20), _int(q.get("status"), 0)
        if page is None or limit is None or status is None or page < 0 or limit < 1:
            return error(400, "INVALID_INPUT", "Invalid page/limit/status")
        with self.state.lock:
            rows = [c for c in self.state.alohub.campaigns.values() if c.user_name == user
                    and (not status or c.status == status) and (not q.get("type") or c.type == q.get("type"))]
            data = [{"campaignId": c.campaign_id, "campaignName": c.name, "status": c.status, "type": c.type,
                     "createdAt": c.created_at, "totalContact": sum(len(lst.contacts) for lst in c.lists.values())}
                    for c in rows[page * limit:(page + 1) * limit]]
        return json_response(ok(totalRecord=len(rows), data=data))

    async def list_lists(self, request: Request, cid: str) -> Response:
        with self.state.lock:
            camp = self._campaign(cid)
            if camp is None:
                return error(404, "NOT_FOUND", "Campaign not found")
            data = [{"listId": lst.list_id, "listName": lst.name, "contactCount": len(lst.contacts)}
                    for lst in camp.lists.values()]
        return json_response({"success": "1", "totalRecord": len(data), "data": data})

    async def list_contacts(self, request: Request, cid: str, lid: str) -> Response:
        page, size = _int(request.query_params.get("page"), 0), _int(request.query_params.get("size"), 20)
        if page is None or size is None or page < 0 or size < 1:
            return error(400, "INVALID_INPUT", "Invalid page/size")
        with self.state.lock:
            camp = self._campaign(cid)
            lst = camp.lists.get(_int(lid, -1) or -1) if camp else None
            if camp is None or lst is None:
                return error(404, "NOT_FOUND", "Campaign or list not found")
            items = list(lst.contacts.values())
            data = [{"contactId": c.contact_id, "customerId": c.customer_id, "phoneNumber": c.phone, "name": c.name,
                     "processStatus": c.process_status, "callStatus": c.call_status}
                    for c in items[page * size:(page + 1) * size]]
        return json_response({"success": "1", "totalRecord": len(items), "data": data})

    def _new_list(self, camp: AlohubCampaign, name: str) -> AlohubList:
        data = self.state.alohub
        lst = AlohubList(data.next_list_id, name)
        data.next_list_id += 1
        camp.lists[lst.list_id] = lst
        return lst

    def _insert(self, lst: AlohubList, phone: str, e164: str, name: Any) -> None:
        data = self.state.alohub
        contact = AlohubContact(data.next_contact_id, data.next_customer_id, phone, e164,
                                str(name) if name not in (None, "") else None)
        data.next_contact_id += 1
        data.next_customer_id += 1
        lst.contacts[contact.contact_id] = contact
        self.state.record_insert("alohub", e164)

    async def add_contact(self, request: Request, cid: str) -> Response:
        body = await read_json(request)
        if not isinstance(body, dict) or not body.get("phoneNumber"):
            return error(400, "INVALID_INPUT", "phoneNumber is required")
        phone = vn_national(str(body["phoneNumber"]))
        if phone is None:
            return error(400, "INVALID_INPUT", "Invalid phoneNumber")
        with self.state.lock:
            camp = self._campaign(cid)
            if camp is None:
                return error(404, "NOT_FOUND", "Campaign not found")
            if body.get("listId") not in (None, ""):
                lst = camp.lists.get(_int(str(body["listId"]), -1) or -1)
                if lst is None:
                    return error(404, "NOT_FOUND", "List not found")
            else:
                lst = next(iter(camp.lists.values()), None) or self._new_list(camp, "Default List")
            self._insert(lst, phone[0], phone[1], body.get("name"))
        return json_response(ok(error_message=f"Contact added to list {lst.list_id}"))

    async def bulk(self, request: Request, cid: str) -> Response:
        body = await read_json(request)
        contacts = body.get("contacts") if isinstance(body, dict) else None
        if not isinstance(contacts, list) or not contacts:
            return error(400, "INVALID_INPUT", "contacts must be a non-empty array")
        if len(contacts) > int(self.state.cfg("alohub", "max_bulk")):
            return error(400, "INVALID_INPUT", "Too many contacts")
        list_name = body.get("listName")
        with self.state.lock:
            camp = self._campaign(cid)
            if camp is None:
                return error(404, "NOT_FOUND", "Campaign not found")
            data = self.state.alohub
            job_id = data.next_job_id
            data.next_job_id += 1
            name = str(list_name).strip() if list_name else f"Import job {job_id}"
            lst = next((x for x in camp.lists.values() if x.name == name), None) or self._new_list(camp, name)
            present = {c.e164 for c in lst.contacts.values()}
            refused = set(self.state.config["alohub"]["refuse_phones"])
            outcomes = []
            for item in contacts:
                phone = vn_national(str(item.get("phoneNumber", ""))) if isinstance(item, dict) else None
                if phone is None or phone[1] in refused:
                    outcomes.append("fail")
                elif phone[1] in present:
                    outcomes.append("dup")
                else:
                    present.add(phone[1])
                    self._insert(lst, phone[0], phone[1], item.get("name"))
                    outcomes.append("ok")
            data.jobs[job_id] = AlohubJob(job_id, camp.campaign_id, lst.list_id, time.monotonic(), outcomes)
        return json_response(ok(error_message="Bulk import started", job_id=job_id, total_rows=len(contacts)))

    async def poll(self, request: Request, cid: str, job: str) -> Response:
        with self.state.lock:
            found = self.state.alohub.jobs.get(_int(job, -1) or -1)
            if found is None or str(found.campaign_id) != cid.strip():
                return error(404, "NOT_FOUND", "Job not found")
            duration = float(self.state.cfg("alohub", "job_seconds"))
            fraction = 1.0 if duration <= 0 else (time.monotonic() - found.created) / duration
            total = len(found.outcomes)
            if fraction >= 1.0:
                status, done = "done", total
            elif fraction < 0.2:
                status, done = "pending", 0
            else:
                status, done = "processing", min(total, int(total * (fraction - 0.2) / 0.8))
        handled = found.outcomes[:done]
        return json_response({"jobId": found.job_id, "status": status, "totalRows": total, "processedRows": done,
                              "failedRows": handled.count("fail"), "duplicateRows": handled.count("dup"),
                              "error": None})

    async def delete_contact(self, request: Request, cid: str, contact: str) -> Response:
        contact_id = _int(contact, -1)
        with self.state.lock:
            camp = self._campaign(cid)
            if camp is None:
                return error(404, "NOT_FOUND", "Campaign not found")
            for lst in camp.lists.values():
                found = lst.contacts.get(contact_id or -1)
                if found is None:
                    continue
                if found.process_status != 0:
                    return error(400, "INVALID_STATE", f"Contact {contact_id} cannot be deleted "
                                 f"(processStatus={found.process_status})")
                del lst.contacts[found.contact_id]
                return json_response(ok(error_message="Contact deleted successfully"))
        return error(404, "NOT_FOUND", "Contact not found")
