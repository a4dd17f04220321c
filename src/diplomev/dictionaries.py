r"""Read PETRARCH and TABARI dictionaries into diplomev's knowledge-base and event-pattern formats.

Event-data projects keep actor, agent and verb dictionaries in the plain-text
formats of the TABARI and PETRARCH coders. These readers convert them so the
dictionaries users already maintain can feed diplomev:

* `read_actor_dictionary`: actors (``KANG_KYUNG-WHA_ [KORGOV 170618-210208]``)
  to the ``people``, ``organisations`` and ``countries`` sections of the
  knowledge base (load the result with ``KnowledgeBase.with_entries``);
* `read_agent_dictionary`: agents (``FOREIGN_MINISTER [~GOV]``) to its
  ``words`` (and, for sector codes it does not know, ``sectors``) sections;
* `read_verb_dictionary`: verb blocks and patterns (``--- ACCUSE [112] ---``,
  ``- * + OF CORRUPTION [112]``) to the pattern file format of
  ``diplomev/data/patterns.json``.

Each returns a `Conversion`: the data (plain dicts and lists, ready for
``json.dump``) and the lines that were read but could not be converted, with
the reason. A malformed line raises `DictionaryError` naming the file and the
line, or goes to ``on_error``. Nothing in a file is ever executed.

The supported subset of the syntax is listed on the how-to page "Bring
PETRARCH or TABARI dictionaries"; in short: ``#``, ``;`` and ``<!-- -->``
comments; ``_`` and space-separated phrases; ``+`` synonyms, codes on the
primary line or on indented restriction lines with ``<date``, ``>date`` and
``date-date`` (YYMMDD or YYYYMMDD); agent plurals ``{...}`` and ``!MARKER!``
substitutions; verb blocks with ``{...}`` irregular forms, ``&SYNSET`` sets,
and patterns made of words, ``*`` (the verb), ``+`` (the target, at the end),
``$`` (the source, before the verb), ``^`` (skip) and ``(...)`` / ``{...}``
groups. Not supported (reported in `Conversion.skipped`): words before the
verb, a target inside the phrase or a source after the verb, compound ``%``
slots, ``|`` alternatives, target-only codes ``[:173]``, null codes ``[---]``,
and TABARI's prefix (stem) matching: every word is matched whole.

Examples:
    >>> import io
    >>> text = "KANG_KYUNG-WHA_  [KORGOV 170618-210208]\n+KANG_KYUNG-HWA\n"
    >>> person = read_actor_dictionary(io.StringIO(text)).data["people"][0]
    >>> person["name"], person["aliases"], person["roles"][0]["start"]
    ('Kang Kyung-Wha', ['Kang Kyung-Hwa'], '2017-06-18')

Added in version 0.1.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, TextIO

import attrs
import regex

from diplomev import taxonomy
from diplomev._data import load_json
from diplomev._iso import ISO3
from diplomev.errors import ConfigError

__all__ = [
    "Conversion",
    "DictionaryError",
    "Skipped",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "read_verb_dictionary",
]

Source = str | os.PathLike[str] | TextIO

MAX_PHRASES = 512
"""A pattern whose synsets expand to more phrases than this is skipped."""

YEAR_PIVOT = 30
"""Two-digit years up to this one are 20YY, later ones 19YY (``450703`` is 1945-07-03)."""

SECTOR_ROLES: Mapping[str, str] = {
    "GOV": "government",
    "ELI": "elite",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "SPY": "intelligence",
    "PTY": "party",
    "OPP": "opposition",
    "REB": "rebel",
    "INS": "insurgent",
    "BUS": "business",
    "MED": "media",
    "CVL": "civilian",
    "EDU": "education",
    "LAB": "labour",
    "HRI": "human_rights",
    "IGO": "international_official",
    "NGO": "ngo",
}
"""The knowledge-base role key given to a dated actor code's sector (others: the code in lower case)."""

SECTOR_NAMES: Mapping[str, str] = {
    "AGR": "agriculture",
    "CRM": "criminals",
    "DEV": "development",
    "ELI": "elites",
    "ENV": "environment",
    "HLH": "health",
    "HRI": "human rights",
    "INS": "insurgents",
    "MNC": "multinational corporations",
    "MOD": "moderates",
    "NGM": "non-governmental movements",
    "RAD": "radicals",
    "SEP": "separatists",
    "SET": "settlers",
    "UAF": "unaligned armed forces",
}
"""Names for CAMEO sector codes that diplomev's packaged sectors lack, used when an agent dictionary needs them."""

