"""The frozen app's entry point: the same ``main`` as ``python -m campaign_gui`` (window or command)."""

from campaign_gui.__main__ import main  # its first line reads the clock the first-paint figure counts from

if __name__ == "__main__":
    main()
