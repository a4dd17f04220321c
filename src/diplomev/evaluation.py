"""Scoring extracted events, metadata and times against gold annotations.

The scoring follows the annotation guideline's section 6:

* an actor's key is its country, or its name when it has no country;
* a predicted event matches a gold event of the same article when the source
  key, target key and type are equal; each event matches at most once, pairs
  with equal dates first, then overlapping dates, then the rest, agreement on
  location, mode and CAMEO code breaking ties;
* an unmatched prediction that repeats the (source, target, type, start date)
  of a matched one is an extra mention: it counts neither for nor against;
* over matched pairs: the share with the same date, location, mode, CAMEO
  code and person names; metadata accuracy per field; time-expression recall
  (same text ignoring case, commas and a leading preposition) and resolution.

Examples:
    >>> gold = {"a1": GoldArticle(article="a1", events=({"source": {"country": "KOR"},
    ...     "target": {"country": "JPN"}, "type": "CONSULT"},))}
    >>> pred = [{"article": "a1", "source": {"country": "KOR"}, "target": {"country": "JPN"},
    ...     "type": "CONSULT"}]
    >>> evaluate(gold, pred).f1
    1.0

Added in version 0.1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from diplomev import _json, taxonomy
from diplomev.errors import GoldError, SerialisationError

__all__ = ["GoldArticle", "Score", "evaluate", "load_gold", "read_records", "validate_gold"]

_LEADING = frozenset({"on", "in", "at", "by", "since", "from", "during", "of", "until", "before", "after"})
_FIELDS = ("date", "location", "mode", "cameo", "names")


@attrs.frozen(kw_only=True)
class GoldArticle:
    """The gold annotation of one article, as plain JSON values.

    Attributes:
        article: The article id.
        metadata: title, published, publisher, dateline (None where the text does not say).
        events: Gold events (dicts in the guideline's format).
        times: Gold time expressions ({"text", "resolved"}).
        notes: The annotator's notes.
    """

    article: str
    metadata: Mapping[str, Any] = attrs.field(factory=dict)
    events: tuple[Mapping[str, Any], ...] = ()
    times: tuple[Mapping[str, Any], ...] = ()
    notes: str | None = None


@attrs.frozen(kw_only=True)
class Score:
    """The result of `evaluate`.

    Attributes:
        articles: Number of gold articles.
        gold_events: Number of gold events.
        predicted_events: Predictions counted (extra mentions excluded).
        matched: Matched pairs.
        precision: matched / predicted_events.
        recall: matched / gold_events.
        f1: Harmonic mean of precision and recall.
        fields: Over matched pairs, the share with the same date, location, mode, cameo, names.
        per_type: Per PLOVER type: matched, gold, predicted counts.
        metadata: Per metadata field, the share right (when articles were given).
        times: gold count, found share and resolved_correctly share (when times were given).
        errors: Missed and spurious events (when asked for).
    """

    articles: int
    gold_events: int
    predicted_events: int
    matched: int
    precision: float
    recall: float
    f1: float
    fields: Mapping[str, float | None]
    per_type: Mapping[str, Mapping[str, int]]
    metadata: Mapping[str, float] | None = None
    times: Mapping[str, float | int | None] | None = None
    errors: tuple[Mapping[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The score as JSON-ready values (the keys of the reference scorer's ``--json``)."""
        out: dict[str, Any] = {
            "articles": self.articles,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "fields": dict(self.fields),
            "per_type": {k: dict(v) for k, v in self.per_type.items()},
        }
        if self.metadata is not None:
            out["metadata"] = dict(self.metadata)
        if self.times is not None:
            out["times"] = dict(self.times)
        if self.errors:
            out["errors"] = [dict(e) for e in self.errors]
        return out

    def format(self) -> str:
        """A short human-readable report."""
        lines = [
            (
                f"articles {self.articles}  gold {self.gold_events}  predicted {self.predicted_events}  "
                f"matched {self.matched}"
            ),
            f"events   P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}",
            "fields over matched: "
            + "  ".join(f"{k} {'None' if v is None else f'{v:.3f}'}" for k, v in self.fields.items()),
            "per type (matched/gold/predicted): "
            + ", ".join(f"{k} {v['matched']}/{v['gold']}/{v['predicted']}" for k, v in self.per_type.items()),
        ]
        if self.metadata is not None:
            lines.append("metadata: " + "  ".join(f"{k} {v:.3f}" for k, v in self.metadata.items()))
        if self.times is not None:
            t = self.times
            lines.append(f"times    gold {t['gold']}  found {t['found']}  resolved correctly {t['resolved_correctly']}")
        lines.extend(
            f"  {e['kind']:8} {e['article']} {e['source']}->{e['target']} {e['type']} {e['date']} | {e['evidence']}"
            for e in self.errors
        )
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "None" if value is None else f"{value:.3f}"


# --------------------------------------------------------------------------- reading


def _dig(obj: Any, path: str) -> Any:
    """Read a dotted path from nested dicts, or the dotted key itself."""
    if not isinstance(obj, Mapping):
        return None
    if path in obj:
        return obj[path]
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, Mapping) or part not in cur:
            return None
        cur = cur[part]
    return cur


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of records (events, articles or times).

    Raises:
        SerialisationError: For a line that is not a JSON object, naming file and line.
    """
    out = []
    p = Path(path)
    with p.open("rb") as fh:
        for number, data in enumerate(fh, 1):
            try:
                line = data.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                raise SerialisationError(f"not UTF-8 at byte {err.start}", path=str(p), line=number) from err
            if not line.strip():
                continue
            try:
                rec = _json.loads(line)
            except _json.JsonError as err:
                raise SerialisationError(f"not JSON: {err.describe(lines=False)}", path=str(p), line=number) from err
            if not isinstance(rec, dict):
                raise SerialisationError("expected a JSON object", path=str(p), line=number)
            out.append(rec)
    return out


def _article_id(rec: Mapping[str, Any]) -> str | None:
    aid = rec.get("article") or rec.get("article_id") or rec.get("id") or _dig(rec, "source.id")
    if isinstance(aid, Mapping):
        aid = aid.get("id")
    if aid is None:
        return None
    text = str(aid)
    return Path(text).stem if text.endswith(".txt") else text


def _flatten_predictions(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    events: list[Mapping[str, Any]] = []
    for rec in records:
        nested = rec.get("events")
        if isinstance(nested, list):
            aid = _article_id(rec)
            events.extend({"article": aid, **ev} for ev in nested)
        else:
            events.append(rec)
    return events


def load_gold(directory: str | Path, *, validate: bool = True) -> dict[str, GoldArticle]:
    """Load every ``*.json`` gold file of a directory, keyed by article id.

    Args:
        directory: The folder of gold files.
        validate: Also check each file against its article text (``<id>.txt``
            in the parent folder), when that text is present.

    Raises:
        GoldError: For a file that is not valid JSON or not in the gold format.
    """
    gold: dict[str, GoldArticle] = {}
    folder = Path(directory)
    for path in sorted(folder.glob("*.json")):
        try:
            raw = _json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            msg = f"{path}: cannot read gold file: {err}"
            raise GoldError(msg) from err
        except _json.JsonError as err:
            msg = f"{err.located(str(path))}: cannot read gold file: invalid JSON: {err.reason}"
            raise GoldError(msg) from err
        if not isinstance(raw, dict):
            msg = f"{path}: a gold file holds one JSON object"
            raise GoldError(msg)
        name = raw.get("article") or path.stem
        if not isinstance(name, str):
            msg = f"{path}: field 'article' must be a string, got {name!r:.60}"
            raise GoldError(msg)
        article = GoldArticle(
            article=name,
            metadata=_field(raw, "metadata", dict, path) or {},
            events=tuple(_items(raw, "events", path)),
            times=tuple(_items(raw, "times", path)),
            notes=raw.get("notes") if isinstance(raw.get("notes"), str) else None,
        )
        if validate:
            # the article text beside the gold folder, named like the gold file (never a path taken from the file)
            text_path = folder.parent / f"{path.stem}.txt"
            try:
                text = text_path.read_text(encoding="utf-8-sig") if text_path.is_file() else None
            except (OSError, UnicodeDecodeError) as err:
                msg = f"{text_path}: cannot read the article of {path.name}: {err}"
                raise GoldError(msg) from err
            problems = validate_gold(article, text)
            if problems:
                msg = f"{path}: " + "; ".join(problems)
                raise GoldError(msg)
        gold[article.article] = article
    return gold


def _field(raw: Mapping[str, Any], key: str, kind: type, path: Path) -> Any:
    value = raw.get(key)
    if value is not None and not isinstance(value, kind):
        msg = f"{path}: field {key!r} must be a JSON {'object' if kind is dict else 'array'}, got {value!r:.60}"
        raise GoldError(msg)
    return value


def _items(raw: Mapping[str, Any], key: str, path: Path) -> list[Mapping[str, Any]]:
    items = _field(raw, key, list, path) or []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            msg = f"{path}: {key}[{i}] must be a JSON object, got {item!r:.60}"
            raise GoldError(msg)
    return items


def _valid_date(value: Any) -> bool:
    if not isinstance(value, Mapping):
        return False
    start, end = value.get("start"), value.get("end")
    return (
        isinstance(start, str)
        and isinstance(end, str)
        and len(start) == len(end) == 10
        and start <= end
        and value.get("granularity") in ("day", "week", "month", "season", "year", "decade", "range")
    )


def validate_gold(gold: GoldArticle, text: str | None = None) -> list[str]:
    """Return the problems of a gold annotation (empty when it is valid).

    Checks types, CAMEO codes, modes and dates, and, when the article's text
    is given, that every evidence and time text occurs in it.

    Examples:
        >>> validate_gold(GoldArticle(article="a", events=({"type": "CHAT"},)))
        ["events[0]: field 'type': 'CHAT' is not a PLOVER type"]
    """
    problems = []
    for i, ev in enumerate(gold.events):
        where = f"events[{i}]"
        if ev.get("type") not in taxonomy.PLOVER_TYPES:
            problems.append(f"{where}: field 'type': {ev.get('type')!r} is not a PLOVER type")
        cameo = ev.get("cameo")
        if cameo is not None and not taxonomy.is_code(cameo):
            problems.append(f"{where}: field 'cameo': {cameo!r} is not a CAMEO code")
        if ev.get("mode", "asserted") not in ("asserted", "planned", "negated", "hypothetical"):
            problems.append(f"{where}: field 'mode': {ev.get('mode')!r} is not a mode")
        if ev.get("date") is not None and not _valid_date(ev["date"]):
            problems.append(f"{where}: field 'date': {ev['date']!r} is not a valid date span")
        evidence = ev.get("evidence")
        if text is not None and isinstance(evidence, str) and evidence not in text:
            problems.append(f"{where}: field 'evidence' does not occur in the article: {evidence[:60]!r}")
    for i, t in enumerate(gold.times):
        if text is not None and isinstance(t.get("text"), str) and t["text"] not in text:
            problems.append(f"times[{i}]: field 'text' does not occur in the article: {t['text']!r}")
        if t.get("resolved") is not None and not _valid_date(t["resolved"]):
            problems.append(f"times[{i}]: field 'resolved': {t['resolved']!r} is not a valid date span")
    return problems


# --------------------------------------------------------------------------- matching


def _norm(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text.casefold() if text else None


def _time_text(value: Any) -> str:
    words = (_norm(value) or "").replace(",", " ").split()
    while words and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


def _key(ev: Mapping[str, Any], role: str) -> str | None:
    country = _dig(ev, f"{role}.country")
    return str(country).upper() if country else _norm(_dig(ev, f"{role}.name"))


def _span(ev: Mapping[str, Any]) -> tuple[str, str] | None:
    start = _dig(ev, "date.start")
    if not start:
        return None
    end = _dig(ev, "date.end") or start
    return str(start)[:10], str(end)[:10]


def _type(ev: Mapping[str, Any]) -> str:
    return str(_dig(ev, "type") or "").upper()


def _location(ev: Mapping[str, Any]) -> str | None:
    return _norm(_dig(ev, "location.name") or _dig(ev, "location"))


def _cameo(ev: Mapping[str, Any]) -> str:
    return str(_dig(ev, "cameo") or _dig(ev, "code"))


def _identity(ev: Mapping[str, Any]) -> tuple[str | None, str | None, str]:
    return _key(ev, "source"), _key(ev, "target"), _type(ev)


def _pair(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    ranked = []
    for gi, g in enumerate(gold):
        gid = _identity(g)
        for pi, p in enumerate(pred):
            if _identity(p) != gid:
                continue
            gd, pd = _span(g), _span(p)
            overlap = gd is not None and pd is not None and gd[0] <= pd[1] and pd[0] <= gd[1]
            rank = 3.0 if gd == pd else 2.0 if overlap else 1.0
            rank += 0.1 * (_norm(g.get("location")) == _location(p))
            rank += 0.1 * (_norm(g.get("mode")) == _norm(_dig(p, "mode")))
            rank += 0.1 * (str(g.get("cameo")) == _cameo(p))
            ranked.append((-rank, gi, pi))
    ranked.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in ranked:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _ratio(hit: int, total: int) -> float:
    return round(hit / total, 4) if total else 0.0


def _error(kind: str, article: str, ev: Mapping[str, Any]) -> dict[str, Any]:
    evidence = _dig(ev, "evidence")
    if isinstance(evidence, Mapping):
        evidence = evidence.get("text")
    return {
        "kind": kind,
        "article": article,
        "source": _key(ev, "source"),
        "target": _key(ev, "target"),
        "type": _dig(ev, "type"),
        "date": _span(ev),
        "evidence": (evidence or "")[:160],
    }


def evaluate(
    gold: Mapping[str, GoldArticle] | str | Path,
    events: Iterable[Mapping[str, Any]] | str | Path,
    *,
    articles: Iterable[Mapping[str, Any]] | str | Path | None = None,
    times: Iterable[Mapping[str, Any]] | str | Path | None = None,
    only: Iterable[str] | None = None,
    show_errors: bool = False,
) -> Score:
    """Score predicted events (and optionally metadata and times) against gold annotations.

    Args:
        gold: Gold annotations, or the folder of gold files.
        events: Predicted events as dicts with Contract-2 keys (nested or dotted),
            or a JSON Lines file of them.
        articles: Article records (``diplomev articles`` output), or their file.
        times: Time expression records (``diplomev times`` output), or their file.
        only: Restrict scoring to these article ids.
        show_errors: List missed and spurious events in `Score.errors`.

    Returns:
        The scores, the same numbers as the reference scorer.
    """
    golds = load_gold(gold, validate=False) if isinstance(gold, (str, Path)) else dict(gold)
    if only is not None:
        keep = set(only)
        golds = {k: v for k, v in golds.items() if k in keep}
    raw_events = read_records(events) if isinstance(events, (str, Path)) else list(events)
    predictions: dict[str | None, list[Mapping[str, Any]]] = {}
    for ev in _flatten_predictions(raw_events):
        predictions.setdefault(_article_id(ev), []).append(ev)

    tp = n_pred = n_gold = 0
    hits = {f: [0, 0] for f in _FIELDS}
    per_type: dict[str, list[int]] = {}
    errors: list[dict[str, Any]] = []
    for aid, g in golds.items():
        pred = predictions.get(aid, [])
        pairs = _pair(g.events, pred)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        seen_keys = {(*_identity(pred[pi]), (_span(pred[pi]) or (None,))[0]) for pi in matched_p}
        extra = {
            pi
            for pi, p in enumerate(pred)
            if pi not in matched_p and (*_identity(p), (_span(p) or (None,))[0]) in seen_keys
        }
        tp += len(pairs)
        n_pred += len(pred) - len(extra)
        n_gold += len(g.events)
        for gi, ge in enumerate(g.events):
            row = per_type.setdefault(str(ge["type"]), [0, 0, 0])
            row[1] += 1
            if gi in matched_g:
                row[0] += 1
            elif show_errors:
                errors.append(_error("missed", aid, ge))
        for pi, pe in enumerate(pred):
            row = per_type.setdefault(_type(pe), [0, 0, 0])
            if pi in extra:
                continue
            row[2] += 1
            if pi not in matched_p and show_errors:
                errors.append(_error("spurious", aid, pe))
        for gi, pi in pairs:
            ge, pe = g.events[gi], pred[pi]
            if ge.get("date"):
                hits["date"][1] += 1
                hits["date"][0] += _span(ge) == _span(pe)
            if ge.get("location"):
                hits["location"][1] += 1
                hits["location"][0] += _norm(ge["location"]) == _location(pe)
            hits["mode"][1] += 1
            hits["mode"][0] += _norm(ge.get("mode")) == _norm(_dig(pe, "mode"))
            if ge.get("cameo"):
                hits["cameo"][1] += 1
                hits["cameo"][0] += str(ge["cameo"]) == _cameo(pe)
            for role in ("source", "target"):
                name = _dig(ge, f"{role}.name")
                if name:
                    hits["names"][1] += 1
                    hits["names"][0] += _norm(name) == _norm(_dig(pe, f"{role}.name"))

    p_raw = tp / n_pred if n_pred else 0.0
    r_raw = tp / n_gold if n_gold else 0.0
    precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
    f1 = round(2 * p_raw * r_raw / (p_raw + r_raw), 4) if p_raw + r_raw else 0.0
    return Score(
        articles=len(golds),
        gold_events=n_gold,
        predicted_events=n_pred,
        matched=tp,
        precision=precision,
        recall=recall,
        f1=f1,
        fields={k: (round(v[0] / v[1], 4) if v[1] else None) for k, v in hits.items()},
        per_type={k: {"matched": v[0], "gold": v[1], "predicted": v[2]} for k, v in sorted(per_type.items()) if k},
        metadata=None if articles is None else _score_metadata(golds, articles),
        times=None if times is None else _score_times(golds, times),
        errors=tuple(errors),
    )


def _score_metadata(
    golds: Mapping[str, GoldArticle],
    articles: Iterable[Mapping[str, Any]] | str | Path,
) -> dict[str, float]:
    records = read_records(articles) if isinstance(articles, (str, Path)) else list(articles)
    by_id = {_article_id(r): r for r in records}
    hits: dict[str, list[int]] = {}
    for aid, g in golds.items():
        rec = by_id.get(aid, {})
        for field, expected in g.metadata.items():
            if expected is None:
                continue
            got = next(
                (v for v in (_dig(rec, prefix + field) for prefix in ("", "metadata.", "source.")) if v is not None),
                None,
            )
            if field == "published" and got:
                got = str(got)[:10]
            row = hits.setdefault(field, [0, 0])
            row[1] += 1
            row[0] += _norm(expected) == _norm(got)
    return {k: round(v[0] / v[1], 4) for k, v in hits.items()}


def _score_times(
    golds: Mapping[str, GoldArticle],
    times: Iterable[Mapping[str, Any]] | str | Path,
) -> dict[str, float | int | None]:
    records = read_records(times) if isinstance(times, (str, Path)) else list(times)
    predicted: dict[str | None, list[Mapping[str, Any]]] = {}
    for rec in records:
        predicted.setdefault(_article_id(rec), []).append(rec)
    found = resolved = total = 0
    for aid, g in golds.items():
        available = list(predicted.get(aid, []))
        for gt in g.times:
            total += 1
            want = _time_text(gt["text"])
            for i, pt in enumerate(available):
                if _time_text(pt.get("text")) != want:
                    continue
                found += 1
                gr, pr = gt.get("resolved"), pt.get("resolved")
                if gr is None:
                    resolved += pr is None
                elif isinstance(pr, Mapping):
                    got = (str(pr.get("start"))[:10], str(pr.get("end") or pr.get("start"))[:10])
                    resolved += (gr["start"], gr["end"]) == got
                del available[i]
                break
    return {
        "gold": total,
        "found": round(found / total, 4) if total else None,
        "resolved_correctly": round(resolved / total, 4) if total else None,
    }
