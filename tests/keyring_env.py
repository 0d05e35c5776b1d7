"""A real Secret Service for tests: gnome-keyring-daemon, unlocked, on a private D-Bus session bus."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

BACKEND = "keyring.backends.SecretService.Keyring"
SERVICE = "campaign-gui"
# executable -> Debian package that provides it
TOOLS = {"dbus-daemon": "dbus", "dbus-run-session": "dbus", "gnome-keyring-daemon": "gnome-keyring"}
_UNSET = ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK",
          "PYTHON_KEYRING_BACKEND", "XDG_SESSION_TYPE")
# A bus with no service directories: nothing is auto-started, so an unlock prompt fails at once
# (the tests' "locked" case) instead of waiting for a person, and no second keyring can appear.
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def require_tools() -> None:
    """Fail (never skip) with what to install when the real keyring cannot be run here."""
    missing = missing_tools()
    if missing:
        packages = " ".join(sorted({TOOLS[t] for t in missing}))
        where = "CI" if os.environ.get("CI") == "true" else "this machine"
        pytest.fail(f"The keyring tests need a real Secret Service, but {where} lacks {', '.join(missing)}. "
                    f"Install it: sudo apt-get install -y {packages}   (or: make deps)", pytrace=False)


class SecretServiceEnv:
    """Start with ``start(root)``; ``env`` is the environment for subprocesses, ``apply`` sets it in-process."""

    def __init__(self, root: Path, password: str = "campaign-gui-test-login") -> None:
        self.root = root
        self.password = password
        self.address = ""
        self.env: dict[str, str] = {}
        self._bus: subprocess.Popen[bytes] | None = None
        self._daemon: subprocess.Popen[bytes] | None = None
        self._log = root / "gnome-keyring.log"

    @classmethod
    def start(cls, root: Path, timeout: float = 20.0) -> SecretServiceEnv:
        require_tools()
        service = cls(root)
        try:
            service._start(timeout)
        except BaseException:
            service.stop()
            raise
        return service

    def _start(self, timeout: float) -> None:
        dirs = {name: self.root / name for name in ("home", "data", "config", "cache", "run")}
        for path in dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        dirs["run"].chmod(0o700)
        base = {k: v for k, v in os.environ.items() if k not in _UNSET}
        base.update(HOME=str(dirs["home"]), XDG_DATA_HOME=str(dirs["data"]), XDG_CONFIG_HOME=str(dirs["config"]),
                    XDG_CACHE_HOME=str(dirs["cache"]), XDG_RUNTIME_DIR=str(dirs["run"]))
        config = self.root / "bus.conf"
        config.write_text(_BUS_CONFIG.format(socket=dirs["run"] / "bus"), encoding="utf-8")
        self._bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile",
                                      "--print-address=1"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=base)
        self.address = self._read_address(timeout)
        base["DBUS_SESSION_BUS_ADDRESS"] = self.address
        with self._log.open("wb") as log:
            self._daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock",
                                             "--components=secrets"], stdin=subprocess.PIPE,
                                            stdout=subprocess.DEVNULL, stderr=log, env=base)
        assert self._daemon.stdin is not None
        self._daemon.stdin.write(self.password.encode())  # --unlock: creates and unlocks "login"
        self._daemon.stdin.close()
        self.env = {**base, "PYTHON_KEYRING_BACKEND": BACKEND}
        self._wait_ready(timeout)

    def _read_address(self, timeout: float) -> str:
        assert self._bus is not None and self._bus.stdout is not None
        ready, _, _ = select.select([self._bus.stdout], [], [], timeout)
        line = self._bus.stdout.readline().decode().strip() if ready else ""
        if not line:
            raise RuntimeError(f"dbus-daemon did not start (exit code {self._bus.poll()})")
        return line

    def _wait_ready(self, timeout: float) -> None:
        """Poll until the default collection exists and is unlocked (gnome-keyring answers on the bus)."""
        deadline = time.monotonic() + timeout
        last: BaseException | None = None
        while time.monotonic() < deadline:
            assert self._daemon is not None
            if self._daemon.poll() is not None:
                raise RuntimeError(f"gnome-keyring-daemon exited ({self._daemon.returncode}): {self.daemon_log()}")
            try:
                with self._collection() as collection:
                    if not collection.is_locked():
                        return
            except Exception as exc:  # not on the bus yet
                last = exc
            time.sleep(0.05)
        raise RuntimeError(f"the Secret Service did not become ready in {timeout:.0f} s ({last!r}); "
                           f"{self.daemon_log()}")

    @contextlib.contextmanager
    def _collection(self) -> Any:
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(bus=self.address)
        try:
            yield secretstorage.Collection(connection, "/org/freedesktop/secrets/aliases/default")
        finally:
            connection.close()

    def daemon_log(self) -> str:
        try:
            return self._log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    # --- for tests ------------------------------------------------------------------------------

    def apply(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Point this process at the private bus (for ``keyring``/``secretstorage`` used in-process)."""
        for key in _UNSET:
            monkeypatch.delenv(key, raising=False)
        for key in ("DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                    "XDG_RUNTIME_DIR", "PYTHON_KEYRING_BACKEND"):
            monkeypatch.setenv(key, self.env[key])

    def backend(self) -> Any:
        """The keyring backend chosen explicitly (never keyring's auto-detection)."""
        from keyring.backends.SecretService import Keyring

        return Keyring()

    def stored_secret(self, account_id: str) -> str | None:
        """Read the entry straight from the Secret Service (not through the code under test)."""
        with self._collection() as collection:
            for item in collection.search_items({"service": SERVICE, "username": account_id}):
                secret: bytes = item.get_secret()
                return secret.decode("utf-8")
        return None

    def replace_secret(self, account_id: str, secret: str) -> None:
        """Overwrite an entry behind the app's back (as another tool or a typo in a keyring UI would)."""
        attributes = {"service": SERVICE, "username": account_id, "application": "Python keyring library"}
        with self._collection() as collection:
            collection.create_item(f"Password for '{account_id}' on '{SERVICE}'", attributes, secret.encode(),
                                   replace=True)

    def entries(self) -> list[dict[str, str]]:
        """Attributes of every item this app stored (to prove an entry is gone)."""
        with self._collection() as collection:
            return [dict(item.get_attributes()) for item in collection.search_items({"service": SERVICE})]

    def lock(self) -> None:
        """Lock the login collection; with no prompter on this bus it cannot be unlocked again."""
        with self._collection() as collection:
            collection.lock()

    def stop(self) -> None:
        for proc in (self._daemon, self._bus):
            if proc is None or proc.poll() is not None:
                continue
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if self._bus is not None and self._bus.stdout is not None:
            self._bus.stdout.close()
