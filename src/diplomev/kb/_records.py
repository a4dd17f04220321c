"""The records of the knowledge base: countries, organisations, people, roles and sector words."""

from __future__ import annotations

import datetime as dt

import attrs

__all__ = ["Country", "Organisation", "Person", "Region", "Role", "Sector", "SectorWord"]

ROLE_KEYS = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
"""The roles the packaged people carry, besides ``leader`` (heads of international organisations)."""


@attrs.frozen(kw_only=True)
class Region:
    """A region of a state: a province, federal state, autonomous or disputed territory.

    A region is a place ("fighting in Tigray") and the nationality of the
    bodies and people it qualifies: "Tigray's regional government",
    "Tigrayan forces", "forces from the northern region of Tigray" and
    "separatists in Donetsk" are actors of the state the region belongs to.
    A disputed territory belongs to the state that the United Nations
    recognises as sovereign over it (Crimea to Ukraine, the West Bank to
    Palestine); a region two states administer in part is listed under both
    (Kashmir, Punjab) and the one the article names more is chosen.

    Attributes:
        name: The usual English name ("Tigray").
        names: Other names and spellings ("Tigray Region", "Tigrai").
        adjectives: Adjectives and demonyms ("Tigrayan", "Tigrayans").

    Examples:
        >>> from diplomev.kb import KnowledgeBase
        >>> [r.adjectives for r in KnowledgeBase.default().country("ETH").regions if r.name == "Tigray"]
        [('Tigrayan', 'Tigrayans')]
    """

    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Country:
    """A state with the words that name it.

    Attributes:
        iso3: ISO 3166-1 alpha-3 code ("KOR"; "XKX" for Kosovo).
        name: The usual English short name ("South Korea").
        names: Every name and short form ("S. Korea", "ROK", "the Republic of Korea").
        adjectives: Adjectives and demonyms ("South Korean", "South Koreans").
        capital: The capital city.
        metonyms: Capitals and seats of government that stand for the government
            ("Seoul", "Cheong Wa Dae", "the Blue House").
        cities: Cities and other places in the country, used as locations.
        regions: Provinces, federal states and territories: places, and
            nationality cues for the bodies they qualify ("Tigrayan forces").

    Examples:
        >>> from diplomev.kb import KnowledgeBase
        >>> KnowledgeBase.default().country("KOR").capital
        'Seoul'
    """

    iso3: str
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()


@attrs.frozen(kw_only=True)
class Organisation:
    """An international organisation, forum, NGO, news organisation or armed group.

    Attributes:
        name: Canonical name ("United Nations").
        code: Short code ("UNO"); CAMEO's organisation code where CAMEO has one.
        aliases: Other names ("UN", "the U.N.").
        sector: Sector code ("IGO", "NGO", "MED").
        kind: "organisation", "forum" (a meeting series such as APEC or the G20:
            a setting rather than an actor when it names a summit), "ngo", "media"
            (a news organisation that reports from its country's point of view)
            "wire" (an international news agency) or "group" (a non-state armed group).
        country: For national bodies such as news agencies, the state they belong to.

    Examples:
        >>> from diplomev.kb import KnowledgeBase
        >>> KnowledgeBase.default().organisation("NATO").name
        'NATO'
    """

    name: str
    code: str
    aliases: tuple[str, ...] = ()
    sector: str = "IGO"
    kind: str = "organisation"
    country: str | None = None


@attrs.frozen(kw_only=True)
class Role:
    """An office a person held between two dates.

    Attributes:
        role: The role key: "head_of_state", "head_of_government", "defence_minister",
            "foreign_minister" or "leader" (head of an international organisation).
        title: The title as written ("Prime Minister", "Premier").
        start: First day in office, or None when unknown.
        end: Last day in office (the day the successor took over), or None if still in office.
        country: The state of this role when it differs from the person's
            (Elizabeth II was head of state of Canada too).
        organisation: The code of the organisation the role belongs to ("NAT").

    Examples:
        >>> import datetime as dt
        >>> Role(role="foreign_minister", start=dt.date(2017, 6, 18), end=dt.date(2021, 2, 8)).active(
        ...     dt.date(2018, 1, 1))
        True
    """

    role: str
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None
    organisation: str | None = None

    def active(self, on: dt.date) -> bool:
        """Return whether the role was held on day *on*."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@attrs.frozen(kw_only=True)
class Person:
    """A named person with the offices they held.

    Attributes:
        name: Canonical full name ("Kang Kyung-wha").
        aliases: Other spellings and forms ("Kang Kyung Wha").
        surname: The family name used alone in second references ("Kang").
        country: The state the person belongs to, or None for officials of
            international organisations.
        roles: Offices with their dates.
        gender: "female" or "male" when recorded; used to resolve "she" and "he".
        sector: Sector code of the person as an actor (default "GOV").

    Examples:
        >>> from diplomev.kb import KnowledgeBase
        >>> wang = KnowledgeBase.default().person_by_name("Wang Yi")
        >>> wang.country, wang.surname
        ('CHN', 'Wang')
    """

    name: str
    aliases: tuple[str, ...] = ()
    surname: str | None = None
    country: str | None = None
    roles: tuple[Role, ...] = ()
    gender: str | None = None
    sector: str = "GOV"

    def roles_on(self, on: dt.date | None) -> tuple[Role, ...]:
        """Return the roles held on day *on* (the current ones when *on* is None)."""
        if on is None:
            return tuple(r for r in self.roles if r.end is None)
        return tuple(r for r in self.roles if r.active(on))

    def role_country(self, role: Role) -> str | None:
        """Return the state a role belongs to: its own country, else the person's."""
        return role.country or (None if role.organisation else self.country)


@attrs.frozen(kw_only=True)
class Sector:
    """A sector code and what kind of actor it makes.

    Attributes:
        code: Three-letter CAMEO-style code ("GOV").
        name: What it stands for ("government").
        kind: The `diplomev.ActorKind` value of a body of this sector ("state", "group").
    """

    code: str
    name: str
    kind: str = "group"


@attrs.frozen(kw_only=True)
class SectorWord:
    """A word or phrase that names a sector: a title, an organ or a group of people.

    Attributes:
        forms: Singular forms ("spokesman", "spokeswoman").
        plural: Plural forms ("spokesmen").
        sector: The sector code, or None for words that take the sector of what
            follows them ("member" in "a member of the ruling party").
        type: "title" for words naming people, who may be named ("Foreign
            Minister Kang"); "body" for organs and collectives ("ministry", "firms").
        role: For titles: the role a holder of the title has ("foreign_minister"),
            or "counterpart".
        country: For a title or body only one state has ("chief cabinet secretary"):
            that state, the country of its holder when the text names no other.

    Examples:
        >>> from diplomev.kb import KnowledgeBase
        >>> KnowledgeBase.default().sector_word("foreign minister").role
        'foreign_minister'
    """

    forms: tuple[str, ...]
    plural: tuple[str, ...] = ()
    sector: str | None = None
    type: str = "body"
    role: str | None = None
    country: str | None = None
