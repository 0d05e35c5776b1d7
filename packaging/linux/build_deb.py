"""Build dist/campaign-gui_<version>_amd64.deb from the onedir app in dist/campaign-gui/.

    python packaging/linux/build_deb.py [--compress zstd|xz]

Layout: the app under /opt/campaign-gui, /usr/bin/campaign-gui (a symbolic link to it), the desktop entry in
/usr/share/applications and the hicolor icons (SVG and PNG sizes). No maintainer scripts: dpkg's triggers
refresh the menu, MIME and icon caches, so removing the package leaves nothing behind. ``Depends`` is computed:
libc6 from the newest GLIBC_ symbol version any bundled binary needs (also the oldest glibc the app runs on),
and the Debian packages of the system libraries the bundle links to but does not carry.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import icons  # noqa: E402

NAME = "campaign-gui"
MAINTAINER = "Campaign Manager team <campaign-gui@localhost>"
# Loaded at run time with dlopen (so not in any DT_NEEDED): QtDBus needs libdbus-1 (the xdg-desktop-portal theme,
# input methods); the keyring needs a Secret Service on the session bus, which these recommend.
EXTRA_DEPENDS = ["libdbus-1-3"]
RECOMMENDS = ["gnome-keyring | kwalletmanager", "xdg-desktop-portal"]


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def elf_files(top: Path) -> list[Path]:
    out = []
    for path in top.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def objdump(path: Path) -> str:
    return subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout


# libstdc++'s symbol version → the gcc release (Debian's libstdc++6 version) that first has it.
GLIBCXX_GCC = {28: 10, 29: 11, 30: 12, 31: 13, 32: 14, 33: 15}


def glibc_and_needs(files: list[Path]) -> tuple[tuple[int, ...], int, set[str]]:
    """(newest GLIBC_ version, newest GLIBCXX_3.4.N's N, the sonames linked) over ``files``."""
    newest: tuple[int, ...] = (2, 2, 5)
    cxx = 0
    needed: set[str] = set()
    for path in files:
        text = objdump(path)
        needed.update(re.findall(r"^\s*NEEDED\s+(\S+)", text, re.MULTILINE))
        for found in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", text):
            newest = max(newest, tuple(int(p) for p in found.split(".")))
        cxx = max([cxx, *(int(n) for n in re.findall(r"\bGLIBCXX_3\.4\.(\d+)\b", text))])
    return newest, cxx, needed


def system_packages(sonames: set[str]) -> list[str]:
    """The Debian package of each system library (by its ldconfig path)."""
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in cache.splitlines():
        match = re.match(r"\s*(\S+) \(libc6,x86-64[^)]*\) => (\S+)", line)
        if match and match.group(1) not in paths:
            paths[match.group(1)] = match.group(2)
    packages: set[str] = set()
    for soname in sorted(sonames):
        path = paths.get(soname)
        if path is None:
            raise SystemExit(f"build_deb: {soname} is needed by the bundle but not found on this system")
        candidates = [path, os.path.realpath(path)]
        candidates += [c.replace("/usr/lib/", "/lib/", 1) if c.startswith("/usr/lib/") else
                       c.replace("/lib/", "/usr/lib/", 1) for c in list(candidates)]
        for candidate in candidates:
            result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False)
            if result.returncode == 0:
                packages.add(result.stdout.split(":", 1)[0].strip())
                break
        else:
            raise SystemExit(f"build_deb: no Debian package owns {path} ({soname})")
    return sorted(packages)


def build(compress: str, dist: Path) -> Path:
    app = dist / NAME
    if not (app / NAME).is_file():
        raise SystemExit(f"build_deb: {app / NAME} not found; build the onedir app first (make package)")
    ver = version()
    stage = ROOT / "build" / "deb" / f"{NAME}_{ver}_amd64"
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / "opt" / NAME
    shutil.copytree(app, opt, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "linux" / f"{NAME}.desktop", share / "applications" / f"{NAME}.desktop")
    icons.make_hicolor(share / "icons")
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {NAME}\n\nFiles: *\nCopyright: Campaign Manager team\nLicense: proprietary\n"
        " Bundled third-party components keep their own licences (Qt and PySide6: LGPL-3.0;\n"
        " Python: PSF-2.0; see /opt/campaign-gui/_internal/*.dist-info).\n")

    files = elf_files(opt)
    newest, cxx, needed = glibc_and_needs(files)
    bundled = {p.name for p in opt.rglob("*")}
    glibc_libs = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
                  "ld-linux-x86-64.so.2", "libresolv.so.2", "libcrypt.so.1"}
    system = {n for n in needed if n not in bundled and n not in glibc_libs}
    glibc = ".".join(str(p) for p in newest)
    depends = [f"libc6 (>= {glibc})"]
    for package in system_packages(system):
        if package == "libstdc++6" and cxx in GLIBCXX_GCC:
            package = f"libstdc++6 (>= {GLIBCXX_GCC[cxx]})"
        if package != "libc6":
            depends.append(package)
    depends += EXTRA_DEPENDS
    size_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink()) // 1024

    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {NAME}\nVersion: {ver}\nArchitecture: amd64\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\nDepends: {', '.join(dict.fromkeys(depends))}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\nSection: misc\nPriority: optional\n"
        "Description: Campaign Manager: SMS and call-center campaign contacts\n"
        " Keep accounts at Stringee, SMS.by, Alohub, Cellcast and Dynamic Messaging, browse their\n"
        " campaigns, lists and contacts, and import up to a million contacts from a spreadsheet\n"
        " (xlsx, xlsm, xls, ods, csv, tsv) with live progress, pause and resume.\n")
    for path in stage.rglob("*"):  # ordinary modes whatever the umask was
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)

    for old in dist.glob(f"{NAME}_*_amd64.deb"):
        old.unlink()
    out = dist / f"{NAME}_{ver}_amd64.deb"
    level = {"zstd": "9", "xz": "6"}[compress]  # zstd -19 saves 6 MB for minutes of CPU; xz -6 is under budget
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compress}", f"-z{level}", "--threads-max=0",
                    "--build", str(stage), str(out)], check=True, stdout=subprocess.DEVNULL)
    print(f"built {out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.1f} MB ({compress}), "
          f"installed {size_kib / 1024:.1f} MiB; runs on glibc >= {glibc}")
    print(f"Depends: {', '.join(dict.fromkeys(depends))}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compress", choices=("zstd", "xz"), default="zstd")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    build(args.compress, args.dist)
    return 0


if __name__ == "__main__":
    sys.exit(main())
