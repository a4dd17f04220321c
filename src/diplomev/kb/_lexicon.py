"""Tokens and the token trie over every name, alias, title and sector word of a knowledge base.

Matching walks the trie from each token, so its cost depends on the length
of the longest phrase, never on how many phrases the knowledge base holds.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from diplomev.kb._records import Organisation, Person, SectorWord

__all__ = ["Lexeme", "Lexicon", "normalise", "tokenise"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_QUOTES = {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'}
_END = "\0"

KINDS = (
    "country",
    "adjective",
    "metonym",
    "city",
    "region",
    "organisation",
    "person",
    "surname",
    "sector",
    "modifier",
    "honorific",
)
"""The kinds of lexeme, in the order their readings are preferred."""


def tokenise(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int], list[str]]:
    """Split ``text[start:end]`` into word and punctuation tokens.

    Words are runs of letters and digits; every other non-space character is
    a token of its own, so "Kyung-wha" is three tokens and "Seoul's" is
    "Seoul", "'", "s". The pattern is linear in the length of the text.

    Returns:
        The start offsets, end offsets and texts of the tokens.

    Examples:
        >>> tokenise("S. Korea's envoy")[2]
        ['S', '.', 'Korea', "'", 's', 'envoy']
        >>> tokenise("  in Seoul", 1)
        ([2, 5], [4, 10], ['in', 'Seoul'])
    """
    if start or end is not None:  # the bounds of ``Pattern.finditer(text, start, end)``
        size = len(text)
        start = min(max(start, 0), size)
        text = text[start : size if end is None else min(max(end, 0), size)]
    # split gives the gaps and the tokens in turn: their lengths add up to the offsets, all without a Python loop
    parts = _SPLIT.split(text)
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    return offsets[1:-1:2], offsets[2::2], parts[1::2]


@functools.lru_cache(maxsize=1 << 16)
def normalise(token: str) -> str:
    """Return the matching key of a token: case-folded, without accents, with straight quotes.

    Examples:
        >>> normalise("Fernández"), normalise("\u2019")
        ('fernandez', "'")
    """
    if token.isascii():
        return token.lower()
    folded = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c)).casefold()
    return _QUOTES.get(folded, folded)


class _Keys(dict[str, str]):
    """The keys of the tokens seen before; an unseen token's key is computed and kept, up to a bound."""

    limit = 1 << 16

    def __missing__(self, token: str) -> str:
        if len(self) >= self.limit:
            self.clear()  # bounded memory, whatever the texts
        key = self[token] = normalise(token)
        return key


_KEYS = _Keys()


def normalise_all(tokens: Iterable[str]) -> list[str]:
    """Return the `normalise` key of each token; a token seen before costs one dictionary look-up in C.

    Examples:
        >>> normalise_all(["Fernández", "\u2019", "Fernández"])
        ['fernandez', "'", 'fernandez']
    """
    return list(map(_KEYS.__getitem__, tokens))


def _case(token: str) -> int:
    """0: any case; 1: must start with a capital; 2: must be all capitals."""
    if token.isascii() and token.isalpha():  # the common case: every character a cased letter
        if not token[0].isupper():
            return 0
        return 2 if len(token) >= 2 and token.isupper() else 1
    letters = [c for c in token if c.isalpha()]
    if not letters or not token[0].isupper():
        return 0
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 2
    return 1


@attrs.frozen(kw_only=True)
class Lexeme:
    """One reading of a phrase of the knowledge base.

    Attributes:
        kind: One of "country", "adjective", "metonym", "city", "region", "organisation",
            "person", "surname", "sector", "modifier", "honorific".
        form: The phrase as written in the knowledge base.
        iso3: The country, for countries, adjectives, metonyms, cities, regions and
            national organisations.
        organisation: The organisation, for organisations.
        person: The person, for a full name or alias.
        people: The people with this surname, for surnames.
        word: The sector word, for sector words.
        plural: Whether the form is plural ("firms", "Americans").
        blocking: For modifiers: whether it changes who holds a title ("former", "vice").
        case: Per token of the form: 0 any case, 1 capital initial, 2 all capitals.
    """

    kind: str
    form: str
    iso3: str | None = None
    organisation: Organisation | None = None
    person: Person | None = None
    people: tuple[Person, ...] = ()
    word: SectorWord | None = None
    plural: bool = False
    blocking: bool = False
    case: tuple[int, ...] = ()

    def fits(self, texts: Sequence[str], at: int) -> bool:
        """Return whether the tokens of *texts* from *at* have the capitals this reading needs."""
        for n, c in enumerate(self.case):  # 0: any case, 1: a capital initial, else all capitals
            if c == 1:
                if not texts[at + n][:1].isupper():
                    return False
            elif c and not texts[at + n].isupper():
                return False
        return True


