"""``campaign-gui sandbox``: serve the five simulated provider APIs until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sandbox", help="run the local provider simulator (demo accounts printed)")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default 0: any free port)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from campaign_gui.sandbox.server import SandboxServer

    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = SandboxServer(args.host, args.port)
    try:
        try:
            server.start()
        except (RuntimeError, OSError) as exc:
            print(f"error: cannot start the sandbox: {exc}", file=sys.stderr)
            return 1
        print(f"sandbox listening on {server.base_url}", flush=True)
        print("demo accounts (fake credentials):")
        for account in server.demo_accounts():
            fields = " ".join(f"{k}={v}" for k, v in account["fields"].items())
            print(f"  {account['provider']:<9} {account['name']!r:<26} {account['base_url']}"
                  f"{'  ' + fields if fields else ''}  secret={account['secret']}")
        print("control API: POST /_sandbox/reset, /_sandbox/faults, /_sandbox/config; "
              "GET /_sandbox/ledger?provider=P, /_sandbox/requests?provider=P", flush=True)
        while not stop.wait(0.5):
            if server._thread is not None and not server._thread.is_alive():
                print("error: the sandbox server stopped unexpectedly", file=sys.stderr)
                return 1
        return 0
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