_TITLE_ENDINGS = ("ER", "OR", "IST", "ANT", "ENT", "MAN", "MEN", "IAN", "ARY", "AL", "CHIEF", "HEAD", "KING", "QUEEN")
_BODY_ENDINGS = ("MENT", "MENTS", "ISM")
_ORGANISATION_KINDS = {"NGO": "ngo", "MED": "media"}

_BRACKET = regex.compile(r"\[([^\[\]]*)\]")
_BRACE = regex.compile(r"\{([^{}]*)\}")
_CODE = regex.compile(r"~?[A-Za-z0-9]+~?|---")
_DATE = regex.compile(r"\d{6}|\d{8}")
_MARKER = regex.compile(r"!([A-Za-z0-9_]+)!")
_WORD = regex.compile(r"[A-Za-z0-9][A-Za-z0-9'.,/&-]*")


class DictionaryError(ConfigError):
    """A line of a dictionary file is malformed.

    Attributes:
        path: The file (or the name given for a stream).
        line: The 1-based line number.
        reason: The message without the location prefix.
    """

    def __init__(self, reason: str, *, path: str, line: int) -> None:
        """Create the error; the location is prefixed to the message."""
        super().__init__(f"{path}:{line}: {reason}")
        self.reason = reason
        self.path = path
        self.line = line


ErrorHandler = Callable[[DictionaryError], None]


@attrs.frozen
class Skipped:
    """A line that was read but not converted, and why."""

    path: str
    line: int
    text: str
    reason: str


@attrs.frozen
class Conversion:
    """What a dictionary reader produced.

    Attributes:
        data: The converted entries, as plain dicts and lists in diplomev's
            JSON format (a knowledge-base mapping or a pattern file).
        skipped: The lines that were read but not converted, with the reason.
    """

    data: dict[str, Any]
    skipped: tuple[Skipped, ...] = ()

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write `data` as a JSON file, ready for ``KnowledgeBase.with_entries`` or ``PatternSet.from_file``."""
        import json  # noqa: PLC0415 - only needed here

        Path(path).write_text(json.dumps(self.data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- reading lines


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _strip_comments(line: str) -> str:
    """Remove ``<!-- ... -->`` comments, then everything after ``#`` or ``;`` (linear time)."""
    parts = []
    pos = 0
    while True:
        start = line.find("<!--", pos)
        if start < 0:
            parts.append(line[pos:])
            break
        parts.append(line[pos:start])
        end = line.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    text = "".join(parts)
    for mark in ("#", ";"):
        cut = text.find(mark)
        if cut >= 0:
            text = text[:cut]
    return text.rstrip()


def _block_header(text: str, fence: str) -> tuple[str, str | None] | None:
    """Parse ``--- NAME [CODE] ---`` (or ``### NAME ###``) into (name, code spec); None if it is not one."""
    if len(text) < 6 or not text.startswith(fence) or not text.endswith(fence):
        return None
    inner = text.strip(fence[0]).strip()
    spec = None
    open_ = inner.find("[")
    if open_ >= 0 and inner.endswith("]"):
        spec = inner[open_ + 1 : -1]
        inner = inner[:open_].strip()
    return inner, spec


def _raw_lines(source: Source, name: str | None) -> tuple[str, Iterator[str]]:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)

        def read() -> Iterator[str]:
            try:
                with path.open("rb") as fh:
                    for raw in fh:
                        yield _decode(raw)
            except OSError as err:
                msg = f"{path}: cannot read the dictionary: {err.strerror or err}"
                raise ConfigError(msg) from err

        return name or str(path), read()
    return name or getattr(source, "name", None) or "<stream>", iter(source)


def _lines(source: Source, name: str | None) -> tuple[str, Iterator[tuple[int, str, str]]]:
    """Return the file's name and its (number, line without comments, original line), streaming."""
    where, raw_lines = _raw_lines(source, name)

    def clean() -> Iterator[tuple[int, str, str]]:
        in_comment = False
        for number, original in enumerate(raw_lines, 1):
            line = original.rstrip("\r\n")
            if in_comment:
                end = line.find("-->")
                if end < 0:
                    continue
                line = line[end + 3 :]
                in_comment = False
            start = line.find("<!--")
            if start >= 0 and line.find("-->", start) < 0:
                line = line[:start]
                in_comment = True
            yield number, _strip_comments(line), original.rstrip("\r\n")

    return where, clean()