class Lexicon:
    """A token trie from phrases to their readings (`Lexeme`).

    Keys are the normalised tokens of each phrase; a phrase found in a text
    must also have the capitals of its entry ("US" but not "us", "Moon" but
    not "moon"), except for sector words and modifiers, which match in any
    case.

    Examples:
        >>> lex = Lexicon()
        >>> lex.add("South Korea", Lexeme(kind="country", form="South Korea", iso3="KOR"))
        >>> starts, ends, texts = tokenise("talks with South Korea today")
        >>> end, readings = lex.match([normalise(t) for t in texts], texts, 2)
        >>> end, readings[0].iso3
        (4, 'KOR')
    """

    def __init__(self) -> None:
        """Create an empty lexicon."""
        self._root: dict[str, Any] = {}
        self.size = 0
        """The number of (phrase, reading) entries."""

    def add(self, phrase: str, lexeme: Lexeme, *, proper: bool = True) -> None:
        """Add a reading of *phrase*; *proper* phrases must match their capitals."""
        texts = tokenise(phrase)[2]
        if not texts or any(_END in t for t in texts):
            return  # a phrase holding the end marker (NUL) could never be told from the end of another
        if proper and not lexeme.case:
            lexeme = attrs.evolve(lexeme, case=tuple(_case(t) for t in texts))
        node = self._root
        for t in texts:
            key = normalise(t)
            child = node.get(key)
            if child is None:  # a new dict only where the trie has none yet
                child = node[key] = {}
            node = child
        readings: tuple[Lexeme, ...] = node.get(_END, ())
        if lexeme not in readings:
            node[_END] = (*readings, lexeme)  # a tuple, handed out as it is when all its readings fit
            self.size += 1

    def match(
        self, keys: Sequence[str], texts: Sequence[str], i: int, hi: int | None = None
    ) -> tuple[int, tuple[Lexeme, ...]] | None:
        """Return the longest phrase starting at token *i* with its fitting readings, or None.

        Args:
            keys: The normalised tokens.
            texts: The tokens as written (for the capitals check).
            i: Where the phrase starts.
            hi: Where the search must stop (default: the end of *keys*).
        """
        hi = len(keys) if hi is None else hi
        node = self._root
        found: list[tuple[int, tuple[Lexeme, ...]]] = []
        j = i
        while j < hi:
            key = keys[j]
            if key == _END:
                break  # a NUL in the text is never part of a phrase (and is the trie's end marker)
            child = node.get(key)
            if child is None:
                break
            node = child
            j += 1
            readings = node.get(_END)
            if readings:
                found.append((j, readings))
        for end, readings in reversed(found):
            fitting = tuple(r for r in readings if r.fits(texts, i))
            if fitting:
                return end, fitting
        return None

    def find(
        self, keys: Sequence[str], texts: Sequence[str], lo: int = 0, hi: int | None = None
    ) -> list[tuple[int, int, tuple[Lexeme, ...]]]:
        """Return the phrases of ``keys[lo:hi]``, longest first from left to right, as ``(start, end, readings)``.

        The same as calling `match` at *lo*, then after each phrase found (or at
        the next token when none is), only faster: a phrase is tried only at
        the tokens with which some phrase begins, found with one dictionary
        look-up per token in C, and the trie walk is inlined.

        Examples:
            >>> lex = Lexicon()
            >>> lex.add("South Korea", Lexeme(kind="country", form="South Korea", iso3="KOR"))
            >>> lex.add("Korea", Lexeme(kind="country", form="Korea", iso3="KOR"))
            >>> texts = tokenise("South Korea and Korea")[2]
            >>> [(i, end) for i, end, _ in lex.find([normalise(t) for t in texts], texts)]
            [(0, 2), (3, 4)]
        """
        hi = len(keys) if hi is None else hi
        root = self._root
        out: list[tuple[int, int, tuple[Lexeme, ...]]] = []
        free = lo  # the first token after the last phrase found
        for i in itertools.compress(itertools.count(lo), map(root.__contains__, keys[lo:hi])):
            if i < free:
                continue
            # the body of `match`: the phrases from token i, longest last
            key = keys[i]
            if key == _END:
                continue
            node = root[key]
            j = i + 1
            readings = node.get(_END)
            found: list[tuple[int, tuple[Lexeme, ...]]] = [(j, readings)] if readings else []
            while j < hi:
                key = keys[j]
                if key == _END:
                    break
                child = node.get(key)
                if child is None:
                    break
                node = child
                j += 1
                readings = node.get(_END)
                if readings:
                    found.append((j, readings))
            while found:
                end, readings = found.pop()
                for r in readings:
                    if r.case and not r.fits(texts, i):
                        readings = tuple(r for r in readings if not r.case or r.fits(texts, i))
                        break
                if readings:
                    out.append((i, end, readings))
                    free = end
                    break
        return out

    def __iter__(self) -> Iterator[Lexeme]:
        """Yield every reading."""
        stack = [self._root]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key == _END:
                    yield from child
                else:
                    stack.append(child)
