"""Language choice: English (source) or Vietnamese from the compiled catalogue, live switch."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

logger = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"en": "English", "vi": "Tiếng Việt"}


def system_language() -> str:
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


class TsTranslator(QTranslator):
    """Reads a Linguist ``.ts`` directly: the fallback when the ``.qm`` has not been built."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._messages: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(path).getroot()  # our own file, shipped with the app
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                node = message.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [n.text or "" for n in node.iter("numerusform")] or [node.text or ""]
                if any(forms):
                    self._messages[(name, source)] = forms

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        forms = self._messages.get((context, source))
        if not forms:
            return None  # a null string: "not translated here" (an empty one would blank the text)
        return forms[1] if len(forms) > 1 and n != 1 else forms[0]  # English and Vietnamese plural rules

    def isEmpty(self) -> bool:
        return not self._messages


class LanguageManager:
    """Installs the translator for ``en``/``vi``/``system``; installing triggers LanguageChange events."""

    def __init__(self, directory: Path = I18N_DIR) -> None:
        self._dir = directory
        self._translators: list[QTranslator] = []
        self.current = "en"

    def apply(self, choice: str) -> str:
        code = system_language() if choice in ("", "system") else choice
        app = QCoreApplication.instance()
        if app is None:
            return code
        self.clear()
        # English needs its catalogue too: it holds the plural forms ("1 contact", "2 contacts").
        for stem in (f"qtbase_{code}", f"campaign_gui_{code}"):
            translator = self._load(stem)
            if translator is not None:
                QCoreApplication.installTranslator(translator)
                self._translators.append(translator)
            elif stem.startswith("campaign_gui") and code != "en":
                logger.warning("no translation catalogue for %s", code)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if code == "vi" else QLocale.Language.English))
        self.current = code
        return code

    def clear(self) -> None:
        """Remove the installed catalogues (source texts again)."""
        for old in self._translators:
            QCoreApplication.removeTranslator(old)
        self._translators = []
        QLocale.setDefault(QLocale(QLocale.Language.English))  # numbers as the source texts write them

    def _load(self, stem: str) -> QTranslator | None:
        qm = self._dir / f"{stem}.qm"
        translator = QTranslator()
        if qm.exists() and translator.load(str(qm)):
            return translator
        ts = self._dir / f"{stem}.ts"
        if ts.exists():
            return TsTranslator(ts)
        return None
