"""Load one big .xlsx sheet as consecutive parts parsed in parallel (calamine releases the GIL): rows flow sooner.

The sheet XML is streamed once (this also verifies its CRC and real size against zip bombs) into a few
temporary stored packages cut at ``<row r="N">`` boundaries; two threads parse them in order while the
caller walks the rows of the parts already parsed. Anything unusual (no ``r`` attribute, prefixed tags,
empty sheetData) returns None and the caller loads the sheet whole.

Why one file of ~540 lines (over the house's ~400): cutting the sheet XML, trimming the shared strings each
part carries and the pool that parses the parts are one pipeline tuned as a whole. They share the measured
tunables (PART_BYTES, MAX_PARTS, FIRST_PART, STRINGS_BIG/LIGHT/SLACK, TAIL, LOADERS), which the tests and the
scratch-folder kill test patch on this module as one unit; split in three, every change to the cut would touch
three files and the patches would have to follow the names around. Split it when a part grows on its own.
"""

from __future__ import annotations

import io
import itertools
import os
import queue
import re
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any, Protocol

import python_calamine as pc

from campaign_gui.reading.scratch import scratch_dir

SPLIT_MIN = 48 * 1024**2  # uncompressed sheet XML size from which splitting pays off
PART_BYTES = 56 * 1024**2  # sheet XML per part (each part after the first also pads the rows before it)
MAX_PARTS = 4
FIRST_PART = 0.2  # share of the sheet in the first part, from three parts on
STRINGS_BIG = 8 * 1024**2  # a shared-strings part this big is parsed again for every part: fewer parts
LOADERS = 2  # parts parsed at the same time
# ... when a child process takes the last part (it parses too): one loader thread leaves the cores to the
# split and the child. Measured on 2 cores (1M rows, shared strings, 7 paired runs): 48.8 s against 50.0 s
# in all, better in 5 of 7, and 0.5-1 CPU-s less each time.
LOADERS_BESIDE_CHILD = 1
OFFLOAD_SHARE = 0.36  # the last part's share when a child process walks it (it starts once the whole sheet is cut)
CHUNK = 4 * 1024**2
STUB = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')
EMPTY_SST = (b'<?xml version="1.0" encoding="UTF-8"?><sst '
             b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')
STRINGS_LIGHT = 4 * 1024**2  # a shared-strings part from which the sheet list is read from a light copy
TAIL = 1024**2  # sheet XML at the end of a part searched for its highest shared-string index
STRINGS_SLACK = 4096  # strings kept past that index (a cell earlier in the part may use a later one)
_DIM = re.compile(rb"<dimension\b[^>]*/>")
_ROW_R = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_STRING_REF = re.compile(rb'\st="s"[^>]*>\s*<v>(\d+)</v>')  # a shared-string cell's index


class Offload(Protocol):
    """Takes the last part of a split sheet to parse and walk it elsewhere (a child process)."""

    def begin(self, src: Path, sheet_name: str) -> None:
        """A split starts: get ready (start the child while the sheet is cut)."""

    def take(self, path: Path, start: int) -> bool:
        """The last part's package, rows from ``start`` (0-based) on; True = taken (the taker removes it)."""


class _Part:
    """One temporary package holding the sheet's rows from ``start`` (0-based) on, parsed by the pool."""

    def __init__(self, path: Path, start: int) -> None:
        self.path, self.start = path, start
        self.sheet: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.remote = False  # handed to an Offload: its rows are not walked here

    def load(self, sheet_name: str, skip: bool, src: Path | None = None) -> None:
        try:
            if not skip:
                self.sheet = parse_part(self.path, sheet_name, src)
        except BaseException as exc:  # re-raised in the caller's thread
            self.error = exc
        finally:
            _unlink(self.path)
            self.done.set()

    def result(self) -> Any:
        self.done.wait()
        if self.error is not None:
            raise self.error
        return self.sheet


def _parse(path: Path, sheet_name: str) -> Any:
    wb = pc.CalamineWorkbook.from_path(str(path))
    try:
        return wb.get_sheet_by_name(sheet_name)
    finally:
        wb.close()


def parse_part(path: Path, sheet_name: str, src: Path | None) -> Any:
    """The sheet of a part package. A part keeps only the shared strings up to the highest index used near
    its end (see strings_for); when that was too few (a table not in order of first use) or the cut went
    wrong, calamine fails and the part is parsed again with the source's whole table."""
    try:
        return _parse(path, sheet_name)
    except Exception:
        full = with_all_strings(path, src) if src is not None else None
        if full is None:
            raise
    try:
        return _parse(full, sheet_name)
    finally:
        _unlink(full)


class _Pool:
    """Parts parsed in order by ``LOADERS`` threads (calamine releases the GIL while it parses)."""

    def __init__(self, sheet_name: str, src: Path | None = None, offload: Offload | None = None,
                 offload_at: int = -1) -> None:
        self.sheet_name, self.src = sheet_name, src
        self.offload, self.offload_at = offload, offload_at
        self.parts: list[_Part] = []
        self.closed = False
        self._queue: queue.SimpleQueue[_Part | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._loaders(LOADERS if offload is None else LOADERS_BESIDE_CHILD)

    def _loaders(self, n: int) -> None:
        """Start loader threads until there are ``n``."""
        while len(self._threads) < n:
            self._threads.append(threading.Thread(target=self._work, name="calamine-part", daemon=True))
            self._threads[-1].start()

    def add(self, path: Path, start: int) -> None:
        part = _Part(path, start)
        self.parts.append(part)
        if self.offload is not None and len(self.parts) - 1 == self.offload_at:
            if self.offload.take(path, start):
                part.remote = True
                part.done.set()
                return
            self._loaders(LOADERS)  # no child after all: the loaders this process would have
        self._queue.put(part)

    def _work(self) -> None:
        while (part := self._queue.get()) is not None:
            part.load(self.sheet_name, self.closed, self.src)

    def close(self) -> None:
        """Stop parsing what is left (its files are removed) and wait for the threads."""
        self.closed = True
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _is_strings(name: str) -> bool:
    return name.lower().endswith("sharedstrings.xml")


def strings_for(sst: bytes, sheet_tail: bytes) -> bytes:
    """The shared strings a part needs: those up to the highest index its last rows use, plus a margin.
    Writers (Excel, LibreOffice, xlsxwriter, openpyxl) number strings in order of first use, so the first
    parts of a big sheet need a fraction of the table, which is then parsed in a fraction of the time."""
    used = _STRING_REF.findall(sheet_tail)
    if not used:
        return sst
    cut = strings_prefix(sst, max(map(int, used)) + 1 + STRINGS_SLACK)
    return sst if cut is None or len(cut) > 0.9 * len(sst) else cut


def strings_prefix(sst: bytes, keep: int, step: int = 1024**2) -> bytes | None:
    """The shared-strings part with its first ``keep`` strings only; None when it holds no more than that
    (or its items cannot be found)."""
    pos = sst.find(b"<si>")
    if pos < 0:
        return None
    kept = 0  # items before ``pos``, which is the start of one
    while True:
        end = sst.find(b"<si>", pos + step)
        end = len(sst) if end < 0 else end
        n = sst.count(b"<si>", pos, end)
        if kept + n > keep:
            break
        if end == len(sst):
            return None
        kept, pos = kept + n, end
    for _ in range(keep - kept):
        pos = sst.find(b"<si>", pos + 4)
    return sst[:pos] + b"</sst>"


def with_all_strings(part: Path, src: Path) -> Path | None:
    """A copy of the package ``part`` with the shared strings of the workbook ``src`` in full; None when the
    part has them all already."""
    with zipfile.ZipFile(src) as zs, zipfile.ZipFile(part) as zp:
        full = {i.filename: i for i in zs.infolist() if _is_strings(i.filename)}
        cut = [i.filename for i in zp.infolist() if i.filename in full and i.file_size != full[i.filename].file_size]
        if not cut:
            return None
        fd, name = tempfile.mkstemp(suffix=".xlsx", dir=part.parent)
        os.close(fd)
        out = Path(name)
        try:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zo:
                for info in zp.infolist():
                    with (zs.open(full[info.filename]) if info.filename in cut else zp.open(info)) as fin, \
                            zo.open(info.filename, "w", force_zip64=True) as fout:
                        shutil.copyfileobj(fin, fout, CHUNK)
        except BaseException:
            _unlink(out)
            raise
    return out


class _Tail:
    """The last ``TAIL`` bytes written."""

    def __init__(self) -> None:
        self.tail = b""

    def keep(self, data: bytes) -> None:
        self.tail = data[-TAIL:] if len(data) >= TAIL else (self.tail + data)[-TAIL:]


def _split_strings(others: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """(members but the shared strings, the shared strings): the latter are written last, cut to what the
    part's rows use."""
    return [m for m in others if not _is_strings(m[0])], [m for m in others if _is_strings(m[0])]


def _others(zf: zipfile.ZipFile, member: str | None, strings: bool = True,
            stub: frozenset[str] = frozenset()) -> list[tuple[str, bytes]]:
    """The package's members but ``member``, with other big sheets and those in ``stub`` stubbed (never
    read), and, unless ``strings``, an empty shared-strings table."""
    out: list[tuple[str, bytes]] = []
    for other in zf.infolist():
        if other.filename == member:
            continue
        if other.filename in stub or (other.filename.startswith("xl/worksheets/") and other.file_size > 1024**2):
            out.append((other.filename, STUB))
        elif not strings and _is_strings(other.filename):
            out.append((other.filename, EMPTY_SST))
        else:
            out.append((other.filename, zf.read(other)))
    return out


def light_package(zf: zipfile.ZipFile, sheets: dict[str, str]) -> io.BytesIO | None:
    """The workbook without its big parts (sheets stubbed, shared strings emptied), in memory: what calamine
    needs to list the sheets, without parsing a big shared-strings table the split parts parse anyway.
    None when the table is small (opening the file itself is as cheap)."""
    if not any(_is_strings(i.filename) and i.file_size >= STRINGS_LIGHT for i in zf.infolist()):
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as light:
        for name, data in _others(zf, None, strings=False, stub=frozenset(sheets.values())):
            light.writestr(name, data)
    out.seek(0)
    return out


def part_count(src: Path, member: str) -> int:
    """How many parts to cut a big sheet into: more parts let rows flow sooner, but each part parses the
    shared strings again, so a workbook with a big string table gets three. Measured on 2 cores with
    benchmarks/validate_bench.py (1M rows, 40 MB of shared strings): three parts cut at 20 % / 60 % finished
    1.1-2.1 s sooner than two halves, run for run, although they cost ~0.5 CPU-s more."""
    with zipfile.ZipFile(src) as zf:
        size = zf.getinfo(member).file_size
        strings = sum(i.file_size for i in zf.infolist() if _is_strings(i.filename))
    parts = max(3, min(MAX_PARTS, size // PART_BYTES))
    if strings > STRINGS_BIG:
        parts = 3  # each part parses the table again (~0.8 s for 40 MB): three, the first small
    return int(parts)


def cut_bounds(size: int, parts: int, last: float | None = None) -> list[int]:
    """Byte offsets to cut at. From three parts on, the first holds a fifth of the sheet, so rows flow
    once that much is parsed; the others share the rest evenly, or, given ``last``, the last part holds
    that share and the others share what is left."""
    if parts < 3:
        return [size * k // parts for k in range(1, parts)]
    first = FIRST_PART
    end = 1.0 if last is None else 1 - last
    steps = parts - 1 if last is None else parts - 2
    bounds = [first + (end - first) * k / steps for k in range(steps)]
    if last is not None:
        bounds.append(end)
    return [int(size * b) for b in bounds]


def split_package(src: Path, member: str, tmpdir: str, on_ready: Callable[[Path, int], None],
                  parts: int = 2, last: float | None = None) -> int | None:
    """Write up to ``parts`` packages holding consecutive runs of rows, each handed to
    ``on_ready(path, first_row)`` as soon as it is complete (the receiver removes it); returns the 0-based
    row where the second part starts, or None when the sheet cannot be split (parts already handed over
    are then to be discarded)."""
    paths: list[Path] = []
    sink: _PartSink | None = None
    try:
        for _ in range(parts):
            fd, name = tempfile.mkstemp(suffix=".xlsx", dir=tmpdir)
            os.close(fd)
            paths.append(Path(name))
        with zipfile.ZipFile(src) as zf:
            info = zf.getinfo(member)
            sink = _PartSink(paths, member, _others(zf, member), on_ready)
            cuts = _stream(zf.open(info), cut_bounds(info.file_size, parts, last), sink)
            if cuts is None:
                return None
            sink.finish()
            return cuts[0]
    finally:
        if sink is not None:
            sink.abort()
        handed = sink.handed if sink is not None else []
        for p in paths:
            if p not in handed:
                _unlink(p)


class _PartSink(_Tail):
    """Writes the sheet XML into consecutive packages: ``write`` to the current one, ``cut`` to move on."""

    def __init__(self, paths: list[Path], member: str, others: list[tuple[str, bytes]],
                 on_ready: Callable[[Path, int], None]) -> None:
        super().__init__()
        self.paths, self.member, self.on_ready = paths, member, on_ready
        self.others, self.strings = _split_strings(others)
        self.prefix = b""
        self.handed: list[Path] = []
        self.first_row = 0
        self.zip: zipfile.ZipFile | None = None
        self.out: Any = None
        self._open()

    def _open(self) -> None:
        self.zip = zipfile.ZipFile(self.paths[len(self.handed)], "w", zipfile.ZIP_STORED)
        for name, data in self.others:
            self.zip.writestr(name, data)
        self.out = self.zip.open(self.member, "w", force_zip64=True)
        self.tail = b""
        if self.prefix:
            self.out.write(self.prefix)

    def start(self, prefix: bytes) -> None:
        self.prefix = prefix
        self.out.write(prefix)

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.keep(data)

    def cut(self, tail: bytes, next_row: int) -> None:
        self.out.write(tail)
        self.finish()
        self.first_row = next_row
        self._open()

    def finish(self) -> None:
        assert self.zip is not None
        self.out.close()
        for name, data in self.strings:
            self.zip.writestr(name, strings_for(data, self.tail))
        self.zip.close()
        self.zip = None
        path = self.paths[len(self.handed)]
        self.handed.append(path)
        self.on_ready(path, self.first_row)

    def abort(self) -> None:
        if self.zip is not None:
            zf, self.zip = self.zip, None
            try:
                self.out.close()
                zf.close()
            except (OSError, ValueError, zipfile.BadZipFile):
                pass


class _HeadDone(Exception):
    pass


class _HeadSink(_Tail):
    def __init__(self, out: Any) -> None:
        super().__init__()
        self.out = out

    def start(self, prefix: bytes) -> None:
        self.out.write(prefix)

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.keep(data)

    def cut(self, tail: bytes, next_row: int) -> None:
        self.out.write(tail)
        self.out.close()
        raise _HeadDone


def head_package(src: Path, member: str, tmpdir: str, head_bytes: int = 2 * 1024**2) -> Path | None:
    """A package holding only the sheet's first rows (about ``head_bytes`` of XML) and the shared strings
    they use: a fast preview (parse it with parse_part)."""
    fd, name = tempfile.mkstemp(suffix=".xlsx", dir=tmpdir)
    os.close(fd)
    out = Path(name)
    try:
        with zipfile.ZipFile(src) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as o1:
            others, strings = _split_strings(_others(zf, member))
            for name, data in others:
                o1.writestr(name, data)
            w1 = o1.open(member, "w", force_zip64=True)
            sink = _HeadSink(w1)
            try:
                _stream(zf.open(zf.getinfo(member)), [head_bytes], sink)
            except _HeadDone:
                done = True
                for name, data in strings:
                    o1.writestr(name, strings_for(data, sink.tail))
            else:
                done = False
                w1.close()
        if done:
            return out
        _unlink(out)
        return None
    except BaseException:
        _unlink(out)
        raise


def _stream(src: Any, bounds: list[int], sink: Any) -> list[int] | None:
    """Copy the sheet XML into ``sink``, cutting before the first ``<row r="N">`` past each byte bound.

    Returns the 0-based rows where the parts after the first start (fewer than the bounds when the sheet
    ends first), or None when the XML is not as expected (no ``r``, no sheetData, no cut at all).
    """
    buf = b""
    pos = 0  # bytes of the source before ``buf``
    phase = 0  # 0: before <sheetData>, 1: looking for the next cut, 2: copying the rest
    cuts: list[int] = []
    with src:
        while chunk := src.read(CHUNK):
            if phase == 2:
                sink.write(chunk)
                continue
            buf += chunk
            if phase == 0:
                i = buf.find(b"<sheetData")
                j = buf.find(b">", i) if i >= 0 else -1
                if j < 0:
                    if len(buf) > 8 * CHUNK:
                        return None
                    continue
                if buf[j - 1:j] == b"/":
                    return None
                sink.start(_DIM.sub(b"", buf[:j + 1]))
                pos, buf, phase = pos + j + 1, buf[j + 1:], 1
            while phase == 1:
                bound = bounds[len(cuts)]
                if pos + len(buf) <= bound:
                    sink.write(buf)
                    pos, buf = pos + len(buf), b""
                    break
                k = buf.find(b"<row", max(0, bound - pos))
                while k >= 0 and buf[k + 4:k + 5] not in (b" ", b">", b""):
                    k = buf.find(b"<row", k + 4)
                if k < 0 or len(buf) - k < 512:
                    if len(buf) > 8 * CHUNK:
                        return None
                    break
                m = _ROW_R.match(buf, k)
                if m is None:
                    return None
                row = int(m.group(1)) - 1
                if row <= (cuts[-1] if cuts else 0):
                    return None
                sink.write(buf[:k])
                sink.cut(b"</sheetData></worksheet>", row)
                cuts.append(row)
                pos, buf = pos + k, buf[k:]
                if len(cuts) == len(bounds):
                    sink.write(buf)
                    pos, buf, phase = pos + len(buf), b"", 2
    if phase == 1 and cuts:
        sink.write(buf)  # the sheet ended before the last bound: the last part takes the rest
    return cuts if phase and cuts else None


def iter_split(src: Path, member: str, sheet_name: str, rows_of: Callable[[Any, int], Iterator[list[Any]]],
               offload: Offload | None = None) -> Generator[list[Any], None, None] | None:
    """Rows of a big sheet from parts parsed in parallel; None when the sheet cannot be split.

    ``rows_of(sheet, skip)`` turns a calamine sheet into absolute rows, skipping the first ``skip``.
    ``offload`` may take the last part: the rows then end where that part starts.
    """
    parts = part_count(src, member)
    if offload is not None:
        offload.begin(src, sheet_name)
    pool = _Pool(sheet_name, src, offload, parts - 1)
    try:
        cut = split_package(src, member, scratch_dir(), pool.add, parts,
                            OFFLOAD_SHARE if offload is not None else None)
    except BaseException:
        pool.close()
        raise
    if cut is None or len(pool.parts) < 2:
        pool.close()
        return None
    return _chain(pool, rows_of)


def _chain(pool: _Pool, rows_of: Callable[[Any, int], Iterator[list[Any]]]) -> Generator[list[Any], None, None]:
    parts = pool.parts
    try:
        n = 0
        width = 0
        for part in parts:
            while n < part.start:  # rows between parts that hold no cell
                yield [""] * width
                n += 1
            if part.remote:
                return
            rows = rows_of(part.result(), part.start)
            part.sheet = None  # the iterator holds it; freed once walked
            while batch := list(itertools.islice(rows, 4096)):
                n += len(batch)
                width = len(batch[-1])
                yield from batch
    finally:
        pool.close()
