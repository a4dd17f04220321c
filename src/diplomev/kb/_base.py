"""The knowledge base: loading, overriding and looking up entries."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from diplomev._data import load_json
from diplomev.errors import ConfigError
from diplomev.kb._lexicon import Lexeme, Lexicon, normalise, tokenise
from diplomev.kb._loader import Content, apply, read_file
from diplomev.kb._records import Country, Organisation, Person, Role, Sector, SectorWord

__all__ = ["KnowledgeBase", "load_user_dictionary"]

_PACKAGED = ("countries.json", "organisations.json", "people.json", "sectors.json")

_REGION_WORDS = ("region", "province", "state", "oblast", "governorate", "prefecture", "territory")
"""The words that may follow a region's name as part of it ("the Tigray region", "Donetsk Oblast")."""

_Source = tuple[str, str]
"""A user dictionary: its origin (file name) and its content as canonical JSON."""


@functools.lru_cache(maxsize=1 << 12)
def _key(text: str) -> str:
    """The look-up key of a name: its normalised tokens (cached: the steps look the same names up again and again)."""
    return " ".join(normalise(t) for t in tokenise(text)[2])


def _acting(role: Role) -> bool:
    return (role.title or "").casefold().startswith(("acting", "interim"))


@functools.cache
def _packaged() -> Content:
    content = Content()
    for name in _PACKAGED:
        content = apply(content, load_json(name), f"diplomev/data/{name}")
    return content


@functools.cache
def _from_sources(sources: tuple[_Source, ...]) -> KnowledgeBase:
    content = _packaged()
    for origin, data in sources:
        content = apply(content, json.loads(data), origin)
    return KnowledgeBase(content, sources=sources)