class _Reporter:
    def __init__(self, path: str, on_error: ErrorHandler | None) -> None:
        self.path = path
        self.on_error = on_error
        self.skipped: list[Skipped] = []

    def error(self, line: int, reason: str) -> None:
        err = DictionaryError(reason, path=self.path, line=line)
        if self.on_error is None:
            raise err
        self.on_error(err)

    def skip(self, line: int, text: str, reason: str) -> None:
        self.skipped.append(Skipped(self.path, line, text.strip(), reason))


# --------------------------------------------------------------------------- phrases and codes


def _words(phrase: str) -> list[str]:
    return [w for w in phrase.replace("_", " ").split() if w]


def _title(word: str) -> str:
    out = []
    cap = True
    for char in word:
        out.append(char.upper() if cap else char.lower())
        cap = char in "-'"
    return "".join(out)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) <= 3:
        return True
    vowels = sum(c in "AEIOUaeiou" for c in letters)
    return len(letters) <= 5 and vowels <= 1 and word.capitalize().casefold() not in _known_names()


def _display(phrase: str) -> str:
    words = _words(phrase)
    if len(words) == 1 and words[0].isupper() and _is_acronym(words[0]):
        return words[0]
    return " ".join(_title(w) for w in words)


def _check_brackets(line: str) -> str | None:
    for open_, close in ("[]", "{}", "()"):
        depth = 0
        for char in line:
            if char == open_:
                depth += 1
            elif char == close:
                depth -= 1
            if depth < 0 or depth > 1:
                return f"unbalanced {open_}{close} brackets"
        if depth:
            return f"unbalanced {open_}{close} brackets"
    return None


def _year(text: str) -> int:
    if len(text) == 2:
        yy = int(text)
        return 2000 + yy if yy <= YEAR_PIVOT else 1900 + yy
    return int(text)


def _date(text: str) -> dt.date:
    if not _DATE.fullmatch(text):
        msg = f"expected a date YYMMDD or YYYYMMDD, got {text!r}"
        raise ValueError(msg)
    year = _year(text[:-4])
    return dt.date(year, int(text[-4:-2]), int(text[-2:]))


@attrs.frozen
class _Code:
    code: str
    start: dt.date | None
    end: dt.date | None
    dated: bool


def _code(spec: str) -> _Code | None:
    """Parse ``KORGOV 170618-210208`` (or ``<date``, ``>date``, no restriction); None for a null code."""
    parts = spec.split(None, 1)
    if not parts or not _CODE.fullmatch(parts[0]):
        msg = f"expected [CODE] or [CODE restriction], got [{spec}]"
        raise ValueError(msg)
    code = parts[0].strip("~").upper()
    restriction = parts[1].strip() if len(parts) > 1 else ""
    if code == "---":
        return None
    if not restriction:
        return _Code(code, None, None, dated=False)
    if restriction.startswith("<"):
        return _Code(code, None, _date(restriction[1:].strip()), dated=True)
    if restriction.startswith(">"):
        return _Code(code, _date(restriction[1:].strip()), None, dated=True)
    first, sep, second = restriction.partition("-")
    if not sep:
        msg = f"expected a restriction <date, >date or date-date, got {restriction!r}"
        raise ValueError(msg)
    start, end = _date(first.strip()), _date(second.strip())
    if end < start:
        msg = f"the restriction ends before it starts: {restriction!r}"
        raise ValueError(msg)
    return _Code(code, start, end, dated=True)


def _split_code(code: str) -> tuple[str | None, str | None]:
    """Return (country, sector) of an actor code such as ``KORGOV`` or ``IGOUNO``."""
    head, rest = code[:3], code[3:6]
    country = head if head in ISO3 else None
    if country is None:
        return None, head if head.isalpha() else None
    return country, rest if len(rest) == 3 and rest.isalpha() else None


# --------------------------------------------------------------------------- actors


@attrs.define
class _Record:
    line: int
    text: str
    phrases: list[str] = attrs.Factory(list)
    codes: list[_Code] = attrs.Factory(list)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@functools.cache
def _known_countries() -> frozenset[str]:
    return frozenset(entry["iso3"] for entry in load_json("countries.json")["countries"])


@functools.cache
def _known_names() -> frozenset[str]:
    entries = load_json("countries.json")["countries"]
    return frozenset(n.casefold() for e in entries for n in (e["name"], *e.get("names", ()), *e.get("adjectives", ())))


