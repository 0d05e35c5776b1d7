"""The GUI entry: one qasync loop, the main window, demo mode, ``--smoke-test``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
SMOKE_TIMEOUT_S = 60
# Qt's own options that take a value (``-platform offscreen``): kept for QApplication, never taken as files.
QT_VALUE_OPTIONS = frozenset({"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry",
                              "-qwindowicon", "-qwindowtitle", "-display", "-geometry", "-title", "-name",
                              "-style", "-stylesheet", "-session", "-qmljsdebugger"})


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="campaign-gui", description="Campaign Manager (window)")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="spreadsheets to import: each opens the import wizard (in the running window, if any)")
    parser.add_argument("--data-dir", help="data directory (default: the platform's; env CAMPAIGN_GUI_DATA_DIR)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="show the window with demo data, print the time to first paint, exit")
    parser.add_argument("--language", choices=("system", "en", "vi"), help="override the saved language")
    parser.add_argument("--scheme", choices=("system", "light", "dark"), help="override the saved colours")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    ours, _qt = split_qt_args(argv)
    args, _unknown = parser.parse_known_intermixed_args(ours)  # files before and after options
    return args


def split_qt_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(our arguments, Qt's): Qt's options start with a single dash (``-platform offscreen``, ``-style X``)."""
    ours: list[str] = []
    qt: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        arg = items[i]
        if arg.startswith("-") and not arg.startswith("--") and arg not in ("-h",):
            qt.append(arg)
            if arg in QT_VALUE_OPTIONS and i + 1 < len(items):
                qt.append(items[i + 1])
                i += 1
        else:
            ours.append(arg)
        i += 1
    return ours, qt


def main(argv: Sequence[str] | None = None, started: float | None = None) -> None:
    sys.exit(run(sys.argv[1:] if argv is None else argv, started=started))


FirstPaintHook = Callable[[Any, Callable[[int], None]], None]  # (window, finish(code))


def run(argv: Sequence[str], on_first_paint: FirstPaintHook | None = None,
        started: float | None = None) -> int:
    """Run the window until it closes; ``on_first_paint`` (tools) runs once the first contacts show.

    ``started`` is the ``time.monotonic()`` the entry point read first thing (``campaign_gui.__main__``);
    the first-paint figure counts from it."""
    started = time.monotonic() if started is None else started
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
    app.setDesktopFileName("campaign-gui")  # Wayland app id: the launcher entry and its icon
    app.setOrganizationName("CampaignManager")
    from campaign_gui.ui.single_instance import InstanceServer, hand_over, local_paths, server_name

    files = local_paths(args.files)
    instance: InstanceServer | None = None
    if not args.smoke_test and on_first_paint is None:
        name = server_name(data_dir)
        if hand_over(name, files):
            logger.info("handed %d file(s) to the window already open on %s", len(files), data_dir)
            print("Campaign Manager is already open for this data folder: "
                  + ("the file was passed to its window." if files else "its window was brought to the front."),
                  flush=True)
            if temp_dir is not None:
                temp_dir.cleanup()
            return 0
        instance = InstanceServer(name)
        instance.listen()
    settings = QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)
    try:
        code = _run_window(app, settings, data_dir, args, started, QTimer, on_first_paint, files, instance)
    finally:
        if instance is not None:
            instance.close()
            instance.deleteLater()
        if temp_dir is not None:
            temp_dir.cleanup()
    return code


def _qt_args(argv: Sequence[str]) -> list[str]:
    return split_qt_args(argv)[1]


