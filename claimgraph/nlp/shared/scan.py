"""Many regexes over one text, each finding exactly what its own `finditer` finds, at a fraction of the cost.

Why: Python's `re` tries a pattern at every position of the text unless the pattern starts with a literal it
can look for; a case-insensitive pattern behind a word-boundary look-behind (`(?<![\\w'])(?:may|...)`) never
does, so 30 such patterns over a 2,000-character article are 60,000 attempts, and that per-position cost, not
the patterns, was most of the times component's CPU. `MultiScanner` instead finds, in one pass, the positions
where the patterns' shared opening look-behind holds and the character could start one of them, then tries
each pattern only at the positions whose next few characters can start it (the possible first characters
are worked out from the pattern's parse, as character classes; where they cannot be, the pattern is simply
run with `finditer`). Matches are those of
`pattern.finditer(text, pos, endpos)`: leftmost first, non-overlapping, the same groups; tests/test_speed_scan.py
compares them on real articles.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence

try:  # Python >= 3.11
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

_CATEGORY = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
             _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT)


class _Unknown(Exception):
    """A construct whose first characters are not worked out here: the pattern is run as it is."""


def _char_class(items: list[tuple[object, object]]) -> str:
    """An `IN` node's items as the body of a character class (no negation here)."""
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))  # type: ignore[arg-type]
        elif op is _sre.RANGE:
            lo, hi = av  # type: ignore[misc]
            out.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        elif op is _sre.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        else:
            raise _Unknown(op)
    return "".join(out)


Atom = tuple[bool, str]  # one character: (case-insensitive, body of a character class)
Prefix = tuple[Atom, ...]
_MAX_PREFIXES = 4_000  # past this many distinct prefixes a pattern is run as it is


def _cat(left: set[Prefix], right: set[Prefix], k: int) -> set[Prefix]:
    """Prefixes of a match of `left` followed by one of `right`, cut at `k` characters."""
    out = {p for p in left if len(p) >= k}
    short = [p for p in left if len(p) < k]
    out.update((p + q)[:k] for p in short for q in right)
    if len(out) > _MAX_PREFIXES:
        raise _Unknown("too many prefixes")
    return out


