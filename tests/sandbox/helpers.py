"""Helpers shared by the sandbox tests."""

from __future__ import annotations

import time
from typing import Any

import jwt

STRINGEE_SID = "SKDEMO00000000000000000000000001"


def stringee_token(secret: str, **overrides: Any) -> str:
    """A Stringee REST JWT; ``overrides`` replace claims (None drops one), ``_headers``/``_alg`` the header."""
    now = int(time.time())
    claims: dict[str, Any] = {"jti": f"{STRINGEE_SID}-{now}", "iss": STRINGEE_SID, "exp": now + 3600,
                              "rest_api": True}
    headers = {"cty": "stringee-api;v=1"}
    headers.update(overrides.pop("_headers", {}))
    algorithm = overrides.pop("_alg", "HS256")
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, secret, algorithm=algorithm, headers=headers)
