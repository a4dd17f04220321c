"""The places step: cities, capitals, venues, regions and countries named as locations.

A name of the knowledge base is a place when a locative preposition comes
before it ("in Beijing", "to Seoul", "arrived in Tokyo", "at the Kremlin",
"in Seoul and Tokyo"); "<city>, <country>" is one place in that country
("in Da Nang, Vietnam"), even for a city the knowledge base does not know
("in Osaka, Japan"). A seat of government used as a venue is located in the
capital ("in Seoul's Blue House" → Seoul).

Added in version 0.1.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter

import attrs

from diplomev.extractors._kbstep import KnowledgeBaseStep
from diplomev.kb import KnowledgeBase, Lexeme
from diplomev.kb._document import Analysis, analyse
from diplomev.model import Document, Location, Place
from diplomev.registry import registries

__all__ = ["PlaceRecogniser", "find_places", "named_countries"]

_LOCATIVE = frozenset(
    {"in", "at", "to", "near", "outside", "inside", "into", "across", "within", "throughout", "around", "via"},
)
_MOTION_ONLY = frozenset({"from", "toward", "towards"})
"""Prepositions that mark a place only after a word of motion ("arrived from Tokyo")."""
_MOTION = frozenset(
    {
        "arrive", "arrived", "arrives", "arriving", "return", "returned", "returns", "returning", "back",
        "away", "travel", "travelled", "traveled", "travelling", "traveling", "travels", "fly", "flew",
        "flown", "flying", "flies", "flight", "flights", "come", "came", "comes", "coming", "depart",
        "departed", "departing", "departs", "fled", "flee", "fleeing", "withdraw", "withdrew", "withdrawn",
        "withdrawing", "evacuated", "evacuate", "deported", "sailed", "sailing", "drove", "driving", "moved",
        "moving", "headed", "heading", "marched", "marching", "imports", "imported", "importing", "shipped",
        "shipments", "expelled", "escaped", "defected", "crossed", "home", "trip", "journey", "route", "way",
    }
)  # fmt: skip
_NOT_PLACE_BEFORE = {
    "to": frozenset(
        {
            "according", "due", "thanks", "owing", "appeal", "appealed", "appeals", "appealing", "talk",
            "talked", "talks", "talking", "speak", "spoke", "spoken", "speaking", "letter", "letters",
            "message", "messages", "apology", "apologies", "apologise", "apologize", "apologised",
            "apologized", "proposal", "proposals", "threat", "threats", "support", "aid", "assistance",
            "loan", "loans", "export", "exports", "exported", "close", "closer", "similar", "ties", "links",
            "relations", "belong", "belongs", "belonged", "belonging", "loyal", "opposed", "opposition",
            "hostile", "reply", "replied", "respond", "responded", "response", "answer", "answered",
            "turn", "turned", "offer", "offered", "gift", "gifts", "condolences", "sympathy",
            "congratulations", "request", "requests", "demand", "demands", "objection", "objections",
            "complaint", "complaints", "concession", "concessions", "commitment", "committed", "listen",
            "listened", "signal", "signals", "warning", "warnings", "challenge", "tribute", "allegiance",
            "sold", "sell", "sells", "selling", "sales", "transferred", "handed", "hand", "delivered",
            "deliver", "given", "give", "gave", "granted", "grant", "provided", "provide", "providing",
            "supplied", "supply", "supplies", "owed", "owes", "debt", "credit", "pledged", "pledge",
            "promised", "promise", "explained", "explain", "report", "reported", "reports", "reporting",
            "protest", "protested", "apply", "applied", "appeared", "seemed", "important", "vital", "key",
            "crucial", "useful", "beneficial", "harmful", "dangerous", "grateful", "thankful", "equal",
            "ally", "allies", "partner", "partners", "envoy", "ambassador", "ambassadors", "envoys",
            "delegation", "representative", "mission", "missions", "embassy", "adviser", "advisor",
            "counterpart", "approach", "attitude", "policy", "policies", "threatening", "next",
            "contribution", "contributions", "contributed", "donation", "donations", "donated",
            "addressed", "introduced", "linked", "connected", "compared", "comparison", "submitted",
            "submit", "sent", "sending", "send", "gratitude", "appreciation", "invitation",
            "invitations", "recognition", "regret", "regrets", "weapons", "arms", "tanks", "missiles", "jets",
            "aircraft", "ammunition", "asylum", "access", "visa", "visas", "extradition",
        }
    ),
    "at": frozenset(
        {
            "aimed", "directed", "targeted", "targeting", "angry", "anger", "fury", "furious", "swipe",
            "jab", "fire", "fired", "shot", "shots", "shoot", "shooting", "look", "looked", "looking",
            "lashed", "lash", "lashing", "pointed", "point", "pointing", "upset", "frustration",
            "frustrated", "displeasure", "dismay", "outrage", "outraged", "annoyed", "irritated", "mad",
            "shouted", "yelled", "hit", "hits", "hitting", "struck", "strike", "strikes", "criticism",
            "jabs", "snapped", "laughed", "sneered", "alarm", "alarmed", "surprise", "surprised",
            "disappointment", "disappointed", "concern", "concerned", "glance", "glanced", "grabbed",
            "bite", "chance", "attempt", "attempts", "effort", "efforts",
        }
    ),
}  # fmt: skip
_DETERMINERS = frozenset({"the"})
_LIST = frozenset({"and", "or", ","})
_BEFORE_PLACE = _LOCATIVE | _MOTION_ONLY | _DETERMINERS | _LIST
"""The words a place may follow: a preposition, "the", or the link to an earlier place ("in Seoul and Tokyo")."""
_PLACE_KINDS = ("city", "metonym", "country", "region")


def _location_of(kb: KnowledgeBase, lexeme: Lexeme) -> Location | None:
    iso3 = lexeme.iso3
    country = kb.country(iso3) if iso3 else None
    if country is None:
        return None
    form = lexeme.form.removeprefix("the ")
    if lexeme.kind == "country":
        return Location(name=country.name, country=iso3)
    if lexeme.kind == "metonym" and form not in country.cities and form != country.capital:
        return Location(name=country.capital or country.name, country=iso3)
    return Location(name=form, country=iso3)


def _place_reading(analysis: Analysis, i: int) -> tuple[int, Lexeme] | None:
    found = analysis.readings(i, *_PLACE_KINDS)
    if found is None:
        return None
    end, readings = found
    for kind in _PLACE_KINDS:
        chosen = [r for r in readings if r.kind == kind]
        if len(chosen) > 1:  # a region of two states ("Punjab", "Kashmir"): the one the text names more
            named = named_countries(analysis)
            return end, max(chosen, key=lambda r: named[r.iso3 or ""])
        if chosen:
            return end, chosen[0]
    return None  # pragma: no cover - readings is not empty


def named_countries(analysis: Analysis) -> Counter[str]:
    """How often the text names each country unambiguously (by its name, capital or seat of government).

    Computed once per analysed text (the places and actor steps both read it).
    """
    memo: Counter[str] | None = analysis.memo.get("named countries")
    if memo is None:
        memo = Counter()
        for _, readings in analysis.at.values():
            named = {r.iso3 for r in readings if r.kind in ("country", "metonym") and r.iso3}
            if len(named) == 1:
                memo[named.pop()] += 1
        analysis.memo["named countries"] = memo
    return memo


def is_locative(analysis: Analysis, i: int, lo: int) -> bool:
    """Return whether the name at token *i* follows a locative preposition ("in", "to", "arrived from")."""
    j = i - 1
    if j >= lo and analysis.keys[j] in _DETERMINERS:
        j -= 1
    if j < lo:
        return False
    word = analysis.keys[j]
    before = analysis.keys[j - 1] if j - 1 >= lo else ""
    if word in _LOCATIVE:
        return before not in _NOT_PLACE_BEFORE.get(word, ())
    if word in _MOTION_ONLY:
        return before in _MOTION
    return False


def find_places(analysis: Analysis, kb: KnowledgeBase) -> list[tuple[int, int, Location]]:
    """Return the places of an analysed text as ``(first token, end token, location)``.

    Examples:
        >>> from diplomev import Article, Document
        >>> from diplomev.kb._document import analyse
        >>> kb = KnowledgeBase.default()
        >>> a = analyse(Document(article=Article(id="p", text="They met in Da Nang, Vietnam.")), kb)
        >>> [(loc.name, loc.country) for _, _, loc in find_places(a, kb)]
        [('Da Nang', 'VNM')]
    """
    memo = analysis.memo.get("places")
    if memo is not None and memo[0] is kb:
        return list(memo[1])
    out: list[tuple[int, int, Location]] = []
    keys, at, names = analysis.keys, analysis.at, analysis.names
    # A place starts at a phrase of the knowledge base or a capitalised word outside any, right after
    # one of the words of `_BEFORE_PLACE`: only those tokens are looked at, in order.
    after = itertools.compress(itertools.count(1), map(_BEFORE_PLACE.__contains__, keys))
    starts = sorted(names.difference(analysis.inside).union(at).intersection(after))
    for lo, hi in analysis.sentences:
        last_end = -1
        i = lo  # where the reading has got to: the end of the last place
        for c in range(bisect.bisect_right(starts, lo), len(starts)):
            if starts[c] >= hi:
                break
            if starts[c] < i:
                continue
            i = starts[c]
            found = at.get(i)
            if found is None:  # a capitalised word the knowledge base does not know: "in Osaka, Japan"
                if is_locative(analysis, i, lo):
                    run = analysis.name_run(i, hi)
                    country = _country_after(analysis, run, hi)
                    if run > i and country is not None:
                        end, iso3 = country
                        name = analysis.text[analysis.starts[i] : analysis.ends[run - 1]]
                        out.append((i, end, Location(name=name, country=iso3)))
                        last_end = end
                        i = end
                continue
            reading = _place_reading(analysis, i)
            if reading is None:
                capital = _capital_of(analysis, kb, i, lo, hi)
                if capital is not None:  # "in the Nigerian capital (Abuja)": the capital of that country
                    end = capital[0]
                    out.append((found[0], end, capital[1]))  # the nationality stays a word of its own
                    last_end = end
                    i = end
                    continue
                i = found[0]
                continue
            end, lexeme = reading
            listed = i >= lo + 2 and last_end in (i - 1, i - 2) and keys[i - 1] in _LIST
            if not (listed or is_locative(analysis, i, lo)):
                i = end
                continue
            location = _location_of(kb, lexeme)
            if location is None:
                i = end
                continue
            end, location = _extend(analysis, end=end, hi=hi, lexeme=lexeme, location=location)
            out.append((i, end, location))
            last_end = end
            i = end
    analysis.memo["places"] = (kb, tuple(out))
    return out


def _capital_of(analysis: Analysis, kb: KnowledgeBase, i: int, lo: int, hi: int) -> tuple[int, Location] | None:
    """Return the end and place of "the <nationality> capital" at token *i* after a locative, if there."""
    found = analysis.at.get(i)
    if found is None or i == lo or analysis.keys[i - 1] != "the" or not is_locative(analysis, i, lo):
        return None
    end, readings = found
    if end >= hi or analysis.keys[end] != "capital":
        return None
    iso3 = next((r.iso3 for r in readings if r.kind == "adjective" and r.iso3), None)
    country = kb.country(iso3) if iso3 else None
    if country is None or not country.capital:
        return None
    return end + 1, Location(name=country.capital, country=iso3)


def _country_after(analysis: Analysis, j: int, hi: int) -> tuple[int, str] | None:
    """Return the end and code of ", <Country>" at token *j*, if there."""
    if j + 1 < hi and analysis.keys[j] == ",":
        found = analysis.readings(j + 1, "country")
        if found is not None and found[1][0].iso3:
            return found[0], found[1][0].iso3
    return None


def _extend(
    analysis: Analysis,
    *,
    end: int,
    hi: int,
    lexeme: Lexeme,
    location: Location,
) -> tuple[int, Location]:
    """Extend a place with ", <Country>" or "'s <seat of government>"."""
    if lexeme.kind != "country":
        after = _country_after(analysis, end, hi)
        # a known city keeps its own country: "Tokyo, North Korea fired ..." is not a Tokyo in North Korea
        if after is not None and lexeme.iso3 in (after[1], None):
            return after[0], Location(name=location.name, country=after[1])
    pos = analysis.possessive(end, hi)
    if pos and lexeme.kind in ("metonym", "city"):
        venue = analysis.readings(end + pos, "metonym")
        if venue is not None and any(r.iso3 == lexeme.iso3 for r in venue[1]):
            return venue[0], location
    return end, location


@registries.extractors.register("places")
class PlaceRecogniser(KnowledgeBaseStep):
    """Find the places named as locations: cities, capitals, venues and countries.

    Args:
        dictionaries: Paths of user dictionaries (JSON or TOML) to add to the
            packaged knowledge base.
        kb: A knowledge base to use instead (it pickles as its dictionaries).

    Examples:
        >>> from diplomev import Article, Document
        >>> doc = PlaceRecogniser()(Document(article=Article(id="p",
        ...     text="Kang arrived in Beijing on Tuesday for talks with Wang.")))
        >>> [(p.text, p.location.country) for p in doc.places]
        [('Beijing', 'CHN')]
    """

    name = "places"

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its places."""
        analysis = analyse(doc, self.kb)
        places = []
        for first, end, location in find_places(analysis, self.kb):
            span = analysis.span(first, end)
            places.append(Place(span=span, text=span.slice(doc.text), location=location))
        return attrs.evolve(doc, places=tuple(places))
