"""Compact column storage for a million validated rows: strings packed per block, interned codes."""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate

BLOCK = 8192


class PackedStrings:
    """An append-only list of str stored as one joined str + end offsets per block of BLOCK items.

    1M short names take ~20-40 MB this way instead of ~80-100 MB as separate str objects. Another list's
    items appended whole (``extend_packed``) may stay a list of their own, a tail from index ``_head`` on.
    """

    __slots__ = ("_blocks", "_ends", "_pending", "_len", "_head", "_tail")

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._ends: list[array[int]] = []
        self._pending: list[str] = []
        self._len = 0
        self._head = 0
        self._tail: PackedStrings | None = None

    def extend(self, items: Iterable[str]) -> None:
        if self._tail is not None:
            self._tail.extend(items)
            self._len = self._head + len(self._tail)
            return
        pending = self._pending
        pending.extend(items)
        while len(pending) >= BLOCK:
            self._seal(pending[:BLOCK])
            del pending[:BLOCK]
        self._len = len(self._blocks) * BLOCK + len(pending)

    def append(self, item: str) -> None:
        self.extend((item,))

    def extend_packed(self, other: PackedStrings) -> None:
        """``extend(other)`` without an object per item (what merging a child process's columns needs):
        ``other``'s blocks are moved here, or, when this list's last block is partly filled, ``other``
        becomes this list's tail (taken over: not to be changed by its giver)."""
        if self._tail is not None:
            self._tail.extend_packed(other)
            self._len = self._head + len(self._tail)
        elif not other._blocks or other._tail is not None:
            self.extend(other)
        elif not self._pending:
            self._blocks.extend(other._blocks)
            self._ends.extend(other._ends)
            self.extend(other._pending)
        else:
            self._head, self._tail = self._len, other
            self._len += len(other)

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
        if self._tail is not None and i >= self._head:
            return self._tail[i - self._head]
        b, j = divmod(i, BLOCK)
        if b == len(self._blocks):
            return self._pending[j]
        ends = self._ends[b]
        return self._blocks[b][ends[j - 1] if j else 0:ends[j]]

    def __iter__(self) -> Iterator[str]:
        # chained and sliced at C level, a block at a time: no Python frame per item
        return itertools.chain(itertools.chain.from_iterable(map(_block_items, self._blocks, self._ends)),
                               list(self._pending), self._tail if self._tail is not None else ())


def _block_items(block: str, ends: array[int]) -> list[str]:
    starts = [0, *ends[:-1]]
    return list(map(block.__getitem__, map(slice, starts, ends)))


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
