"""Lazy loading of the account tree: campaigns and contact lists, listed or remembered per account."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from campaign_gui.domain.models import Account, Campaign, ContactList, ProviderId
from campaign_gui.providers import provider_info
from campaign_gui.providers.base import ContactScope, ProviderInfo
from campaign_gui.services.accounts import AccountService
from campaign_gui.services.errors import describe_error
from campaign_gui.services.provider_pool import ProviderPool
from campaign_gui.services.target_ids import check_remembered_id
from campaign_gui.services.tasks import TaskOwner

logger = logging.getLogger(__name__)

MAX_CAMPAIGN_PAGES = 50


class NodeKind(enum.StrEnum):
    ACCOUNT = "account"
    CAMPAIGN = "campaign"
    LIST = "list"
    ALL_CONTACTS = "all"


@dataclass(frozen=True)
class NodeRef:
    """A node of the tree below an account; ``remembered`` nodes were added by the user."""

    kind: NodeKind
    account_id: str
    id: str = ""
    name: str = ""
    campaign_id: str | None = None
    count: int | None = None
    remembered: bool = False
    demo: bool = False

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.account_id, self.kind.value, self.campaign_id or "", self.id)


def has_target(info: ProviderInfo, key: str) -> bool:
    return any(t.key == key for t in info.targets)


def uses_campaigns(info: ProviderInfo) -> bool:
    return has_target(info, "campaign") or info.capabilities.list_campaigns


def remember_kind(info: ProviderInfo) -> str | None:
    """Which kind of node the user adds by hand for this provider (``None``: the API lists them)."""
    if uses_campaigns(info):
        return None if info.capabilities.list_campaigns else "campaign"
    if has_target(info, "list"):
        return None if info.capabilities.list_contact_lists else "list"
    return None


def scope_for(node: NodeRef) -> ContactScope:
    """The contacts shown for a node."""
    if node.kind is NodeKind.CAMPAIGN:
        return ContactScope(campaign_id=node.id)
    if node.kind is NodeKind.LIST:
        if node.remembered and not _looks_like_id(node.id):
            return ContactScope(campaign_id=node.campaign_id, list_name=node.name or node.id)
        return ContactScope(campaign_id=node.campaign_id, list_id=node.id, list_name=node.name or None)
    return ContactScope()


def target_for(info: ProviderInfo, node: NodeRef) -> dict[str, str]:
    """The provider target (``campaign``/``list`` keys of ``ProviderInfo.targets``) for a node."""
    target: dict[str, str] = {}
    campaign = node.id if node.kind is NodeKind.CAMPAIGN else node.campaign_id
    if campaign and has_target(info, "campaign"):
        target["campaign"] = campaign
    if node.kind is NodeKind.LIST and has_target(info, "list"):
        target["list"] = (node.name or node.id) if info.id is ProviderId.CELLCAST else node.id
    return target


def dated_campaign_name(campaign: Campaign) -> str:
    """Dynamic Messaging campaigns have no name: "2026-04-10 09:00 · Sender · first words of the text"."""
    extra = campaign.extra or {}
    parts = []
    start = str(extra.get("startDateTime") or "")
    try:
        when = datetime.fromisoformat(start.replace("Z", "+00:00"))
        parts.append(when.astimezone().strftime("%Y-%m-%d %H:%M"))
    except ValueError:
        if start:
            parts.append(start)
    if extra.get("sender"):
        parts.append(str(extra["sender"]))
    message = " ".join(str(extra.get("message") or "").split())
    if message:
        parts.append(message if len(message) <= 28 else message[:27] + "…")
    return " · ".join(parts) or campaign.name


def _looks_like_id(value: str) -> bool:
    return value.isdigit() or (len(value) == 24 and all(c in "0123456789abcdefABCDEF" for c in value))


class BrowseService(QObject):
    """Loads children of tree nodes; answers arrive through ``childrenLoaded``/``childrenFailed``."""

    childrenLoaded = Signal(object, object)  # parent NodeRef, list[NodeRef]
    childrenFailed = Signal(object, object)  # parent NodeRef, UserError

    def __init__(self, accounts: AccountService, pool: ProviderPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._pool = pool
        self._tasks = TaskOwner("browse")

    def account(self, account_id: str) -> Account | None:
        return self._accounts.get(account_id)

    def info_for(self, account: Account) -> ProviderInfo:
        return provider_info(account.provider)

    def account_node(self, account: Account) -> NodeRef:
        return NodeRef(NodeKind.ACCOUNT, account.id, id=account.id, name=account.name)

    def can_have_children(self, node: NodeRef) -> bool:
        account = self._accounts.get(node.account_id)
        if account is None:
            return False
        info = self.info_for(account)
        if node.kind is NodeKind.ACCOUNT:
            return True
        if node.kind is NodeKind.CAMPAIGN:
            return info.capabilities.list_contact_lists and has_target(info, "list")
        return False

    def request_children(self, node: NodeRef) -> None:
        self._tasks.spawn(self._load(node), f"children-{node.kind.value}-{node.id}")

    async def _load(self, node: NodeRef) -> None:
        try:
            children = await self._children(node)
        except Exception as exc:
            logger.info("loading children of %s failed: %r", node.kind.value, exc)
            self.childrenFailed.emit(node, describe_error(exc))
        else:
            self.childrenLoaded.emit(node, children)

    async def _children(self, node: NodeRef) -> list[NodeRef]:
        account = self._accounts.get(node.account_id)
        if account is None:
            return []
        info = self.info_for(account)
        caps = info.capabilities
        if node.kind is NodeKind.CAMPAIGN:
            lists = await self._pool.get(account).list_contact_lists(node.id)
            return [self._list_node(account, lst, node.id) for lst in lists]
        if node.kind is not NodeKind.ACCOUNT:
            return []
        nodes: list[NodeRef] = []
        kind = remember_kind(info)
        if uses_campaigns(info):
            if caps.list_campaigns:
                nodes.extend(self._campaign_node(account, c) for c in await self._all_campaigns(account, info))
        elif has_target(info, "list") and caps.list_contact_lists:
            lists = await self._pool.get(account).list_contact_lists(None)
            nodes.extend(self._list_node(account, lst, None) for lst in lists)
        if kind is not None:
            known = {n.id for n in nodes}
            for item in self._accounts.store.remembered(account.id, kind):
                ref = self._remembered_node(account, kind, item)
                if ref.id not in known:
                    nodes.append(ref)
        if caps.list_contacts and not uses_campaigns(info):
            nodes.insert(0, NodeRef(NodeKind.ALL_CONTACTS, account.id, id="*", name=""))
        return nodes

    async def _all_campaigns(self, account: Account, info: ProviderInfo) -> list[Campaign]:
        client = self._pool.get(account)
        size = max(1, min(100, info.max_page_size))
        found: list[Campaign] = []
        for number in range(MAX_CAMPAIGN_PAGES):
            page = await client.list_campaigns(number, size)
            found.extend(page.items)
            if not page.items or len(page.items) < size or (page.total is not None and len(found) >= page.total):
                break
        return found

    @staticmethod
    def _campaign_node(account: Account, campaign: Campaign) -> NodeRef:
        name = campaign.name
        if account.provider is ProviderId.DYNMSG:
            name = dated_campaign_name(campaign)
        return NodeRef(NodeKind.CAMPAIGN, account.id, id=str(campaign.id), name=name,
                       count=campaign.contact_count)

    @staticmethod
    def _list_node(account: Account, lst: ContactList, campaign_id: str | None) -> NodeRef:
        return NodeRef(NodeKind.LIST, account.id, id=str(lst.id), name=lst.name,
                       campaign_id=campaign_id or lst.campaign_id, count=lst.contact_count)

    @staticmethod
    def _remembered_node(account: Account, kind: str, item: dict[str, Any]) -> NodeRef:
        ident = str(item.get("id") or item.get("name") or "")
        node_kind = NodeKind.CAMPAIGN if kind == "campaign" else NodeKind.LIST
        return NodeRef(node_kind, account.id, id=ident, name=str(item.get("name") or ""), remembered=True)

    def remember(self, account: Account, ident: str, name: str) -> NodeRef | None:
        """Add a campaign/list the API cannot list; returns its node (``None`` when nothing to add)."""
        kind = remember_kind(self.info_for(account))
        ident, name = ident.strip(), name.strip()
        if kind is None or not (ident or name):
            return None
        if check_remembered_id(self.info_for(account), ident or name) is not None:
            return None  # the provider would refuse it: the dialog said why
        item = {"id": ident or name, "name": name}
        self._accounts.store.remember(account.id, kind, item)
        return self._remembered_node(account, kind, item)

    def forget(self, node: NodeRef) -> None:
        account = self._accounts.get(node.account_id)
        if account is None or not node.remembered:
            return
        kind = remember_kind(self.info_for(account))
        if kind is not None:
            self._accounts.store.forget(account.id, kind, node.id)

    def shutdown(self) -> None:
        self._tasks.cancel_all()



def needs_list(info: ProviderInfo) -> bool:
    """Contacts live in the lists of a campaign (Alohub): a campaign node itself shows none."""
    return uses_campaigns(info) and has_target(info, "list") and info.capabilities.list_contact_lists


def shows_contacts(info: ProviderInfo, node: NodeRef) -> bool:
    if not info.capabilities.list_contacts or node.kind is NodeKind.ACCOUNT:
        return False
    return not (node.kind is NodeKind.CAMPAIGN and needs_list(info))


def can_add_to(info: ProviderInfo, node: NodeRef) -> bool:
    if not info.capabilities.add_contact:
        return False
    if node.kind is NodeKind.CAMPAIGN:
        return has_target(info, "campaign")
    if node.kind is NodeKind.LIST:
        return True
    return node.kind is NodeKind.ALL_CONTACTS
