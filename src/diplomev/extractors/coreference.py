"""The coreference step: second references resolved to the actors they stand for.

Within one article, in text order:

* short names ("Kang", "Moon", "Nam") → the person named in full earlier whose
  surname, first or last name it is; without one, the knowledge base's person
  of that surname in office at the article's date, when only one fits;
* titles and bodies with "the" ("the foreign minister", "the president",
  "the official", "the spokesman", "the ministry", "the government") → the
  most recent compatible mention; without one, the article's home country;
* "her/his <Nationality> counterpart" → the person of that nationality in the
  possessor's role (from the article, else the knowledge base at the date);
* "the two sides", "both sides", "the two nations", "the two countries",
  "the two neighbours", "both countries", "the countries", "both", "the two"
  → one mention per party, the parties being the two states the article
  mentions most;
* "he", "she", "him" → the most recent person of that gender (recorded in the
  knowledge base or learnt from earlier pronouns), else the only candidate,
  else the subject of the sentence or of the previous one; "they", "them" →
  the pair just mentioned ("South Korea and China ... They"); "it said" →
  the most recent organ that speaks (a ministry, an office).

Coreferent mentions have the kind `MentionKind.SHORT_NAME`,
`MentionKind.ANAPHOR` or `MentionKind.PRONOUN` and their ``antecedent`` is
the span of the mention they were resolved to.

Added in version 0.1.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterator

import attrs

from diplomev.extractors._kbstep import KnowledgeBaseStep
from diplomev.extractors._patterns import IRREGULAR_PAST
from diplomev.extractors.actors import KB_ROLES, article_date, home_country, person_actor, place_country, shared_actor
from diplomev.kb import KnowledgeBase, Lexeme
from diplomev.kb._document import Analysis, analyse
from diplomev.model import Actor, ActorKind, Document, Mention, MentionKind, Span
from diplomev.registry import registries

__all__ = ["CoreferenceResolver"]

_PAIR_NOUNS = frozenset(
    {"sides", "nations", "countries", "neighbors", "neighbours", "governments", "states", "allies", "capitals"},
)
_COUNTRIES = frozenset({"countries", "nations", "neighbors", "neighbours"})
"""The nouns of "the countries" (the two parties)."""
_VERBISH = frozenset(
    {
        "also", "agreed", "agree", "have", "had", "has", "will", "would", "are", "were", "said", "say",
        "shared", "share", "met", "meet", "held", "hold", "reaffirmed", "reiterated", "stressed", "noted",
        "discussed", "exchanged", "signed", "vowed", "pledged", "expressed", "decided", "called", "should",
        "can", "could", "may", "might", "must", "need", "remain", "remained", "continue", "continued",
    }
)  # fmt: skip
_REPORTING = frozenset(
    {"said", "says", "added", "adds", "noted", "stated", "announced", "quoted", "reported", "explained", "claimed"},
)
_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
_POSSESSIVES = {"his": "male", "her": "female"}
_AFTER_OBJECT_HER = frozenset(
    {
        ".", ",", ";", ":", "?", "!", ")", '"', "'", "to", "and", "that", "about", "on", "in", "at", "for",
        "with", "of", "as", "during", "after", "before", "by", "from", "over", "into", "if", "when", "while",
        "again", "last", "this", "next", "not", "because", "so",
    }
)  # fmt: skip
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mme", "mister"})
"""Titles of courtesy before a surname."""
_SIDE_PREPOSITIONS = frozenset({"alongside", "beside", "like", "unlike", "including", "accompanied", "joined"})
"""More words before a person that make it no subject ("speaking alongside X")."""
_SUBJECT_BLOCKERS = frozenset(
    {"of", "in", "with", "to", "for", "from", "at", "on", "against", "by", "about", "over", "between", "under",
     "toward", "towards", "into", "among", "near", "during", "than", "'s", "and", "or"}
)  # fmt: skip
"""Words before a mention that make it no subject of its sentence ("talks with X", "X's")."""
_NOT_ACTS = frozenset(
    {"seemed", "appeared", "remained", "looked", "happened", "needed", "took", "came", "became", "meant", "was",
     "were", "is", "had", "made", "followed", "added", "said", "stated", "noted", "called", "emerged", "showed"}
)  # fmt: skip
"""Verbs after a sentence-opening "it" that read as an expletive or a thing, not a party acting."""


def _acts(keys: list[str], k: int, hi: int) -> bool:
    """Whether the words from *k* read as a party's act after "It": a past-tense verb ("It imposed ...")."""
    while k < hi and keys[k] in ("also", "then", "later", "has", "have"):
        k += 1
    if k >= hi:
        return False
    word = keys[k]
    return word not in _NOT_ACTS and word.isalpha() and (word.endswith("ed") or word in IRREGULAR_PAST)


_STYLES = frozenset({"president", "king", "queen", "emperor", "empress", "emir", "sultan", "chancellor", "premier"})
"""Styles of office that tell holders of one role apart ("the King" is not "President X")."""
_CLAUSE_BREAKS = frozenset(
    {",", ";", ":", "that", "who", "which", "where", "when", "while", "after", "before", "because", "if", "as",
     "said", "says", "told", "added", "but"}
)  # fmt: skip
"""Words that end a clause: a person before them may be the antecedent of an object pronoun after them."""
_AND = (["and"], [",", "and"], ["&"])
"""What joins two mentions into a pair ("South Korea and China")."""
_BY_SPAN = operator.attrgetter("span.start", "span.end")
_LOOKBACK = 200
_PERSON_WINDOW = 30
"""How many earlier mentions are searched for an antecedent (keeps long texts linear)."""
_OFFICE = "office"
"""The word of a person's office ("Assad's office"), a government body after a possessive name."""
_HEAD_ROLES = frozenset({"head_of_state", "head_of_government"})
_GENERIC_LEADER = "leader"
"""The title of a head of state or of government alike ("the two leaders")."""
_ORG_NOUNS = frozenset(
    {"agency", "watchdog", "alliance", "bloc", "organisation", "organization", "commission", "fund", "body"}
)
"""Nouns that stand for an international organisation named before ("the agency", "the bloc")."""
_ANY_ORG_NOUNS = frozenset({"watchdog", "bloc", "alliance", "organisation", "organization", "body"})
"""Of those, the nouns that may stand for an organisation whose name does not hold them."""
_SPOKES = ("spokesman", "spokeswoman", "spokesperson", "spokespersons", "spokesmen", "spokeswomen", "spokespeople")


