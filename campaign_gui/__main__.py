"""``python -m campaign_gui``: a command if one is named, otherwise the window."""

from __future__ import annotations

import time

STARTED = time.monotonic()  # first thing: the window's first-paint figure counts from here

import sys  # noqa: E402


def main() -> None:
    import multiprocessing

    multiprocessing.freeze_support()  # reading/validation run in a spawned child; a frozen build needs this
    argv = sys.argv[1:]
    from campaign_gui.cli import COMMAND_NAMES

    wants_cli = any(a in COMMAND_NAMES for a in argv if not a.startswith("-")) or any(
        a in ("-h", "--help") for a in argv)
    if wants_cli:
        from campaign_gui.cli import main as cli_main

        sys.exit(cli_main(argv))
    from campaign_gui.app import main as app_main

    app_main(started=STARTED)


if __name__ == "__main__":
    main()
