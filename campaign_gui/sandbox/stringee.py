"""Simulated Stringee ICC: ``POST /v1/customcampaign/add-by-phones`` behind a self-signed HS256 JWT.

Token checks (each failure → HTTP 401): header ``alg`` HS256 and ``cty`` ``stringee-api;v=1``; signature
with the key secret; ``iss`` == the key SID; ``rest_api`` true; ``exp`` present and in the future.
``reject_tokens_issued_before`` (config, unix seconds) rejects older tokens; a token's issue time is its
``iat`` claim if present, else the unix timestamp at the end of ``jti`` (``<sid>-<ts>`` or ``<sid>_<ts>``),
else ``exp - 3600`` (the official sample's lifetime).
More than ``max_phones`` (1000) phones → HTTP 400 with ``{"r": 2, "msg": "Too many phones (max 1000)"}``
(the document gives no code for it; an assumption).
"""

from __future__ import annotations

import re
import time
from typing import Any

import jwt
from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.base import ProviderApp, json_response, read_json
from campaign_gui.sandbox.models import STRINGEE_KEY_SECRET, STRINGEE_KEY_SID
from campaign_gui.sandbox.phones import stringee_normalise

KEYS = {STRINGEE_KEY_SID: STRINGEE_KEY_SECRET}
_JTI_TS = re.compile(r"[-_](\d{9,11})$")


def unauthorized(reason: str) -> Response:
    return json_response({"r": 401, "msg": f"Unauthorized: {reason}"}, 401)


def token_issued_at(claims: dict[str, Any]) -> float:
    if isinstance(claims.get("iat"), int | float):
        return float(claims["iat"])
    match = _JTI_TS.search(str(claims.get("jti", "")))
    if match:
        return float(match.group(1))
    return float(claims["exp"]) - 3600.0


class StringeeApp(ProviderApp):
    provider = "stringee"
    routes = [("POST", r"/v1/customcampaign/add-by-phones", "add_by_phones")]

    async def authenticate(self, request: Request) -> Response | None:
        token = request.headers.get("x-stringee-auth") or request.query_params.get("access_token")
        if not token:
            return unauthorized("missing token")
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            return unauthorized("malformed token")
        if header.get("alg") != "HS256":
            return unauthorized("only HS256 is supported")
        if header.get("cty") != "stringee-api;v=1":
            return unauthorized("bad cty")
        secret = KEYS.get(str(unverified.get("iss")))
        if secret is None:
            return unauthorized("unknown key sid")
        try:
            claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp"]},
                                leeway=0)
        except jwt.ExpiredSignatureError:
            return unauthorized("token expired")
        except jwt.PyJWTError:
            return unauthorized("invalid token")
        if claims.get("rest_api") is not True:
            return unauthorized("not a REST API token")
        threshold = float(self.state.cfg("stringee", "reject_tokens_issued_before") or 0)
        if threshold and token_issued_at(claims) < threshold:
            return unauthorized("token expired")
        if float(claims["exp"]) <= time.time():
            return unauthorized("token expired")
        return None

    async def add_by_phones(self, request: Request) -> Response:
        body = await read_json(request)
        if not isinstance(body, dict):
            return json_response({"r": 2, "msg": "Missing params"})
        campaign_id, phones = body.get("campaign_id"), body.get("phones")
        if not campaign_id or not isinstance(phones, list) or not phones:
            return json_response({"r": 2, "msg": "Missing params"})
        max_phones = int(self.state.cfg("stringee", "max_phones"))
        if len(phones) > max_phones:
            return json_response({"r": 2, "msg": f"Too many phones (max {max_phones})"}, 400)
        with self.state.lock:
            campaign = self.state.stringee.campaigns.get(str(campaign_id))
            if campaign is None:
                return json_response({"r": 3, "msg": "Campaign not found"})
            skipped, invalid, inserted = [], [], []
            known = campaign.phones
            for raw in phones:
                normal = stringee_normalise(raw)
                if normal is None:
                    invalid.append(raw)
                elif normal in known:
                    skipped.append(normal)
                else:
                    known[normal] = ""
                    inserted.append("+" + normal)
            added = len(inserted)
            self.state.record_inserts("stringee", inserted)
        data = {"total": added + len(skipped), "added": added, "skipped": len(skipped), "skipped_phones": skipped,
                "invalid": len(invalid), "invalid_phones": invalid}
        if added == 0 and skipped and not invalid:
            return json_response({"r": 7, "msg": "All phones already exist in campaign", "data": data})
        return json_response({"r": 0, "msg": "Success", "data": data})
