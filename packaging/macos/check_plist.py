"""Check packaging/macos/Info.plist with plistlib: it parses, its version is pyproject's, and it declares every
spreadsheet type the app opens (xlsx, xlsm, xls, ods, csv, tsv) as a viewer that never takes over the default."""

from __future__ import annotations

import plistlib
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = {"xlsx", "xlsm", "xls", "ods", "csv", "tsv"}
UTIS = {"org.openxmlformats.spreadsheetml.sheet", "com.microsoft.excel.xls", "org.oasis-open.opendocument.spreadsheet",
        "public.comma-separated-values-text", "public.tab-separated-values-text"}


def problems(info: dict[str, object]) -> list[str]:
    out: list[str] = []
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for key in ("CFBundleShortVersionString", "CFBundleVersion"):
        if info.get(key) != version:
            out.append(f"{key} is {info.get(key)!r}, pyproject.toml says {version!r}")
    for key in ("CFBundleIdentifier", "CFBundleName", "LSMinimumSystemVersion"):
        if not info.get(key):
            out.append(f"{key} missing")
    types = info.get("CFBundleDocumentTypes")
    if not isinstance(types, list) or not types:
        return [*out, "CFBundleDocumentTypes missing"]
    extensions: set[str] = set()
    utis: set[str] = set()
    for entry in types:
        if entry.get("CFBundleTypeRole") not in ("Viewer", "Editor"):
            out.append(f"{entry.get('CFBundleTypeName')}: CFBundleTypeRole {entry.get('CFBundleTypeRole')!r}")
        if entry.get("LSHandlerRank") != "Alternate":
            out.append(f"{entry.get('CFBundleTypeName')}: LSHandlerRank should be Alternate")
        extensions |= set(entry.get("CFBundleTypeExtensions", []))
        utis |= set(entry.get("LSItemContentTypes", []))
    if EXTENSIONS - extensions:
        out.append(f"extensions not declared: {sorted(EXTENSIONS - extensions)}")
    if UTIS - utis:
        out.append(f"content types not declared: {sorted(UTIS - utis)}")
    return out


def main() -> int:
    path = ROOT / "packaging" / "macos" / "Info.plist"
    with path.open("rb") as handle:
        info = plistlib.load(handle)
    found = problems(info)
    for problem in found:
        print(f"check_plist: {path.name}: {problem}", file=sys.stderr)
    if not found:
        print(f"check_plist: {path.name} declares {', '.join(sorted(EXTENSIONS))}; version {info['CFBundleVersion']}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
