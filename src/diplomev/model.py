"""The typed core records of diplomev.

Every record is a frozen, slotted attrs class with keyword-only arguments.
Values are checked when a record is built: a bad value raises
`diplomev.errors.ValidationError` naming the record, the field and the value.
Records hold data only; reading and writing them is the business of
`diplomev.serialisers`.

Added in version 0.1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import Enum
from typing import Any, TypeVar

import attrs

from diplomev import taxonomy
from diplomev._iso import ISO3
from diplomev.errors import ValidationError

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "Granularity",
    "Location",
    "Mention",
    "MentionKind",
    "Mode",
    "Place",
    "Provenance",
    "Quote",
    "Reference",
    "Region",
    "Segment",
    "Source",
    "Span",
    "TimeExpression",
    "TimeKind",
    "TimeSpan",
]


class EventType(str, Enum):
    """The sixteen PLOVER event types.

    Examples:
        >>> EventType("CONSULT") is EventType.CONSULT
        True
    """

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Mode(str, Enum):
    """How surely the text reports an event: it happened, is planned, did not happen, or might.

    Examples:
        >>> Mode("planned") is Mode.PLANNED
        True
    """

    ASSERTED = "asserted"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class Granularity(str, Enum):
    """How precise a `TimeSpan` is.

    Examples:
        >>> Granularity("month").value
        'month'
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"


class ActorKind(str, Enum):
    """What sort of thing an `Actor` is.

    Examples:
        >>> ActorKind("person") is ActorKind.PERSON
        True
    """

    PERSON = "person"
    STATE = "state"
    ORGANISATION = "organisation"
    GROUP = "group"


class MentionKind(str, Enum):
    """How an actor is referred to in the text.

    Examples:
        >>> MentionKind("pronoun") is MentionKind.PRONOUN
        True
    """

    NAME = "name"
    """A proper name of a person, state or organisation ("Kang Kyung-wha", "China")."""
    METONYM = "metonym"
    """A capital or seat of government standing for a government ("Seoul", "the Kremlin")."""
    DESCRIPTION = "description"
    """A title or sector phrase ("the South Korean foreign ministry", "Chinese firms")."""
    SHORT_NAME = "short_name"
    """A second reference by surname or short form ("Kang")."""
    PRONOUN = "pronoun"
    """A personal pronoun resolved to an antecedent ("she")."""
    ANAPHOR = "anaphor"
    """A definite description resolved to an antecedent ("the minister", "both sides")."""


class Region(str, Enum):
    """The layout role of a stretch of an article's text.

    Examples:
        >>> Region("caption") is Region.CAPTION
        True
    """

    BODY = "body"
    TITLE = "title"
    CAPTION = "caption"
    METADATA = "metadata"
    BOILERPLATE = "boilerplate"


class TimeKind(str, Enum):
    """What a temporal expression denotes.

    Examples:
        >>> TimeKind("duration") is TimeKind.DURATION
        True
    """

    DATE = "date"
    """A calendar time: a day, month, year, range..."""
    DURATION = "duration"
    """A length of time ("for more than a year"); never resolved to a date."""


# --------------------------------------------------------------------------- validators


def _fail(inst: object, attribute: attrs.Attribute[Any], message: str, value: object) -> None:
    name = f"{type(inst).__name__}.{attribute.name}"
    raise ValidationError(f"{name}: {message}", field=name, value=value)


