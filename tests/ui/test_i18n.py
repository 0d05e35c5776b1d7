"""Translations: Vietnamese complete, provider texts covered, .qm built, the .ts fallback works."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from campaign_gui.providers import all_infos
from campaign_gui.ui import i18n_build
from campaign_gui.ui.i18n import I18N_DIR, LanguageManager, TsTranslator
from campaign_gui.ui.provider_texts import PROVIDER_TEXTS


def messages(name: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(I18N_DIR / name).getroot()
    return [(ctx.findtext("name") or "", m) for ctx in root.iter("context") for m in ctx.iter("message")]


def test_vietnamese_is_complete() -> None:
    missing = [(ctx, m.findtext("source")) for ctx, m in messages("campaign_gui_vi.ts")
               if ctx and (m.find("translation") is None or m.find("translation").get("type") == "unfinished")]
    assert missing == []
    assert len(messages("campaign_gui_vi.ts")) > 200


def test_english_plurals_are_there() -> None:
    numerus = [m for _ctx, m in messages("campaign_gui_en.ts") if m.get("numerus") == "yes"]
    assert numerus and all(len(list(m.iter("numerusform"))) == 2 for m in numerus)


def test_every_provider_label_and_note_is_translatable() -> None:
    texts = set()
    for info in all_infos():
        texts |= {info.secret_label, *(f.label for f in info.fields), *(u.label for u in info.upload_fields),
                  *info.notes.values()}
    assert texts <= set(PROVIDER_TEXTS)


def test_build_compiles_qm(tmp_path: Path, monkeypatch: object) -> None:
    for ts in I18N_DIR.glob("*.ts"):
        shutil.copy(ts, tmp_path / ts.name)
    monkeypatch.setattr(i18n_build, "I18N_DIR", tmp_path)  # type: ignore[attr-defined]
    assert i18n_build.main([]) == 0
    assert {p.name for p in tmp_path.glob("*.qm")} >= {"campaign_gui_vi.qm", "campaign_gui_en.qm", "qtbase_vi.qm"}


def test_ts_fallback_and_qt_button_texts(qapp: QApplication, tmp_path: Path) -> None:
    translator = TsTranslator(I18N_DIR / "campaign_gui_vi.ts")
    assert translator.translate("ContactsTableModel", "Phone") == "Điện thoại"
    for ts in ("campaign_gui_vi.ts", "qtbase_vi.ts"):  # no .qm here: the manager reads the .ts
        shutil.copy(I18N_DIR / ts, tmp_path / ts)
    languages = LanguageManager(tmp_path)
    try:
        assert languages.apply("vi") == "vi"
        assert QCoreApplication.translate("ContactsPane", "%n contact(s)", "", 3) == "3 liên hệ"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"OK", "Hủy", "Lưu"}
    finally:
        languages.clear()
