"""The headless face: ``campaign-gui <command>``; the same core the window uses, without Qt."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import Any

from campaign_gui.domain.redaction import install_log_redaction

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_ATTENTION = 3

# command name -> module with ``register(subparsers)``; each sets ``func(args) -> int`` on its parser.
_COMMANDS = {
    "sandbox": "campaign_gui.cli.sandbox_cmd",
    "accounts": "campaign_gui.cli.accounts_cmd",
    "validate": "campaign_gui.cli.validate_cmd",
    "import": "campaign_gui.cli.import_cmd",
    "jobs": "campaign_gui.cli.jobs_cmd",
}
COMMAND_NAMES = frozenset(_COMMANDS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="campaign-gui", description="Campaign Manager")
    parser.add_argument("--data-dir", default=os.environ.get("CAMPAIGN_GUI_DATA_DIR"),
                        help="data directory (default: the platform's; env CAMPAIGN_GUI_DATA_DIR)")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in _COMMANDS.values():
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 2 bad input, 3 needs attention, 1 internal)."""
    args_list, data_dir, debug = _pop_globals(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
        if data_dir is not None:
            args.data_dir = data_dir
        args.debug = args.debug or debug
    except SystemExit as exc:  # argparse: usage errors are bad input
        return EXIT_BAD_INPUT if exc.code not in (0, None) else EXIT_OK
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    install_log_redaction()
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    previous = _term_as_interrupt()
    try:
        code: int = func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ATTENTION
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # last resort: no traceback reaches a user
        known = _user_error(exc)
        if known is not None:
            print(f"error: {known[0]}", file=sys.stderr)
            return known[1]
        from campaign_gui.domain.redaction import redact

        logging.getLogger(__name__).debug("internal error", exc_info=True)
        print(f"error: internal error ({type(exc).__name__}): {redact(str(exc))[:300]}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code


def _user_error(exc: Exception) -> tuple[str, int] | None:
    """Errors that name a file of the data directory and what to do: a damaged accounts.json,
    settings.json or journal, a ``--data-dir`` that is a file (bad input, exit 2); a full journal (3)."""
    from campaign_gui.domain.redaction import redact
    from campaign_gui.storage.jsonfile import StorageFileError
    from campaign_gui.upload.journal_errors import JournalDamaged, JournalError

    if isinstance(exc, StorageFileError | JournalDamaged):
        return redact(exc.message), EXIT_BAD_INPUT
    if isinstance(exc, JournalError):
        return redact(exc.message), EXIT_ATTENTION
    return None


def _term_as_interrupt() -> Any:
    """SIGTERM is a Ctrl-C: a message, exit 3, child processes ended by the normal exit, jobs resumable.
    Returns the handler it replaced (None when it could not install one)."""

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, on_term)
    except (ValueError, OSError):  # not the main thread (tests calling main() from a thread)
        return None


def _pop_globals(argv: list[str]) -> tuple[list[str], str | None, bool]:
    """Take ``--data-dir`` and ``--debug`` from anywhere on the line (before or after the command)."""
    rest: list[str] = []
    data_dir: str | None = None
    debug = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--data-dir" and i + 1 < len(argv):
            data_dir = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        elif arg == "--debug":
            debug = True
        else:
            rest.append(arg)
        i += 1
    return rest, data_dir, debug


def run() -> None:
    sys.exit(main())
