"""The actors step: mentions of states, governments, organisations, groups and people.

Recognition reads each sentence left to right over the phrases of the
knowledge base (found with its token trie, longest first) and a small noun
phrase grammar::

    [det] [cue ['s]] (modifier | sector word)* [head] [name] [appositive | of-phrase]

where a *cue* is a country name, a capital or seat of government, a
nationality adjective or an organisation, the *head* is the last sector word
("foreign minister", "ministry", "firms") and the *name* a known person, a
surname resolved through the knowledge base at the article's date, or any
run of capitalised words after a title ("Chinese assistant foreign minister
Kong Xuanyou"). A bare name followed by an appositive title ("Kong Xuanyou,
Chinese assistant foreign minister") is a person too.

What each reading gives:

* a country name ("South Korea", "the U.S.") → the state, no sector;
* a capital or seat of government ("Seoul", "the Kremlin") → the state, GOV,
  unless a locative preposition makes it a place ("in Seoul");
* cue + sector word ("the South Korean foreign ministry", "Seoul's foreign
  ministry", "Chinese tourists", "the Chinese side") → that country and sector;
* a known person ("Kang Kyung-wha", "President Moon" at the article's date)
  → the person with their country, GOV;
* an international organisation ("NATO") → the organisation, IGO; a forum
  ("APEC") named as the setting of a summit is not an actor;
* a national title with no nationality ("a director of the presidential
  National Security Office") takes the article's home country when there is
  one (the publisher's, or the clearly most mentioned), else the nearest
  nationality in the sentence.
* a region of a state is a cue like a nationality ("Tigrayan forces", "the
  Sindh government", "forces from the northern region of Tigray",
  "separatists in Donetsk") but no actor on its own;
* a bare domestic body or crowd ("police", "protesters", "lawmakers",
  "unions") takes the home country, else the country of the place its
  sentence names, else is left out.

Added in version 0.1.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from diplomev.extractors._kbstep import KnowledgeBaseStep
from diplomev.extractors.places import find_places, named_countries
from diplomev.kb import KnowledgeBase, Lexeme, Organisation, Person, normalise, tokenise
from diplomev.kb._document import Analysis, analyse
from diplomev.kb._lexicon import normalise_all
from diplomev.model import Actor, ActorKind, Document, Mention, MentionKind, Span
from diplomev.registry import registries

__all__ = [
    "ActorRecogniser",
    "article_date",
    "demonyms",
    "home_country",
    "org_actor",
    "person_actor",
    "place_country",
    "shared_actor",
]

KB_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister"})
_DETERMINERS = frozenset(
    {
        "the", "a", "an", "his", "her", "its", "their", "our", "two", "three", "four", "several", "some",
        "many", "other", "few", "these", "those", "this", "that", "another", "each", "every", "both", "all",
    }
)  # fmt: skip
_SETTING_AFTER = frozenset(
    {"summit", "summits", "meeting", "meetings", "conference", "forum", "session", "sessions", "gathering", "leaders"},
)
_APPOSITIVE_CLOSERS = frozenset({",", ".", ";", ":", ")", '"', "and", "who", "said", "says", "told", "-", "--"})
_OF = frozenset({"of", "from", "at"})
_NATIONAL_BODIES = frozenset({"presidential"})
_NATIONAL_BODY_WORDS = frozenset({"presidential office", "national security office"})
_LOWER_IN_NAMES = frozenset({"of", "for", "and", "the", "on", "in"})
_PLURAL_CUE_JOIN = frozenset({"and", ",", "&"})
_ACTION_NOUNS = frozenset({"opposition", "support", "leadership"})
"""Sector words that, after a possessive, name an action rather than a group ("Beijing's opposition")."""
_KOREA_WORDS = frozenset({"koreas", "north", "south"})
"""Words that name the Korean states together ("both Koreas") or one of them ("the North") in context."""
_CUE_ORDER = {"country": 0, "metonym": 1, "organisation": 2, "adjective": 3, "region": 4}
"""The kinds of reading that make a cue, in order of preference."""
_REGION_INTRO = frozenset(
    {
        "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
        "northwestern", "southeastern", "southwestern", "far", "restive", "breakaway", "disputed", "separatist",
        "semi", "autonomous", "war", "torn", "conflict", "hit", "troubled", "volatile", "embattled", "occupied",
        "annexed", "rebel", "held", "self", "declared", "proclaimed", "coastal", "border", "remote", "mountainous",
        "oil", "rich", "neighbouring", "neighboring", "-", "country's", "'s", "'", "nation's",
    }
)  # fmt: skip
"""Words of "the restive north-western region of", before the name of a region."""
_REGION_NOUNS = frozenset(
    {"region", "province", "state", "territory", "enclave", "oblast", "governorate", "prefecture"}
)
_IN_REGION_BLOCKED = frozenset({"MIL"})
_DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG", "OPP", "LAB"})
"""Sectors whose bodies act at home: "police", "lawmakers", "unions" are the country's where they act."""
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "'s", "'", "its", "their", "his", "her"})
_DOMESTIC_WORDS = frozenset(
    {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators", "supporter", "supporters"},
)
"""Crowds that act where they are ("protesters stormed the building")."""
"""Sectors that "in <region>" does not give a country: troops in a region are often another state's."""


@attrs.define
class _Cue:
    first: int
    name_end: int
    end: int
    lexeme: Lexeme
    possessive: bool


@attrs.define
class _Draft:
    """A mention being built; ``actor`` is None until its country is known."""

    first: int
    end: int
    kind: MentionKind
    confidence: float
    actor: Actor | None
    pending: dict[str, object] | None = None
    possessed: bool = False
    """Whether "its" introduced it: its country is the last one named before."""
    domestic: bool = False
    """Whether it names a domestic body or crowd ("police", "protesters"): the country where it acts."""
    kb_role: str | None = None
    """For an unknown person titled with a role of the knowledge base ("President X"): that role."""


def article_date(doc: Document) -> dt.date | None:
    """Return the date roles are resolved against: the reference date, else the publication date."""
    if doc.reference is not None:
        return doc.reference.date
    return doc.article.source.published_date


@functools.lru_cache(maxsize=1 << 12)
def shared_actor(**fields: Any) -> Actor:
    """Return ``Actor(**fields)``, the same object for the same fields.

    Actors are immutable, so sharing them changes nothing but the time spent
    converting and validating the same fields again and again.

    Examples:
        >>> shared_actor(kind="state", country="KOR") is shared_actor(kind="state", country="KOR")
        True
    """
    return Actor(**fields)


def person_actor(kb: KnowledgeBase, person: Person, on: dt.date | None, *, role: str | None = None) -> Actor:
    """Return the actor for a known person: the role held on *on* (or matching *role*), country and sector.

    A person acting for an international organisation ("Secretary General of
    NATO") is the organisation, as the annotation guidelines say.

    Examples:
        >>> import datetime as dt
        >>> kb = KnowledgeBase.default()
        >>> a = person_actor(kb, kb.person_by_name("Wang Yi"), dt.date(2018, 1, 1))
        >>> a.name, a.country, a.sector, a.role
        ('Wang Yi', 'CHN', 'GOV', 'foreign_minister')
    """
    active = person.roles_on(on) if on is not None else person.roles_on(None) or person.roles
    chosen = next((r for r in active if r.role == role), None) or (active[0] if active else None)
    if chosen is not None and chosen.organisation:
        org = kb.organisation(chosen.organisation)
        if org is not None:
            return shared_actor(
                name=org.name, kind=ActorKind.ORGANISATION, sector=org.sector, code=org.code, role=chosen.title
            )
    country = person.country or (person.role_country(chosen) if chosen else None)
    return shared_actor(
        name=person.name,
        kind=ActorKind.PERSON,
        country=country,
        sector=person.sector,
        role=None if chosen is None else chosen.role,
    )


def org_actor(org: Organisation, *, role: str | None = None) -> Actor:
    """Return the actor for an organisation: international ones by code, national ones by country.

    Examples:
        >>> org_actor(KnowledgeBase.default().organisation("Hamas")).code
        'PSEREB'
    """
    if org.country is None:
        return shared_actor(name=org.name, kind=ActorKind.ORGANISATION, sector=org.sector, code=org.code, role=role)
    kind = ActorKind.GROUP if org.kind == "group" else ActorKind.ORGANISATION
    return shared_actor(name=org.name, kind=kind, country=org.country, sector=org.sector, role=role)


def home_country(kb: KnowledgeBase, doc: Document, counts: Counter[str]) -> str | None:
    """Return the article's home country, or None when it is not clear.

    It is, among the two most mentioned countries: the country of a national
    news organisation that published the article ("Yonhap"), else the
    country of the dateline ("NIAMEY"); failing both, the most mentioned
    country when it has at least half again as many mentions as the next.
    """
    ranked = counts.most_common(2)
    top = {c for c, _ in ranked}
    source = doc.article.source
    org = kb.organisation(source.publisher) if source.publisher else None
    if org is not None and org.kind == "media" and org.country in top:
        return org.country
    dateline = place_country(kb, source.dateline) if source.dateline else None
    if dateline in top:
        return dateline
    if not ranked:
        return None
    if len(ranked) == 1:
        return ranked[0][0] if ranked[0][1] >= 2 else None
    (first, n1), (_, n2) = ranked
    return first if n1 >= 1.5 * n2 and n1 >= 3 else None


@functools.lru_cache(maxsize=1 << 10)
def place_country(kb: KnowledgeBase, name: str) -> str | None:
    """The country of a place name of the knowledge base (a capital, a city, a country), if one."""
    _, _, texts = tokenise(name)
    keys = [normalise(t) for t in texts]
    found = kb.lexicon().match(keys, [t.title() if t.isupper() else t for t in texts], 0)
    if found is None or found[0] != len(keys):
        return None
    countries = {r.iso3 for r in found[1] if r.kind in ("city", "metonym", "country", "region") and r.iso3}
    return countries.pop() if len(countries) == 1 else None


class _Parser:
    """The noun-phrase grammar over one analysed document."""

    def __init__(self, analysis: Analysis, kb: KnowledgeBase, date: dt.date | None) -> None:
        self.a = analysis
        self.kb = kb
        self.date = date
        self.places: dict[int, tuple[int, str | None]] = {}
        keys = analysis.keys
        for first, end, location in find_places(analysis, kb):
            for i in range(first, end):
                self.places[i] = (end, location.country)
            if end < len(keys) and keys[end] == "(":  # "in Seoul's Blue House (Presidential Palace)"
                close = next((j for j in range(end + 1, min(end + 8, len(keys))) if keys[j] == ")"), None)
                for i in range(end, close or end):
                    self.places[i] = (close + 1 if close else end, location.country)
        self.ends_at = {end: start for start, (end, _) in analysis.at.items()}
        self.mentioned: Counter[str] = named_countries(analysis)
        """How often each country is named unambiguously, to choose between readings ("Congolese")."""
        self.cues: list[tuple[int, str]] = []
        """(token, country) of every nationality cue, places included, for the nearest-cue rule."""
        self.starts = sorted(
            {*analysis.at, *itertools.compress(itertools.count(), map(_DETERMINERS.__contains__, keys))}.union(
                itertools.compress(itertools.count(), analysis.upper)
            )
        )
        """The tokens where a phrase may start: a phrase of the knowledge base, a determiner or a capital."""

    # ----------------------------------------------------------------- pieces

    def cue(self, i: int, hi: int) -> _Cue | None:
        found = self.a.at.get(i)
        if found is None:
            return None
        end, readings = found
        cues = [r for r in readings if r.kind in _CUE_ORDER]
        if not cues:
            return None
        # the first of the preferred kind, then of the most mentioned country
        lexeme = (
            cues[0] if len(cues) == 1 else min(cues, key=lambda r: (_CUE_ORDER[r.kind], -self.mentioned[r.iso3 or ""]))
        )
        pos = self.a.possessive(end, hi) if end < hi and self.a.keys[end] == "'" else 0
        cue = _Cue(first=i, name_end=end, end=end + pos, lexeme=lexeme, possessive=bool(pos))
        if pos and lexeme.kind in ("country", "metonym"):
            venue = self.a.readings(cue.end, "metonym")
            if venue is not None and any(r.iso3 == lexeme.iso3 for r in venue[1]):
                cue.end = cue.name_end = venue[0]
                cue.possessive = False
        return cue

    def name(self, i: int, hi: int) -> tuple[str, int, tuple[Person, ...]] | None:
        """Return ("person" | "surname" | "unknown", end, people) for a name at *i*."""
        a = self.a
        if i >= hi:
            return None
        honorific = a.readings(i, "honorific") if i in a.at else None
        if honorific is not None:
            i = honorific[0]
            if i < hi and a.keys[i] == ".":
                i += 1
            if i >= hi:
                return None
        run = a.name_run(i, hi)
        found = a.readings(i, "person", "surname") if i in a.at else None
        if found is not None:
            end, readings = found
            for r in readings:
                if r.kind == "person" and r.person:
                    if end >= run:
                        return "person", end, (r.person,)
                    break
            for r in readings:
                if r.kind == "surname":
                    if r.people and run <= end:
                        return "surname", end, r.people
                    break
        if run > i:
            return "unknown", run, ()
        return None

    def resolve_surname(
        self,
        people: Sequence[Person],
        *,
        role: str | None,
        country: str | None,
        former: bool,
    ) -> Person | None:
        cands = list(dict.fromkeys(people))
        if country is not None:
            cands = [p for p in cands if p.country == country or any(p.role_country(r) == country for r in p.roles)]
        if role in KB_ROLES:
            with_role = [p for p in cands if any(r.role == role for r in p.roles)]
            if former and self.date is not None:
                date = self.date
                cands = [p for p in with_role if any(r.role == role and r.end and r.end <= date for r in p.roles)]
            elif self.date is not None:
                date = self.date
                cands = [p for p in with_role if any(r.role == role and r.active(date) for r in p.roles)]
            else:
                current = [p for p in with_role if any(r.role == role and r.end is None for r in p.roles)]
                cands = current or with_role
        elif self.date is not None:
            date = self.date
            cands = [p for p in cands if any(r.active(date) for r in p.roles)] or cands
        return cands[0] if len(cands) == 1 else None

    def sequence(self, j: int, hi: int) -> tuple[int, list[tuple[int, Lexeme]], list[Lexeme]]:
        """Read modifiers and sector words from *j*; return the end, the sector words and the modifiers."""
        a = self.a
        words: list[tuple[int, Lexeme]] = []
        mods: list[tuple[int, Lexeme]] = []
        end = j
        k = j
        while k < hi:
            found = a.at.get(k)
            if found is None:
                # an unknown acronym or run of capitalised words right before a sector word ("the NSO
                # director", "the Western Theatre Command")
                run = k
                while run < hi and run - k < 3 and run not in a.at and self._unknown_capital(run):
                    run += 1
                if run > k and run < hi and a.readings(run, "sector", "modifier") is not None:
                    k = run
                    continue
                break
            r_end, readings = found
            # the first sector word, else the first modifier, else an organisation before a sector word
            kinds = [r.kind for r in readings]
            if "sector" in kinds:
                words.append((k, readings[kinds.index("sector")]))
                end = r_end
            elif "modifier" in kinds:
                mods.append((k, readings[kinds.index("modifier")]))
            else:
                named = next((r for r in readings if r.kind == "organisation" and r.organisation), None)
                if named is not None and a.readings(r_end, "sector") is not None:
                    mods.append((k, named))
                else:
                    break
            k = r_end
        if not words:
            return j, [], []
        head_at = words[-1][0]
        return end, words, [m for p, m in mods if p < head_at]

    def _unknown_capital(self, k: int) -> bool:
        """Whether token *k* is a capitalised word or an acronym ("Theatre", "NSO")."""
        tok = self.a.toks[k]
        return (tok.isupper() or k in self.a.names) and tok.isalpha()

    def appositive(self, i: int, hi: int) -> tuple[int, list[str], str | None, str | None, Lexeme] | None:
        """Read ", [a|the] [cue] modifiers title [of-phrase]" from *i* (after the comma)."""
        a = self.a
        j = i
        if j < hi and a.keys[j] in ("a", "an", "the"):
            j += 1
        cue = self.cue(j, hi)
        countries: list[str] = []
        if cue is not None and cue.lexeme.kind in ("adjective", "country", "metonym", "region") and cue.lexeme.iso3:
            countries = [cue.lexeme.iso3]
            j = cue.end
        elif cue is not None:
            return None
        end, words, mods = self.sequence(j, hi)
        if not words or words[-1][1].word is None or words[-1][1].word.type != "title" or words[-1][1].plural:
            return None
        if not countries and words[-1][1].word.country is not None:
            countries = [words[-1][1].word.country]  # a title only one state has
        sector = _sector(words)
        title = self.title_text(j, end)
        if not countries and end < hi and a.keys[end] in _OF:
            sub = self.of_phrase(end + 1, hi)
            if sub is not None:
                end, countries, sub_sector, _ = sub
                sector = sector or sub_sector
        if end < hi and a.keys[end] not in _APPOSITIVE_CLOSERS:
            return None
        del mods
        return end, countries, sector or "GOV", title, words[-1][1]

    def of_phrase(self, i: int, hi: int) -> tuple[int, list[str], str | None, Lexeme | None] | None:
        """Read "[the] cue [and cue...] [modifiers sector-words] [seat]" after "of"/"from"."""
        a = self.a
        j = i
        if j < hi and a.keys[j] == "the":
            j += 1
        region = self.region_after(j, hi)
        if region is not None and region[2]:  # "forces from the northern region of Tigray"
            j = region[0]
        countries: list[str] = []
        org: Lexeme | None = None
        while True:
            cue = self.cue(j, hi)
            if cue is None:
                break
            if cue.lexeme.kind == "organisation" and cue.lexeme.iso3 is None:
                org = cue.lexeme
                j = cue.end
                break
            if cue.lexeme.iso3:
                countries.append(cue.lexeme.iso3)
            j = cue.end
            if j + 1 < hi and a.keys[j] in _PLURAL_CUE_JOIN and self.cue(j + 1, hi) is not None:
                j += 1
                continue
            break
        end, words, _ = self.sequence(j, hi)
        sector = _sector(words) if words else None
        if words:
            j = end
        if not countries and org is None and not words:
            return None
        seat = self.a.readings(j, "metonym")
        if seat is not None and (not countries or any(r.iso3 in countries for r in seat[1])):
            j = seat[0]
            if not countries and seat[1][0].iso3:
                countries = [seat[1][0].iso3]
        return j, countries, sector, org

    def region_after(self, i: int, hi: int) -> tuple[int, str, bool] | None:
        """Read "[the] [northern] region of <region>" or "[the] <region>" at *i*.

        Returns where the region's name starts, its country and whether a
        description ("the restive province of") came before it.
        """
        a = self.a
        j = i
        if j < hi and a.keys[j] == "the":
            j += 1
        k = j
        while k < hi and k - j < 6 and a.keys[k] in _REGION_INTRO:
            k += 1
        described = k + 1 < hi and a.keys[k] in _REGION_NOUNS and a.keys[k + 1] == "of"
        start = k + 2 if described else j
        found = a.readings(start, "region") if start < hi else None
        if found is None:
            return None
        iso3 = min((r.iso3 for r in found[1] if r.iso3), key=lambda c: -self.mentioned[c], default=None)
        return None if iso3 is None else (start, iso3, described)

    def person_country(self, i: int, hi: int) -> list[str]:
        """The country of a person of the knowledge base named in full at token *i*, if one."""
        named = self.name(i, hi)
        if named is None or named[0] != "person":
            return []
        country = person_actor(self.kb, named[2][0], self.date).country
        return [country] if country is not None else []

    def title_text(self, first: int, end: int) -> str:
        return " ".join([key for key in self.a.keys[first:end] if key != "'"]).replace(" - ", "-")

    # ----------------------------------------------------------------- the grammar

    def sentence(self, lo: int, hi: int) -> list[_Draft]:
        out: list[_Draft] = []
        starts = self.starts
        free = lo  # the first token after the last phrase read
        for p in range(bisect.bisect_left(starts, lo), len(starts)):
            k = starts[p]
            if k >= hi:
                break
            if k < free:
                continue
            got = self.phrase(k, lo, hi)
            if got is not None:
                end, drafts = got
                out.extend(drafts)
                free = max(end, k + 1)
        return out

    def phrase(self, k: int, lo: int, hi: int) -> tuple[int, list[_Draft]] | None:
        a = self.a
        i = k
        while i < hi and a.keys[i] in _DETERMINERS and i not in a.at and i - k < 2:
            i += 1
        if i < hi and i not in a.at:
            # Without a phrase of the knowledge base here, only a name or a word before a sector
            # word ("the NSO director") can start a phrase: a fast way out for all other words.
            tok = a.toks[i]
            if not ((tok.isupper() or i in a.names) and tok.isalpha()):
                return None
        if i < hi and a.keys[i] in _KOREA_WORDS and i not in a.at:
            got = self.korea(k, i, hi)
            if got is not None:
                return got
        cue = self.cue(i, hi)
        if cue is not None and cue.lexeme.kind in ("country", "metonym", "adjective", "region") and cue.lexeme.iso3:
            self.cues.append((cue.first, cue.lexeme.iso3))
        j = cue.end if cue is not None else i
        seq_start = j
        if j < hi and (j in a.at or ((a.toks[j].isupper() or j in a.names) and a.toks[j].isalpha())):
            end, words, mods = self.sequence(j, hi)
        else:
            end, words, mods = j, [], []  # what `sequence` finds where no phrase and no name is
        head = words[-1][1] if words else None
        if head is None and cue is not None and not cue.possessive and cue.lexeme.kind != "adjective":
            return self.bare_cue(cue, lo, hi)
        j = end if head is not None else j
        word = head.word if head is not None else None
        is_title = word is not None and word.type == "title"
        # ------------------------------------------------------------- a name
        named = None
        name_at = j
        if head is None or (is_title and not head.plural):
            if head is not None and j + 1 < hi and a.keys[j] == "," and (cue is not None or a.keys[k] != "the"):
                attempt = self.name(j + 1, hi)
                if attempt is not None and (
                    attempt[0] == "person" or attempt[1] >= hi or a.keys[attempt[1]] in _APPOSITIVE_CLOSERS
                ):
                    named, name_at = attempt, j + 1
            if named is None:
                named = self.name(j, hi)
        if (
            named is not None
            and named[0] == "unknown"
            and ((head is None and cue is not None) or (word is not None and word.sector is None))
        ):
            named = None  # "the Korean Peninsula", "China's Xinjiang", "Member States": not a person
        if named is not None and (head is not None or cue is not None or i == k):
            possessor = a.keys[k] == "its" and cue is None
            return self.named(cue=cue, words=words, mods=mods, named=named, name_at=name_at, hi=hi, possessor=possessor)
        if head is not None and cue is not None and cue.possessive and head.form in _ACTION_NOUNS:
            got = self.bare_cue(cue, lo, hi)  # "Beijing's opposition to the plan": the noun is no actor
            return None if got is None else (max(got[0], end), got[1])
        if head is None:
            if cue is not None and cue.possessive:
                return self.bare_cue(cue, lo, hi)
            if cue is not None and cue.lexeme.kind == "adjective":
                return self.demonym(cue)
            return None
        possessor = a.keys[k] == "its" and cue is None
        return self.described(cue=cue, seq_start=seq_start, words=words, mods=mods, end=end, hi=hi, possessor=possessor)

    def korea(self, k: int, i: int, hi: int) -> tuple[int, list[_Draft]] | None:
        """Read "both Koreas", "the two Koreas" (the two states) and "the North", "the South" (one of them).

        "the North" and "the South" are the Korean states only in an article
        that names one of them, and only standing alone ("the South China Sea",
        "the south of France" are places).
        """
        a = self.a
        word = a.keys[i]
        if word == "koreas":
            if not {"both", "two"} & set(a.keys[k:i]):
                return None
            return i + 1, [
                _Draft(k, i + 1, MentionKind.DESCRIPTION, 0.8, shared_actor(kind=ActorKind.STATE, country=country))
                for country in ("KOR", "PRK")
            ]
        if i != k + 1 or a.keys[k] != "the" or not a.toks[i][:1].isupper():
            return None
        if not (self.mentioned["KOR"] or self.mentioned["PRK"]):
            return None
        if i + 1 < hi and (a.is_capitalised(i + 1) or a.keys[i + 1] == "-"):
            return None
        if i + 2 < hi and a.keys[i + 1] == "of" and (a.is_capitalised(i + 2) or a.keys[i + 2] == "the"):
            return None  # "the South of France", "the North of the country"
        country = "PRK" if word == "north" else "KOR"
        self.cues.append((i, country))
        return i + 1, [_Draft(k, i + 1, MentionKind.METONYM, 0.8, shared_actor(kind=ActorKind.STATE, country=country))]

    def bare_cue(self, cue: _Cue, lo: int, hi: int) -> tuple[int, list[_Draft]] | None:
        a = self.a
        lexeme = cue.lexeme
        if lexeme.kind == "adjective":
            return self.demonym(cue)
        if cue.first in self.places:
            return self.places[cue.first][0], []
        after = cue.end
        if (
            not cue.possessive
            and after < hi
            and after not in a.at
            and a.is_capitalised(after)
            and lexeme.kind in ("country", "metonym", "region")
        ):
            return a.name_run(after, hi), []  # part of a longer name ("Korea Herald", "Seoul National University")
        if lexeme.kind == "region":
            return cue.end, []  # a region alone is a place, not an actor
        if lexeme.kind == "organisation" and lexeme.organisation is not None:
            org = lexeme.organisation
            if self.setting(cue, lo, hi) or self.abbreviation(cue, lo, hi):
                return cue.end, []
            actor = org_actor(org)
            return cue.end, [_Draft(cue.first, cue.name_end, MentionKind.NAME, 1.0, actor)]
        if lexeme.iso3 is None:
            return None
        if lexeme.kind == "metonym":
            actor = shared_actor(kind=ActorKind.STATE, country=lexeme.iso3, sector="GOV")
            return cue.end, [_Draft(cue.first, cue.name_end, MentionKind.METONYM, 0.9, actor)]
        actor = shared_actor(kind=ActorKind.STATE, country=lexeme.iso3)
        return cue.end, [_Draft(cue.first, cue.name_end, MentionKind.NAME, 0.95, actor)]

    def setting(self, cue: _Cue, lo: int, hi: int) -> bool:
        """Whether an organisation names the setting of a meeting ("the APEC summit", "on the sidelines of")."""
        a = self.a
        after = cue.end
        if after + 2 < hi and a.keys[after] == "(" and a.keys[after + 2] == ")":
            after += 3  # "the Asia-Pacific Economic Cooperation (APEC) Summit"
        if after < hi and a.keys[after] in _SETTING_AFTER:
            return True
        j = cue.first - 1
        if j >= lo and a.keys[j] == "the":
            j -= 1
        return j - 1 >= lo and a.keys[j] == "of" and a.keys[j - 1] == "sidelines"

    def abbreviation(self, cue: _Cue, lo: int, hi: int) -> bool:
        """Whether an organisation in brackets abbreviates the one just named ("... Cooperation (APEC)")."""
        a = self.a
        if not (cue.first - 1 > lo and a.keys[cue.first - 1] == "(" and cue.end < hi and a.keys[cue.end] == ")"):
            return False
        before = self.ends_at.get(cue.first - 1)
        if before is None:
            return False
        return any(r.organisation == cue.lexeme.organisation for r in a.at[before][1])

    def demonym(self, cue: _Cue) -> tuple[int, list[_Draft]] | None:
        if cue.lexeme.plural and cue.lexeme.iso3:
            actor = shared_actor(kind=ActorKind.GROUP, country=cue.lexeme.iso3, sector="CVL")
            return cue.end, [_Draft(cue.first, cue.name_end, MentionKind.DESCRIPTION, 0.7, actor)]
        return None

    def named(
        self,
        *,
        possessor: bool = False,
        cue: _Cue | None,
        words: list[tuple[int, Lexeme]],
        mods: list[Lexeme],
        named: tuple[str, int, tuple[Person, ...]],
        name_at: int,
        hi: int,
    ) -> tuple[int, list[_Draft]] | None:
        a = self.a
        kind, end, people = named
        head = words[-1][1] if words else None
        word = head.word if head is not None else None
        iso3 = cue.lexeme.iso3 if cue is not None and cue.lexeme.kind != "organisation" else None
        if cue is None and word is not None and word.country is not None:
            iso3 = word.country  # a title only one state has ("Chief Cabinet Secretary X")
        first = cue.first if cue is not None else (words[0][0] if words else name_at)
        role = word.role if word is not None and word.role in KB_ROLES else None
        blocking = any(m.blocking for m in mods)
        person: Person | None = None
        confidence = 1.0
        if kind == "person":
            person = people[0]
        elif kind == "surname" and (head is not None or cue is not None):
            former = any(m.form in ("former", "ex") for m in mods)
            person = self.resolve_surname(
                people, role=None if blocking and not former else role, country=iso3, former=former
            )
            confidence = 0.9 if self.date is not None else 0.7
        elif kind == "surname":
            return None  # a bare surname: coreference
        if person is not None:
            actor = person_actor(self.kb, person, self.date, role=role)
            if head is None and cue is None:
                app = self.appositive(end + 1, hi) if end + 1 < hi and a.keys[end] == "," else None
                if app is not None:
                    end = app[0]
            return end, [_Draft(first, end, MentionKind.NAME, confidence, actor)]
        # an unknown name (or a surname the knowledge base cannot pin down)
        name = a.text[a.starts[name_at] : a.ends[end - 1]]
        if a.readings(name_at, "honorific") is not None:
            return end, []
        if head is None and cue is None:
            if end >= hi or a.keys[end] != ",":
                return end, []
            app = self.appositive(end + 1, hi)
            if app is None:
                return end, []
            app_end, countries, sector, title, _ = app
            fields: dict[str, object] = {"name": name, "kind": ActorKind.PERSON, "sector": sector, "role": title}
            if countries:
                actor = shared_actor(country=countries[0], **fields)
                return app_end, [_Draft(name_at, app_end, MentionKind.NAME, 0.85, actor)]
            return app_end, [_Draft(name_at, app_end, MentionKind.NAME, 0.75, None, fields, possessed=possessor)]
        if head is None and not (cue is not None and (cue.possessive or cue.lexeme.kind == "adjective")):
            return end, []
        sector = _sector(words) if words else None
        title = self.title_text(words[0][0], words[-1][0] + 1) if words else None
        if word is not None and title is not None:
            title = self.title_text(words[0][0], self._word_end(words[-1][0]))
        if cue is not None and cue.lexeme.kind == "organisation" and cue.lexeme.organisation is not None:
            org = cue.lexeme.organisation
            if org.country is None:
                actor = org_actor(org, role=title)
                return end, [_Draft(first, end, MentionKind.NAME, 0.8, actor)]
            iso3 = org.country
        fields = {
            "name": name,
            "kind": ActorKind.PERSON,
            "sector": sector or (None if head is None else "GOV"),
            "role": title,
        }
        if iso3 is not None:
            actor = shared_actor(country=iso3, **fields)
            return end, [_Draft(first, end, MentionKind.NAME, 0.85, actor)]
        draft = _Draft(first, end, MentionKind.NAME, 0.7, None, fields, possessed=possessor)
        if role is not None and not blocking and fields["sector"] == "GOV":
            draft.kb_role = role
        return end, [draft]

    def proper(self, first: int, end: int) -> bool:
        """Whether the words of a phrase are capitalised, as in the name of a body ("the Foreign Ministry")."""
        a = self.a
        words = [k for k in range(first, end) if a.toks[k].isalpha() and a.keys[k] not in _LOWER_IN_NAMES]
        return (
            bool(words) and all(a.toks[k][:1].isupper() for k in words) and not all(a.toks[k].isupper() for k in words)
        )

    def proper_body(self, first: int, end: int) -> bool:
        """Whether tokens *first* to *end* name a body with capitals ("the Supreme Electoral Tribunal")."""
        start = self.ends_at.get(end)
        if start is None or not self.proper(first, end):
            return False
        return any(r.kind == "sector" and r.word is not None and r.word.type == "body" for r in self.a.at[start][1])

    def initial_word(self, first: int, end: int) -> bool:
        """Whether a phrase is one word opening its sentence ("Police detained..."): its capital proves nothing."""
        return end - first == 1 and self.a.sentences[self.a.sentence_of[first]][0] == first

    def _word_end(self, k: int) -> int:
        found = self.a.at.get(k)
        return found[0] if found is not None else k + 1

    def described(
        self,
        *,
        possessor: bool = False,
        cue: _Cue | None,
        seq_start: int,
        words: list[tuple[int, Lexeme]],
        mods: list[Lexeme],
        end: int,
        hi: int,
    ) -> tuple[int, list[_Draft]]:
        a = self.a
        head = words[-1][1]
        word = head.word
        assert word is not None  # noqa: S101 - sector readings carry their word
        is_title = word.type == "title"
        first = cue.first if cue is not None else seq_start
        if cue is None and first in self.places:
            return max(end, self.places[first][0]), []
        sector = _sector(words)
        title = self.title_text(seq_start, end) if is_title else None
        countries: list[str] = []
        found_org: Actor | None = None
        of_body = False
        """Whether an of-phrase names a national body ("the head of the Supreme Electoral Tribunal")."""
        if cue is not None:
            lexeme = cue.lexeme
            if lexeme.kind == "organisation" and lexeme.organisation is not None:
                org = lexeme.organisation
                if org.country is None:
                    found_org = org_actor(org, role=title)
                elif lexeme.iso3:
                    countries = [lexeme.iso3]
            elif lexeme.iso3:
                countries = [lexeme.iso3]
        elif end < hi and a.keys[end] in _OF:
            sub = self.of_phrase(end + 1, hi)
            if sub is not None:
                sub_end, countries, sub_sector, org_lexeme = sub
                sector = sector or sub_sector
                of_body = not countries and org_lexeme is None and self.proper_body(end + 1, sub_end)
                end = sub_end
                if org_lexeme is not None and org_lexeme.organisation is not None and not countries:
                    org = org_lexeme.organisation
                    found_org = org_actor(org, role=title)
                elif not countries and org_lexeme is None:
                    # "the government of President X": the state of the known person X
                    countries = self.person_country(sub_end, hi)
        elif end + 1 < hi and a.keys[end] == "in" and (sector or "GOV") not in _IN_REGION_BLOCKED:
            region = self.region_after(end + 1, hi)  # "separatists in Donetsk", "authorities in the Tigray region"
            if region is not None:
                countries = [region[1]]
                end = a.at[region[0]][0]
        if not countries and found_org is None and cue is None and word.country is not None:
            countries = [word.country]  # a title or body only one state has
        # a seat of government in apposition ("South Korea's presidential office Cheong Wa Dae")
        seat = a.readings(end, "metonym") if end < hi else None
        if seat is not None and countries and any(r.iso3 in countries for r in seat[1]):
            end = seat[0]
        if word.role == "counterpart":
            return end, []  # "her Chinese counterpart" without a name: coreference
        if found_org is not None:
            return end, [_Draft(first, end, MentionKind.DESCRIPTION, 0.85, found_org)]
        media = next((m for m in mods if m.kind == "organisation" and m.organisation is not None), None)
        if media is not None and media.organisation is not None and media.organisation.country is not None:
            org = media.organisation
            actor = org_actor(org)
            return end, [_Draft(first, end, MentionKind.NAME, 0.9, actor)]
        sector = sector or "GOV"
        if is_title:
            kind = ActorKind.GROUP if head.plural else ActorKind.PERSON
        else:
            body = self.kb.sector(sector)
            kind = ActorKind(body.kind) if body is not None and body.kind in ("state", "group") else ActorKind.GROUP
        if not countries:
            national = (
                possessor
                or of_body
                or any(m.form in _NATIONAL_BODIES for m in mods)
                or any(w.word is not None and w.word.forms[0] in _NATIONAL_BODY_WORDS for _, w in words)
                or (not is_title and self.proper(seq_start, end) and not self.initial_word(seq_start, end))
            )
            # a bare "police", "protesters", "lawmakers" (with "the", coreference finds the body's country)
            domestic = (
                not national
                and (not is_title or head.plural)
                and (sector in _DOMESTIC_SECTORS or head.form in _DOMESTIC_WORDS)
                and (seq_start == 0 or a.keys[seq_start - 1] not in _DEFINITE)
            )
            if national or domestic:
                fields: dict[str, object] = {"kind": kind, "sector": sector, "role": title}
                draft = _Draft(first, end, MentionKind.DESCRIPTION, 0.6, None, fields, possessed=possessor)
                draft.domestic = domestic
                return end, [draft]
            return end, []
        blocking = any(m.blocking for m in mods) or len(words) > 1
        drafts = []
        for country in dict.fromkeys(countries):
            holder = None
            role_holder = is_title and word.role in KB_ROLES and sector == "GOV" and not blocking
            if role_holder and (not head.plural or len(countries) > 1):
                holder = self.kb.holder(country, word.role or "", on=self.date)
            if holder is not None:
                actor = person_actor(self.kb, holder, self.date, role=word.role)
                confidence = 0.8 if self.date is not None else 0.55
            else:
                actor = shared_actor(kind=kind, country=country, sector=sector, role=title)
                confidence = 0.85
            drafts.append(_Draft(first, end, MentionKind.DESCRIPTION, confidence, actor))
        return end, drafts


def _sector(words: Sequence[tuple[int, Lexeme]]) -> str | None:
    """The sector of a phrase: a non-government modifier's ("opposition leader"), else the head's."""
    for _, w in words[:-1]:
        if w.word is not None and w.word.sector not in (None, "GOV"):
            return w.word.sector
    for _, w in reversed(words):
        if w.word is not None and w.word.sector is not None:
            return w.word.sector
    return None


def _topic(
    first: int,
    sentence_of: dict[int, int],
    starts: dict[int, int],
    cues: list[tuple[int, str]],
    positions: list[int],
) -> str | None:
    """The country a sentence-initial title continues from the previous sentence's subject.

    "Seoul reacted sharply. Trade Minister X denounced ..." makes X South
    Korean: a title without nationality that opens its sentence, with no
    nationality before it there, takes the country that opened the sentence
    before.
    """
    n = sentence_of.get(first)
    if n is None or first - starts.get(n, first) > 3:
        return None
    at = bisect.bisect_left(positions, first) - 1
    if at >= 0 and sentence_of.get(cues[at][0]) == n:
        return None
    previous = starts.get(n - 1)
    if previous is None:
        return None
    opening = [iso3 for p, iso3 in cues if sentence_of.get(p) == n - 1 and p - previous <= 1]
    return opening[0] if opening else None


_NEAR = 15
"""How far before a titled name a nationality may stand to give it its country ("Venezuela's ... President X")."""


def _near_cue(first: int, sentence_of: dict[int, int], cues: list[tuple[int, str]], positions: list[int]) -> str | None:
    """The country named just before a title without nationality, in the same sentence."""
    at = bisect.bisect_left(positions, first) - 1
    if at < 0:
        return None
    p, iso3 = cues[at]
    n = sentence_of.get(first)
    if n is None or sentence_of.get(p) != n or first - p > _NEAR:
        return None
    return iso3


def _nearest(d: _Draft, sentence_of: dict[int, int], cues: list[tuple[int, str]], positions: list[int]) -> str | None:
    """The country of the nationality cue nearest a draft in its sentence, before or after it."""
    n = sentence_of.get(d.first, -1)
    best: tuple[int, str] | None = None
    at = bisect.bisect_left(positions, d.first)
    for idx in (at - 2, at - 1, at, at + 1):
        if 0 <= idx < len(cues):
            p, iso3 = cues[idx]
            if sentence_of.get(p, -2) != n or d.first <= p < d.end:
                continue
            distance = abs(p - d.first)
            if best is None or distance < best[0]:
                best = (distance, iso3)
    return best[1] if best is not None else None


def _owner(
    d: _Draft, sentence_of: dict[int, int], organisations: Sequence[tuple[int, Actor]], cue_at: int
) -> Actor | None:
    """The organisation or group an "its" title belongs to: the last actor named, after any nationality."""
    n = sentence_of.get(d.first, -1)
    at = bisect.bisect_left(organisations, d.first, key=operator.itemgetter(0)) - 1
    if at < 0:
        return None
    p, actor = organisations[at]
    if p <= cue_at or sentence_of.get(p, -9) < n - 1:
        return None
    return actor if actor.kind in (ActorKind.ORGANISATION, ActorKind.GROUP) else None


def _fill(
    drafts: list[_Draft],
    sentence_of: dict[int, int],
    cues: list[tuple[int, str]],
    home: str | None,
    placed: dict[int, str],
    *,
    held: Callable[[str, str], bool] = lambda _country, _role: False,
    organisations: Sequence[tuple[int, Actor]] = (),
) -> list[_Draft]:
    """Give pending drafts a country: the home country, else the nearest cue in the sentence.

    A domestic body or crowd ("police", "protesters") is of the home country,
    else of the country of the place its sentence names ("in Minsk"); without
    either it is dropped. An unknown person titled with a role of the
    knowledge base ("President X") is of no state whose holder of that role
    at the article's date the knowledge base knows (``held(country, role)``)
    while another state is at hand: "President X" after a sentence about the
    United States is not American when the American president is someone
    else. A title after "its" is of the organisation named last before it
    (*organisations*: the first tokens and actors of the mentions known, in
    text order), when no other actor or nationality came after it. Returns the drafts kept.
    """
    positions = [p for p, _ in cues]
    starts: dict[int, int] = {}
    for token, n in sorted(sentence_of.items()):
        starts.setdefault(n, token)
    dropped: set[int] = set()
    for d in drafts:
        if d.actor is not None or d.pending is None:
            continue
        if d.domestic:
            place = placed.get(sentence_of.get(d.first, -1))
            if place is None and home is None:
                dropped.add(id(d))
                continue
            d.actor = shared_actor(country=home or place, **d.pending)
            continue
        person = d.pending.get("kind") in (ActorKind.PERSON, "person") and bool(d.pending.get("name"))
        near = _near_cue(d.first, sentence_of, cues, positions) if person else None
        role = d.kb_role
        if role is not None and not d.possessed:
            options = (near, _topic(d.first, sentence_of, starts, cues, positions), home)
            nearest = _nearest(d, sentence_of, cues, positions)
            country = next((c for c in (*options, nearest) if c is not None and not held(c, role)), None)
            if country is None:  # every state has its holder: a name the knowledge base spells otherwise
                country = next((c for c in (*options, nearest) if c is not None), None)
            d.actor = shared_actor(country=country, **d.pending)
            if country is None:
                d.confidence = min(d.confidence, 0.4)
            continue
        country = near or _topic(d.first, sentence_of, starts, cues, positions) or home
        if d.possessed:
            at = bisect.bisect_left(positions, d.first) - 1
            n = sentence_of.get(d.first, -1)
            if at >= 0 and sentence_of.get(cues[at][0], -9) >= n - 2:
                country = cues[at][1]
            owner = _owner(d, sentence_of, organisations, cues[at][0] if at >= 0 else -1)
            if owner is not None and owner.country is not None:  # "the TPLF ... its fighters"
                country = owner.country
            elif owner is not None:  # "the IAEA said its chief would travel": the organisation's official
                d.actor = shared_actor(
                    name=owner.name, kind=owner.kind, sector=owner.sector, code=owner.code, role=d.pending.get("role")
                )
                continue
        if country is None:
            country = _nearest(d, sentence_of, cues, positions)
        d.actor = shared_actor(country=country, **d.pending)
        if country is None:
            d.confidence = min(d.confidence, 0.4)
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


@registries.extractors.register("actors")
class ActorRecogniser(KnowledgeBaseStep):
    """Find the actors the text mentions: states, governments, organisations, groups and people.

    Args:
        dictionaries: Paths of user dictionaries (JSON or TOML) to add to the
            packaged knowledge base.
        kb: A knowledge base to use instead (it pickles as its dictionaries,
            so worker processes rebuild it from their own cache).

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Article, Document, Reference
        >>> text = "South Korean Foreign Minister Kang Kyung-wha met Chinese officials in Beijing."
        >>> doc = ActorRecogniser()(Document(article=Article(id="a", text=text),
        ...     reference=Reference(date=dt.date(2017, 11, 22), method="test")))
        >>> for m in doc.mentions:
        ...     print(m.text, m.actor.country, m.actor.sector, m.actor.name)
        South Korean Foreign Minister Kang Kyung-wha KOR GOV Kang Kyung-wha
        Chinese officials CHN GOV None
    """

    name = "actors"

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its actor mentions (replacing any it had)."""
        return attrs.evolve(doc, mentions=tuple(self.mentions(doc)))

    def mentions(self, doc: Document) -> list[Mention]:
        """Return the actor mentions of *doc*, in text order."""
        kb = self.kb
        analysis = analyse(doc, kb)
        parser = _Parser(analysis, kb, article_date(doc))
        drafts: list[_Draft] = []
        sentence_of: dict[int, int] = {}
        for n, (lo, hi) in enumerate(analysis.sentences):
            for d in parser.sentence(lo, hi):
                sentence_of[d.first] = n
                drafts.append(d)
        placed: dict[int, str] = {}
        """The country of the first place each sentence names."""
        for first, _end, location in find_places(analysis, kb):
            if location.country is not None:
                parser.cues.append((first, location.country))
                placed.setdefault(analysis.sentence_of[first], location.country)
        for d in drafts:
            if d.actor is not None and d.actor.country is not None and d.actor.kind is ActorKind.PERSON:
                parser.cues.append((d.first, d.actor.country))
        parser.cues.sort()
        for p, _ in parser.cues:
            sentence_of.setdefault(p, analysis.sentence_of[p])
        counts = Counter(d.actor.country for d in drafts if d.actor is not None and d.actor.country is not None)
        date = parser.date

        def held(country: str, role: str) -> bool:
            return date is not None and bool(kb.holders(country, role, on=date))

        organisations = [(d.first, d.actor) for d in drafts if d.actor is not None]
        for p, _ in organisations:
            sentence_of.setdefault(p, analysis.sentence_of[p])
        drafts = _fill(
            drafts,
            sentence_of,
            parser.cues,
            home_country(kb, doc, counts),
            placed,
            held=held,
            organisations=organisations,
        )
        drafts = _shared_heads(analysis, kb, drafts, parser.date)
        out = []
        text, starts, ends = doc.text, analysis.starts, analysis.ends
        for d in drafts:
            assert d.actor is not None  # noqa: S101 - filled above
            start, end = starts[d.first], ends[d.end - 1]
            span = Span(start=start, end=end)
            out.append(Mention(span=span, text=text[start:end], actor=d.actor, kind=d.kind, confidence=d.confidence))
        return out


@functools.lru_cache(maxsize=8)
def demonyms(kb: KnowledgeBase) -> dict[tuple[str, ...], str]:
    """The knowledge base's nationality adjectives as normalised token tuples ("south", "korean") -> "KOR"."""
    out: dict[tuple[str, ...], str] = {}
    for country in kb.countries:
        for adjective in country.adjectives:
            out.setdefault(tuple(normalise_all(adjective.replace("-", " ").split())), country.iso3)
    return out


def _shared_heads(
    analysis: Analysis, kb: KnowledgeBase, drafts: list[_Draft], date: dt.date | None = None
) -> list[_Draft]:
    """Add the other nationality of "Indian and Chinese troops", "Russian and Ukrainian delegations".

    Two nationality adjectives joined by "and" share the noun after the second:
    the first names a group of the same sector of its own state. A plural
    title of a role of the knowledge base ("the French and Australian foreign
    ministers") names the two holders at *date*, when both are known.
    """
    adjectives = demonyms(kb)
    keys = analysis.keys
    taken = {k for d in drafts for k in range(d.first, d.end)}
    added: list[_Draft] = []
    for d in drafts:
        actor = d.actor
        if actor is None or d.kind is not MentionKind.DESCRIPTION or actor.sector is None or actor.name is not None:
            continue
        if d.first < 2 or keys[d.first - 1] != "and":
            continue
        for size in (2, 1):
            first = d.first - 1 - size
            if first < 0 or any(k in taken for k in range(first, d.first - 1)):
                continue
            country = adjectives.get(tuple(keys[first : d.first - 1]))
            if country is not None and country != actor.country and analysis.upper[first]:
                other = shared_actor(kind=actor.kind, country=country, sector=actor.sector)
                word = kb.sector_word(actor.role) if actor.role else None
                if word is not None and word.role in KB_ROLES and actor.country is not None and date is not None:
                    # "the French and Australian foreign ministers": one holder of the role for each state
                    mine = kb.holder(actor.country, word.role, on=date)
                    theirs = kb.holder(country, word.role, on=date)
                    if mine is not None and theirs is not None:
                        d.actor = person_actor(kb, mine, date, role=word.role)
                        other = person_actor(kb, theirs, date, role=word.role)
                added.append(_Draft(first, d.first - 1, MentionKind.DESCRIPTION, d.confidence, other))
                break
    if not added:
        return drafts
    return sorted(drafts + added, key=lambda d: d.first)


def mention_span(analysis: Analysis, first: int, end: int) -> Span:
    """Return the character span of tokens ``first`` to ``end`` (exclusive)."""
    return analysis.span(first, end)