@functools.cache
def _known_sectors() -> frozenset[str]:
    return frozenset(entry["code"] for entry in load_json("sectors.json")["sectors"])


def _role(code: _Code, country: str | None) -> dict[str, Any]:
    role_country, sector = _split_code(code.code)
    role: dict[str, Any] = {
        "role": SECTOR_ROLES.get(sector or "", (sector or code.code).lower()),
        "title": None,
        "start": _iso(code.start),
        "end": _iso(code.end),
    }
    if role_country is not None and role_country != country:
        role["country"] = role_country
    if role_country is None:
        role["organisation"] = code.code[3:] or code.code
    return role


def _person(record: _Record) -> dict[str, Any]:
    names = [_display(p) for p in record.phrases]
    undated = [c for c in record.codes if not c.dated]
    dated = sorted((c for c in record.codes if c.dated), key=lambda c: (c.start or dt.date.min, c.end or dt.date.max))
    country, sector = _split_code(undated[0].code) if undated else (None, None)
    if country is None:
        country = next((c for c, _ in (_split_code(code.code) for code in reversed(dated)) if c is not None), None)
    person: dict[str, Any] = {
        "name": names[0],
        "aliases": list(dict.fromkeys(n for n in names[1:] if n != names[0])),
        "country": country,
        "roles": [_role(c, country) for c in dated],
    }
    if sector is not None and sector.isupper():
        person["sector"] = sector
    return person


def _organisation(record: _Record) -> dict[str, Any]:
    names = [_display(p) for p in record.phrases]
    code = record.codes[0].code
    country, sector = _split_code(code)
    org: dict[str, Any] = {
        "name": names[0],
        "code": code,
        "aliases": list(dict.fromkeys(n for n in names[1:] if n != names[0])),
        "sector": sector or "IGO",
        "kind": _ORGANISATION_KINDS.get(sector or "", "organisation"),
    }
    if country is not None:
        org["country"] = country
    return org


def _country(record: _Record) -> dict[str, Any]:
    iso3 = record.codes[0].code
    names = list(dict.fromkeys(_display(p) for p in record.phrases))
    if iso3 in _known_countries():
        return {"iso3": iso3, "merge": True, "names": names}
    return {"iso3": iso3, "name": names[0], "names": names}


def _finish(record: _Record | None, out: dict[str, list[dict[str, Any]]], report: _Reporter, undated: str) -> None:
    if record is None:
        return
    codes = record.codes
    if not codes:
        report.skip(record.line, record.text, "no code: the entry codes nothing")
        return
    if any(c.dated for c in codes) or (undated == "person" and _split_code(codes[0].code)[0] is not None):
        if len(codes) == 1 and codes[0].code in ISO3:
            out["countries"].append(_country(record))
        else:
            out["people"].append(_person(record))
    elif len(codes[0].code) == 3 and codes[0].code in ISO3:
        out["countries"].append(_country(record))
    else:
        out["organisations"].append(_organisation(record))
    if len({c.code for c in codes if not c.dated}) > 1:
        report.skip(record.line, record.text, "several undated codes: only the first is used")


