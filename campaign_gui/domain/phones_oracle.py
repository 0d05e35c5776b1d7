"""Regex oracles memoised on a digit string's length and first digits, exact by construction."""

from __future__ import annotations

import importlib
import re
from typing import Any

sre_parse: Any = importlib.import_module("re._parser")  # pattern widths (sre_parse before 3.11 names)

MAX_LENGTH = 40


def widen(pattern: str, token: str, literals: bool) -> str:
    """``pattern`` where ``token`` also matches wherever ``\\d`` does (and, if ``literals``, any digit atom).

    With token "X" and literals False, a match of prefix + "XXX" proves every digit completion matches;
    with token "Y" and literals True, no match proves no digit completion does (no backreferences here).
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            pair = pattern[i : i + 2]
            out.append(f"[\\d{token}]" if pair == "\\d" else pair)
            i += 2
        elif char == "[":
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end]
            out.append(f"[{body}{token}]" if literals and not body.startswith("^") else pattern[i : end + 1])
            i = end + 1
        elif char == "{" or (char == "(" and pattern.startswith("(?P<", i)):
            end = pattern.index("}" if char == "{" else ">", i)
            out.append(pattern[i : end + 1])
            i = end + 1
        elif char.isdigit() and literals:
            out.append(f"[{char}{token}]")
            i += 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (``a|(b|c)d`` -> ``["a", "(b|c)d"]``)."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def max_width(pattern: str) -> int:
    return min(int(sre_parse.parse(pattern).getwidth()[1]), MAX_LENGTH)


class PrefixOracle:
    """First alternative (in order) that fully matches a digit string, memoised by length and prefix.

    A (length, first ``depth`` digits) pair is decided once by two probe matches (see ``widen``);
    undecided pairs fall back to the exact regexes, so ``first`` always equals the exact answer.
    """

    __slots__ = ("_all", "_any", "_exact", "depth", "memo")

    def __init__(self, alternatives: list[str], depth: int = 4) -> None:
        self._exact = [re.compile(a) for a in alternatives]
        self._all = [re.compile(widen(a, "X", False)) for a in alternatives]
        self._any = [re.compile(widen(a, "Y", True)) for a in alternatives]
        self.depth = depth
        self.memo: list[dict[str, int]] = [{} for _ in range(MAX_LENGTH + 1)]  # by length: prefix -> index

    def decide(self, digits: str) -> int:
        """Index of the first alternative matching every string of this length and prefix, -1 for none,
        -2 when the prefix does not decide."""
        if len(digits) > MAX_LENGTH:
            return -2
        memo = self.memo[len(digits)]
        key = digits[: self.depth]
        decided = memo.get(key)
        if decided is None:
            decided = memo[key] = self._probe(key, len(digits) - len(key))
        return decided

    def first(self, digits: str) -> int:
        """Index of the first alternative matching ``digits`` entirely, or -1."""
        decided = self.decide(digits)
        if decided > -2:
            return decided
        for index, pattern in enumerate(self._exact):
            if pattern.fullmatch(digits):
                return index
        return -1

    def _probe(self, prefix: str, tail: int) -> int:
        for index, (every, some) in enumerate(zip(self._all, self._any, strict=True)):
            if every.fullmatch(prefix + "X" * tail):
                return index
            if some.fullmatch(prefix + "Y" * tail):
                return -2
        return -1


class PrefixMatcher:
    """``pattern.match(s)`` (its end, or -1) for a pattern that reads a bounded number of characters.

    ``width[c]`` is how many leading characters decide the answer for strings starting with ``c``: the
    widest top-level alternative that can start with ``c`` (the others fail on the first character).
    """

    __slots__ = ("_memo", "_pattern", "width")

    def __init__(self, pattern: str) -> None:
        if any(mark in pattern for mark in ("(?=", "(?!", "(?<", "$", "\\b", "\\Z", "\\B")):
            raise ValueError("pattern looks beyond its match")
        self._pattern = re.compile(pattern)
        self._memo: dict[str, int] = {}
        alternatives = split_alternatives(pattern)
        self.width: dict[str, int] = {}
        for char in "0123456789":
            widths = [0]
            for alternative in alternatives:
                widest = max_width(alternative)
                some = re.compile(widen(alternative, "Y", True))
                empty = int(sre_parse.parse(alternative).getwidth()[0]) == 0
                if empty or any(some.fullmatch(char + "Y" * k) for k in range(widest)):
                    widths.append(widest)
            self.width[char] = max(widths)

    def end(self, digits: str) -> int:
        key = digits[: self.width.get(digits[:1], MAX_LENGTH)]
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            match = self._pattern.match(key)
            found = self._memo[key] = -1 if match is None else match.end()
        return found
