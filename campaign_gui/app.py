"""The GUI entry: one qasync loop, the main window, demo mode, ``--smoke-test``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

_IMPORTED_AT = time.time()
logger = logging.getLogger(__name__)
SMOKE_TIMEOUT_S = 60


def process_start_time() -> float:
    """When this process started (wall clock), for the first-paint figure."""
    try:
        import psutil

        return float(psutil.Process().create_time())
    except Exception:  # psutil is optional at run time
        return _IMPORTED_AT


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="campaign-gui", description="Campaign Manager (window)")
    parser.add_argument("--data-dir", help="data directory (default: the platform's; env CAMPAIGN_GUI_DATA_DIR)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="show the window with demo data, print the time to first paint, exit")
    parser.add_argument("--language", choices=("system", "en", "vi"), help="override the saved language")
    parser.add_argument("--scheme", choices=("system", "light", "dark"), help="override the saved colours")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def main(argv: Sequence[str] | None = None) -> None:
    sys.exit(run(sys.argv[1:] if argv is None else argv))


FirstPaintHook = Callable[[Any, Callable[[int], None]], None]  # (window, finish(code))


def run(argv: Sequence[str], on_first_paint: FirstPaintHook | None = None) -> int:
    """Run the window until it closes; ``on_first_paint`` (tools) runs once the first contacts show."""
    started = process_start_time()
    args = parse_args(argv)
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from campaign_gui.services.diagnostics import setup_logging
    from campaign_gui.storage.paths import data_dir as resolve_data_dir

    temp_dir: tempfile.TemporaryDirectory[str] | None = None
    if args.smoke_test and not args.data_dir:
        temp_dir = tempfile.TemporaryDirectory(prefix="campaign-gui-smoke-")
        args.data_dir = temp_dir.name
    from campaign_gui.storage.paths import DataDirError

    try:
        data_dir = resolve_data_dir(args.data_dir)
    except DataDirError as exc:  # before any window: say it where the user started us
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    setup_logging(data_dir, logging.DEBUG if args.debug else logging.INFO)

    app = QApplication.instance() or QApplication([sys.argv[0], *_qt_args(argv)])
    assert isinstance(app, QApplication)
    app.setApplicationName("campaign-gui")
    app.setOrganizationName("CampaignManager")
    settings = QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)
    code = _run_window(app, settings, data_dir, args, started, QTimer, on_first_paint)
    if temp_dir is not None:
        temp_dir.cleanup()
    return code


def _qt_args(argv: Sequence[str]) -> list[str]:
    ours = {"--smoke-test", "--debug"}
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--data-dir", "--language", "--scheme"):
            skip = True
            continue
        if arg in ours or arg.startswith(("--data-dir=", "--language=", "--scheme=")):
            continue
        out.append(arg)
    return out


def _run_window(app, settings, data_dir: Path, args: argparse.Namespace, started: float,  # type: ignore[no-untyped-def]
                QTimer, on_first_paint: FirstPaintHook | None) -> int:
    import qasync

    from campaign_gui.services.container import build_services
    from campaign_gui.services.data_files import damaged_title, data_file_problems
    from campaign_gui.services.diagnostics import CrashReporter, install_qt_message_handler
    from campaign_gui.ui.crash_dialog import show_crash_dialog
    from campaign_gui.ui.i18n import LanguageManager
    from campaign_gui.ui.main_window import MainWindow
    from campaign_gui.ui.theme import apply_scheme

    install_qt_message_handler()
    languages = LanguageManager()
    languages.apply(args.language or str(settings.value("ui/language", "system")))
    apply_scheme(app, args.scheme or str(settings.value("ui/scheme", "system")))

    problems = data_file_problems(data_dir)
    if problems:  # say which file and what to do, instead of failing on it later
        text = "\n\n".join(problems)
        print(f"error: {text}", file=sys.stderr)
        if not args.smoke_test:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, damaged_title(), text)
        return 2

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    services = build_services(data_dir)
    first_run = not bool(settings.value("app/first_run_done", False, type=bool))
    services.demo.start(first_run)  # the sandbox thread starts while the window is being built
    window = MainWindow(services, settings)
    log_dir = data_dir / "logs"

    def show_crash(title: str, message: str) -> None:
        show_crash_dialog(window, title, message, log_dir)

    reporter = CrashReporter(show_crash)
    reporter.install(loop)

    def settings_applied(language: str, scheme: str) -> None:
        languages.apply(language)
        apply_scheme(app, scheme)

    window.settingsApplied.connect(settings_applied)
    done: asyncio.Future[int] = loop.create_future()

    def finish(code: int) -> None:
        if not done.done():
            done.set_result(code)

    window.closed.connect(lambda: finish(0))

    def demo_ready() -> None:
        logger.info("accounts ready after %.3f s", time.time() - started)
        settings.setValue("app/first_run_done", True)
        window.populate()

    services.demo.ready.connect(demo_ready)
    if on_first_paint is not None:
        window.pane.model.firstPageShown.connect(lambda: QTimer.singleShot(0, lambda: on_first_paint(window, finish)))
    elif args.smoke_test:
        _arm_smoke_test(window, started, finish, QTimer)
    imports_installed: list[bool] = []

    def install_imports() -> None:  # after the first paint: its modules and warm-up are not free
        if not imports_installed:
            imports_installed.append(True)
            _install_imports(window, services, ask_resume=not args.smoke_test)

    window.pane.model.firstPageShown.connect(lambda: QTimer.singleShot(200, install_imports))
    QTimer.singleShot(3000, install_imports)
    window.show()
    shown = time.time() - started
    logger.info("window shown after %.3f s", shown)
    if args.smoke_test:
        print(f"window shown: {shown:.3f} s", flush=True)
    with loop:
        code = int(loop.run_until_complete(done))
        window.save_layout()
        loop.run_until_complete(services.aclose())
        reporter.uninstall()
    window.deleteLater()
    return code


def _install_imports(window: Any, services: Any, *, ask_resume: bool) -> None:
    """Drops, File → Import… and the Imports panel (the import flow lives in its own modules)."""
    from campaign_gui.services.import_setup import build_import_service
    from campaign_gui.ui.import_drop import install_import_support

    install_import_support(window, build_import_service(services), ask_resume=ask_resume)


def _arm_smoke_test(window, started: float, finish, QTimer) -> None:  # type: ignore[no-untyped-def]
    def painted() -> None:
        window.pane.table.viewport().repaint()
        elapsed = time.time() - started
        print(f"first paint: {elapsed:.3f} s", flush=True)
        logger.info("smoke test: first paint after %.3f s", elapsed)
        window.save_layout()
        finish(0)

    def timeout() -> None:
        print(f"smoke test: no contacts painted within {SMOKE_TIMEOUT_S} s", file=sys.stderr, flush=True)
        finish(1)

    window.pane.model.firstPageShown.connect(lambda: QTimer.singleShot(0, painted))
    QTimer.singleShot(SMOKE_TIMEOUT_S * 1000, timeout)