def _prefixes(seq: object, k: int, ignore_case: bool) -> set[Prefix]:
    """The first `k` characters of every match of the sequence, as classes; a prefix shorter than `k` is a
    whole match (what follows the sequence goes on from there)."""
    acc: set[Prefix] = {()}
    for op, av in seq:  # type: ignore[attr-defined]
        if op in _ZERO_WIDTH:
            continue  # a look-around or an anchor consumes nothing (the prefixes only grow: a superset)
        if op is _sre.LITERAL:
            node = {((ignore_case, re.escape(chr(av))),)}
        elif op is _sre.IN:
            negate = bool(av) and av[0][0] is _sre.NEGATE
            node = {((ignore_case, "^" * negate + _char_class(av[negate:])),)}
        elif op is _sre.SUBPATTERN:
            _group, add, delete, sub = av
            if (add | delete) & ~re.IGNORECASE:
                raise _Unknown(op)
            case = True if add & re.IGNORECASE else False if delete & re.IGNORECASE else ignore_case
            node = _prefixes(sub, k, case)
        elif op is _sre.BRANCH:
            node = set().union(*(_prefixes(branch, k, ignore_case) for branch in av[1]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            once = _prefixes(sub, k, ignore_case)
            node, reps = set(), {()}
            for n in range(min(high, low + k) + 1):
                if n >= low:
                    node |= reps
                if all(len(p) >= k for p in reps):
                    node |= reps  # every later repetition, the `low`-th included, opens the same way (cut at k)
                    break
                reps = _cat(reps, once, k)
        elif op is _sre.GROUPREF_EXISTS:  # a conditional: whichever branch the group's presence picks
            _group, yes, no = av
            node = _prefixes(yes, k, ignore_case) | (_prefixes(no, k, ignore_case) if no is not None else {()})
        else:
            raise _Unknown(op)  # any character, a back-reference: not worked out
        acc = _cat(acc, node, k)
        if all(len(p) >= k for p in acc):
            break
    return acc


def prefixes(pattern: re.Pattern[str], k: int) -> set[Prefix] | None:
    """The first `k` characters (as classes) of every match of `pattern`, maybe a few more; None when that is
    not known or the pattern can match the empty string."""
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
        out = _prefixes(parsed, k, bool(parsed.state.flags & re.IGNORECASE))
    except _Unknown:
        return None
    return None if () in out else out


def _atom(atom: Atom) -> str:
    case, body = atom
    return f"(?{'' if case else '-'}i:[{body}])"


def _classes(atoms: list[Atom]) -> str:
    """Characters of the atoms as one character class per case setting: `(?i:[...])|(?-i:[...])`."""
    bodies = {case: "".join(dict.fromkeys(body for c, body in atoms if c == case and not body.startswith("^")))
              for case in (True, False)}
    negated = dict.fromkeys(_atom(a) for a in atoms if a[1].startswith("^"))  # "[^...]" cannot be merged
    return "|".join([_atom((case, body)) for case, body in bodies.items() if body] + list(negated))


_ONE_CHAR_LOOKBEHIND = re.compile(r"\(\?<!\[((?:\\.|[^\]\\])+)\]\)")


def _after_char(lead: str) -> tuple[str, str] | None:
    """(`[^...]`, the rest of the lead) when `lead` opens with a negative look-behind of one character class
    (`(?<![...])`, not itself negated): the class of the character a start follows, and what else must hold there."""
    m = _ONE_CHAR_LOOKBEHIND.match(lead)
    if m is None or m.group(1).startswith("^"):
        return None
    return f"[^{m.group(1)}]", lead[m.end():]


def _opens_with(pattern: re.Pattern[str], lead: str) -> bool:
    """Every match of `pattern` starts where `lead` holds: its parse opens with `lead`'s (not in one branch)."""
    if not pattern.pattern.startswith(lead):
        return False
    head = _parse.parse(lead, pattern.flags).data
    whole = _parse.parse(pattern.pattern, pattern.flags).data
    return len(whole) > len(head) and repr(whole[:len(head)]) == repr(head)


def _lead_holds_alike(flags: int, common: int, lead: str) -> bool:
    """Whether `lead` holds at the same positions under a pattern's `flags` as under the scanner's `common` ones:
    the same flags, or flags that differ only in case-insensitivity and a lead without a letter of its own
    (`(?<![\\w'’])`: `\\w` is every letter whatever the case)."""
    if flags == common:
        return True
    return flags ^ common == re.IGNORECASE and not any(c.isalpha() for c in re.sub(r"\\[wWsSdDbBAZ]", "", lead))


class MultiScanner:
    """Patterns that all start with the same zero-width `lead` (a look-behind), matched as their own
    `finditer` would match them, after one pass over the text for the positions they can start at."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], lead: str = "", width: int = 2) -> None:
        self.patterns = list(patterns)
        self.width = width
        common = Counter(p.flags for p in self.patterns).most_common(1)
        flags = common[0][0] if common else 0
        found = [prefixes(p, width) if _opens_with(p, lead) and _lead_holds_alike(p.flags, flags, lead) else None
                 for p in self.patterns]  # a pattern with other flags than most (bar case): run as it is
        self._plain = [i for i, a in enumerate(found) if a is None]  # run with finditer
        self._indexed = [(i, re.compile("|".join(sorted("".join(map(_atom, q)) for q in a)), p.flags))
                         for i, (p, a) in enumerate(zip(self.patterns, found, strict=True)) if a is not None]
        union = _classes([q[0] for a in found if a is not None for q in a])
        self._starts = re.compile(f"{lead}(?={union})", flags) if self._indexed else None
        # the same positions but the text's first, as the ends of one-character matches: a lead that opens with a
        # one-character look-behind (`(?<![\w'])`) becomes that character, consumed (`[^\w']`), and a pattern that
        # opens with a character class lets `re` skip in C the characters that cannot come before a start (the
        # letters inside words, most of a text) instead of trying the look-behind at each of them
        after = _after_char(lead) if self._indexed else None
        self._after = re.compile(f"{after[0]}{after[1]}(?={union})", flags) if after is not None else None
        self._by_char: dict[str, tuple[int, ...]] = {}

    def _tried(self, key: str) -> tuple[int, ...]:
        """The indexed patterns a match of which can start with `key` (the text's next `width` characters)."""
        out = self._by_char.get(key)
        if out is None:
            if len(self._by_char) > 50_000:
                self._by_char.clear()
            out = self._by_char[key] = tuple(i for i, f in self._indexed if f.match(key))
        return out

    def _candidates(self, text: str, pos: int, end: int) -> list[tuple[int, tuple[int, ...]]]:
        """Each position in text[pos:end] where some pattern may start, with the indexes of the patterns that may
        (memoised by the first `width` characters there), in order; positions where none may are left out."""
        assert self._starts is not None
        tried, width, memo = self._by_char, self.width, self._tried
        if self._after is None:
            ats = [m.start() for m in self._starts.finditer(text, pos, end)]
        else:  # a start after a character (the text's first position has none before it: asked on its own)
            ats = [m.end() for m in self._after.finditer(text, pos - 1 if pos > 0 else 0, end)]
            if pos == 0 < end and self._starts.match(text, 0, end) is not None:
                ats.insert(0, 0)
        # each position's key (its next `width` characters, none past `end`) and its memoised patterns, in C-level
        # loops; a key not seen before is worked out once
        src = text if end >= len(text) else text[:end]
        keys = [src[at:at + width] for at in ats]
        which = list(map(tried.get, keys))
        if None in which:
            which = [memo(key) if w is None else w for key, w in zip(keys, which, strict=True)]
        return [(at, w) for at, w in zip(ats, which, strict=True) if w]

    def searcher(self, text: str, index: int = 0) -> Callable[[int], re.Match[str] | None]:
        """`search(pos)`, giving what `self.patterns[index].search(text, pos)` gives for any `pos`: the positions
        where the pattern can start are found in one pass, then it is tried there only. For a reader that searches
        again from anywhere (inside the last match too), where `find`'s non-overlapping matches do not serve."""
        pattern = self.patterns[index]
        if self._starts is None or index in self._plain:
            return lambda pos: pattern.search(text, pos)
        starts = [at for at, which in self._candidates(text, 0, len(text)) if index in which]

        def search(pos: int) -> re.Match[str] | None:
            for k in range(bisect.bisect_left(starts, pos), len(starts)):
                m = pattern.match(text, starts[k])
                if m is not None:
                    return m
            return None

        return search

    def find(self, text: str, pos: int = 0, endpos: int | None = None) -> list[list[re.Match[str]]]:
        """For each pattern, in order, the list `list(pattern.finditer(text, pos, endpos))` would give."""
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        out: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for i in self._plain:
            out[i] = list(self.patterns[i].finditer(text, pos, end))
        if self._starts is None:
            return out
        patterns = self.patterns
        free = [pos] * len(patterns)  # where each pattern's next match may start (finditer goes on from an end)
        for at, which in self._candidates(text, pos, end):
            for i in which:
                if at < free[i]:
                    continue
                m = patterns[i].match(text, at, end)
                if m is not None:
                    out[i].append(m)
                    free[i] = m.end()  # never empty: a pattern that can match empty is run with finditer
        return out
