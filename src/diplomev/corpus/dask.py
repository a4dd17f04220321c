"""Running the pipeline on Dask: a bag of articles in, a bag of event records out.

Needs the ``dask`` extra (``pip install 'diplomev[dask]'``). Importing this
module imports Dask; `diplomev.corpus` itself does not.

Examples:
    A corpus of JSON Lines files on a cluster (a sketch)::

        import json
        import dask.bag as db
        from distributed import Client
        from diplomev.corpus.dask import extract_bag

        client = Client("scheduler:8786")
        events = extract_bag(db.read_text("news/*.jsonl"))
        events.map(json.dumps).to_textfiles("events/*.jsonl")

Added in version 0.1.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from typing import Any, Literal

import dask.bag as db

from diplomev import _json
from diplomev.errors import ConfigError, ExtractionError, InputError
from diplomev.model import Article, Document, Source
from diplomev.pipeline import Pipeline
from diplomev.serialisers._converter import converter, parse_published

__all__ = ["extract_bag", "to_article"]

_SOURCE_KEYS = ("title", "publisher", "dateline", "url")


def _text_id(text: str) -> str:
    return "text-" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def to_article(item: Any, *, text_key: str = "text", id_key: str = "id") -> Article | Document:
    r"""Return the `Article` (or `Document`) an item of a bag stands for.

    An item is an `Article` or `Document` (taken as it is); a mapping with
    the article's text under *text_key*, its id under *id_key* and
    optionally ``title``, ``published`` (ISO 8601), ``publisher``,
    ``dateline`` and ``url``; or a string. A string that holds a JSON
    object (a line of a JSON Lines file from ``dask.bag.read_text``) is
    read as a mapping; any other string is an article's text. An article
    without an id gets ``"text-"`` and a hash of its text.

    Raises:
        InputError: If a mapping has no text, or a field has the wrong type;
            or if a string holds a JSON object that diplomev refuses (nested
            too deeply, a number of too many digits, ``NaN``, a lone
            surrogate: see the robustness page).

    Examples:
        >>> to_article('{"id": "n1", "text": "Talks.", "publisher": "AP"}').source.publisher
        'AP'
        >>> to_article("Seoul and Tokyo held talks.\n").id
        'text-0f2efa013e03d05f'
    """
    if isinstance(item, (Article, Document)):
        return item
    if isinstance(item, str):
        stripped = item.strip()
        if stripped.startswith("{"):
            try:
                parsed = _json.loads(stripped)
            except _json.JsonError as err:
                if err.kind != "syntax":  # well-formed, but refused: not to be taken for text
                    raise InputError(f"not JSON: {err.describe(lines=False)}") from err
                parsed = None
            if isinstance(parsed, dict):
                return to_article(parsed, text_key=text_key, id_key=id_key)
        text = item.rstrip("\r\n")
        return Article(id=_text_id(text), text=text)
    if not isinstance(item, dict):
        msg = f"expected an Article, a mapping or a string, got {type(item).__name__}"
        raise InputError(msg)
    body = item.get(text_key)
    if not isinstance(body, str):
        raise InputError("missing or not a string", field=text_key)
    raw_id = item.get(id_key)
    fields: dict[str, Any] = {k: item[k] for k in _SOURCE_KEYS if isinstance(item.get(k), str)}
    try:
        published = parse_published(item.get("published"))
    except (TypeError, ValueError) as err:
        raise InputError(str(err), field="published") from err
    return Article(
        id=_text_id(body) if raw_id is None else str(raw_id),
        text=body,
        source=Source(published=published, **fields),
    )


def _extract_partition(
    items: Iterable[Any],
    *,
    pipeline: Pipeline,
    text_key: str,
    id_key: str,
    errors: Literal["raise", "skip"],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        try:
            doc = pipeline.run(to_article(item, text_key=text_key, id_key=id_key))
        except (InputError, ExtractionError) as err:
            if errors == "skip":
                continue
            # diplomev's errors take keyword arguments, which do not survive pickling to the client.
            raise RuntimeError(str(err)) from err
        if doc is not None:
            out.extend(converter.unstructure(e) for e in doc.events)
    return out


def extract_bag(
    bag: db.Bag,
    *,
    pipeline: Pipeline | None = None,
    text_key: str = "text",
    id_key: str = "id",
    errors: Literal["raise", "skip"] = "raise",
) -> db.Bag:
    """Map a pipeline over a bag of articles and return a bag of event records.

    Each item of *bag* is an article as `to_article` reads it: a mapping
    (e.g. from ``db.read_text("news/*.jsonl").map(json.loads)``), a line of
    JSON Lines text, a plain text, or an `Article` record. The result is a
    lazy bag of event dictionaries with the JSON keys of the event contract
    (the same as ``diplomev extract --format jsonl`` writes), one per event,
    partition by partition. The pipeline is pickled with the tasks, so its
    steps must be picklable (the built-in ones are).

    Args:
        bag: The articles.
        pipeline: The pipeline to run (default `diplomev.Pipeline.default`).
        text_key: The key of the text in a mapping.
        id_key: The key of the id in a mapping.
        errors: ``"raise"`` fails the computation on the first article that
            cannot be read or processed; ``"skip"`` leaves it out.

    Returns:
        A bag of event dictionaries.

    Raises:
        ConfigError: If *errors* is neither ``"raise"`` nor ``"skip"``.

    Examples:
        >>> import dask.bag as db
        >>> from diplomev import Pipeline
        >>> bag = db.from_sequence([{"id": "n1", "text": "No events here."}], npartitions=1)
        >>> extract_bag(bag, pipeline=Pipeline([])).compute()
        []

    Added in version 0.1.
    """
    if errors not in ("raise", "skip"):
        msg = f"extract_bag: errors must be 'raise' or 'skip', got {errors!r}"
        raise ConfigError(msg)
    work = functools.partial(
        _extract_partition,
        pipeline=pipeline if pipeline is not None else Pipeline.default(),
        text_key=text_key,
        id_key=id_key,
        errors=errors,
    )
    result: db.Bag = bag.map_partitions(work)  # type: ignore[no-untyped-call]
    return result
