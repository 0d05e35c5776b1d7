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

    busy = {"wizard": False}

    def target_shot(name: str, provider: str, target: dict[str, Any]) -> Callable[[], None]:
        """The import wizard's target page (issue 15 item 1), a small file dropped on a campaign or list."""
        def run() -> None:
            from campaign_gui.ui.import_wizard.wizard import PageId

            account = next(a for a in window.services.accounts.accounts() if a.provider.value == provider)
            if provider == "stringee":
                window.services.browse.remember(account, "CA100001", "Chăm sóc khách hàng tháng 11")
                window.services.browse.remember(account, "CA100002", "Khách hàng tiềm năng")
            path = out / f".{name}.csv"
            phones = ("07911123456", "07400123456") if provider == "dynmsg" else ("0885476875", "0912345678")
            path.write_text(f"Họ và tên,Số điện thoại\nLý Thị Hoa,{phones[0]}\nTrần Văn Nam,{phones[1]}\n",
                            encoding="utf-8")
            wizard = window.import_support.open_wizard(str(path), account.id, target)
            wizard.resize(760, 640)
            busy["wizard"] = True

            tries = {"left": 100}  # ~30 s, then the page as it is

            def advance() -> None:
                tries["left"] -= 1
                if tries["left"] <= 0:
                    take()
                    return
                page = wizard.currentPage()
                if wizard.currentId() == PageId.TARGET:
                    pickers = wizard.target_page.all_pickers()
                    if all(p._loaded and p._ticket == 0 for p in pickers):
                        QTimer.singleShot(500, take)
                        return
                elif page is not None and page.isComplete():
                    wizard.next()
                QTimer.singleShot(300, advance)

            def take() -> None:
                grab(wizard, name)
                path.unlink(missing_ok=True)
                wizard.reject()
                busy["wizard"] = False

            QTimer.singleShot(300, advance)
        return run

    for scheme in ("light", "dark"):
        shots += [settings(language, scheme), main_shot(f"main-{scheme}-{language}.png")]
    shots += [settings(language, "light"), dialog_shot(f"account-dialog-{language}.png")]
    shots += [search_nobody, main_shot(f"search-no-result-{language}.png"), clear_search]
    shots += [settings(language, "dark"), search_nobody, main_shot(f"search-no-result-dark-{language}.png"),
              clear_search, settings(language, "light")]
    shots += [mixed_delete, new_account_shot]
    for scheme in ("light", "dark"):  # the import wizard's target page (issue 15 item 1)
        shots += [settings(language, scheme),
                  target_shot(f"target-picker-{scheme}-{language}.png", "alohub", {"campaign": "1042", "list": "501"})]
    shots += [settings(language, "light"),
              target_shot(f"target-picker-stringee-{language}.png", "stringee", {"campaign": "CA100002"}),
              target_shot(f"target-picker-dynmsg-{language}.png", "dynmsg", {})]
    shots.insert(0, select_rows)

    def step() -> None:
        if busy["wizard"]:
            QTimer.singleShot(300, step)
            return
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
