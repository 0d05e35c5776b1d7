"""BrowseService: campaigns and lists where the API lists them, remembered ones where it cannot."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot
from qt_support import add_account

from campaign_gui.services.browse import NodeKind, NodeRef, scope_for, shows_contacts
from campaign_gui.services.container import AppServices


def children(services: AppServices, node: NodeRef, qtbot: QtBot) -> list[NodeRef]:
    with qtbot.waitSignal(services.browse.childrenLoaded, timeout=10_000,
                          check_params_cb=lambda parent, _c: parent == node) as blocker:
        services.browse.request_children(node)
    return list(blocker.args[1])


def test_alohub_campaigns_then_lists(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "alohub")
    campaigns = children(services, services.browse.account_node(account), qtbot)
    assert {c.kind for c in campaigns} == {NodeKind.CAMPAIGN}
    campaign = next(c for c in campaigns if c.id == "1042")
    lists = children(services, campaign, qtbot)
    assert {(n.id, n.kind) for n in lists} >= {("501", NodeKind.LIST), ("502", NodeKind.LIST)}
    info = services.browse.info_for(account)
    assert not shows_contacts(info, campaign)  # Alohub contacts live in a list
    assert shows_contacts(info, lists[0])
    assert scope_for(lists[0]).campaign_id == "1042"


def test_dynmsg_lists_every_campaign_page(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "dynmsg")
    campaigns = children(services, services.browse.account_node(account), qtbot)
    assert len(campaigns) > 20  # the seed spans several pages
    assert len({c.id for c in campaigns}) == len(campaigns)


def test_stringee_campaigns_are_remembered(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "stringee")
    assert children(services, services.browse.account_node(account), qtbot) == []
    node = services.browse.remember(account, "CA100001", "Spring calls")
    assert node is not None and node.remembered
    again = children(services, services.browse.account_node(account), qtbot)
    assert [(n.kind, n.id, n.name) for n in again] == [(NodeKind.CAMPAIGN, "CA100001", "Spring calls")]
    services.browse.forget(again[0])
    assert children(services, services.browse.account_node(account), qtbot) == []


def test_cellcast_all_contacts_and_lists_by_name(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "cellcast")
    services.browse.remember(account, "", "VIP")
    nodes = children(services, services.browse.account_node(account), qtbot)
    assert [n.kind for n in nodes] == [NodeKind.ALL_CONTACTS, NodeKind.LIST]
    assert scope_for(nodes[1]).list_name == "VIP"


def test_a_bad_key_fails_the_load_in_user_terms(services: AppServices, sandbox: Any, secrets: Any,
                                                qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "alohub")
    secrets.stored[account.id] = "sk_live_wrong_key_0000"
    with qtbot.waitSignal(services.browse.childrenFailed, timeout=10_000) as blocker:
        services.browse.request_children(services.browse.account_node(account))
    assert blocker.args[1].kind.value == "auth"
