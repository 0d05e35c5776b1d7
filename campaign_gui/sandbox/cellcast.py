"""Simulated Cellcast: bulk/single contact add with tags and lists (by name), v2 contact listing, account.

- Auth: ``Authorization: Bearer <key>`` or the raw key; otherwise 401 ``{"code":401,"message":"Token expired"}``.
- Bulk: ≤ ``max_contacts`` (1000, assumed) per call else 400 ``fail``; unknown list/tag names are created
  (assumed); an existing phone is updated (fields, tags and lists merged), not inserted again.
- Single add (response shape undocumented, assumed): 200 ``{"message":"success","data":{"id":…}}`` or
  400 ``{"message":"fail","data":{"message":…,"errors":["contact error : phone_number is not valid"]}}``.
- ``GET /api/v2/contact``: ``data.next``/``data.prev`` are page numbers or null, ``data.current`` the page,
  and ``data.total`` the number of matching contacts (the total is an assumption).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.base import ProviderApp, json_response, read_json
from campaign_gui.sandbox.models import CELLCAST_API_KEY, CellcastContact
from campaign_gui.sandbox.phones import au_mobile
from campaign_gui.sandbox.seed import cellcast_id

FIELDS = ("first_name", "last_name", "email", "birthday", "address", "postal_code", "gender", "purchase")
_FIELD_SET = frozenset(FIELDS)


class CellcastApp(ProviderApp):
    provider = "cellcast"
    routes = [
        ("POST", r"/api/v1/contact/bulk", "bulk"),
        ("POST", r"/api/v1/contact/single", "single"),
        ("GET", r"/api/v2/contact", "list_contacts"),
        ("GET", r"/api/v1/apiClient/account", "account"),
    ]

    async def authenticate(self, request: Request) -> Response | None:
        auth = request.headers.get("authorization", "").strip()
        if auth.removeprefix("Bearer ").strip() != CELLCAST_API_KEY:
            return json_response({"code": 401, "message": "Token expired"}, 401)
        return None

    def not_found(self, request: Request, wrong_method: bool) -> Response:
        return json_response({"code": 404, "message": "Not Found"}, 404)

    def _ids(self, table: dict[str, str], names: Any, kind: str) -> list[str]:
        out: list[str] = []
        for name in names if isinstance(names, list) else []:
            name = str(name).strip()
            if not name:
                continue
            found = next((i for i, n in table.items() if n == name), None)
            if found is None:
                found = cellcast_id(kind, self.state.cellcast.next_id)
                self.state.cellcast.next_id += 1
                table[found] = name
            if found not in out:
                out.append(found)
        return out

    def _upsert(self, item: dict[str, Any], phone: tuple[str, str], tags: list[str], lists: list[str],
                inserted: list[str] | None = None) -> str:
        """Insert or update one validated contact (``phone``: national, E.164); returns its id.

        A new contact's phone goes to ``inserted`` (the caller records them in the ledger) if given.
        """
        data = self.state.cellcast
        national, e164 = phone
        values = {k: str(v) for k, v in item.items() if k in _FIELD_SET and v not in (None, "")}
        cid = data.by_phone.get(e164)
        if cid is None:  # new: built in one go (tags and lists come de-duplicated from _ids)
            cid = cellcast_id("contact", data.next_id)
            data.next_id += 1
            data.contacts[cid] = CellcastContact(
                cid, national, e164, values.pop("first_name", ""), values.pop("last_name", ""),
                values.pop("email", ""), False, list(tags), list(lists), values)
            data.by_phone[e164] = cid
            if inserted is None:
                self.state.record_insert("cellcast", e164)
            else:
                inserted.append(e164)
            return cid
        contact = data.contacts[cid]
        contact.first_name = values.pop("first_name", contact.first_name)
        contact.last_name = values.pop("last_name", contact.last_name)
        contact.email = values.pop("email", contact.email)
        contact.extra.update(values)
        contact.tags += [t for t in tags if t not in contact.tags]
        contact.lists += [x for x in lists if x not in contact.lists]
        return cid

    @staticmethod
    def _check(item: Any) -> tuple[str, str] | str:
        """(national, E.164) of a valid contact's phone, else the error text."""
        phone = item.get("phone_number") if isinstance(item, dict) else None
        if phone is None or str(phone).strip() == "":
            return "phone_number empty"
        return au_mobile(str(phone)) or "phone_number is not valid"

    async def bulk(self, request: Request) -> Response:
        body = await read_json(request)
        contacts = body.get("contacts") if isinstance(body, dict) else None
        if not isinstance(contacts, list) or not contacts:
            return json_response({"message": "fail", "data": {"message": "fail process data",
                                                              "errors": ["contacts is required"]}}, 400)
        limit = int(self.state.cfg("cellcast", "max_contacts"))
        if len(contacts) > limit:
            return json_response({"message": "fail", "data": {"message": f"maximum {limit} contacts per request",
                                                              "errors": [f"contacts must not exceed {limit}"]}}, 400)
        checked = [self._check(item) for item in contacts]
        errors = [f"contact[{i}] error : {result}" for i, result in enumerate(checked) if isinstance(result, str)]
        if len(errors) == len(contacts):
            return json_response({"message": "fail", "data": {"message": "fail process data", "errors": errors}}, 400)
        with self.state.lock:
            tags = self._ids(self.state.cellcast.tags, body.get("tags"), "tag")
            lists = self._ids(self.state.cellcast.lists, body.get("list"), "list")
            inserted: list[str] = []
            for item, result in zip(contacts, checked, strict=True):
                if not isinstance(result, str):
                    self._upsert(item, result, tags, lists, inserted)
            self.state.record_inserts("cellcast", inserted)
        ok = len(contacts) - len(errors)
        if errors:
            return json_response({"message": "partial_success", "data": {
                "message": "The data was successfully processed, but there was some data that was not processed "
                           "because it was invalid",
                "success_data": ok, "failed_data": len(errors), "errors": errors}})
        return json_response({"message": "success", "data": {"message": "all data success to process",
                                                             "success_data": ok, "failed_data": 0, "errors": []}})

    async def single(self, request: Request) -> Response:
        body = await read_json(request)
        result = self._check(body) if isinstance(body, dict) else "phone_number empty"
        if isinstance(result, str):
            return json_response({"message": "fail", "data": {"message": "fail process data",
                                                              "errors": [f"contact error : {result}"]}}, 400)
        with self.state.lock:
            tags = self._ids(self.state.cellcast.tags, body.get("tags"), "tag")
            lists = self._ids(self.state.cellcast.lists, body.get("list"), "list")
            cid = self._upsert(body, result, tags, lists)
        return json_response({"message": "success", "data": {"message": "contact saved", "id": cid}})

    async def list_contacts(self, request: Request) -> Response:
        q = request.query_params
        try:
            page, limit = int(q.get("page") or 1), int(q.get("limit") or 1000)
        except ValueError:
            return json_response({"message": "fail", "data": {"message": "page and limit must be integers"}}, 400)
        if page < 1 or limit < 1:
            return json_response({"message": "fail", "data": {"message": "page and limit must be positive"}}, 400)
        tag_ids = {t for t in q.get("tag", "").split(",") if t}
        list_ids = {x for x in q.get("list", "").split(",") if x}
        with self.state.lock:
            data = self.state.cellcast
            tag_name, list_name = q.get("tagName"), q.get("listName")
            rows = [c for c in data.contacts.values()
                    if (not tag_ids or tag_ids & set(c.tags)) and (not list_ids or list_ids & set(c.lists))
                    and (not tag_name or any(data.tags[t] == tag_name for t in c.tags))
                    and (not list_name or any(data.lists[x] == list_name for x in c.lists))]
            items = [{"ID": c.id, "Number": c.number, "First Name": c.first_name, "Last Name": c.last_name,
                      "Email": c.email, "Unsubscribe": c.unsubscribe,
                      "Tags": [{"ID": t, "Name": data.tags[t]} for t in c.tags],
                      "Lists": [{"ID": x, "Name": data.lists[x]} for x in c.lists]}
                     for c in rows[(page - 1) * limit:page * limit]]
        last = max(1, -(-len(rows) // limit))
        return json_response({"message": "success", "data": {
            "items": items, "next": page + 1 if page < last else None, "current": page,
            "prev": page - 1 if page > 1 else None, "total": len(rows)}})

    async def account(self, request: Request) -> Response:
        with self.state.lock:
            data = self.state.cellcast
            return json_response({"message": "success", "data": {"sms_balance": data.sms_balance,
                                                                 "account_name": data.account_name}})