def read_actor_dictionary(
    source: Source,
    *,
    name: str | None = None,
    undated: Literal["organisation", "person"] = "organisation",
    on_error: ErrorHandler | None = None,
) -> Conversion:
    """Convert a PETRARCH or TABARI actor dictionary into knowledge-base entries.

    Each record is a primary phrase with optional ``+`` synonyms and codes,
    either on the primary line (TABARI) or on indented lines (PETRARCH):

    * a record whose only code is a country (``AFGHANISTAN_ [AFG]``) adds its
      phrases as names of that country (merged into the packaged entry);
    * a record with dated codes (``[KORGOV 170618-210208]``) is a person,
      each dated code a role whose key is the sector's (`SECTOR_ROLES`:
      ``GOV`` -> ``government``); the undated code, if any, gives the
      person's country and sector;
    * any other record is an organisation with its code (``[IGOUNO]``,
      ``[PRKMED]``), or a person when ``undated="person"`` and the code
      starts with a country.

    Names are title-cased from the upper-case dictionary form
    (``KANG_KYUNG-WHA_`` -> ``Kang Kyung-Wha``), except one-word acronyms
    (three letters or fewer, or up to five with at most one vowel and not a
    country name: ``AU``, ``KCNA``): review them. A person's country is that
    of the undated code, else of the latest dated code naming a country; the
    person's sector comes from the undated code only (roles carry the rest).

    Args:
        source: A path, or an open text stream.
        name: The name used in messages (default: the path).
        undated: What a record with only undated ``country + sector`` codes is.
        on_error: Called with the error for a malformed line, after which
            reading goes on; without it the first one raises.

    Returns:
        The ``people``, ``organisations`` and ``countries`` sections.

    Raises:
        DictionaryError: For a malformed line, naming the file and line.
        ConfigError: If the file cannot be read.
    """
    where, lines = _lines(source, name)
    report = _Reporter(where, on_error)
    out: dict[str, list[dict[str, Any]]] = {"people": [], "organisations": [], "countries": []}
    record: _Record | None = None
    for number, line, original in lines:
        text = line.strip()
        if not text:
            continue
        problem = _check_brackets(text)
        if problem is not None:
            report.error(number, problem)
            continue
        try:
            codes = [c for c in (_code(spec) for spec in _BRACKET.findall(text)) if c is not None]
        except ValueError as err:
            report.error(number, str(err))
            continue
        phrase = _BRACE.sub(" ", _BRACKET.sub(" ", text)).strip()
        if text.startswith("["):
            if record is None:
                report.error(number, "a code line before any actor")
                continue
            record.codes.extend(codes)
            continue
        if phrase.startswith("+"):
            if record is None:
                report.error(number, "a synonym (+) before any actor")
                continue
            phrase = phrase[1:]
        else:
            _finish(record, out, report, undated)
            record = _Record(number, original)
        if not _words(phrase):
            report.error(number, "expected an actor phrase")
            continue
        record.phrases.append(phrase)
        record.codes.extend(codes)
    _finish(record, out, report, undated)
    return Conversion({k: v for k, v in out.items() if v}, tuple(report.skipped))


# --------------------------------------------------------------------------- agents


def _plural(word: str) -> str:
    upper = word.upper()
    if upper.endswith("Y") and upper[-2:-1] not in ("A", "E", "I", "O", "U"):
        return word[:-1] + ("ies" if word.islower() else "IES")
    if upper.endswith(("S", "X", "Z", "CH", "SH")):
        return word + ("es" if word.islower() else "ES")
    return word + ("s" if word.islower() else "S")


def _word_type(phrase: str) -> str:
    last = _words(phrase)[-1].upper()
    singular = last[:-1] if last.endswith("S") and not last.endswith("SS") else last
    if singular.endswith(_BODY_ENDINGS):
        return "body"
    return "title" if singular.endswith(_TITLE_ENDINGS) else "body"


def _forms(phrase: str, markers: Mapping[str, list[str]]) -> list[str]:
    """Expand ``!MARKER!`` substitutions; return the phrases, lower case with single spaces."""
    parts = _MARKER.split(phrase)
    options = [[p] if i % 2 == 0 else markers[p.upper()] for i, p in enumerate(parts)]
    return [" ".join(_words("".join(choice))).lower() for choice in itertools.product(*options)]


