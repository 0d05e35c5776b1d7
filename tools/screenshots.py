"""Screenshots of the real window with demo data: light/dark × English/Vietnamese, and the account dialog.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshots.py
PNGs go to docs/screenshots/.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def _steps(window: Any, finish: Callable[[int], None], out: Path, language: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    out.mkdir(parents=True, exist_ok=True)
    shots: list[Callable[[], None]] = []

    def grab(widget: Any, name: str) -> None:
        QApplication.processEvents()
        pixmap = widget.grab()
        path = out / name
        pixmap.save(str(path), "PNG")
        print(f"wrote {path} ({pixmap.width()}x{pixmap.height()})", flush=True)

    def settings(language: str, scheme: str) -> Callable[[], None]:
        return lambda: window.settingsApplied.emit(language, scheme)

    def main_shot(name: str) -> Callable[[], None]:
        return lambda: grab(window, name)

    def dialog_shot(name: str) -> Callable[[], None]:
        def run() -> None:
            node = window.tree.current_node()
            dialog = window.open_account_dialog(window.services.accounts.get(node.account_id))
            dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSize()))

            def take() -> None:
                grab(dialog, name)
                dialog.close()

            QTimer.singleShot(400, take)
        return run

    def select_rows() -> None:
        window.pane.table.selectRow(1)

    def search_nobody() -> None:
        window.pane.search.setText("Zzyzx Nobody")

    def clear_search() -> None:
        window.pane.search.clear()

    def mixed_delete() -> None:
        from PySide6.QtCore import QItemSelectionModel

        model, table = window.pane.model, window.pane.table
        table.clearSelection()
        picked = [next(r for r in range(model.rowCount()) if model.contact(r).status == s)
                  for s in ("pending", "processed")]
        picked.append(next(r for r in range(model.rowCount()) if model.contact(r).status == "pending"
                           and r not in picked))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in picked:
            table.selectionModel().select(window.pane.proxy.index(row, 0), flags)
        window.contact_actions.delete.trigger()

        def take() -> None:
            box = window.contact_actions._box
            grab(box, f"mixed-delete-{language}.png")
            grab(window, f"mixed-delete-window-{language}.png")
            box.close()
            table.clearSelection()

        QTimer.singleShot(400, take)

    def new_account_shot() -> None:
        from campaign_gui.domain.models import ProviderId
        from campaign_gui.ui.account_dialog import AccountDialog

        dialog = AccountDialog(window.services.accounts, None, window, provider=ProviderId.STRINGEE)
        dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSize()))
        dialog.show()

        def take() -> None:
            grab(dialog, f"account-dialog-new-stringee-{language}.png")
            dialog.close()

        QTimer.singleShot(400, take)

    for scheme in ("light", "dark"):
        shots += [settings(language, scheme), main_shot(f"main-{scheme}-{language}.png")]
    shots += [settings(language, "light"), dialog_shot(f"account-dialog-{language}.png")]
    shots += [search_nobody, main_shot(f"search-no-result-{language}.png"), clear_search]
    shots += [settings(language, "dark"), search_nobody, main_shot(f"search-no-result-dark-{language}.png"),
              clear_search, settings(language, "light")]
    shots += [mixed_delete, new_account_shot]
    shots.insert(0, select_rows)

    def step() -> None:
        if not shots:
            finish(0)
            return
        shots.pop(0)()
        QTimer.singleShot(700, step)

    QTimer.singleShot(800, step)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from campaign_gui.app import run

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs (default docs/screenshots)")
    parser.add_argument("--language", choices=("en", "vi"), help="one language in this process (default: both, "
                        "each in its own process, so every widget starts in that language)")
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.language is None:
        import subprocess

        codes = [subprocess.call([sys.executable, __file__, "--out", str(out), "--language", lang])
                 for lang in ("en", "vi")]
        return max(codes)

    done = {"ran": False}

    def hook(window: Any, finish: Callable[[int], None]) -> None:
        if not done["ran"]:
            done["ran"] = True
            _steps(window, finish, out, args.language)

    with tempfile.TemporaryDirectory(prefix="campaign-gui-shots-") as data_dir:
        return run(["--data-dir", data_dir, "--language", args.language, "--scheme", "light"], on_first_paint=hook)


if __name__ == "__main__":
    sys.exit(main())