class KnowledgeBase:
    """Countries, organisations, people with dated roles and sector words, with fast lookups.

    Build one with `KnowledgeBase.default` (the packaged data, loaded once
    and cached) and add your own entries with `with_entries`. A knowledge
    base is immutable; it pickles as the list of its user dictionaries and
    is rebuilt (from the cache) when unpickled.

    Examples:
        >>> import datetime as dt
        >>> kb = KnowledgeBase.default()
        >>> kb.holder("CHN", "foreign_minister", on=dt.date(2018, 5, 1)).name
        'Wang Yi'
        >>> [p.name for p in kb.people_by_surname("Moon", country="KOR", on=dt.date(2019, 1, 1))]
        ['Moon Jae-in']
    """

    def __init__(self, content: Content, *, sources: tuple[_Source, ...] = ()) -> None:
        """Index *content*; use `default` or `with_entries` rather than calling this."""
        self._sources = sources
        self._content = content
        self._countries = dict(content.countries)
        self._country_names: dict[str, str] = {}
        for c in self._countries.values():
            for name in (c.name, *c.names):
                self._country_names.setdefault(_key(name), c.iso3)
        self._orgs: dict[str, Organisation] = {}
        for org in content.organisations.values():
            for name in (org.name, org.code, *org.aliases):
                self._orgs.setdefault(_key(name), org)
        self._people: dict[str, Person] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._holders: dict[tuple[str, str], list[tuple[Role, Person]]] = {}
        for person in content.people.values():
            for name in (person.name, *person.aliases):
                self._people.setdefault(_key(name), person)
            if person.surname:
                self._surnames.setdefault(_key(person.surname), []).append(person)
            for role in person.roles:
                country = person.role_country(role) or role.organisation or ""
                self._holders.setdefault((country, role.role), []).append((role, person))
        for entries in self._holders.values():
            entries.sort(key=lambda rp: rp[0].start or dt.date.min)
        self._words = self._all_words(content)
        self._lexicon: Lexicon | None = None

    # ----------------------------------------------------------------- building

    @classmethod
    def default(cls) -> KnowledgeBase:
        """Return the packaged knowledge base (loaded on first use, then cached)."""
        return _from_sources(())

    def with_entries(self, entries: str | os.PathLike[str] | Mapping[str, Any]) -> KnowledgeBase:
        """Return a knowledge base with the entries of a user dictionary added or overriding.

        Args:
            entries: A JSON or TOML file (TOML on Python >= 3.11), or a mapping,
                in the format of the packaged data files: any of the sections
                ``countries``, ``organisations``, ``people``, ``words``,
                ``sectors``, ``portfolios``, ``modifiers``,
                ``blocking_modifiers``, ``honorifics``. An entry with the key
                of an existing one (``iso3`` of a country, ``name`` of an
                organisation or person) replaces it, or with ``"merge": true``
                adds its names, aliases and roles to it.

        Raises:
            ConfigError: If the file cannot be read or an entry is invalid; the
                message names the file, the entry and the field.

        Examples:
            >>> kb = KnowledgeBase.default().with_entries({"people": [
            ...     {"name": "Ama Mensah", "country": "GHA",
            ...      "roles": [{"role": "foreign_minister", "start": "2030-01-01", "end": None}]}]})
            >>> kb.person_by_name("Ama Mensah").country
            'GHA'
        """
        data: object
        if isinstance(entries, Mapping):
            origin, data = "<mapping>", entries
        else:
            origin, data = str(entries), read_file(entries)
        try:
            canonical = json.dumps(data, sort_keys=True, default=_json_default, ensure_ascii=False)
        except (TypeError, ValueError) as err:
            raise ConfigError(f"{origin}: the dictionary holds a value JSON cannot represent: {err}") from err
        except RecursionError as err:
            raise ConfigError(f"{origin}: the dictionary is nested too deeply") from err
        return _from_sources((*self._sources, (origin, canonical)))

    def __reduce__(self) -> tuple[Any, tuple[tuple[_Source, ...]]]:
        """Pickle as the user dictionaries; unpickling rebuilds (or reuses) the cached base."""
        return _from_sources, (self._sources,)

    @staticmethod
    def _all_words(content: Content) -> dict[str, tuple[SectorWord, bool]]:
        words: dict[str, tuple[SectorWord, bool]] = {}
        for p, role in content.portfolios.items():
            minister = SectorWord(
                forms=(f"{p} minister", f"minister of {p}", f"minister for {p}", f"{p} secretary", f"secretary of {p}"),
                plural=(f"{p} ministers", f"ministers of {p}", f"{p} secretaries"),
                sector="GOV",
                type="title",
                role=role,
            )
            ministry = SectorWord(
                forms=(
                    f"{p} ministry",
                    f"ministry of {p}",
                    f"ministry for {p}",
                    f"{p} department",
                    f"department of {p}",
                ),
                plural=(f"{p} ministries",),
                sector="GOV",
                type="body",
            )
            for w in (minister, ministry):
                words.update(dict.fromkeys(w.forms, (w, False)))
                words.update(dict.fromkeys(w.plural, (w, True)))
        for form, w in content.words.items():
            words[form] = (w, form in w.plural and form not in w.forms)
        return words

    def lexicon(self) -> Lexicon:
        """Return the token trie over every phrase of the knowledge base (built on first use)."""
        if self._lexicon is None:
            self._lexicon = self._build_lexicon()
        return self._lexicon

    def _build_lexicon(self) -> Lexicon:
        lex = Lexicon()
        for c in self._countries.values():
            for name in dict.fromkeys((c.name, *c.names)):
                lex.add(name, Lexeme(kind="country", form=name, iso3=c.iso3))
            adjectives = set(c.adjectives)
            for adj in c.adjectives:
                plural = adj.endswith("s") and adj[:-1] in adjectives
                lex.add(adj, Lexeme(kind="adjective", form=adj, iso3=c.iso3, plural=plural))
            for m in dict.fromkeys((*([c.capital] if c.capital else []), *c.metonyms)):
                lex.add(m, Lexeme(kind="metonym", form=m, iso3=c.iso3))
            for city in c.cities:
                lex.add(city, Lexeme(kind="city", form=city, iso3=c.iso3))
            for region in c.regions:
                for name in dict.fromkeys((region.name, *region.names)):
                    lex.add(name, Lexeme(kind="region", form=name, iso3=c.iso3))
                    if name.split()[-1].casefold() not in _REGION_WORDS:
                        for suffix in _REGION_WORDS:  # "the Tigray region", "Donetsk Oblast", "Borno state"
                            form = f"{name} {suffix}"
                            lex.add(form, Lexeme(kind="region", form=form, iso3=c.iso3))
                forms = set(region.adjectives)
                for adj in region.adjectives:
                    plural = adj.endswith("s") and adj[:-1] in forms
                    lex.add(adj, Lexeme(kind="adjective", form=adj, iso3=c.iso3, plural=plural))
        for org in self._content.organisations.values():
            for name in dict.fromkeys((org.name, *org.aliases)):
                lex.add(name, Lexeme(kind="organisation", form=name, organisation=org, iso3=org.country))
        for person in self._content.people.values():
            for name in dict.fromkeys((person.name, *person.aliases)):
                lex.add(name, Lexeme(kind="person", form=name, person=person))
        for surname, people in self._surnames.items():
            form = people[0].surname or surname
            lex.add(form, Lexeme(kind="surname", form=form, people=tuple(people)))
        for form, (word, plural) in self._words.items():
            lex.add(form, Lexeme(kind="sector", form=form, word=word, plural=plural), proper=False)
        for mod in self._content.modifiers:
            blocking = mod in self._content.blocking_modifiers
            lex.add(mod, Lexeme(kind="modifier", form=mod, blocking=blocking), proper=False)
        for h in self._content.honorifics:
            lex.add(h, Lexeme(kind="honorific", form=h))
        return lex

    # ----------------------------------------------------------------- contents

    @property
    def sources(self) -> tuple[str, ...]:
        """The origins of the user dictionaries applied on top of the packaged data."""
        return tuple(origin for origin, _ in self._sources)

    @property
    def countries(self) -> tuple[Country, ...]:
        """Every country."""
        return tuple(self._countries.values())

    @property
    def organisations(self) -> tuple[Organisation, ...]:
        """Every organisation, forum, NGO and news organisation."""
        return tuple(self._content.organisations.values())

    @property
    def people(self) -> tuple[Person, ...]:
        """Every person."""
        return tuple(self._content.people.values())

    @property
    def sectors(self) -> tuple[Sector, ...]:
        """Every sector code with its name and kind."""
        return tuple(self._content.sectors.values())

    @property
    def sector_words(self) -> tuple[SectorWord, ...]:
        """Every sector word, including the generated "<portfolio> minister" and "<portfolio> ministry"."""
        return tuple({id(w): w for w, _ in self._words.values()}.values())

    @property
    def modifiers(self) -> frozenset[str]:
        """Words that may come between a nationality and a title ("senior", "assistant", "former")."""
        return frozenset(self._content.modifiers)

    @property
    def blocking_modifiers(self) -> frozenset[str]:
        """Modifiers that make a title someone else's ("former", "vice", "assistant")."""
        return frozenset(self._content.blocking_modifiers)

    @property
    def honorifics(self) -> frozenset[str]:
        """Honorifics that may precede a name ("Mr", "Dr")."""
        return frozenset(self._content.honorifics)

    # ----------------------------------------------------------------- lookups

    def country(self, iso3: str) -> Country | None:
        """Return the country with ISO 3166-1 alpha-3 code *iso3*, or None.

        Examples:
            >>> KnowledgeBase.default().country("PRK").name
            'North Korea'
        """
        return self._countries.get(iso3)

    def country_by_name(self, name: str) -> Country | None:
        """Return the country one of whose names is *name* (any case), or None.

        Examples:
            >>> KnowledgeBase.default().country_by_name("S. Korea").iso3
            'KOR'
        """
        iso3 = self._country_names.get(_key(name))
        return None if iso3 is None else self._countries[iso3]

    def organisation(self, name: str) -> Organisation | None:
        """Return the organisation with this name, alias or code (any case), or None."""
        return self._orgs.get(_key(name))

    def person_by_name(self, name: str) -> Person | None:
        """Return the person with this full name or alias (any case, accents ignored), or None.

        Examples:
            >>> KnowledgeBase.default().person_by_name("Kang Kyung-wha").country
            'KOR'
        """
        return self._people.get(_key(name))

    def sector(self, code: str) -> Sector | None:
        """Return the sector with this code, or None."""
        return self._content.sectors.get(code)

    def sector_word(self, phrase: str) -> SectorWord | None:
        """Return the sector word of *phrase* (any case, singular or plural), or None.

        Examples:
            >>> KnowledgeBase.default().sector_word("Travel agencies").sector
            'BUS'
        """
        found = self._words.get(" ".join(phrase.casefold().split()))
        return None if found is None else found[0]

    def holders(self, country: str, role: str, *, on: dt.date | None = None) -> tuple[Person, ...]:
        """Return the people who held *role* for *country* on day *on*, the regular holder first.

        Without a date, the current holders (roles with no end date) are returned.
        Acting and interim holders come after the regular one.
        """
        entries = self._holders.get((country, role), [])
        if on is None:
            chosen = [(r, p) for r, p in entries if r.end is None]
        else:
            chosen = [(r, p) for r, p in entries if r.active(on)]
        chosen.sort(key=lambda rp: (_acting(rp[0]), -(rp[0].start or dt.date.min).toordinal()))
        return tuple(dict.fromkeys(p for _, p in chosen))

    def holder(self, country: str, role: str, *, on: dt.date | None = None) -> Person | None:
        """Return who held *role* ("foreign_minister", "head_of_state", "head_of_government") on *on*.

        Without a date, the current holder. When an acting holder overlaps a
        regular one (a suspended president), the regular holder is returned.

        Examples:
            >>> import datetime as dt
            >>> kb = KnowledgeBase.default()
            >>> kb.holder("JPN", "head_of_government", on=dt.date(2015, 6, 1)).name
            'Shinzo Abe'
        """
        found = self.holders(country, role, on=on)
        return found[0] if found else None

    def people_by_surname(
        self,
        surname: str,
        country: str | None = None,
        on: dt.date | None = None,
        *,
        role: str | None = None,
    ) -> tuple[Person, ...]:
        """Return the people with this surname, optionally of one country, in office on a day, in a role.

        Args:
            surname: The family name ("Moon"), any case.
            country: Keep people of this country (their own or one of their roles').
            on: Keep people holding a role (*role*, if given) on this day.
            role: Keep people who held this role (on *on*, if given).

        Examples:
            >>> import datetime as dt
            >>> kb = KnowledgeBase.default()
            >>> [p.name for p in kb.people_by_surname("Wang", role="foreign_minister", on=dt.date(2018, 1, 1))]
            ['Wang Yi']
        """
        out = []
        for person in self._surnames.get(_key(surname), ()):
            roles = [r for r in person.roles if role is None or r.role == role]
            if country is not None:
                roles = [r for r in roles if person.role_country(r) == country]
                if not roles and (role is not None or person.country != country):
                    continue
            if on is not None:
                roles = [r for r in roles if r.active(on)]
                if not roles:
                    continue
            elif role is not None and not roles:
                continue
            out.append(person)
        return tuple(out)


def _json_default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def load_user_dictionary(path: str | os.PathLike[str]) -> KnowledgeBase:
    """Return the packaged knowledge base with the entries of the user dictionary at *path*.

    A shortcut for ``KnowledgeBase.default().with_entries(path)``.

    Raises:
        ConfigError: If the file cannot be read or an entry is invalid.
    """
    return KnowledgeBase.default().with_entries(Path(path))