@attrs.define
class _Seen:
    """A mention (or a group of mentions sharing a span) as the resolver walks the text."""

    first: int
    end: int
    sentence: int
    mentions: list[Mention]
    actors: list[Actor] = attrs.field(init=False)
    key: str = attrs.field(init=False)
    """The identity of the first actor, for people: its name, else its country, sector and role."""

    def __attrs_post_init__(self) -> None:
        self.actors = [m.actor for m in self.mentions]
        self.key = _person_key(self.actors[0])

    @property
    def span(self) -> Span:
        return self.mentions[0].span


def _person_key(actor: Actor) -> str:
    return actor.name or f"{actor.country}|{actor.sector}|{actor.role}"


def _head(form: str) -> str:
    return "spokes" if form in _SPOKES else form


def _is_group(g: _Seen) -> bool:
    """Whether *g* is one plural noun phrase ("supporters", "the protesters"), not a pair of parties."""
    return len(g.actors) == 1 and g.actors[0].kind is ActorKind.GROUP


class _Resolver:
    """Walks one document and collects coreferent mentions."""

    def __init__(self, doc: Document, analysis: Analysis, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.a = analysis
        self.kb = kb
        self.date: dt.date | None = article_date(doc)
        starts = analysis.starts
        self.groups: list[_Seen] = []
        by_span: dict[tuple[int, int], list[Mention]] = {}
        for m in doc.mentions:
            by_span.setdefault((m.span.start, m.span.end), []).append(m)
        for (start, end), ms in sorted(by_span.items()):
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            if first < last:
                n = analysis.sentence_of[first] if first < len(analysis.sentence_of) else -1
                self.groups.append(_Seen(first, last, n, ms))
        counts = Counter(m.actor.country for m in doc.mentions if m.actor.country is not None)
        places = Counter(p.location.country for p in doc.places if p.location.country is not None)
        first_seen: dict[str, int] = {}
        located = [(m.span.start, m.actor.country) for m in doc.mentions]
        located += [(p.span.start, p.location.country) for p in doc.places]
        for start, country in sorted(located, key=operator.itemgetter(0)):
            if country is not None:
                first_seen.setdefault(country, start)
        about = counts + places
        about.update(self._paired(analysis))  # states named as a pair ("X and Y") are likelier the two parties
        ranked = sorted(about, key=lambda c: (-about[c], first_seen[c]))
        self.parties = ranked[:2] if len(ranked) >= 2 else []
        self.named_states = frozenset(about)
        """Every state the article names (its mentions and places)."""
        self.organisations: dict[str, Actor] = {}
        """The international organisations the article names, by code, that "both sides" may include."""
        sides = Counter(about)
        for m in doc.mentions:
            actor = m.actor
            if actor.kind is ActorKind.ORGANISATION and actor.country is None and actor.code:
                self.organisations.setdefault(
                    actor.code, shared_actor(name=actor.name, kind=actor.kind, sector=actor.sector, code=actor.code)
                )
                sides[actor.code] += 1
                first_seen.setdefault(actor.code, m.span.start)
        ranked = sorted(sides, key=lambda c: (-sides[c], first_seen[c]))
        self.sides = ranked[:2] if len(ranked) >= 2 else []
        """The two main parties, organisations included: "both sides" of talks between a state and an agency."""
        self.home = home_country(kb, doc, counts)
        self.times = sorted((t.span.start, t.span.end) for t in doc.times)
        # state while walking
        self.seen: list[_Seen] = []
        self.persons: list[_Seen] = []
        self.genders: dict[str, str] = {}
        self.by_name_part: dict[str, _Seen] = {}
        self.last_plural: _Seen | None = None
        self.last_country: dict[str, _Seen] = {}
        self.out: list[Mention] = []
        self.replaced: dict[tuple[int, int], list[Mention]] = {}
        self.acronyms: dict[str, tuple[_Seen, int]] = {}
        self.acronym_at: frozenset[int] = frozenset()
        """The tokens that repeat an acronym defined in brackets somewhere in the text."""
        """Acronyms defined in brackets after a mention: the mention and the acronym's token."""

    def _paired(self, analysis: Analysis) -> Counter[str]:
        """One count for each state of every pair of single states joined by "and" ("X and Y")."""
        paired: Counter[str] = Counter()
        for a, b in itertools.pairwise(self.groups):
            if a.sentence != b.sentence or analysis.keys[a.end : b.first] not in _AND:
                continue
            x, y = a.actors[0].country, b.actors[0].country
            if len(a.actors) == len(b.actors) == 1 and x is not None and y is not None and x != y:
                paired.update((x, y))
        return paired

    # ----------------------------------------------------------------- bookkeeping

    def see(self, g: _Seen) -> None:
        """Record a mention group as a possible antecedent."""
        seen, actors = self.seen, g.actors
        prev = seen[-1] if seen else None
        seen.append(g)
        for actor in actors:
            if actor.country is not None:
                self.last_country[actor.country] = g
            elif actor.code and actor.kind is ActorKind.ORGANISATION:
                self.last_country[actor.code] = g
        if len(actors) > 1 or actors[0].kind is ActorKind.GROUP:
            self.last_plural = g
        elif prev is not None and prev.sentence == g.sentence and self._joined_by_and(prev, g):
            self.last_plural = _Seen(prev.first, g.end, g.sentence, prev.mentions + g.mentions)
        if len(actors) == 1:
            self._acronym(g)
        actor = actors[0]
        if actor.kind is ActorKind.ORGANISATION and actor.role and len(actors) == 1:
            # an organisation's official ("the UN chief", "Secretary-General X") is a person that "he" may
            # refer to, coded as the organisation
            official = self._official_name(g, actor)
            self.persons.append(g)
            person = self.kb.person_by_name(official) if official else None
            if person is not None and person.gender:
                self.genders.setdefault(g.key, person.gender)
        if actor.kind is ActorKind.PERSON and len(actors) == 1:
            self.persons.append(g)
            if actor.name and g.mentions[0].kind in (MentionKind.NAME, MentionKind.DESCRIPTION):
                person = self.kb.person_by_name(actor.name)
                if person is not None and person.gender and actor.name not in self.genders:
                    self.genders[actor.name] = person.gender
                parts = actor.name.replace("-", " ").split()
                keys = {parts[0], parts[-1], actor.name.split()[0], actor.name.split()[-1]}
                if person is not None and person.surname:
                    keys.add(person.surname)
                for part in keys:
                    if len(part) > 1:
                        self.by_name_part[part.casefold()] = g

    def _official_name(self, g: _Seen, actor: Actor) -> str | None:
        """Let the surname of an organisation's named official stand for the organisation.

        "NATO Secretary General Jens Stoltenberg" is coded as NATO (the
        organisation acts through its official); a later "Stoltenberg" is NATO too.
        The official's name is the run of capitalised words that ends the mention
        after its title (or the whole mention, for an official of the knowledge
        base named without a title): at least a first and a last name. Returns
        that name, or None.
        """
        title = {w.casefold() for w in f"{actor.name or ''} {actor.role or ''}".replace("-", " ").split()}
        words = g.mentions[0].text.replace("-", " ").split()
        name: list[str] = []
        for word in reversed(words):
            if not word[:1].isupper() or word.casefold() in title:
                break
            name.append(word)
        known = len(name) == len(words) and self.kb.person_by_name(" ".join(reversed(name))) is not None
        if len(name) >= 2 and (len(name) < len(words) or known):  # "Rafael Grossi" alone: a known official
            for part in (name[0], name[-1]):
                if len(part) > 1:
                    self.by_name_part.setdefault(part.casefold(), g)
            return " ".join(reversed(name))
        return None

    def _acronym(self, g: _Seen) -> None:
        """Learn "(DFA)" right after "the Department of Foreign Affairs": a later "DFA" is the same actor."""
        keys, toks = self.a.keys, self.a.toks
        at = g.end + 1
        if at + 1 >= len(keys) or keys[g.end] != "(" or keys[at + 1] != ")":
            return
        tok = toks[at]
        if 2 <= len(tok) <= 8 and tok.isalpha() and tok.isupper() and at not in self.a.at:
            self.acronyms.setdefault(tok, (g, at))

    def acronym(self, k: int, n: int) -> int | None:
        """An acronym defined in brackets earlier in the article ("the DFA") is the actor it abbreviated."""
        found = self.acronyms.get(self.a.toks[k])
        if found is None or found[1] == k:
            return None
        g = found[0]
        m = self.emit(k, k + 1, g.actors[0], kind=MentionKind.SHORT_NAME, confidence=0.8, antecedent=g.span)
        self.see(_Seen(k, k + 1, n, [m]))
        return k + 1

    @staticmethod
    def recent(items: list[_Seen]) -> Iterator[_Seen]:
        """The last `_LOOKBACK` items, most recent first: antecedents are searched nearby only."""
        return itertools.islice(reversed(items), _LOOKBACK)

    def _joined_by_and(self, a: _Seen, b: _Seen) -> bool:
        return self.a.keys[a.end : b.first] in _AND

    def emit(
        self, first: int, end: int, actor: Actor, *, kind: MentionKind, confidence: float, antecedent: Span | None
    ) -> Mention:
        span = self.a.span(first, end)
        m = Mention(
            span=span,
            text=span.slice(self.doc.text),
            actor=actor,
            kind=kind,
            antecedent=antecedent,
            confidence=confidence,
        )
        self.out.append(m)
        return m

    def in_time(self, k: int) -> bool:
        start = self.a.starts[k]
        at = bisect.bisect_right(self.times, (start, 1 << 62)) - 1
        return at >= 0 and self.times[at][0] <= start < self.times[at][1]

    # ----------------------------------------------------------------- the walk

    def run(self) -> list[Mention]:
        a = self.a
        groups = self.groups
        # Something happens only where a mention of the actors step starts (a group) or a pattern may
        # apply (`at`): the walk goes from one such token to the next.
        self.acronym_at = _acronym_uses(a)
        events = sorted(
            a.names.union(
                itertools.compress(itertools.count(), map(_PATTERNS.__contains__, a.keys)),
                [g.first for g in groups],
                self.acronym_at,
            )
        )
        firsts = [g.first for g in groups]
        firsts.append(len(a.keys))  # past every token: no more groups
        gi = 0
        for n, (lo, hi) in enumerate(a.sentences):
            k = lo
            for e in range(bisect.bisect_left(events, lo), len(events)):
                event = events[e]
                if event >= hi:
                    break
                if event < k:
                    continue  # passed over by the last mention
                k = event
                while firsts[gi] < k:
                    gi += 1
                if firsts[gi] == k:
                    g = self.reconsider(groups[gi])
                    self.see(g)
                    k = max(g.end, k + 1)
                    gi += 1
                    continue
                k = self.at(k, n, min(hi, firsts[gi]))
        return self.out

    def reconsider(self, g: _Seen) -> _Seen:
        """Turn a one-word unknown person name ("Nam, the NSO director") into the person named before."""
        if len(g.mentions) != 1:
            return g
        m = g.mentions[0]
        name = m.actor.name
        if m.actor.kind is not ActorKind.PERSON or not name or " " in name or "-" in name:
            return g
        if self.kb.person_by_name(name) is not None:
            return g
        earlier = self.by_name_part.get(name.casefold())
        if earlier is None:
            return g
        new = attrs.evolve(m, actor=earlier.actors[0], kind=MentionKind.SHORT_NAME, antecedent=earlier.span)
        self.replaced[(m.span.start, m.span.end)] = [new]
        return _Seen(g.first, g.end, g.sentence, [new])

    def at(self, k: int, n: int, hi: int) -> int:
        """Try every pattern at token *k*; return where to continue."""
        for pattern in _PATTERNS.get(self.a.keys[k], ()):
            end = pattern(self, k, n, hi)
            if end is not None:
                return end
        if k in self.acronym_at:
            end = self.acronym(k, n)
            if end is not None:
                return end
        if k in self.a.names:
            end = self.office(k, n, hi)
            if end is not None:
                return end
            end = self.short_name(k, n, hi)
            if end is not None:
                return end
        return k + 1

    # ----------------------------------------------------------------- patterns

    def pair(self, k: int, n: int, hi: int) -> int | None:
        """Resolve "the two sides", "both countries", "the countries", "both", "the two" to the two parties."""
        a = self.a
        keys = a.keys
        if len(self.sides) < 2:
            return None
        if keys[k] != "both" and (
            k + 1 >= hi or (keys[k + 1] != "two" and keys[k + 1] not in _COUNTRIES and k + 1 not in a.at)
        ):
            return None  # "the"/"their" before anything else: none of the cases below
        end = None
        sector: str | None = None
        title: Lexeme | None = None
        if keys[k] == "the" and k + 2 < hi and keys[k + 1] == "two":
            after = keys[k + 2]
            if after in _PAIR_NOUNS:
                end = k + 3
            else:
                found = a.readings(k + 2, "sector")
                if found is not None and found[1][0].plural and found[1][0].word and found[1][0].word.type == "title":
                    end, title = found[0], found[1][0]
                elif after in _VERBISH or (after.endswith("ed") and a.toks[k + 2].islower()):
                    end = k + 2
        elif keys[k] == "both" and k + 1 < hi:
            after = keys[k + 1]
            if after in _PAIR_NOUNS:
                end = k + 2
            elif (after in _VERBISH or after.endswith("ed")) and a.toks[k + 1].islower():
                end = k + 1
        elif keys[k] == "the" and k + 1 < hi and keys[k + 1] in _COUNTRIES:
            end = k + 2
        elif keys[k] in ("the", "their") and k + 1 < hi:
            # "the leaders of the two countries", "their leaders"
            found = a.readings(k + 1, "sector")
            reading = found[1][0] if found is not None else None
            leaders = (
                found is not None
                and reading is not None
                and reading.plural
                and reading.word is not None
                and reading.word.type == "title"
                and reading.word.role in KB_ROLES
            )
            if leaders and found is not None and keys[k] == "their":
                end, title = found[0], reading
            elif leaders and found is not None and found[0] < hi and keys[found[0]] == "of":
                closing = self.pair_end(found[0] + 1, hi)
                if closing is not None:
                    end, title = closing, reading
        if end is None:
            return None
        if keys[end - 1] == "governments":
            sector = "GOV"
        actors = []
        local = self.local_pair(k, n, title=title)
        named = {g.actors[0].country: g for g in local or () if g.actors[0].kind is ActorKind.PERSON}
        parties = self.sides if keys[end - 1] == "sides" and title is None else self.parties
        if not local and len(parties) < 2:
            return None
        for country in [g.actors[0].country for g in local] if local else parties:
            if country is None:
                continue
            antecedent = self.last_country.get(country)
            if country in self.organisations and country not in self.named_states:
                actor = self.organisations[country]  # "both sides" of talks with an agency
            else:
                actor = shared_actor(kind=ActorKind.STATE, country=country, sector=sector)
            if country in named:
                actor, antecedent = named[country].actors[0], named[country]  # "the two leaders" just named
            elif title is not None and title.word is not None:
                actor = self.party_person(country, title) or shared_actor(
                    kind=ActorKind.PERSON, country=country, sector=title.word.sector or "GOV"
                )
            m = self.emit(
                k,
                end,
                actor,
                kind=MentionKind.ANAPHOR,
                confidence=0.7,
                antecedent=None if antecedent is None else antecedent.span,
            )
            actors.append(m)
        self.last_plural = _Seen(k, end, n, actors)
        return end

    def local_pair(self, k: int, n: int, *, title: Lexeme | None) -> list[_Seen] | None:
        """The two states that "the two sides" at *k* refers to when the text just named a pair.

        A pair joined in the same sentence ("talks between X and Y, as the two
        sides ...") comes first; "the two leaders" are the last two people of
        different states named in this sentence or the one before, holding the
        title (*title*) they are called by. None when
        neither is found: the article's two main parties are meant.
        """
        g = self.last_plural
        if g is not None and g.sentence == n and g.first < k and len(g.mentions) == 2:
            members = [_Seen(g.first, g.end, n, [m]) for m in g.mentions]
            if None not in (a.country for a in g.actors) and g.actors[0].country != g.actors[1].country:
                return members
        if title is None:
            return None
        found: list[_Seen] = []
        for p in self.recent(self.persons):
            if p.sentence < n - 1:
                break
            if not self.compatible(p, title):
                continue  # "the two presidents" are presidents; "the two leaders" any heads
            country = p.actors[0].country
            if p.first < k and country is not None and country not in {f.actors[0].country for f in found}:
                found.append(p)
                if len(found) == 2:
                    return found[::-1]
        return None

    def pair_end(self, j: int, hi: int) -> int | None:
        """Return the end of "the two countries", "both sides", "the two nations"... at token *j*."""
        keys = self.a.keys
        if (
            j + 2 < hi + 1
            and keys[j] == "the"
            and j + 2 < len(keys)
            and keys[j + 1] == "two"
            and keys[j + 2] in _PAIR_NOUNS
        ):
            return j + 3
        if j + 1 < len(keys) and keys[j] == "both" and keys[j + 1] in _PAIR_NOUNS:
            return j + 2
        return None

    def party_person(self, country: str, title: Lexeme) -> Actor | None:
        word = title.word
        for g in self.recent(self.persons):
            actor = g.actors[0]
            if actor.country == country and self.compatible(g, title):
                return actor
        if word is not None and word.role in KB_ROLES:
            holder = self.kb.holder(country, word.role, on=self.date)
            if holder is not None:
                return person_actor(self.kb, holder, self.date, role=word.role)
        return None

    def compatible(self, g: _Seen, title: Lexeme) -> bool:
        """Whether a person mention fits a title ("the foreign minister", "the official").

        Holding the title's role is enough unless the mention styles the person otherwise: "the King"
        is no "President Macron", though both are heads of state.
        """
        word = title.word
        if word is None:
            return False
        actor = g.actors[0]
        if _GENERIC_LEADER in word.forms and self.heads(actor.role):
            return True  # "the two leaders": a president and a prime minister alike
        text = " ".join(self.a.keys[g.first : g.end]) + " " + (actor.role or "")
        heads = {_head(f.split()[-1]) for f in (*word.forms, *word.plural)}
        words = {_head(w) for w in text.replace("_", " ").split()}
        if word.role in KB_ROLES and actor.role == word.role:
            return not (words & _STYLES) or bool(heads & words)
        return bool(heads & words)

    def heads(self, role: str | None) -> bool:
        """Whether a role (a role key or a title as written) is that of a head of state or government."""
        if role is None:
            return False
        if role in _HEAD_ROLES:
            return True
        word = self.kb.sector_word(role)
        return word is not None and word.role in _HEAD_ROLES

    def subject_person(self, k: int, n: int) -> _Seen | None:
        """The person a possessive "her"/"his" at *k* refers to."""
        gender = _POSSESSIVES.get(self.a.keys[k])
        return self.person_for(gender, k, n) if gender else None

    def counterpart(self, k: int, n: int, hi: int) -> int | None:
        """Resolve "her Chinese counterpart" to that country's holder of the possessor's role."""
        a = self.a
        if a.keys[k] not in ("her", "his", "their", "its"):
            return None
        j = k + 1
        country = None
        if j < hi:
            adj = a.readings(j, "adjective", "country")
            if adj is not None and adj[1][0].iso3:
                country = adj[1][0].iso3
                j = adj[0]
        found = a.readings(j, "sector") if j < hi else None
        if found is None or found[1][0].word is None or found[1][0].word.role != "counterpart" or found[1][0].plural:
            return None
        end = found[0]
        owner = self.subject_person(k, n) if a.keys[k] in _POSSESSIVES else None
        if owner is not None and a.keys[k] in _POSSESSIVES:
            self.learn(owner, _POSSESSIVES[a.keys[k]])
        owner_actor = owner.actors[0] if owner is not None else None
        if country is None and owner_actor is not None and owner_actor.country in self.parties:
            others = [c for c in self.parties if c != owner_actor.country]
            country = others[0] if others else None
        if country is None:
            return end
        role = owner_actor.role if owner_actor is not None and owner_actor.role in KB_ROLES else None
        antecedent = None
        actor = None
        for g in self.recent(self.persons):
            other = g.actors[0]
            if other.country == country and (role is None or other.role == role) and other.name:
                actor, antecedent = other, g.span
                break
        if actor is None and role is not None:
            holder = self.kb.holder(country, role, on=self.date)
            if holder is not None:
                actor = person_actor(self.kb, holder, self.date, role=role)
        if actor is None:
            actor = shared_actor(kind=ActorKind.PERSON, country=country, sector="GOV", role=role or "counterpart")
        m = self.emit(
            k + 1, end, actor, kind=MentionKind.ANAPHOR, confidence=0.75 if actor.name else 0.6, antecedent=antecedent
        )
        self.see(_Seen(k + 1, end, n, [m]))
        return end

    def title(self, k: int, n: int, hi: int) -> int | None:
        """Resolve "the foreign minister", "the ministry", "the NSO director" to the last compatible mention."""
        a = self.a
        if a.keys[k] not in ("the", "this", "that"):
            return None
        j = k + 1
        heads: list[tuple[int, Lexeme]] = []
        while j < hi and j - k <= 4:
            found = a.at.get(j)
            if found is None:
                if (a.toks[j].isupper() and a.toks[j].isalpha()) and a.readings(j + 1, "sector") is not None:
                    j += 1
                    continue
                break
            reading = next((r for r in found[1] if r.kind == "sector"), None)
            if reading is not None:
                heads.append((found[0], reading))
            elif not any(r.kind == "modifier" for r in found[1]):
                break
            j = found[0]
        if not heads:
            return None
        end, head = heads[-1]
        word = head.word
        if word is None or head.plural or word.role == "counterpart" or word.forms[0] == "side":
            return None
        if word.type == "title":
            for g in self.recent(self.persons):
                if self.compatible(g, head):
                    actor = g.actors[0]
                    m = self.emit(k + 1, end, actor, kind=MentionKind.ANAPHOR, confidence=0.75, antecedent=g.span)
                    self.see(_Seen(k + 1, end, n, [m]))
                    return end
            if word.role in KB_ROLES and self.home is not None:
                holder = self.kb.holder(self.home, word.role, on=self.date)
                if holder is not None:
                    m = self.emit(
                        k + 1,
                        end,
                        person_actor(self.kb, holder, self.date, role=word.role),
                        kind=MentionKind.ANAPHOR,
                        confidence=0.5,
                        antecedent=None,
                    )
                    self.see(_Seen(k + 1, end, n, [m]))
            return end
        # a body: "the ministry", "the foreign ministry", "the government"
        form = head.form.split()[-1]
        seat = self.seat_after(end)
        if seat is not None:
            # "the foreign ministry in Moscow": the body of the state whose city is named
            sector = word.sector or "GOV"
            m = self.emit(
                k + 1, end, Actor(kind=ActorKind.STATE, country=seat, sector=sector),
                kind=MentionKind.ANAPHOR, confidence=0.7, antecedent=None,
            )  # fmt: skip
            self.see(_Seen(k + 1, end, n, [m]))
            return end
        for g in self.recent(self.seen):
            actor = g.actors[0]
            if actor.kind is ActorKind.ORGANISATION and actor.role:
                continue  # an official ("the agency's director general") is no body ("the news agency")
            if " " in head.form and word.sector not in (None, actor.sector):
                continue  # "the news agency" is not the International Atomic Energy Agency; "the court" may be
            if len(g.mentions) == 1 and form in self.a.keys[g.first : g.end] and actor.kind is not ActorKind.PERSON:
                m = self.emit(k + 1, end, actor, kind=MentionKind.ANAPHOR, confidence=0.75, antecedent=g.span)
                self.see(_Seen(k + 1, end, n, [m]))
                return end
        sector = word.sector or "GOV"
        country = None
        antecedent = None
        # a bare "the government" is the home country's (the dateline's, the national agency's) when the
        # article has one: a capital named in the sentence before is more often the other party
        if sector == "GOV" and not (form == "government" and self.home is not None):
            for g in reversed(self.seen[-6:]):
                actor = g.actors[0]
                if len(g.mentions) == 1 and actor.sector == "GOV" and actor.country is not None and g.sentence >= n - 1:
                    country, antecedent = actor.country, g.span
                    break
        if country is None:
            joined = self.joined_before(k, n)
            if joined is not None:
                country, antecedent = joined.actors[0].country, joined.span
        if country is None:
            country = self.home
        if country is not None:
            body = self.kb.sector(sector)
            kind = ActorKind(body.kind) if body is not None and body.kind in ("state", "group") else ActorKind.GROUP
            m = self.emit(
                k + 1,
                end,
                shared_actor(kind=kind, country=country, sector=sector),
                kind=MentionKind.ANAPHOR,
                confidence=0.6 if antecedent else 0.5,
                antecedent=antecedent,
            )
            self.see(_Seen(k + 1, end, n, [m]))
        return end

    def organisation_noun(self, k: int, n: int, hi: int) -> int | None:
        """Resolve "the agency", "the watchdog", "the alliance", "the bloc" to the organisation named before.

        The antecedent is the last international organisation of this sentence
        or the three before whose name holds the noun ("the agency" after "the
        International Atomic Energy Agency"), else, for the nouns any
        organisation is called by ("watchdog", "bloc"), the last one. One
        lower-case word may come between ("the nuclear watchdog"). A title
        after a possessive ("the agency's director general") is the
        organisation's official, coded as the organisation.
        """
        a = self.a
        keys = a.keys
        j = k + 1
        if j + 1 < hi and keys[j] not in _ORG_NOUNS and keys[j + 1] in _ORG_NOUNS and j not in a.at:
            if not a.toks[j].isalpha() or not a.toks[j].islower():
                return None
            j += 1
        if j >= hi or keys[j] not in _ORG_NOUNS or j in a.at:
            return None
        noun = keys[j]
        found: _Seen | None = None
        for g in self.recent(self.seen):
            if g.sentence < n - 3:
                break
            actor = g.actors[0]
            if len(g.actors) != 1 or actor.kind is not ActorKind.ORGANISATION or actor.country is not None:
                continue
            if noun in (actor.name or "").casefold().split():
                found = g
                break
            if found is None and noun in _ANY_ORG_NOUNS:
                found = g
        if found is None:
            return None
        end = j + 1
        actor = found.actors[0]
        pos = a.possessive(end, hi)
        title = a.readings(end + pos, "sector") if pos and end + pos < hi else None
        if title is not None and title[1][0].word is not None and title[1][0].word.type == "title":
            role = " ".join(keys[end + pos : title[0]])
            actor = shared_actor(name=actor.name, kind=actor.kind, sector=actor.sector, code=actor.code, role=role)
            end = title[0]
        m = self.emit(k, end, actor, kind=MentionKind.ANAPHOR, confidence=0.7, antecedent=found.span)
        self.see(_Seen(k, end, n, [m]))
        return end

    def joined_before(self, k: int, n: int) -> _Seen | None:
        """The party that "and the <body>" at *k* is joined to ("X's government and the opposition")."""
        if not self.seen:
            return None
        g = self.seen[-1]  # the walk is in text order: the last mention seen is the nearest before *k*
        if g.sentence != n or g.end > k or len(g.mentions) != 1 or g.actors[0].country is None:
            return None
        between = self.a.keys[g.end : k]
        if between[:2] == ["'", "s"] or between[:1] in (["'s"], ["’s"]):
            between = between[3:] if between[0] == "'" else between[2:]  # "Maduro's government and the opposition"
        return g if between in (["and"], [",", "and"]) else None

    def seat_after(self, end: int) -> str | None:
        """The country of the city in "<body> in <City>" right after token *end*, if the knowledge base knows it."""
        keys, toks = self.a.keys, self.a.toks
        if end + 1 >= len(keys) or keys[end] != "in" or not toks[end + 1][:1].isupper():
            return None
        for size in (3, 2, 1):
            words = toks[end + 1 : end + 1 + size]
            if len(words) == size and all(w[:1].isupper() for w in words):
                country = place_country(self.kb, " ".join(words))
                if country is not None:
                    return country
        return None

    def learn(self, g: _Seen, gender: str) -> None:
        self.genders.setdefault(g.key, gender)

    def person_for(self, gender: str | None, k: int, n: int, *, obj: bool = False) -> _Seen | None:
        """The person a pronoun at *k* refers to; an object pronoun ("him") is not its own clause's subject."""
        window: list[_Seen] = []
        for g in self.recent(self.persons):
            if g.sentence < n - 2 or len(window) >= _PERSON_WINDOW:
                break
            if g.first < k and not (obj and g.sentence == n and self.same_clause(g.end, k)):
                window.append(g)
        if not window:
            return None
        window.reverse()
        genders = [self.genders.get(g.key) for g in window]
        if gender is not None:
            matching = [g for g, known in zip(window, genders, strict=True) if known == gender]
            if matching:
                return (None if obj else self.subject_among(matching, n)) or matching[-1]
        unknown = [g for g, known in zip(window, genders, strict=True) if known is None]
        if len({g.key for g in unknown}) == 1:
            return unknown[-1]
        for s in (n, n - 1):
            subject = next((g for g in window if g.sentence == s), None)
            if subject is not None and subject in unknown:
                return subject
        return None

    def subject_among(self, candidates: list[_Seen], n: int) -> _Seen | None:
        """The candidate a subject pronoun of sentence *n* prefers: the subject, not the last one named.

        In "X told Y that ..., and he blamed Z" and "X travelled to A, where he met Y",
        "he" is X, the first person of the sentence; in "Speaking alongside Y, he said"
        a person after a preposition is no antecedent, and "He" then (or at the start of
        a sentence) is the subject of the sentence before. None when neither is found.
        """
        here = [g for g in candidates if g.sentence == n and not self.after_preposition(g)]
        if here:
            return here[0]
        before = [g for g in candidates if g.sentence == n - 1]
        if before:
            first = before[0]
            lo = self.a.sentences[n - 1][0]
            if first.first == lo or not self.after_preposition(first):
                return first
        return None

    def after_preposition(self, g: _Seen) -> bool:
        """Whether a mention is the object of a preposition ("alongside Mr. X", "with X", "X's")."""
        j = g.first - 1
        if j >= 0 and self.a.keys[j] == ".":
            j -= 1
        if j >= 0 and self.a.keys[j].rstrip(".") in _HONORIFICS:
            j -= 1
        return j >= 0 and (self.a.keys[j] in _SUBJECT_BLOCKERS or self.a.keys[j] in _SIDE_PREPOSITIONS)

    def pronoun(self, k: int, n: int, hi: int) -> int | None:
        a = self.a
        key = a.keys[k]
        if key == "his" or (key == "her" and k + 1 < len(a.keys) and a.keys[k + 1] not in _AFTER_OBJECT_HER):
            g = self.subject_person(k, n)
            if g is not None:
                self.learn(g, _POSSESSIVES[key])
            return None
        if key in _PRONOUNS:
            gender = _PRONOUNS[key]
            g = self.reporting_subject(gender, k, n) or self.person_for(gender, k, n, obj=key == "him")
            if g is None:
                return k + 1
            self.learn(g, gender)
            m = self.emit(k, k + 1, g.actors[0], kind=MentionKind.PRONOUN, confidence=0.7, antecedent=g.span)
            self.see(_Seen(k, k + 1, n, [m]))
            return k + 1
        if key in ("they", "them"):
            g = self.last_plural
            here = self.recent_pair(k, n)
            if here is not None and (g is None or g.sentence < n or (g.first < here.first and not _is_group(g))):
                g = here  # a group of this sentence ("supporters ... some of them ... dispersed them") stays
            if g is None or g.sentence < n - 1 or g.first >= k:
                return k + 1
            ms = [
                self.emit(k, k + 1, actor, kind=MentionKind.PRONOUN, confidence=0.65, antecedent=m.span)
                for m, actor in zip(g.mentions, g.actors, strict=True)
            ]
            self.last_plural = _Seen(k, k + 1, n, ms)
            return k + 1
        if key == "it" and k == a.sentences[n][0] and _acts(a.keys, k + 1, hi):
            g = self.previous_subject(n)
            if g is not None:
                self.emit(k, k + 1, g.actors[0], kind=MentionKind.PRONOUN, confidence=0.6, antecedent=g.span)
            return k + 1
        if key == "it" and k > 0:
            g = self.reporting_party(k, n)
            if g is not None:
                self.emit(k, k + 1, g.actors[0], kind=MentionKind.PRONOUN, confidence=0.6, antecedent=g.span)
                return k + 1
        if key == "it" and k + 1 < hi and a.keys[k + 1] in _REPORTING:
            for g in self.recent(self.seen):
                if g.sentence < n - 3:
                    break
                actor = g.actors[0]
                if self.a.keys[g.end - 1] in ("side", "sides"):
                    continue
                if len(g.mentions) == 1 and actor.kind in (ActorKind.STATE, ActorKind.ORGANISATION) and actor.sector:
                    self.emit(k, k + 1, actor, kind=MentionKind.PRONOUN, confidence=0.6, antecedent=g.span)
                    return k + 1
            return k + 1
        return None

    def reporting_party(self, k: int, n: int) -> _Seen | None:
        """For "X said (that) it would ...": the state or organisation X that reports, antecedent of "it".

        The speaker is the mention right before the reporting verb ("the ministry said
        it") or, when the verb is coordinated after another ("X condemned ... and said
        it"), the sentence's subject: its first mention, not after a preposition. A
        person speaking ("Johnson said it was") gives no antecedent.
        """
        keys = self.a.keys
        j = k - 1
        if keys[j] == "that":
            j -= 1
        if j < 1 or keys[j] not in _REPORTING:
            return None
        lo = self.a.sentences[n][0]
        speaker = None
        for g in self.recent(self.seen):
            if g.sentence != n:
                break
            if g.first >= j:
                continue
            if g.end == j:
                speaker = g
                break
            speaker = g  # the earliest mention of the sentence, once the walk back is over
        if speaker is None or len(speaker.mentions) != 1:
            return None
        if speaker.end != j:
            # "X condemned ... and said it", "X, home to ..., said it": X opens the sentence
            coordinated = keys[j - 1] == "and" or (j >= 2 and keys[j - 2] == "and" and keys[j - 1] in ("also", "later"))
            if speaker.first != lo or not (coordinated or keys[speaker.end] == ","):
                return None
        actor = speaker.actors[0]
        if actor.kind not in (ActorKind.STATE, ActorKind.ORGANISATION) or keys[speaker.end - 1] in ("side", "sides"):
            return None
        return speaker

    def previous_subject(self, n: int) -> _Seen | None:
        """The subject of sentence *n - 1* when it is one party but no person, for "It imposed ..."."""
        if n == 0:
            return None
        lo = self.a.sentences[n - 1][0]
        first = None
        for g in self.recent(self.seen):
            if g.sentence < n - 1:
                break
            if g.sentence == n - 1 and (g.first == lo or self.a.keys[g.first - 1] not in _SUBJECT_BLOCKERS):
                first = g  # the earliest such group of the sentence, once the walk back is over
        if first is None or len(first.mentions) != 1:
            return None
        actor = first.actors[0]
        if actor.kind is ActorKind.PERSON or self.a.keys[first.end - 1] in ("side", "sides"):
            return None
        return first

    def same_clause(self, lo: int, hi: int) -> bool:
        """Whether no clause break (a comma, "that", "who", a reporting verb) stands between two tokens."""
        return not any(w in _CLAUSE_BREAKS for w in self.a.keys[lo:hi])

    def reporting_subject(self, gender: str | None, k: int, n: int) -> _Seen | None:
        """For "X said he would ...": the person X who reports, when the pronoun opens the reported clause.

        The speaker of the reporting verb right before the pronoun ("said", "told
        reporters", "added that") is its antecedent unless the speaker is known to be
        of the other gender.
        """
        keys = self.a.keys
        j = k - 1
        if j >= 0 and keys[j] == "that":
            j -= 1
        if j < 0 or keys[j] not in _REPORTING:
            return None
        for g in self.recent(self.persons):
            if g.sentence != n or g.first >= j:
                continue
            if g.end != j or self.genders.get(g.key, gender) != gender:
                return None
            return g
        return None

    def recent_pair(self, k: int, n: int) -> _Seen | None:
        """The last two distinct people or states of the current sentence before *k*, if two."""
        found: list[_Seen] = []
        keys: set[str] = set()
        for g in self.recent(self.seen):
            if g.sentence != n or g.first >= k:
                if g.sentence < n:
                    break
                continue
            if len(g.mentions) != 1 or g.actors[0].kind not in (ActorKind.PERSON, ActorKind.STATE):
                continue
            key = g.key if g.actors[0].kind is ActorKind.PERSON else str(g.actors[0].country)
            if key not in keys:
                keys.add(key)
                found.append(g)
            if len(found) == 2:
                older, newer = found[1], found[0]
                if older.actors[0].kind is not newer.actors[0].kind:
                    return None
                return _Seen(older.first, newer.end, n, older.mentions + newer.mentions)
        return None

    def office(self, k: int, n: int, hi: int) -> int | None:
        """Resolve "Assad's office", "the Biden administration" to the government of that person's state.

        A person's name possessed by, or qualifying, a government body ("office",
        "government", "administration", "cabinet", "regime") names the government
        the person leads, not the person: the state, sector GOV, without a name.
        The person is one named before in the article, else the knowledge base's
        only holder of that surname in office at the article's date.
        """
        a = self.a
        keys = a.keys
        if k + 1 >= hi or not a.is_capitalised(k) or self.in_time(k):
            return None
        pos = a.possessive(k + 1, hi)
        if pos == 0 and not (k > a.sentences[n][0] and keys[k - 1] == "the"):
            return None
        body = k + 1 + pos
        if body >= hi:
            return None
        end = body + 1 if keys[body] == _OFFICE else None
        if end is None:
            found = a.readings(body, "sector")
            reading = found[1][0] if found is not None else None
            word = reading.word if reading is not None else None
            if found is None or reading is None or word is None or reading.plural:
                return None
            if word.type != "body" or word.sector != "GOV" or word.forms[0] in ("side", "ministry"):
                return None
            end = found[0]
        country, antecedent = self.leader_country(k)
        if country is None:
            return None
        first = k if pos else k - 1
        m = self.emit(
            first, end, shared_actor(kind=ActorKind.STATE, country=country, sector="GOV"),
            kind=MentionKind.ANAPHOR, confidence=0.7, antecedent=antecedent,
        )  # fmt: skip
        self.see(_Seen(first, end, n, [m]))
        return end

    def leader_country(self, k: int) -> tuple[str | None, Span | None]:
        """The country of the person whose surname is token *k*: named before, else unique in the knowledge base."""
        g = self.by_name_part.get(self.a.toks[k].casefold())
        if g is not None:
            return g.actors[0].country, g.span
        found = self.a.readings(k, "surname", "person")
        if found is None or found[0] != k + 1 or self.date is None:
            return None, None
        people = {p for r in found[1] for p in ((r.person,) if r.person else r.people)}
        date = self.date
        countries = {p.country for p in people if p.country and any(r.active(date) for r in p.roles)}
        return (countries.pop(), None) if len(countries) == 1 else (None, None)

    def honorific_before(self, k: int) -> bool:
        """Whether "Mr.", "Mrs.", "Ms." or "Dr." stands right before token *k* ("Mr. Guterres")."""
        keys = self.a.keys
        j = k - 2 if k >= 2 and keys[k - 1] == "." else k - 1
        return j >= 0 and keys[j].rstrip(".") in _HONORIFICS

    def short_name(self, k: int, n: int, hi: int) -> int | None:
        """A surname or short form of a person ("Kang", "Moon")."""
        a = self.a
        if not a.is_capitalised(k) or self.in_time(k):
            return None
        if a.name_run(k, hi) != k + 1 or (
            k > self.a.sentences[n][0]
            and a.is_capitalised(k - 1)
            and a.at.get(k - 1) is None
            and not self.honorific_before(k)
        ):
            return None
        found = a.at.get(k)
        if found is not None and not any(r.kind == "surname" for r in found[1]):
            return None
        g = self.by_name_part.get(a.toks[k].casefold())
        if g is not None:
            m = self.emit(k, k + 1, g.actors[0], kind=MentionKind.SHORT_NAME, confidence=0.85, antecedent=g.span)
            self.see(_Seen(k, k + 1, n, [m]))
            return k + 1
        surname = next((r for r in found[1] if r.kind == "surname"), None) if found is not None else None
        if surname is None:
            return None
        candidates = [p for p in surname.people if any(r.active(self.date) for r in p.roles)] if self.date else []
        if self.parties or self.home:
            wanted = set(self.parties) | ({self.home} if self.home else set())
            # the parties' people first; else the people of any state the article names ("Putin" where
            # Russia is a third party)
            # (officials of international organisations, of no country, stay candidates)
            candidates = [p for p in candidates if p.country in wanted or p.country is None] or [
                p for p in candidates if p.country in self.named_states
            ]
        if len(candidates) != 1:
            return None
        m = self.emit(
            k,
            k + 1,
            person_actor(self.kb, candidates[0], self.date),
            kind=MentionKind.SHORT_NAME,
            confidence=0.6,
            antecedent=None,
        )
        self.see(_Seen(k, k + 1, n, [m]))
        return k + 1


def _acronym_uses(a: Analysis) -> frozenset[int]:
    """The tokens of every acronym the text defines in brackets ("(DFA)"), the definitions included."""
    keys, toks = a.keys, a.toks
    defined = {
        keys[i + 1]
        for i in itertools.compress(itertools.count(), map("(".__eq__, keys))
        if i + 2 < len(keys) and keys[i + 2] == ")" and toks[i + 1].isupper() and toks[i + 1].isalpha()
    }
    if not defined:
        return frozenset()
    return frozenset(i for i, key in enumerate(keys) if key in defined and toks[i].isupper())


_Pattern = Callable[[_Resolver, int, int, int], "int | None"]
_PATTERNS: dict[str, tuple[_Pattern, ...]] = {
    "the": (_Resolver.pair, _Resolver.title, _Resolver.organisation_noun),
    "both": (_Resolver.pair,),
    "their": (_Resolver.pair, _Resolver.counterpart),
    "her": (_Resolver.counterpart, _Resolver.pronoun),
    "his": (_Resolver.counterpart, _Resolver.pronoun),
    "its": (_Resolver.counterpart,),
    "this": (_Resolver.title,),
    "that": (_Resolver.title,),
    "he": (_Resolver.pronoun,),
    "him": (_Resolver.pronoun,),
    "she": (_Resolver.pronoun,),
    "they": (_Resolver.pronoun,),
    "them": (_Resolver.pronoun,),
    "it": (_Resolver.pronoun,),
}
"""The patterns that can apply at a word, in the order they are tried; `_Resolver.short_name` is tried
after them at a capitalised word. Each pattern returns None (and changes nothing) at any other word."""


@registries.extractors.register("coreference")
class CoreferenceResolver(KnowledgeBaseStep):
    """Resolve short names, titles, "the two sides" and pronouns to the actors they refer to.

    Adds mentions of kind ``short_name``, ``anaphor`` and ``pronoun`` (each with
    the span of its antecedent) to the document's mentions; mentions from the
    actors step are kept, except one-word person names that turn out to be
    short names of someone named before.

    Args:
        dictionaries: Paths of user dictionaries to add to the packaged knowledge base.
        kb: A knowledge base to use instead.

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Pipeline, Article, Document, Reference
        >>> text = "Foreign Minister Kang Kyung-wha met Wang Yi. Kang said she was pleased."
        >>> doc = Pipeline(["actors", "coreference"]).run(Document(article=Article(id="c", text=text),
        ...     reference=Reference(date=dt.date(2018, 3, 1), method="test")))
        >>> [(m.text, m.kind.value, m.actor.name) for m in doc.mentions][2:]
        [('Kang', 'short_name', 'Kang Kyung-wha'), ('she', 'pronoun', 'Kang Kyung-wha')]
    """

    name = "coreference"

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its coreferent mentions added."""
        analysis = analyse(doc, self.kb)
        resolver = _Resolver(doc, analysis, self.kb)
        added = resolver.run()
        kept: list[Mention] = []
        for m in doc.mentions:
            replacement = resolver.replaced.get((m.span.start, m.span.end))
            kept.extend(replacement if replacement is not None else [m])
        mentions = sorted([*kept, *added], key=_BY_SPAN)
        return attrs.evolve(doc, mentions=tuple(mentions))