def _run_window(app, settings, data_dir: Path, args: argparse.Namespace, started: float,  # type: ignore[no-untyped-def]
                QTimer, on_first_paint: FirstPaintHook | None, files: list[str], instance: Any) -> int:
    import qasync

    from campaign_gui.services.container import build_services
    from campaign_gui.services.data_files import damaged_title, data_file_problems
    from campaign_gui.services.diagnostics import CrashReporter, install_qt_message_handler, on_display_lost
    from campaign_gui.ui.crash_dialog import show_crash_dialog
    from campaign_gui.ui.i18n import LanguageManager
    from campaign_gui.ui.main_window import MainWindow
    from campaign_gui.ui.quit_signals import QuitSignals
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
        logger.info("accounts ready after %.3f s", time.monotonic() - started)
        settings.setValue("app/first_run_done", True)
        window.populate()

    services.demo.ready.connect(demo_ready)
    if on_first_paint is not None:
        window.pane.model.firstPageShown.connect(lambda: QTimer.singleShot(0, lambda: on_first_paint(window, finish)))
    elif args.smoke_test:
        _arm_smoke_test(window, started, finish, QTimer)
    imports_installed: list[Any] = []
    pending = list(files)

    def install_imports() -> None:  # after the first paint: its modules and warm-up are not free
        if not imports_installed:
            imports_installed.append(_install_imports(window, services, ask_resume=not args.smoke_test))
        if pending:
            paths = pending[:]
            pending.clear()
            imports_installed[0].drop_files(paths)

    def files_handed_over(paths: list[str]) -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        pending.extend(paths)
        if pending:
            install_imports()

    if instance is not None:
        instance.filesReceived.connect(files_handed_over)
    file_opener = _file_open_filter(files_handed_over)  # macOS: Finder's "Open With" and drops on the Dock icon
    app.installEventFilter(file_opener)

    def request_quit() -> None:
        support = getattr(window, "import_support", None)
        if support is not None:
            support.stop_and_quit()
        else:
            window.close()

    def display_lost() -> None:  # synchronous: Qt exits the process as soon as this returns
        logger.warning("the display connection was lost: closing")
        try:
            _close_after_display_lost(window, services)
        finally:
            logging.shutdown()
            os._exit(0)

    quit_signals = QuitSignals(app, request_quit).install()
    on_display_lost(display_lost)
    window.pane.model.firstPageShown.connect(lambda: QTimer.singleShot(200, install_imports))
    QTimer.singleShot(0 if files else 3000, install_imports)
    window.show()
    shown = time.monotonic() - started
    logger.info("window shown after %.3f s", shown)
    if args.smoke_test:
        print(f"window shown: {shown:.3f} s", flush=True)
    try:
        with loop:
            code = int(loop.run_until_complete(done))
            window.save_layout()
            loop.run_until_complete(services.aclose())
            reporter.uninstall()
    finally:
        on_display_lost(None)
        quit_signals.uninstall()
        app.removeEventFilter(file_opener)
    window.deleteLater()
    return code


def _file_open_filter_class() -> Any:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QFileOpenEvent

    class FileOpenFilter(QObject):
        """Turns the QFileOpenEvent macOS sends for documents into an import of that file."""

        def __init__(self, open_files: Callable[[list[str]], None]) -> None:
            super().__init__()
            self.open_files = open_files

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
                self.open_files([event.file()])
                return True
            return False

    return FileOpenFilter


def _file_open_filter(open_files: Callable[[list[str]], None]) -> Any:
    return _file_open_filter_class()(open_files)


def _install_imports(window: Any, services: Any, *, ask_resume: bool) -> Any:
    """Drops, File → Import… and the Imports panel (the import flow lives in its own modules)."""
    from campaign_gui.services.import_setup import build_import_service
    from campaign_gui.ui.import_drop import install_import_support

    return install_import_support(window, build_import_service(services), ask_resume=ask_resume)


def _close_after_display_lost(window: Any, services: Any) -> None:
    """What closing the window does, without the event loop: imports stop (journal closed), children end."""
    import multiprocessing

    try:
        window.save_layout()
    except Exception:  # the layout is a nicety; the display is gone
        logger.debug("layout not saved", exc_info=True)
    support = getattr(window, "import_support", None)
    if support is not None:
        support.close_now()
    for child in multiprocessing.active_children():
        child.terminate()
        child.join(2)
    try:  # what atexit would do: finalizers (semaphores unlinked and unregistered from the resource tracker)
        from multiprocessing import util

        util._exit_function()
    except Exception:
        logger.debug("multiprocessing finalizers failed", exc_info=True)


def _arm_smoke_test(window, started: float, finish, QTimer) -> None:  # type: ignore[no-untyped-def]
    def painted() -> None:
        window.pane.table.viewport().repaint()
        elapsed = time.monotonic() - started
        print(f"first paint: {elapsed:.3f} s", flush=True)
        logger.info("smoke test: first paint after %.3f s", elapsed)
        window.save_layout()
        finish(0)

    def timeout() -> None:
        print(f"smoke test: no contacts painted within {SMOKE_TIMEOUT_S} s", file=sys.stderr, flush=True)
        finish(1)

    window.pane.model.firstPageShown.connect(lambda: QTimer.singleShot(0, painted))
    QTimer.singleShot(SMOKE_TIMEOUT_S * 1000, timeout)
