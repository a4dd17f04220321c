"""Reading and validating knowledge-base entries from JSON or TOML mappings.

Packaged data files and user dictionaries share one format and one
validator; every mistake is reported as a `ConfigError` naming the file, the
entry and the field.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import attrs

from diplomev import _json
from diplomev._iso import ISO3
from diplomev.errors import ConfigError
from diplomev.kb._records import Country, Organisation, Person, Region, Role, Sector, SectorWord

__all__ = ["Content", "apply", "read_file"]

SECTIONS = (
    "countries",
    "organisations",
    "people",
    "sectors",
    "words",
    "portfolios",
    "modifiers",
    "blocking_modifiers",
    "honorifics",
)
_ORG_KINDS = ("organisation", "forum", "ngo", "media", "wire", "group")
_WORD_TYPES = ("title", "body")
_GENDERS = ("female", "male")


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@attrs.define
class Content:
    """The entries of a knowledge base, keyed for overriding."""

    countries: dict[str, Country] = attrs.Factory(dict)
    organisations: dict[str, Organisation] = attrs.Factory(dict)
    people: dict[str, Person] = attrs.Factory(dict)
    sectors: dict[str, Sector] = attrs.Factory(dict)
    words: dict[str, SectorWord] = attrs.Factory(dict)
    portfolios: dict[str, str | None] = attrs.Factory(dict)
    modifiers: set[str] = attrs.Factory(set)
    blocking_modifiers: set[str] = attrs.Factory(set)
    honorifics: set[str] = attrs.Factory(set)

    def copy(self) -> Content:
        """Return a copy whose dictionaries and sets can be changed independently."""
        return Content(
            dict(self.countries),
            dict(self.organisations),
            dict(self.people),
            dict(self.sectors),
            dict(self.words),
            dict(self.portfolios),
            set(self.modifiers),
            set(self.blocking_modifiers),
            set(self.honorifics),
        )


class _Entry:
    """One entry of a section, with the helpers that read and check its fields."""

    def __init__(self, origin: str, section: str, index: int, value: object, fields: Sequence[str]) -> None:
        self.where = f"{origin}: {section}[{index}]"
        if not isinstance(value, Mapping):
            raise ConfigError(f"{self.where}: expected an object (a table), got {type(value).__name__}")
        self.value: Mapping[str, Any] = value
        label = value.get("name") or value.get("iso3") or value.get("code")
        if label is None and isinstance(value.get("forms"), list) and value["forms"]:
            label = value["forms"][0]
        if isinstance(label, str):
            self.where += f" ({label!r})"
        unknown = sorted(set(value) - set(fields) - {"merge"})
        if unknown:
            self.fail(unknown[0], f"unknown field; valid fields are {', '.join(fields)}", value[unknown[0]])

    def fail(self, field: str, problem: str, value: object) -> NoReturn:
        raise ConfigError(f"{self.where}: field {field!r}: {problem}, got {value!r}")

    def item(self, where: str, item: object, fields: Sequence[str], expected: str) -> Mapping[str, Any]:
        """Check that *item* of a list field (at *where*) is an object with only *fields*."""
        if not isinstance(item, Mapping):
            self.fail(where, expected, item)
        unknown = sorted(set(item) - set(fields))
        if unknown:
            self.fail(f"{where}.{unknown[0]}", f"unknown field; valid fields are {', '.join(fields)}", item[unknown[0]])
        return item

    @property
    def merge(self) -> bool:
        merge = self.value.get("merge", False)
        if not isinstance(merge, bool):
            self.fail("merge", "expected true or false", merge)
        return bool(merge)

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self.value.get(field)
        if value is None:
            if required:
                self.fail(field, "is required", value)
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "expected a non-empty string", value)
        return str(value).strip()

    def texts(self, field: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.value.get(field)
        if value is None:
            if required:
                self.fail(field, "is required", value)
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(field, "expected a list of non-empty strings", value)
        return tuple(dict.fromkeys(v.strip() for v in value))

    def iso3(self, field: str, value: object = None, *, required: bool = False) -> str | None:
        value = self.value.get(field) if value is None else value
        if value is None:
            if required:
                self.fail(field, "is required", value)
            return None
        if not isinstance(value, str) or value not in ISO3:
            self.fail(field, "expected an ISO 3166-1 alpha-3 code such as 'KOR'", value)
        return str(value)

    def sector(self, field: str, *, required: bool = False) -> str | None:
        value = self.value.get(field)
        if value is None:
            if required:
                self.fail(field, "is required", value)
            return None
        if not (isinstance(value, str) and len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()):
            self.fail(field, "expected a three-letter upper-case sector code such as 'GOV'", value)
        return str(value)

    def choice(self, field: str, options: Sequence[str], default: str | None) -> str | None:
        value = self.value.get(field, default)
        if value is not None and value not in options:
            self.fail(field, f"expected one of {', '.join(repr(o) for o in options)}", value)
        return None if value is None else str(value)


def _date(entry: _Entry, field: str, value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        entry.fail(field, "expected a date without a time of day", value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    entry.fail(field, "expected an ISO date YYYY-MM-DD or null", value)
    return None  # pragma: no cover - fail() raises


def _roles(entry: _Entry) -> tuple[Role, ...]:
    value = entry.value.get("roles", [])
    if not isinstance(value, list):
        entry.fail("roles", "expected a list of role objects", value)
    roles = []
    fields = ("role", "title", "start", "end", "country", "organisation")
    for i, raw in enumerate(value):
        where = f"roles[{i}]"
        item = entry.item(where, raw, fields, "expected an object with role, title, start, end")
        role = item.get("role")
        if not isinstance(role, str) or not role.strip():
            entry.fail(f"{where}.role", "expected a role key such as 'foreign_minister'", role)
        title = item.get("title")
        if title is not None and not isinstance(title, str):
            entry.fail(f"{where}.title", "expected a string or null", title)
        start = _date(entry, f"{where}.start", item.get("start"))
        end = _date(entry, f"{where}.end", item.get("end"))
        if start is not None and end is not None and end < start:
            entry.fail(f"{where}.end", f"must not be before start ({start})", item.get("end"))
        country = item.get("country")
        if country is not None:
            entry.iso3(f"{where}.country", country)
        org = item.get("organisation")
        if org is not None and not isinstance(org, str):
            entry.fail(f"{where}.organisation", "expected an organisation code or name", org)
        roles.append(
            Role(role=str(role), title=title, start=start, end=end, country=country, organisation=org),
        )
    return tuple(roles)


def _regions(entry: _Entry) -> tuple[Region, ...]:
    """Read ``regions``: names, or objects with ``name``, ``names`` and ``adjectives``."""
    value = entry.value.get("regions", [])
    if not isinstance(value, list):
        entry.fail("regions", "expected a list of region names or objects", value)
    regions = []
    fields = ("name", "names", "adjectives")
    for i, raw in enumerate(value):
        where = f"regions[{i}]"
        if isinstance(raw, str) and raw.strip():
            regions.append(Region(name=raw.strip()))
            continue
        item = entry.item(where, raw, fields, "expected a region name or an object with name, names, adjectives")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            entry.fail(f"{where}.name", "expected a non-empty string", name)
        lists = {}
        for field in ("names", "adjectives"):
            words = item.get(field, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                entry.fail(f"{where}.{field}", "expected a list of non-empty strings", words)
            lists[field] = tuple(dict.fromkeys(w.strip() for w in words))
        regions.append(Region(name=str(name).strip(), names=lists["names"], adjectives=lists["adjectives"]))
    return tuple(regions)


def _country(entry: _Entry, old: Country | None) -> Country:
    iso3 = entry.iso3("iso3", required=True)
    assert iso3 is not None  # noqa: S101 - required above
    if entry.merge and old is not None:
        return Country(
            iso3=iso3,
            name=entry.text("name") or old.name,
            names=tuple(dict.fromkeys(old.names + entry.texts("names"))),
            adjectives=tuple(dict.fromkeys(old.adjectives + entry.texts("adjectives"))),
            capital=entry.text("capital") or old.capital,
            metonyms=tuple(dict.fromkeys(old.metonyms + entry.texts("metonyms"))),
            cities=tuple(dict.fromkeys(old.cities + entry.texts("cities"))),
            regions=old.regions + _regions(entry),
        )
    name = entry.text("name", required=True)
    assert name is not None  # noqa: S101 - required above
    return Country(
        iso3=iso3,
        name=name,
        names=entry.texts("names"),
        adjectives=entry.texts("adjectives"),
        capital=entry.text("capital"),
        metonyms=entry.texts("metonyms"),
        cities=entry.texts("cities"),
        regions=_regions(entry),
    )


def _organisation(entry: _Entry, old: Organisation | None) -> Organisation:
    if entry.merge and old is not None:
        return attrs.evolve(old, aliases=tuple(dict.fromkeys(old.aliases + entry.texts("aliases"))))
    name = entry.text("name", required=True)
    code = entry.text("code", required=True)
    assert name is not None  # noqa: S101 - required above
    assert code is not None  # noqa: S101 - required above
    return Organisation(
        name=name,
        code=code,
        aliases=entry.texts("aliases"),
        sector=entry.sector("sector") or "IGO",
        kind=entry.choice("kind", _ORG_KINDS, "organisation") or "organisation",
        country=entry.iso3("country"),
    )


def _person(entry: _Entry, old: Person | None) -> Person:
    if entry.merge and old is not None:
        return attrs.evolve(
            old,
            aliases=tuple(dict.fromkeys(old.aliases + entry.texts("aliases"))),
            roles=old.roles + _roles(entry),
            gender=entry.choice("gender", _GENDERS, old.gender),
        )
    name = entry.text("name", required=True)
    assert name is not None  # noqa: S101 - required above
    surname = entry.text("surname") or name.split()[-1]
    return Person(
        name=name,
        aliases=entry.texts("aliases"),
        surname=surname,
        country=entry.iso3("country"),
        roles=_roles(entry),
        gender=entry.choice("gender", _GENDERS, None),
        sector=entry.sector("sector") or "GOV",
    )


def _word(entry: _Entry) -> SectorWord:
    forms = entry.texts("forms", required=True)
    if not forms:
        entry.fail("forms", "expected at least one form", list(forms))
    return SectorWord(
        forms=tuple(f.casefold() for f in forms),
        plural=tuple(f.casefold() for f in entry.texts("plural")),
        sector=entry.sector("sector"),
        type=entry.choice("type", _WORD_TYPES, "body") or "body",
        role=entry.text("role"),
        country=entry.iso3("country"),
    )


def _sector(entry: _Entry) -> Sector:
    code = entry.sector("code", required=True)
    assert code is not None  # noqa: S101 - required above
    return Sector(
        code=code,
        name=entry.text("name") or code,
        kind=entry.choice("kind", ("state", "group", "organisation", "person"), "group") or "group",
    )


def _list(origin: str, section: str, value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ConfigError(f"{origin}: {section}: expected a list, got {type(value).__name__}")
    return value


def _words(origin: str, section: str, value: object) -> set[str]:
    items = _list(origin, section, value)
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{origin}: {section}[{i}]: expected a non-empty string, got {item!r}")
    return {item.strip() for item in items}


def apply(content: Content, data: object, origin: str) -> Content:
    """Return *content* with the entries of *data* added or overriding.

    Args:
        content: The entries so far (not changed).
        data: A mapping in the knowledge-base format.
        origin: The name of the file or mapping, for error messages.

    Raises:
        ConfigError: If *data* is not in the knowledge-base format.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(f"{origin}: expected an object with {', '.join(SECTIONS)}, got {type(data).__name__}")
    unknown = sorted(set(data) - set(SECTIONS) - {"source"})
    if unknown:
        raise ConfigError(f"{origin}: unknown section {unknown[0]!r}; valid sections are {', '.join(SECTIONS)}")
    out = content.copy()
    for i, value in enumerate(_list(origin, "countries", data.get("countries", []))):
        country_fields = ("iso3", "name", "names", "adjectives", "capital", "metonyms", "cities", "regions")
        entry = _Entry(origin, "countries", i, value, country_fields)
        iso3 = entry.iso3("iso3", required=True)
        assert iso3 is not None  # noqa: S101 - required above
        out.countries[iso3] = _country(entry, out.countries.get(iso3))
    for i, value in enumerate(_list(origin, "organisations", data.get("organisations", []))):
        entry = _Entry(origin, "organisations", i, value, ("name", "code", "aliases", "sector", "kind", "country"))
        key = _key(entry.text("name", required=True) or "")
        out.organisations[key] = _organisation(entry, out.organisations.get(key))
    for i, value in enumerate(_list(origin, "people", data.get("people", []))):
        fields = ("name", "aliases", "surname", "country", "roles", "gender", "sector")
        entry = _Entry(origin, "people", i, value, fields)
        key = _key(entry.text("name", required=True) or "")
        out.people[key] = _person(entry, out.people.get(key))
    for i, value in enumerate(_list(origin, "sectors", data.get("sectors", []))):
        sector = _sector(_Entry(origin, "sectors", i, value, ("code", "name", "kind")))
        out.sectors[sector.code] = sector
    for i, value in enumerate(_list(origin, "words", data.get("words", []))):
        word = _word(_Entry(origin, "words", i, value, ("forms", "plural", "sector", "type", "role", "country")))
        for form in word.forms + word.plural:
            out.words[form] = word
    portfolios = data.get("portfolios", {})
    if not isinstance(portfolios, Mapping):
        raise ConfigError(f"{origin}: portfolios: expected an object of portfolio -> role, got {portfolios!r}")
    for name, role in portfolios.items():
        if not isinstance(name, str) or not (role is None or isinstance(role, str)):
            raise ConfigError(f"{origin}: portfolios[{name!r}]: expected a role key or null, got {role!r}")
        out.portfolios[name.casefold()] = role
    out.modifiers |= {w.casefold() for w in _words(origin, "modifiers", data.get("modifiers", []))}
    blocking = _words(origin, "blocking_modifiers", data.get("blocking_modifiers", []))
    out.blocking_modifiers |= {w.casefold() for w in blocking}
    out.honorifics |= _words(origin, "honorifics", data.get("honorifics", []))
    for word in list(out.words.values()):
        if word.sector is not None and word.sector not in out.sectors:
            msg = f"{origin}: words ({word.forms[0]!r}): field 'sector': unknown sector code {word.sector!r}"
            raise ConfigError(msg)
    return out


def read_file(path: str | os.PathLike[str]) -> object:
    """Return the parsed content of a JSON or TOML dictionary file.

    TOML needs Python 3.11 or later (the standard library's ``tomllib``).
    Nothing in the file is ever executed.

    Raises:
        ConfigError: If the file cannot be read or parsed.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise ConfigError(f"{p}: cannot read the dictionary file: {err.strerror or err}") from err
    if p.suffix.lower() == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib  # noqa: PLC0415 - only on Python >= 3.11

            try:
                return tomllib.loads(raw.decode("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
                raise ConfigError(f"{p}: invalid TOML: {err}") from err
            except RecursionError as err:
                raise ConfigError(f"{p}: invalid TOML: nested too deeply") from err
            except ValueError as err:  # not a TOMLDecodeError: an integer of more digits than Python converts
                raise ConfigError(f"{p}: invalid TOML: an integer of too many digits") from err
        raise ConfigError(f"{p}: TOML dictionaries need Python 3.11 or later; use JSON")
    try:
        return _json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ConfigError(f"{p}: not UTF-8 text: {err}") from err
    except _json.JsonError as err:
        raise ConfigError(f"{err.located(str(p))}: invalid JSON: {err.reason}") from err