def read_agent_dictionary(
    source: Source,
    *,
    name: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Conversion:
    """Convert a PETRARCH or TABARI agent dictionary into knowledge-base sector words.

    ``FOREIGN_MINISTER [~GOVFRM]`` becomes a word ``foreign minister`` with
    the sector ``GOV`` (the code's first three letters, whether the ``~``
    comes before or after it). Plurals are regular unless given in ``{...}``
    (``{}``: none); ``!MARKER! = A, B`` substitutions are expanded, without
    plurals. Whether a word is a ``title`` (it precedes a name: "Foreign
    Minister X") or a ``body`` is guessed from its last word (-er, -or, -ist,
    -ant, -ent, -man, -ian... are titles): review the result. Sector codes
    the packaged knowledge base lacks get a ``sectors`` entry.

    Args:
        source: A path, or an open text stream.
        name: The name used in messages (default: the path).
        on_error: Called with the error for a malformed line, after which
            reading goes on; without it the first one raises.

    Returns:
        The ``words`` section, and ``sectors`` when new codes are used.

    Raises:
        DictionaryError: For a malformed line, naming the file and line.
        ConfigError: If the file cannot be read.
    """
    where, lines = _lines(source, name)
    report = _Reporter(where, on_error)
    markers: dict[str, list[str]] = {}
    words: list[dict[str, Any]] = []
    new_sectors: dict[str, dict[str, Any]] = {}
    for number, line, original in lines:
        text = line.strip()
        if not text:
            continue
        definition = regex.fullmatch(r"!([A-Za-z0-9_]+)!\s*=\s*(.*)", text)
        if definition is not None:
            items = [" ".join(_words(i)) for i in definition.group(2).split(",")]
            if not all(items):
                report.error(number, "a substitution needs a comma-separated list of words")
                continue
            markers[definition.group(1).upper()] = items
            continue
        problem = _check_brackets(text)
        if problem is not None:
            report.error(number, problem)
            continue
        codes = _BRACKET.findall(text)
        if len(codes) != 1:
            report.error(number, "expected one [code] after the agent phrase")
            continue
        try:
            code = _code(codes[0])
        except ValueError as err:
            report.error(number, str(err))
            continue
        plurals = _BRACE.findall(text)
        phrase = _BRACE.sub(" ", _BRACKET.sub(" ", text)).strip()
        unknown = [m for m in _MARKER.findall(phrase) if m.upper() not in markers]
        if unknown:
            report.skip(number, original, f"undefined substitution !{unknown[0]}!")
            continue
        if code is None or not _words(phrase):
            report.skip(number, original, "null code or empty phrase")
            continue
        sector = code.code[:3]
        if not (len(sector) == 3 and sector.isalpha()):
            report.error(number, f"expected a sector code such as ~GOV, got [{codes[0]}]")
            continue
        forms = _forms(phrase, markers)
        has_marker = bool(_MARKER.search(phrase))
        if plurals:
            plural = [" ".join(_words(p)).lower() for p in _words_list(plurals[0])]
        elif has_marker:
            plural = []
        else:
            plural = [" ".join([*f.split()[:-1], _plural(f.split()[-1])]) for f in forms]
        words.append({"forms": forms, "plural": plural, "sector": sector, "type": _word_type(forms[0])})
        if sector not in _known_sectors() and sector not in new_sectors:
            new_sectors[sector] = {"code": sector, "name": SECTOR_NAMES.get(sector, sector.lower()), "kind": "group"}
    data: dict[str, Any] = {"words": words}
    if new_sectors:
        data["sectors"] = list(new_sectors.values())
    return Conversion(data, tuple(report.skipped))


def _words_list(text: str) -> list[str]:
    """The plurals inside ``{...}``: separated by spaces, each with ``_`` between its words."""
    return [p for p in text.split() if p.strip("_")]


# --------------------------------------------------------------------------- verbs


@attrs.define
class _Verb:
    line: int
    words: list[str]
    forms: list[str] | None
    literal: bool
    code: str | None


@attrs.define
class _Block:
    name: str
    line: int
    code: str | None
    verbs: list[_Verb] = attrs.Factory(list)
    patterns: list[tuple[int, str, str]] = attrs.Factory(list)


def _slug(text: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "block"


def _inflections(verb: str) -> frozenset[str]:
    from diplomev.extractors._patterns import inflections  # noqa: PLC0415 - the engine's own verb forms

    return inflections(verb)


def _verb_phrases(verb: _Verb) -> list[str]:
    """The phrase openings a verb stands for: ``{give}`` plus listed forms the inflector does not make."""
    words = [w.lower() for w in verb.words]
    if verb.literal:
        return [" ".join(words)]
    head, rest = words[0], words[1:]
    out = [" ".join([f"{{{head}}}", *rest])]
    made = _inflections(head)
    for form in verb.forms or ():
        form_words = [w.lower() for w in _words(form)]
        if form_words and form_words[0] not in made:
            out.append(" ".join(form_words + rest if len(form_words) == 1 else form_words))
    return out


def _cameo(spec: str) -> tuple[str | None, str | None]:
    """Return (code, reason it cannot be used) for a pattern's ``[...]``."""
    source_code = spec.split(":", 1)[0].strip()
    if not source_code:
        return None, "a target-only code [:...] has no source event"
    if source_code == "---":
        return None, "a null code [---] suppresses coding; diplomev patterns cannot"
    if not taxonomy.is_code(source_code):
        return None, f"{source_code!r} is not a CAMEO event code"
    if taxonomy.lookup(source_code).plover is None:
        return None, f"CAMEO code {source_code} has no PLOVER type"
    return source_code, None


def _synset_token(members: list[str], plurals: bool) -> list[list[str]]:
    """The alternatives a synset stands for, each a list of phrase tokens (one-word members share one token)."""
    singles: list[str] = []
    multi: list[list[str]] = []
    for member in members:
        exact = member.endswith("_")
        words = [w.lower() for w in _words(member)]
        if not words:
            continue
        variants = [words]
        if plurals and not exact:
            variants.append([*words[:-1], _plural(words[-1])])
        for variant in variants:
            if len(variant) == 1:
                singles.append(variant[0])
            else:
                multi.append(variant)
    out = [["|".join(dict.fromkeys(singles))]] if singles else []
    return out + multi


def _pattern_body(
    tokens: list[str], synsets: Mapping[str, tuple[list[str], bool]]
) -> tuple[list[list[list[str]]], list[str]]:
    """Turn the tokens after ``*`` into slots of alternatives and the target prepositions."""
    prep = [""]
    if "+" in tokens:
        at = tokens.index("+")
        if at != len(tokens) - 1:
            msg = "a target (+) followed by more words is not supported"
            raise ValueError(msg)
        tokens = tokens[:at]
        if tokens and _WORD.fullmatch(tokens[-1]) and "_" not in tokens[-1]:
            prep = [tokens[-1].lower()]
            tokens = tokens[:-1]
    slots: list[list[list[str]]] = []
    for part in tokens:
        if part == "^":
            slots.append([["*"]])
        elif part.startswith("&"):
            key = part[1:].upper().rstrip("_")
            if key not in synsets:
                msg = f"undefined synset {part}"
                raise ValueError(msg)
            members, plurals = synsets[key]
            slots.extend([[["*"]], _synset_token(members, plurals)])
        elif part in ("$", "%", "*") or "|" in part:
            msg = f"the token {part!r} after the verb is not supported"
            raise ValueError(msg)
        elif _WORD.fullmatch(part.replace("_", "")):
            slots.extend([[["*"]], [[w.lower() for w in _words(part)]]])
        else:
            msg = f"unsupported part {part!r}"
            raise ValueError(msg)
    return slots, prep


def _phrases(openings: list[str], slots: list[list[list[str]]]) -> list[str]:
    out: list[str] = []
    for opening in openings:
        for choice in itertools.product(*slots):
            tokens = [opening, *(t for alt in choice for t in alt)]
            while tokens and tokens[-1] == "*":
                tokens.pop()
            text = " ".join(t for i, t in enumerate(tokens) if not (t == "*" and tokens[i - 1] == "*"))
            out.append(text)
            if len(out) > MAX_PHRASES:
                msg = f"the pattern expands to more than {MAX_PHRASES} phrases"
                raise ValueError(msg)
    return list(dict.fromkeys(out))


def _convert_block(
    block: _Block,
    synsets: Mapping[str, tuple[list[str], bool]],
    prefix: str,
    report: _Reporter,
) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    slug = _slug(block.name)
    by_code: dict[str, list[str]] = {}
    for verb in block.verbs:
        code = verb.code or block.code
        if code is None:
            continue
        cameo, reason = _cameo(code)
        if cameo is None:
            report.skip(verb.line, " ".join(verb.words), f"verb code: {reason}")
            continue
        by_code.setdefault(cameo, []).extend(_verb_phrases(verb))
    for cameo, phrases in by_code.items():
        patterns.append(
            {
                "id": f"{prefix}.{slug}.verb.{cameo}",
                "cameo": cameo,
                "kind": "verb",
                "phrases": list(dict.fromkeys(phrases)),
                "target_preps": [""],
                "symmetric": False,
            }
        )
    openings = [p for verb in block.verbs for p in _verb_phrases(verb)]
    for k, (number, body, spec) in enumerate(block.patterns, 1):
        cameo, reason = _cameo(spec)
        if cameo is None:
            report.skip(number, f"- {body} [{spec}]", reason or "")
            continue
        tokens = body.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split()
        if "*" not in tokens:
            report.skip(number, f"- {body} [{spec}]", "the pattern has no verb position (*)")
            continue
        at = tokens.index("*")
        if any(t != "$" for t in tokens[:at]):
            report.skip(number, f"- {body} [{spec}]", "words before the verb are not supported")
            continue
        try:
            slots, preps = _pattern_body(tokens[at + 1 :], synsets)
            phrases = _phrases(openings, slots)
        except ValueError as err:
            report.skip(number, f"- {body} [{spec}]", str(err))
            continue
        note = spec.split(":", 1)
        if len(note) > 1 and note[1].strip() and note[1].strip() != cameo:
            report.skip(number, f"- {body} [{spec}]", "the target's code after ':' is ignored (pattern kept)")
        patterns.append(
            {
                "id": f"{prefix}.{slug}.{k}",
                "cameo": cameo,
                "kind": "verb",
                "phrases": phrases,
                "target_preps": preps,
                "symmetric": False,
            }
        )
    return patterns


def _verb_line(number: str | int, text: str) -> _Verb:
    literal = text.startswith("+")
    body = text[1:] if literal else text
    braces = _BRACE.findall(body)
    codes = _BRACKET.findall(body)
    phrase = _BRACE.sub(" ", _BRACKET.sub(" ", body)).strip()
    words = _words(phrase)
    if not words or not all(_WORD.fullmatch(w) for w in words):
        msg = f"expected a verb such as GIVE {{GAVE GIVEN}} [070], got {text!r}"
        raise ValueError(msg)
    forms = braces[0].split() if braces else None
    if forms is not None and not forms and braces:
        literal = True
    code = codes[0].strip() if codes else None
    return _Verb(int(number), words, forms, literal, code)


def read_verb_dictionary(
    source: Source,
    *,
    name: str | None = None,
    id_prefix: str = "dict",
    on_error: ErrorHandler | None = None,
) -> Conversion:
    """Convert a PETRARCH or TABARI verb dictionary into diplomev event patterns.

    Verbs of a block share its patterns; a verb line after patterns starts a
    new block (TABARI style). Each pattern ``- * WORDS [code]`` becomes a
    diplomev verb pattern whose phrases are ``{verb} * words`` for every verb
    of the block: a space between dictionary words allows up to three words
    in between (``*``), ``_`` keeps them adjacent, a synset becomes its
    members (one-word members as ``a|b|c``, with plurals unless marked
    ``_``), and a final ``WORD +`` makes ``WORD`` the word that introduces
    the target. A verb with a code (its own or the block's) also becomes a
    pattern of its own. Codes without a PLOVER type (01x, 09x) and the
    unsupported syntax listed in the module docstring are reported in
    `Conversion.skipped`.

    Args:
        source: A path, or an open text stream.
        name: The name used in messages (default: the path).
        id_prefix: The start of each pattern id (``dict.accuse.1``).
        on_error: Called with the error for a malformed line, after which
            reading goes on; without it the first one raises.

    Returns:
        A pattern file: ``{"source": ..., "patterns": [...]}``.

    Raises:
        DictionaryError: For a malformed line, naming the file and line.
        ConfigError: If the file cannot be read.
    """
    where, lines = _lines(source, name)
    report = _Reporter(where, on_error)
    synsets: dict[str, tuple[list[str], bool]] = {}
    blocks: list[_Block] = []
    synset: str | None = None
    block: _Block | None = None
    for number, line, original in lines:
        text = line.strip()
        header = _block_header(text, "---") or _block_header(original.strip(), "###")
        if not text and header is None:
            synset = None
            continue
        if header is not None:
            synset = None
            block = _Block(header[0] or "block", number, _block_code(header[1]))
            blocks.append(block)
            continue
        problem = _check_brackets(text)
        if problem is not None:
            report.error(number, problem)
            continue
        if text.startswith("&"):
            label = text[1:]
            if not regex.fullmatch(r"[A-Za-z0-9_]+", label):
                report.error(number, f"expected a synset name such as &CURRENCY, got {text!r}")
                continue
            synset = label.upper().rstrip("_")
            synsets[synset] = ([], not label.endswith("_"))
            continue
        if text.startswith("+") and synset is not None:
            synsets[synset][0].append(text[1:].strip())
            continue
        synset = None
        if text.startswith("-"):
            if block is None or not block.verbs:
                report.error(number, "a pattern before any verb")
                continue
            codes = _BRACKET.findall(text)
            if len(codes) != 1 or not text.endswith("]"):
                report.error(number, "expected a pattern such as - * WORDS [code]")
                continue
            block.patterns.append((number, _BRACKET.sub(" ", text[1:]).strip(), codes[0].strip()))
            continue
        try:
            verb = _verb_line(number, text)
        except ValueError as err:
            report.error(number, str(err))
            continue
        if block is None or block.patterns:
            block = _Block(" ".join(verb.words), number, None)
            blocks.append(block)
        block.verbs.append(verb)
    patterns = [p for b in blocks for p in _convert_block(b, synsets, id_prefix, report)]
    data = {"source": f"converted from {where} by diplomev.dictionaries.read_verb_dictionary", "patterns": patterns}
    return Conversion(data, tuple(report.skipped))


def _block_code(spec: str | None) -> str | None:
    if spec is None or spec.strip() in ("", "---"):
        return None
    return spec.strip()
