"""The form of the campaign and list ids each provider accepts: an id typed by hand is refused before it is kept.

Qt-free (the command line may use it too); ``services.target_choices.remembered_id_problem`` says it in the user's
language.
"""

from __future__ import annotations

import re

from campaign_gui.domain.models import ProviderId
from campaign_gui.providers.base import ProviderInfo

_ID_FORMS: dict[ProviderId, tuple[str, str]] = {
    # provider → (pattern of the ids its API accepts, what the user is told)
    ProviderId.STRINGEE: (r"CA[A-Za-z0-9]{2,40}", "Stringee campaign ids start with CA followed by letters and "
                                                  "digits, such as CA100001."),
    ProviderId.ALOHUB: (r"[0-9]{1,12}", "Alohub ids are whole numbers, such as 1042."),
    ProviderId.SMSBY: (r"[0-9]{1,12}", "SMS.by mailing list ids are whole numbers, such as 101."),
}


def check_remembered_id(info: ProviderInfo, ident: str) -> str | None:
    """English reason why ``ident`` cannot be a campaign/list id of this provider, or ``None``.

    Only the form is checked here: Stringee has no lookup (its one call needs phone numbers), so the first batch
    of an import checks that the campaign exists; a Cellcast list is known by its name, any name goes."""
    ident = ident.strip()
    form = _ID_FORMS.get(info.id)
    if not ident or form is None:
        return None
    pattern, rule = form
    if re.fullmatch(pattern, ident):
        return None
    return f"“{ident[:40]}” is not an id {info.display_name} accepts. {rule}"
