"""Deterministic demo data for the five simulated providers (fixed random seed).

Seeded phones avoid ranges tests may use freely: VN seeds never start with 090/091, BY seeds never
with 37529/37525, AU seeds never with 040/041, UK seeds only use 079xx (tests may use 077xx/078xx).
"""

from __future__ import annotations

import copy
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers

from campaign_gui.sandbox.models import (
    AlohubCampaign,
    AlohubContact,
    AlohubData,
    AlohubList,
    CellcastContact,
    CellcastData,
    DynCampaign,
    DynmsgData,
    SmsbyData,
    SmsbyList,
    StringeeCampaign,
    StringeeData,
)

SEED = 20260310
Maker = Callable[[random.Random], str]  # draws one candidate phone

VN_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
             "Ngô", "Dương", "Lý"]
VN_MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Quang", "Thu", "Gia"]
VN_GIVEN = ["An", "Bích", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
            "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang",
            "Tuấn", "Vy", "Yến", "Đạt"]
BY_NAMES = [("Аляксандр", "Каваленка"), ("Ірына", "Новік"), ("Сяргей", "Шаўчэнка"), ("Наталля", "Бандарэнка"),
            ("Дзмітрый", "Мельнік"), ("Вольга", "Ткачук"), ("Андрэй", "Лукашэвіч"), ("Таццяна", "Гурская"),
            ("Ирина", "Петрова"), ("Алексей", "Иванов"), ("Мария", "Козлова"), ("Павел", "Сидоров"),
            ("Елена", "Смирнова"), ("Николай", "Волков"), ("Анастасия", "Морозова"), ("Юрий", "Жук")]
AU_FIRST = ["Jack", "Olivia", "Noah", "Charlotte", "William", "Amelia", "Oliver", "Isla", "Thomas", "Mia",
            "Lachlan", "Chloe", "Harrison", "Matilda", "Cooper", "Zoe"]
AU_LAST = ["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Kelly", "Murphy", "Ryan",
           "O'Brien", "Mitchell", "Campbell", "Anderson"]
UK_FIRST = ["Oliver", "George", "Harry", "Amelia", "Isla", "Ava", "Jack", "Sophie", "Emily", "James", "Charlotte",
            "Alfie", "Freya", "Siobhan", "Rhys", "Eilidh"]
UK_LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
           "Evans", "Thompson", "Hughes", "MacDonald", "O'Neill"]

VN_PREFIXES = ["097", "098", "096", "086", "032", "033", "035", "038", "070", "079", "077", "083", "084", "085",
               "088", "094"]
BY_PREFIXES = ["37533", "37544"]
UK_PREFIXES = ["07911", "07912", "07956", "07970", "07983", "07903"]


@dataclass
class SeedData:
    stringee: StringeeData
    smsby: SmsbyData
    alohub: AlohubData
    cellcast: CellcastData
    dynmsg: DynmsgData


def _valid(number: str, region: str) -> bool:
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


