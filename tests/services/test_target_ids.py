"""Ids typed by hand ("Add campaign by id") are refused when the provider would refuse them."""

from __future__ import annotations

import pytest

from campaign_gui.domain.models import ProviderId
from campaign_gui.providers import provider_info
from campaign_gui.services.target_ids import check_remembered_id


@pytest.mark.parametrize(("provider", "ident", "ok"), [
    ("stringee", "CA100001", True), ("stringee", "CA7HIODJ", True), ("stringee", "NOPE-123", False),
    ("stringee", "1042", False), ("stringee", "CA 1", False), ("alohub", "1042", True), ("alohub", "CA1", False),
    ("smsby", "101", True), ("smsby", "list-1", False), ("cellcast", "Any list name", True), ("stringee", "", True),
])
def test_the_form_of_an_id(provider: str, ident: str, ok: bool) -> None:
    problem = check_remembered_id(provider_info(ProviderId(provider)), ident)
    assert (problem is None) is ok, problem
    if problem is not None:
        assert ident in problem and "such as" in problem
