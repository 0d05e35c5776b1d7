"""Compact column storage for a million validated rows: strings packed per block, interned codes."""

from __future__ import annotations

import itertools
import operator
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate

BLOCK = 8192


class PackedStrings:
    """An append-only list of str stored as one joined str + end offsets per block of BLOCK items.

    1M short names take ~20-40 MB this way instead of ~80-100 MB as separate str objects.
    """

    __slots__ = ("_blocks", "_ends", "_pending", "_len")

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._ends: list[array[int]] = []
        self._pending: list[str] = []
        self._len = 0

    def extend(self, items: Iterable[str]) -> None:
        pending = self._pending
        pending.extend(items)
        while len(pending) >= BLOCK:
            self._seal(pending[:BLOCK])
            del pending[:BLOCK]
        self._len = len(self._blocks) * BLOCK + len(pending)

    def append(self, item: str) -> None:
        self.extend((item,))

    def extend_packed(self, other: PackedStrings) -> None:
        """``extend(other)`` without an object per item: whole blocks are moved, or cut and joined anew
        when this list's last block is partly filled (what merging a child process's columns needs)."""
        if not other._blocks:
            self.extend(other._pending)
            return
        k = (BLOCK - len(self._pending)) % BLOCK  # other's items that complete this list's open block
        if k == 0:
            self._blocks.extend(other._blocks)
            self._ends.extend(other._ends)
        else:
            self.extend(_items(other._blocks[0], other._ends[0], 0, k))
            for (a, ea), (b, eb) in itertools.pairwise(zip(other._blocks, other._ends, strict=True)):
                sa, sb = ea[k - 1], eb[k - 1]
                ends = array("I", map(operator.sub, ea[k:], itertools.repeat(sa)))
                ends.extend(map(operator.add, eb[:k], itertools.repeat(len(a) - sa)))
                self._blocks.append(a[sa:] + b[:sb])
                self._ends.append(ends)
            self._pending.extend(_items(other._blocks[-1], other._ends[-1], k, BLOCK))
        self.extend(other._pending)

    def _seal(self, items: list[str]) -> None:
        self._blocks.append("".join(items))
        self._ends.append(array("I", accumulate(map(len, items))))

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        b, j = divmod(i, BLOCK)
        if b == len(self._blocks):
            return self._pending[j]
        ends = self._ends[b]
        return self._blocks[b][ends[j - 1] if j else 0:ends[j]]

    def __iter__(self) -> Iterator[str]:
        # chained and sliced at C level, a block at a time: no Python frame per item
        return itertools.chain(itertools.chain.from_iterable(map(_block_items, self._blocks, self._ends)),
                               list(self._pending))


def _block_items(block: str, ends: array[int]) -> list[str]:
    return _items(block, ends, 0, len(ends))


def _items(block: str, ends: array[int], lo: int, hi: int) -> list[str]:
    starts = [ends[lo - 1] if lo else 0, *ends[lo:hi - 1]]
    return list(map(block.__getitem__, map(slice, starts, ends[lo:hi])))


class Interner:
    """Short codes for repeated strings (reasons, messages): index 0 is ''."""

    __slots__ = ("values", "_index")

    def __init__(self) -> None:
        self.values: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def code(self, value: str) -> int:
        found = self._index.get(value)
        if found is None:
            found = self._index[value] = len(self.values)
            self.values.append(value)
        return found
