"""Simulated SMS.by API v2: importContacts (upsert), createSubscriberList and getSubscriberLists.

- ``token`` in the query string or the form body; a bad token → HTTP 403 ``{"error": "Access Denied"}``.
- Parameters come from the query string and/or an application/x-www-form-urlencoded body (PHP-style
  ``field_names[i]`` / ``data[r][c]`` keys; body values win over query values).
- A request line (``METHOD path?query HTTP/1.1``, the full path as sent) longer than ``max_request_line``
  → HTTP 414 with an nginx-style HTML page (checked by the app so it is deterministic).
- Errors in the legacy style: HTTP 200 with ``{"error": "…"}`` (unknown list → ``"List not found"``,
  more than 500 rows or 30 fields, no phone/email field).
- ASSUMED: ``getSubscriberLists`` (path and shape are not documented): ``{"status":"OK","result":
  [{"list_id":101,"name":"…","count":N}]}``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.base import ProviderApp, json_response, read_form
from campaign_gui.sandbox.models import SMSBY_TOKEN, SmsbyList
from campaign_gui.sandbox.phones import by_number

_FIELD = re.compile(r"^field_names\[(\d*)\]$")
_DATA = re.compile(r"^data\[(\d+)\]\[(\d+)\]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

HTML_414 = ("<html>\r\n<head><title>414 Request-URI Too Large</title></head>\r\n<body>\r\n"
            "<center><h1>414 Request-URI Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n")


@functools.lru_cache(maxsize=50_000)  # 500 rows × 30 fields = 15,000 keys in use; odd keys cannot grow it
def _data_cell(key: str) -> tuple[int, int] | None:
    """(row, column) of a ``data[r][c]`` key, else None; the same few thousand keys come in every request,
    so each is parsed once (``_DATA`` on the stripped key, as before)."""
    m = _DATA.match(key.strip())
    return None if m is None else (int(m.group(1)), int(m.group(2)))


def request_line_length(request: Request) -> int:
    raw_path = request.scope.get("raw_path") or request.scope["path"].encode()
    query = request.scope.get("query_string", b"")
    return len(request.method) + 1 + len(raw_path) + (1 + len(query) if query else 0) + len(" HTTP/1.1")


class SmsbyApp(ProviderApp):
    provider = "smsby"
    routes = [(m, p, h) for p, h in [(r"/api/v2/importContacts", "import_contacts"),
                                     (r"/api/v2/createSubscriberList", "create_list"),
                                     (r"/api/v2/getSubscriberLists", "get_lists")] for m in ("GET", "POST")]

    async def dispatch(self, request: Request, handler: Any, params: dict[str, str]) -> Response:
        limit = int(self.state.cfg("smsby", "max_request_line"))
        if request_line_length(request) > limit:
            return Response(HTML_414, 414, media_type="text/html")
        pairs = list(request.query_params.multi_items()) + await read_form(request)
        request.state.params = pairs
        if dict(pairs).get("token") != SMSBY_TOKEN:
            return json_response({"error": "Access Denied"}, 403)
        response: Response = await handler(request, **params)
        return response

    async def authenticate(self, request: Request) -> Response | None:  # pragma: no cover - dispatch does it
        return None

    def not_found(self, request: Request, wrong_method: bool) -> Response:
        return json_response({"error": "Method not found"}, 404)

    async def create_list(self, request: Request) -> Response:
        name = dict(request.state.params).get("name", "").strip()
        if not name:
            return json_response({"error": "Parameter name is required"})
        with self.state.lock:
            data = self.state.smsby
            list_id = data.next_list_id
            data.next_list_id += 1
            data.lists[list_id] = SmsbyList(list_id, name)
        return json_response({"status": "OK", "result": {"list_id": list_id}})

    async def get_lists(self, request: Request) -> Response:
        with self.state.lock:
            result = [{"list_id": lst.list_id, "name": lst.name, "count": len(lst.contacts)}
                      for lst in self.state.smsby.lists.values()]
        return json_response({"status": "OK", "result": result})

    async def import_contacts(self, request: Request) -> Response:
        pairs: list[tuple[str, str]] = request.state.params
        fields: dict[int, str] = {}
        rows: dict[int, dict[int, str]] = {}
        list_id_raw = ""
        auto_index = 0
        for key, value in pairs:
            cell = _data_cell(key)  # the most common key first (the patterns are exclusive)
            if cell is not None:
                rows.setdefault(cell[0], {})[cell[1]] = value.strip()
                continue
            key = key.strip()
            if key == "list_id":
                list_id_raw = value.strip()
            elif (m := _FIELD.match(key)) is not None:
                index = int(m.group(1)) if m.group(1) else auto_index
                auto_index = max(auto_index, index + 1)
                fields[index] = value.strip()
        if not list_id_raw.isdigit():
            return json_response({"error": "Parameter list_id is required"})
        if not fields:
            return json_response({"error": "Parameter field_names is required"})
        if len(fields) > int(self.state.cfg("smsby", "max_fields")):
            return json_response({"error": "The number of fields must not exceed 30"})
        names = set(fields.values())
        if "phone" not in names and "email" not in names:
            return json_response({"error": "Fields must include phone or email"})
        if not rows:
            return json_response({"error": "Parameter data is required"})
        if len(rows) > int(self.state.cfg("smsby", "max_rows")):
            return json_response({"error": "You can import no more than 500 contacts per call"})
        with self.state.lock:
            target = self.state.smsby.lists.get(int(list_id_raw))
            if target is None:
                return json_response({"error": "List not found"})
            inserted = updated = 0
            new_phones: list[str] = []
            log: list[dict[str, Any]] = []
            for index in sorted(rows):
                record = {fields[c]: v for c, v in rows[index].items() if c in fields}
                contact_key, error = self._contact_key(record)
                if contact_key is None:
                    log.append({"index": index, "error_message": error})
                    continue
                if contact_key in target.contacts:
                    target.contacts[contact_key].update(record)
                    updated += 1
                else:
                    target.contacts[contact_key] = record
                    inserted += 1
                    if contact_key.startswith("+"):
                        new_phones.append(contact_key)
            self.state.record_inserts("smsby", new_phones)
        return json_response({"status": "OK", "result": {"inserted": inserted, "updated": updated,
                                                         "invalid": len(log), "log": log}})

    @staticmethod
    def _contact_key(record: dict[str, str]) -> tuple[str | None, str]:
        phone = record.get("phone", "")
        if phone:
            e164 = by_number(phone)
            if e164 is None:
                return None, "Incorrect phone number"
            record["phone"] = e164[1:]
            return e164, ""
        email = record.get("email", "")
        if email:
            if not _EMAIL.match(email):
                return None, "Incorrect email"
            return email.lower(), ""
        return None, "Incorrect phone number" if "phone" in record or "email" not in record else "Incorrect email"
