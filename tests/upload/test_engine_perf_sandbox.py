"""The sandbox's fast paths (form decoding, phone checks) give exactly the answers of the plain ones."""

from __future__ import annotations

import random
import re
from urllib.parse import parse_qsl, urlencode

import phonenumbers

from campaign_gui.sandbox.base import parse_form
from campaign_gui.sandbox.phones import by_number, fast_valid, stringee_normalise, to_e164

PIECES = ["a", "%", "5", "B", "b", "D", "d", "[", "]", "&", "=", "+", " ", "2", "F", "Ж", "\\", "%D0%96", "%5B",
          "%5d", "%25", "%2", "%d0%96", "%D0", "%96", "%e9", "%26", "%3D", "%2B"]


def test_parse_form_equals_parse_qsl_on_random_and_real_bodies() -> None:
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        assert parse_form(text) == parse_qsl(text, keep_blank_values=True), text
    form = [("token", "t"), ("list_id", "101"), ("field_names[0]", "phone"), ("field_names[1]", "name")]
    for r in range(50):
        form += [(f"data[{r}][0]", f"375291{r:06d}"), (f"data[{r}][1]", f"Алесь {r} & co=1+2 \\ 100%")]
    body = urlencode(form)
    assert parse_form(body) == parse_qsl(body, keep_blank_values=True) == form


def _reference_valid(country_code: int, nsn: str) -> bool:
    """The old check: one regex per region with possible lengths as ``[0-9]{n}$`` lookaheads."""
    kinds = ("mobile", "fixed_line", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
             "pager", "uan", "voicemail")

    def desc_regex(desc: object) -> str | None:
        pattern = getattr(desc, "national_number_pattern", None)
        if desc is None or not pattern:
            return None
        lengths = sorted(getattr(desc, "possible_length", ()) or ())
        ahead = f"(?=(?:{'|'.join(f'[0-9]{{{n}}}$' for n in lengths)}))" if lengths else ""
        return f"{ahead}(?:{pattern})"

    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()):
        md = phonenumbers.PhoneMetadata.metadata_for_region(region)
        general = desc_regex(md.general_desc) if md else None
        types = [r for k in kinds if (r := desc_regex(getattr(md, k, None))) is not None]
        if general is not None and types and re.fullmatch(
                f"(?=(?:{general})$)(?:{'|'.join(f'(?:{t})' for t in types)})", nsn):
            return True
    return False


def test_fast_valid_equals_the_regex_check() -> None:
    rng = random.Random(5)
    odd = ["٠٩١٢٣٤٥٦٧٨", "912345678\n", "", "９１２３４５６７８", "91234567a", " 912345678"]
    for cc in (84, 375, 61, 44, 1, 7, 49, 86):
        for nsn in odd:
            assert fast_valid(cc, nsn) == _reference_valid(cc, nsn), (cc, nsn)
        for _ in range(1500):
            nsn = rng.choice("1234567899") + "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 12)))
            assert fast_valid(cc, nsn) == _reference_valid(cc, nsn), (cc, nsn)


def test_common_shapes_take_the_fast_path_with_the_same_answer() -> None:
    rng = random.Random(8)
    for _ in range(3000):
        vn = "84" + "".join(rng.choice("0123456789") for _ in range(rng.choice((9, 10))))
        e164 = to_e164("+" + vn, "VN")
        assert stringee_normalise(vn) == (e164[1:] if e164 and e164.startswith("+84") else None), vn
        by = "375" + "".join(rng.choice("0123456789") for _ in range(9))
        e164 = to_e164("+" + by, "BY")
        expected = e164 if e164 and e164.startswith("+375") else None
        assert by_number(by) == by_number("+" + by) == expected, by
