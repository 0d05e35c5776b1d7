"""In-memory records of the simulated providers (plain mutable dataclasses, guarded by the state lock)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

# Demo credentials (fixed, fake; printed by ``campaign-gui sandbox`` and used by demo mode).
STRINGEE_KEY_SID = "SKDEMO00000000000000000000000001"
STRINGEE_KEY_SECRET = "stringee-demo-secret-7f3a9c2e51b84d06"
SMSBY_TOKEN = "smsby-demo-token-4c1e8b7a2f9d"
ALOHUB_API_KEY = "sk_live_demo_alohub_9b2c4e6f8a1d"
ALOHUB_NOSCOPE_KEY = "sk_live_demo_alohub_noscope_3e5d"  # a valid key without the ``campaign`` scope → 403
ALOHUB_TENANT_ID = "20260310"
ALOHUB_USER_NAME = "demo"
CELLCAST_API_KEY = "cellcast-demo-key-5e7a1c3b9d2f"
DYNMSG_API_KEY = "dynmsg-demo-key-8d4f2a6c1e3b"


@dataclass
class StringeeCampaign:
    id: str
    name: str
    phones: dict[str, str] = field(default_factory=dict)  # "84…" -> name ("" when added by phone)


@dataclass
class StringeeData:
    campaigns: dict[str, StringeeCampaign] = field(default_factory=dict)


@dataclass
class SmsbyList:
    list_id: int
    name: str
    contacts: dict[str, dict[str, str]] = field(default_factory=dict)  # key (E.164 or email) -> fields


@dataclass
class SmsbyData:
    lists: dict[int, SmsbyList] = field(default_factory=dict)
    next_list_id: int = 101


@dataclass
class AlohubContact:
    contact_id: int
    customer_id: int
    phone: str  # as stored: VN national ("0901234567")
    e164: str
    name: str | None
    process_status: int = 0
    call_status: str | None = None


@dataclass
class AlohubList:
    list_id: int
    name: str
    contacts: dict[int, AlohubContact] = field(default_factory=dict)


@dataclass
class AlohubCampaign:
    campaign_id: int
    name: str
    status: int
    type: str
    user_name: str
    created_at: str
    lists: dict[int, AlohubList] = field(default_factory=dict)


@dataclass
class AlohubJob:
    job_id: int
    campaign_id: int
    list_id: int
    created: float  # time.monotonic()
    outcomes: list[str]  # per row: "ok" | "dup" | "fail"
    dropped: bool = False


@dataclass
class AlohubData:
    campaigns: dict[int, AlohubCampaign] = field(default_factory=dict)
    jobs: dict[int, AlohubJob] = field(default_factory=dict)
    next_contact_id: int = 88001
    next_customer_id: int = 55001
    next_list_id: int = 501
    next_job_id: int = 1
    windows: dict[str, deque[float]] = field(default_factory=dict)  # rate-limit key -> request times


@dataclass
class CellcastContact:
    id: str
    number: str  # national without the 0: "4XXXXXXXX"
    e164: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    unsubscribe: bool = False
    tags: list[str] = field(default_factory=list)  # tag ids
    lists: list[str] = field(default_factory=list)  # list ids
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class CellcastData:
    contacts: dict[str, CellcastContact] = field(default_factory=dict)
    by_phone: dict[str, str] = field(default_factory=dict)  # E.164 -> contact id
    tags: dict[str, str] = field(default_factory=dict)  # id -> name
    lists: dict[str, str] = field(default_factory=dict)  # id -> name
    sms_balance: float = 1250.0
    account_name: str = "Demo Pty Ltd"
    next_id: int = 1


@dataclass
class DynCampaign:
    id: str
    startDateTime: str  # the API's own (camelCase) field names
    sender: str
    message: str
    status: int = 0
    optOutLinkId: int | None = None
    trackLinkUrl: str | None = None
    contacts: list[dict[str, Any]] = field(default_factory=list)

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "startDateTime": self.startDateTime, "sender": self.sender,
                "recipientCount": len(self.contacts), "message": self.message, "status": self.status,
                "optOutLinkId": self.optOutLinkId, "trackLinkUrl": self.trackLinkUrl}


@dataclass
class DynmsgData:
    campaigns: dict[str, DynCampaign] = field(default_factory=dict)
    next_id: int = 1