def _non_negative(inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        _fail(inst, attribute, f"must be >= 0, got {value!r}", value)


def _end_after_start(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value < inst.start:
        _fail(inst, attribute, f"must be >= start ({inst.start}), got {value}", value)


def _end(inst: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    """`_non_negative`, then `_end_after_start`: one call for the end of every span built."""
    if value < 0:
        _fail(inst, attribute, f"must be >= 0, got {value!r}", value)
    if value < inst.start:
        _fail(inst, attribute, f"must be >= start ({inst.start}), got {value}", value)


def _unit_interval(inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        _fail(inst, attribute, f"must be between 0 and 1, got {value!r}", value)


def _iso3(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value not in ISO3:
        _fail(inst, attribute, f"must be an ISO 3166-1 alpha-3 code such as 'KOR', got {value!r}", value)


def _sector(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not (len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()):
        _fail(inst, attribute, f"must be a three-letter upper-case sector code such as 'GOV', got {value!r}", value)


def _cameo(inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not taxonomy.is_code(value):
        _fail(inst, attribute, f"must be a CAMEO event code such as '040', got {value!r}", value)


def _is_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        _fail(inst, attribute, f"must be a datetime.date, got {value!r}", value)


def _published(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            _fail(inst, attribute, f"a datetime must be timezone-aware, got {value!r}", value)
    elif not isinstance(value, dt.date):
        _fail(inst, attribute, f"must be a date, an aware datetime or None, got {value!r}", value)


def _quad_class(inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value not in (1, 2, 3, 4):
        _fail(inst, attribute, f"must be 1, 2, 3 or 4, got {value!r}", value)


def _goldstein(inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not -10.0 <= value <= 10.0:
        _fail(inst, attribute, f"must be between -10 and 10, got {value!r}", value)


E = TypeVar("E", bound=Enum)


def _coerce(enum: type[E], value: Any) -> E:
    """Return *value* as a member of *enum*, or raise ValidationError listing the valid values."""
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in enum)
        msg = f"{enum.__name__}: expected one of {allowed}, got {value!r}"
        raise ValidationError(msg, field=enum.__name__, value=value) from None


def _to_event_type(value: Any) -> EventType:
    return _coerce(EventType, value)


def _to_mode(value: Any) -> Mode:
    return _coerce(Mode, value)


def _to_granularity(value: Any) -> Granularity:
    return _coerce(Granularity, value)


def _to_actor_kind(value: Any) -> ActorKind:
    return _coerce(ActorKind, value)


def _to_mention_kind(value: Any) -> MentionKind:
    return _coerce(MentionKind, value)


def _to_region(value: Any) -> Region:
    return _coerce(Region, value)


def _to_time_kind(value: Any) -> TimeKind:
    return _coerce(TimeKind, value)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


# --------------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into an article's text.

    Examples:
        >>> Span(start=4, end=9).slice("The talks began.")
        'talks'
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end)

    def slice(self, text: str) -> str:
        """Return the part of *text* this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        """Return the number of characters covered."""
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Return whether *other* lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end


@attrs.frozen(kw_only=True)
class Provenance:
    """How a value was found: which field, by what method, from what text.

    Examples:
        >>> Provenance(field="published", method="date line", text="Oct. 31, 2017").method
        'date line'
    """

    field: str
    method: str
    text: str | None = None


@attrs.frozen(kw_only=True)
class Source:
    """Where an article comes from: its outlet, address, headline, date and dateline.

    Attributes:
        publisher: The outlet or wire agency credited ("Yonhap", "Reuters").
        url: The address the article was read from.
        title: The headline.
        published: The publication date, or a timezone-aware datetime.
        dateline: The place of the dateline ("Beijing").
        author: The writer credited in a byline.
        language: An ISO 639-1 code.
        inferred: How each field that was not given explicitly was inferred.

    Examples:
        >>> import datetime as dt
        >>> Source(publisher="Yonhap", published=dt.date(2017, 11, 23)).publisher
        'Yonhap'
    """

    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | dt.datetime | None = attrs.field(default=None, validator=_published)
    dateline: str | None = None
    author: str | None = None
    language: str = "en"
    inferred: tuple[Provenance, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def published_date(self) -> dt.date | None:
        """The publication date without its time of day."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@attrs.frozen(kw_only=True)
class Article:
    """One news article: an id, its full text and where it comes from.

    Examples:
        >>> Article(id="a1", text="Seoul and Tokyo held talks.").id
        'a1'
    """

    id: str
    text: str
    source: Source = attrs.field(factory=Source)
    origin: str | None = None
    """Where the article was read from, e.g. ``news.jsonl:12``."""


@attrs.frozen(kw_only=True)
class TimeSpan:
    """A stretch of calendar time with its granularity.

    Examples:
        >>> import datetime as dt
        >>> TimeSpan(start=dt.date(2017, 12, 1), end=dt.date(2017, 12, 31), granularity="month").granularity
        <Granularity.MONTH: 'month'>
    """

    start: dt.date = attrs.field(validator=_is_date)
    end: dt.date = attrs.field(validator=[_is_date, _end_after_start])
    granularity: Granularity = attrs.field(converter=_to_granularity)

    @classmethod
    def day(cls, day: dt.date) -> TimeSpan:
        """Return the span of one day.

        Examples:
            >>> import datetime as dt
            >>> TimeSpan.day(dt.date(2020, 2, 29)).end
            datetime.date(2020, 2, 29)
        """
        return cls(start=day, end=day, granularity=Granularity.DAY)

    def overlaps(self, other: TimeSpan) -> bool:
        """Return whether the two spans share at least one day."""
        return self.start <= other.end and other.start <= self.end


@attrs.frozen(kw_only=True)
class Location:
    """A place where an event happened.

    Examples:
        >>> Location(name="Beijing", country="CHN").country
        'CHN'
    """

    name: str
    country: str | None = attrs.field(default=None, validator=_iso3)
    latitude: float | None = None
    longitude: float | None = None


def _default_code(actor: Actor) -> str | None:
    if actor.country is None and actor.sector is None:
        return None
    return (actor.country or "") + (actor.sector or "")


@attrs.frozen(kw_only=True)
class Actor:
    """Someone who acts or is acted upon: a person, state, organisation or group.

    Attributes:
        name: Canonical name of the person or organisation, if the text names one.
        kind: Person, state, organisation or group.
        country: ISO 3166-1 alpha-3 code of the state the actor belongs to.
        sector: CAMEO-style sector code (``GOV``, ``MIL``, ``BUS``, ``IGO``...).
        code: CAMEO-style actor code; defaults to country + sector (``KORGOV``).
        role: The role that resolved the actor ("foreign_minister").
        aliases: Other names of the actor.

    Examples:
        >>> Actor(name="Wang Yi", kind="person", country="CHN", sector="GOV").code
        'CHNGOV'
    """

    name: str | None = None
    kind: ActorKind = attrs.field(default=ActorKind.STATE, converter=_to_actor_kind)
    country: str | None = attrs.field(default=None, validator=_iso3)
    sector: str | None = attrs.field(default=None, validator=_sector)
    code: str | None = attrs.field(default=attrs.Factory(_default_code, takes_self=True))
    role: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def key(self) -> str | None:
        """The actor's identity for matching: its country, else its name."""
        return self.country or self.name


@attrs.frozen(kw_only=True)
class Evidence:
    """A stretch of the article that states an event, with its offsets.

    Examples:
        >>> Evidence(text="talks", start=4, end=9).span
        Span(start=4, end=9)
    """

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end)

    @property
    def span(self) -> Span:
        """The offsets as a `Span`."""
        return Span(start=self.start, end=self.end)


@attrs.frozen(kw_only=True)
class Segment:
    """A stretch of the article with its layout role (body, caption, boilerplate...).

    Examples:
        >>> Segment(span=Span(start=0, end=5), region="title").region
        <Region.TITLE: 'title'>
    """

    span: Span
    region: Region = attrs.field(converter=_to_region)


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A temporal expression found in the text and, for dates, what it resolves to.

    Examples:
        >>> import datetime as dt
        >>> t = TimeExpression(span=Span(start=0, end=9), text="Wednesday",
        ...     resolved=TimeSpan.day(dt.date(2017, 11, 22)))
        >>> t.resolved.start
        datetime.date(2017, 11, 22)
    """

    span: Span
    text: str
    kind: TimeKind = attrs.field(default=TimeKind.DATE, converter=_to_time_kind)
    resolved: TimeSpan | None = None
    confidence: float = attrs.field(default=1.0, validator=_unit_interval)
    region: Region = attrs.field(default=Region.BODY, converter=_to_region)


@attrs.frozen(kw_only=True)
class Place:
    """A place named in the text, resolved to a `Location`.

    Examples:
        >>> seoul = Location(name="Seoul", country="KOR")
        >>> Place(span=Span(start=9, end=14), text="Seoul", location=seoul).location.country
        'KOR'
    """

    span: Span
    text: str
    location: Location


@attrs.frozen(kw_only=True)
class Mention:
    """A reference to an actor in the text.

    Attributes:
        span: Where the mention is.
        text: The mention as written.
        actor: The actor it resolves to.
        kind: How the actor is referred to (name, metonym, pronoun...).
        antecedent: For a coreferent mention, the span of the mention it was resolved to.
        confidence: How sure the resolution is.

    Examples:
        >>> m = Mention(span=Span(start=0, end=4), text="Kang", actor=Actor(name="Kang Kyung-wha", kind="person"),
        ...             kind="short_name")
        >>> m.kind.value
        'short_name'
    """

    span: Span
    text: str
    actor: Actor
    kind: MentionKind = attrs.field(default=MentionKind.NAME, converter=_to_mention_kind)
    antecedent: Span | None = None
    confidence: float = attrs.field(default=1.0, validator=_unit_interval)


@attrs.frozen(kw_only=True)
class Quote:
    """A direct quotation and, where found, who said it.

    Examples:
        >>> Quote(span=Span(start=1, end=9), text="We agree", speaker=Actor(country="JPN")).speaker.country
        'JPN'
    """

    span: Span
    text: str
    speaker: Actor | None = None


@attrs.frozen(kw_only=True)
class Reference:
    """The date relative expressions are resolved against, and how it was chosen.

    Examples:
        >>> import datetime as dt
        >>> Reference(date=dt.date(2017, 11, 23), method="published").method
        'published'
    """

    date: dt.date = attrs.field(validator=_is_date)
    method: str


def _entry(event: Event) -> taxonomy.CameoCode:
    if not taxonomy.is_code(event.cameo):
        msg = f"Event.cameo: must be a CAMEO event code such as '040', got {event.cameo!r}"
        raise ValidationError(msg, field="Event.cameo", value=event.cameo)
    return taxonomy.lookup(event.cameo)


def _event_type(event: Event) -> EventType:
    entry = _entry(event)
    if entry.plover is None:
        msg = f"Event.type: CAMEO code {event.cameo!r} has no PLOVER type; pass type= explicitly"
        raise ValidationError(msg, field="Event.type", value=None)
    return EventType(entry.plover)


def _event_goldstein(event: Event) -> float:
    return _entry(event).goldstein


def _event_quad(event: Event) -> int:
    return _entry(event).quad_class


def _event_id(event: Event) -> str:
    def actor(a: Actor | None) -> str:
        return "" if a is None else f"{a.country}|{a.sector}|{a.name}"

    parts = [
        event.article,
        event.cameo,
        actor(event.source),
        actor(event.target),
        "" if event.date is None else f"{event.date.start}/{event.date.end}",
        "" if event.evidence is None else f"{event.evidence.start}",
        event.mode.value,
    ]
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).hexdigest()


@attrs.frozen(kw_only=True)
class Event:
    """One coded interaction: who did what to whom, when, where and how surely.

    Type, Goldstein value and quad class default to the taxonomy's values
    for the CAMEO code, and the id to a stable hash of the event's content.

    Attributes:
        article: Id of the article that reports the event.
        cameo: CAMEO event code ("040").
        type: PLOVER event type.
        goldstein: Goldstein conflict-cooperation value (-10..10).
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
        source: Who acts.
        target: Who is acted upon.
        date: When it happened (or will happen).
        location: Where it happened.
        mode: Asserted, planned, negated or hypothetical.
        evidence: The sentence stating the event.
        trigger: The phrase that matched the event pattern.
        extra_evidence: Further sentences of the same article that report the same event.
        attribution: Who the text credits with reporting the event ("the ministry said").
        date_method: How the date was chosen ("clause", "sentence", "article", ...).
        location_method: How the location was chosen.
        extractor: Name of the extractor that produced the event.
        confidence: How sure the extractor is (0..1).
        id: A stable identifier derived from the content.

    Examples:
        >>> e = Event(article="a1", cameo="040",
        ...           source=Actor(country="KOR"), target=Actor(country="CHN"))
        >>> e.type, e.goldstein, e.quad_class
        (<EventType.CONSULT: 'CONSULT'>, 1.0, 1)
    """

    article: str
    cameo: str = attrs.field(validator=_cameo)
    type: EventType = attrs.field(
        default=attrs.Factory(_event_type, takes_self=True),
        converter=_to_event_type,
    )
    goldstein: float = attrs.field(
        default=attrs.Factory(_event_goldstein, takes_self=True),
        validator=_goldstein,
    )
    quad_class: int = attrs.field(default=attrs.Factory(_event_quad, takes_self=True), validator=_quad_class)
    source: Actor | None = None
    target: Actor | None = None
    date: TimeSpan | None = None
    location: Location | None = None
    mode: Mode = attrs.field(default=Mode.ASSERTED, converter=_to_mode)
    evidence: Evidence | None = None
    trigger: Evidence | None = None
    extra_evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple)
    attribution: Actor | None = None
    date_method: str | None = None
    location_method: str | None = None
    extractor: str = "diplomev"
    confidence: float = attrs.field(default=1.0, validator=_unit_interval)
    id: str = attrs.field(default=attrs.Factory(_event_id, takes_self=True))


@attrs.frozen(kw_only=True)
class Document:
    """An article together with everything the pipeline found in it.

    Attributes:
        article: The article being analysed.
        segments: The layout of the text: body, title, captions, boilerplate.
        sentences: Sentence spans (of body text), in order.
        reference: The date relative times are resolved against.
        times: Temporal expressions.
        places: Places named in the text.
        mentions: Actor mentions, including resolved coreferent ones.
        quotes: Direct quotations.
        events: Coded events.

    Examples:
        >>> doc = Document(article=Article(id="a1", text="Hello."))
        >>> doc.events
        ()
    """

    article: Article
    segments: tuple[Segment, ...] = attrs.field(default=(), converter=_tuple)
    sentences: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    reference: Reference | None = None
    times: tuple[TimeExpression, ...] = attrs.field(default=(), converter=_tuple)
    places: tuple[Place, ...] = attrs.field(default=(), converter=_tuple)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_tuple)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def text(self) -> str:
        """The article's text."""
        return self.article.text

    def regions(self, *kinds: Region) -> tuple[Span, ...]:
        """Return the spans of the segments of the given kinds (all if none given)."""
        return tuple(s.span for s in self.segments if not kinds or s.region in kinds)
