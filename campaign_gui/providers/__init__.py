"""Provider clients: one module per provider behind the ``Provider`` protocol (no Qt)."""

from __future__ import annotations

import importlib
from typing import Any

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.providers.base import Provider, ProviderInfo

_MODULES = {
    ProviderId.STRINGEE: "campaign_gui.providers.stringee",
    ProviderId.SMSBY: "campaign_gui.providers.smsby",
    ProviderId.ALOHUB: "campaign_gui.providers.alohub",
    ProviderId.CELLCAST: "campaign_gui.providers.cellcast",
    ProviderId.DYNMSG: "campaign_gui.providers.dynmsg",
}


def provider_info(provider: ProviderId | str) -> ProviderInfo:
    """The static description (capabilities, limits, fields) of a provider."""
    module = importlib.import_module(_MODULES[ProviderId(provider)])
    info: ProviderInfo = module.INFO
    return info


def all_infos() -> list[ProviderInfo]:
    return [provider_info(p) for p in ProviderId]


def make_provider(account: Account, secret: str, **kwargs: Any) -> Provider:
    """Build the client for ``account``; ``kwargs`` go to the client (``transport``, ``deadline``…)."""
    module = importlib.import_module(_MODULES[account.provider])
    client: Provider = module.Client(account, secret, **kwargs)
    return client
