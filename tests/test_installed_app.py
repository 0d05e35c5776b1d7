"""The window as an installed app, as real processes: ``campaign-gui FILE``, one window per data folder,
SIGTERM and a lost display closing like a quit (no child process left behind)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest
import xlsxwriter

from campaign_gui.app import parse_args, split_qt_args

TIMEOUT = 60.0


def make_sheet(path: Path, rows: int = 30) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Khách hàng")
    sheet.write_row(0, 0, ["Họ và tên", "Số điện thoại"])
    for i in range(rows):
        sheet.write_row(i + 1, 0, [f"Khách {i}", f"09{i:08d}"])
    book.close()
    return path


def wait_for(condition: Callable[[], bool], what: str, proc: subprocess.Popen[bytes] | None = None,
             timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the app exited ({proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def log_text(data: Path) -> str:
    path = data / "logs" / "campaign-gui.log"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


class App:
    def __init__(self, tmp: Path, data: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.data = data
        self.stdout = tmp / f"app-{id(self)}.out"
        self.stderr = tmp / f"app-{id(self)}.err"
        base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAMPAIGN_GUI_DATA_DIR": ""}
        with self.stdout.open("wb") as out, self.stderr.open("wb") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "campaign_gui", *args, "--data-dir", str(data)],
                                         stdout=out, stderr=err, stdin=subprocess.DEVNULL, env={**base, **(env or {})})

    def wait_log(self, text: str) -> None:
        wait_for(lambda: text in log_text(self.data), repr(text), self.proc)

    def children(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def wait_children(self) -> list[psutil.Process]:
        """The reading worker (and the resource tracker) the import support starts."""
        wait_for(lambda: len(self.children()) >= 1, "the reading child process", self.proc)
        return self.children()

    def err(self) -> str:
        return self.stderr.read_text(errors="replace")

    def out(self) -> str:
        return self.stdout.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            for child in self.children():
                child.kill()
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[list[App]]:
    started: list[App] = []
    yield started
    for app in started:
        app.stop()


def assert_closed_cleanly(app: App, children: list[psutil.Process]) -> None:
    assert app.proc.wait(TIMEOUT) == 0, app.err()[-3000:]
    _gone, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, f"left behind: {[(p.pid, p.cmdline()) for p in alive]}"
    assert "Traceback" not in app.err(), app.err()[-3000:]
    assert "RuntimeError" not in app.err(), app.err()[-3000:]
    assert "leaked" not in app.err(), app.err()[-3000:]


def test_file_argument_opens_the_wizard_and_sigterm_closes_like_quit(tmp_path: Path, apps: list[App]) -> None:
    sheet = make_sheet(tmp_path / "danh sách.xlsx")
    app = App(tmp_path, tmp_path / "data", str(sheet))
    apps.append(app)
    app.wait_log("import wizard opened on danh sách.xlsx")
    children = app.wait_children()
    app.proc.send_signal(signal.SIGTERM)
    assert_closed_cleanly(app, children)
    log = log_text(app.data)
    assert "signal SIGTERM: closing the window" in log
    assert (app.data / "gui.ini").exists()  # the quit path ran: the layout was saved


def test_second_launch_hands_its_file_to_the_running_window(tmp_path: Path, apps: list[App]) -> None:
    data = tmp_path / "data"
    first = App(tmp_path, data)
    apps.append(first)
    first.wait_log("window shown after")
    sheet = make_sheet(tmp_path / "contacts.xlsx")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAMPAIGN_GUI_DATA_DIR": ""}
    second = subprocess.run([sys.executable, "-m", "campaign_gui", f"file://{sheet}", "--data-dir", str(data)],
                            capture_output=True, text=True, timeout=TIMEOUT, env=env, stdin=subprocess.DEVNULL)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "already open for this data folder: the file was passed to its window" in second.stdout
    assert "Traceback" not in second.stderr
    first.wait_log("import wizard opened on contacts.xlsx")
    assert log_text(data).count("window shown after") == 1  # the second launch opened no window of its own
    children = first.wait_children()
    first.proc.send_signal(signal.SIGTERM)
    assert_closed_cleanly(first, children)


def test_another_data_folder_gets_its_own_window(tmp_path: Path, apps: list[App]) -> None:
    first = App(tmp_path, tmp_path / "one")
    apps.append(first)
    first.wait_log("window shown after")
    second = App(tmp_path, tmp_path / "two")
    apps.append(second)
    second.wait_log("window shown after")
    for app in (first, second):
        app.proc.send_signal(signal.SIGTERM)
    for app in (first, second):
        assert app.proc.wait(TIMEOUT) == 0, app.err()[-3000:]


def test_lost_display_closes_like_quit(tmp_path: Path, apps: list[App]) -> None:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail("Xvfb is needed: sudo apt-get install -y xvfb (or make deps)", pytrace=False)
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        assert display, "Xvfb printed no display number"
        app = App(tmp_path, tmp_path / "data", str(make_sheet(tmp_path / "c.xlsx")),
                  env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}", "WAYLAND_DISPLAY": ""})
        apps.append(app)
        app.wait_log("import wizard opened on c.xlsx")
        children = app.wait_children()
        server.terminate()
        server.wait(10)
        assert_closed_cleanly(app, children)
        log = log_text(app.data)
        assert "the display connection was lost: closing" in log
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(10)


def test_qt_options_are_not_files() -> None:
    ours, qt = split_qt_args(["-platform", "offscreen", "a.xlsx", "--data-dir", "/d", "-style=fusion", "b.csv"])
    assert qt == ["-platform", "offscreen", "-style=fusion"]
    args = parse_args(["-platform", "offscreen", "a.xlsx", "--data-dir", "/d", "b.csv"])
    assert args.files == ["a.xlsx", "b.csv"]
    assert args.data_dir == "/d"