def _phones(rng: random.Random, count: int, make: Maker, region: str, used: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        number = make(rng)
        if number not in used and _valid(number, region):
            used.add(number)
            out.append(number)
    return out


def vn_name(rng: random.Random) -> str:
    return f"{rng.choice(VN_FAMILY)} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}"


def guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


_CACHE: list[SeedData] = []


def build_seed() -> SeedData:
    """A fresh copy of the seed data (built once per process, then deep-copied: resets are cheap)."""
    if not _CACHE:
        _CACHE.append(_build())
    return copy.deepcopy(_CACHE[0])


def _build() -> SeedData:
    rng = random.Random(SEED)
    used: set[str] = set()
    vn = lambda r: r.choice(VN_PREFIXES) + f"{r.randrange(10**7):07d}"  # noqa: E731

    stringee = StringeeData()
    for cid, name, n in [("CA100001", "Chiến dịch chăm sóc tháng 11", 25), ("CA100002", "Khách hàng tiềm năng", 12),
                         ("CA100003", "Chiến dịch mới (trống)", 0)]:
        camp = StringeeCampaign(cid, name)
        for phone in _phones(rng, n, vn, "VN", used):
            camp.phones["84" + phone[1:]] = vn_name(rng)
        stringee.campaigns[cid] = camp

    smsby = SmsbyData()
    by = lambda r: "+" + r.choice(BY_PREFIXES) + f"{r.randrange(1_000_000, 10**7):07d}"  # noqa: E731
    for list_id, name, n in [(101, "Клиенты Минск", 60), (102, "Акция — весна 2026", 25)]:
        lst = SmsbyList(list_id, name)
        for i, phone in enumerate(_phones(rng, n, by, "BY", used)):
            first, last = rng.choice(BY_NAMES)
            fields = {"phone": phone[1:], "name": f"{first} {last}"}
            if i % 3 == 0:
                fields["email"] = f"client{list_id}{i:03d}@example.by"
            lst.contacts[phone] = fields
        smsby.lists[list_id] = lst
    smsby.next_list_id = 103

    alohub = _seed_alohub(rng, used, vn)
    cellcast = _seed_cellcast(rng, used)
    dynmsg = _seed_dynmsg(rng, used)
    return SeedData(stringee, smsby, alohub, cellcast, dynmsg)


def _seed_alohub(rng: random.Random, used: set[str], vn: Maker) -> AlohubData:
    data = AlohubData()
    plan = [
        (1042, "Chiến dịch tháng 4", 2, "CAMPAIGN_CALL_AUTO", [(501, "Danh sách tháng 4", 150, True),
                                                                 (502, "Default List", 30, False)]),
        (1043, "Chăm sóc khách hàng VIP", 3, "CAMPAIGN_CALL_AUTO", [(503, "Khách hàng VIP", 45, True)]),
        (1044, "Khảo sát sau bán hàng", 1, "CAMPAIGN_CALL_AUTO", []),
        (1045, "Nhắc lịch hẹn", 4, "CAMPAIGN_CALL_AGENT", [(504, "Lịch hẹn tháng 5", 12, True)]),
    ]
    for cid, name, status, ctype, lists in plan:
        camp = AlohubCampaign(cid, name, status, ctype, "demo", f"2026-0{cid - 1040}-10T08:00:00+07:00")
        for list_id, list_name, n, mixed in lists:
            lst = AlohubList(list_id, list_name)
            for phone in _phones(rng, n, vn, "VN", used):
                process = rng.choices([0, 1, 2], weights=[6, 1, 3])[0] if mixed else 0
                call = None if process == 0 else ("CALLING" if process == 1 else
                                                   rng.choice(["ANSWERED", "NO_ANSWER", "BUSY", "FAILED"]))
                contact = AlohubContact(data.next_contact_id, data.next_customer_id, phone, "+84" + phone[1:],
                                        vn_name(rng), process, call)
                data.next_contact_id += 1
                data.next_customer_id += 1
                lst.contacts[contact.contact_id] = contact
            camp.lists[list_id] = lst
        data.campaigns[cid] = camp
    data.next_list_id = 505
    return data


def cellcast_id(kind: str, n: int) -> str:
    """A deterministic 24-hex ObjectId-like id: kind prefix (contact/tag/list) + counter."""
    return _ID_PREFIX[kind] + format(n, "020x")


_ID_PREFIX = {"contact": "66c0", "tag": "66d1", "list": "66e2"}


def _seed_cellcast(rng: random.Random, used: set[str]) -> CellcastData:
    data = CellcastData()
    for name in ["Customer", "Prospect", "Event 2026", "Newsletter Opt-in"]:
        data.tags[cellcast_id("tag", data.next_id)] = name
        data.next_id += 1
    for name in ["Sydney Leads", "Melbourne Leads", "VIP Customers", "Newsletter"]:
        data.lists[cellcast_id("list", data.next_id)] = name
        data.next_id += 1
    tag_ids, list_ids = list(data.tags), list(data.lists)
    au = lambda r: f"04{r.randrange(2, 10)}{r.randrange(10**7):07d}"  # noqa: E731
    for phone in _phones(rng, 120, au, "AU", used):
        first, last = rng.choice(AU_FIRST), rng.choice(AU_LAST)
        cid = cellcast_id("contact", data.next_id)
        data.next_id += 1
        contact = CellcastContact(cid, phone[1:], "+61" + phone[1:], first, last,
                                  f"{first.lower()}.{last.lower().replace(chr(39), '')}{rng.randrange(100)}@example.com.au",
                                  unsubscribe=rng.random() < 0.05,
                                  tags=rng.sample(tag_ids, rng.randrange(0, 3)),
                                  lists=rng.sample(list_ids, rng.randrange(1, 3)))
        data.contacts[cid] = contact
        data.by_phone[contact.e164] = cid
    return data


def _seed_dynmsg(rng: random.Random, used: set[str]) -> DynmsgData:
    data = DynmsgData()
    senders = ["DynMsg", "ACMEShop", "CityGym", "DentalCare", "LeedsFC", "07911123456"]
    messages = ["Spring sale: 20% off this weekend only!", "Reminder: your appointment is tomorrow at {time}.",
                "New class timetable is out — book now.", "Thanks for your order, it ships today.",
                "Match day! Gates open at 13:30.", "Your prescription is ready for collection."]
    uk = lambda r: r.choice(UK_PREFIXES) + f"{r.randrange(10**6):06d}"  # noqa: E731
    for i in range(35):
        month, day = 1 + (i * 7) % 12, 1 + (i * 11) % 28
        year = 2025 + (i % 2)
        camp = DynCampaign(guid(rng), f"{year}-{month:02d}-{day:02d}T{8 + i % 10:02d}:{(i * 13) % 60:02d}:00Z",
                           rng.choice(senders), rng.choice(messages), status=rng.choice([0, 1, 2, 3, 4, 5]),
                           optOutLinkId=rng.choice([None, 0, 12]),
                           trackLinkUrl=rng.choice([None, "https://example.co.uk/offer"]))
        for phone in _phones(rng, rng.randrange(3, 13), uk, "GB", used):
            first, last = rng.choice(UK_FIRST), rng.choice(UK_LAST)
            camp.contacts.append({"id": guid(rng), "phoneNumber": phone, "name": f"{first} {last}",
                                  "custom1": rng.choice(["", "gold", "silver"]), "custom2": "", "contactGroupId": None})
        data.campaigns[camp.id] = camp
    return data
