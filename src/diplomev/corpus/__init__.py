"""Working with whole corpora: streaming and parallel processing, merging, timelines and dyads.

* `process` runs a pipeline over any number of articles in constant memory,
  on every local core, reporting each failure as a `ProcessingError`;
  `resume_ids` lets a run pick up where an interrupted one stopped.
* `merge_events`, `merge_documents` and `EventMerger` turn the reports of one
  happening by many articles into one `MergedEvent` with GDELT-style counts.
* `timeline` and `dyad_series` order and count the merged events of an actor
  or a pair; `to_csv` and `to_pandas` export them.
* `diplomev.corpus.dask.extract_bag` maps the pipeline over a Dask bag
  (the ``dask`` extra; import that module explicitly).

Examples:
    >>> from diplomev import Article, Pipeline
    >>> from diplomev.corpus import process
    >>> docs = process([Article(id="a1", text="Seoul and Tokyo held talks.")], pipeline=Pipeline([]))
    >>> [d.article.id for d in docs]
    ['a1']

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.corpus._commands import prepare_resume, run_dyads, run_extract, run_timeline
from diplomev.corpus.merge import EventMerger, MergedEvent, Report, actor_key, merge_documents, merge_events
from diplomev.corpus.streaming import (
    CorpusRun,
    ProcessingError,
    ProcessingStats,
    ProcessingWarning,
    process,
    resume_ids,
)
from diplomev.corpus.timelines import (
    DYAD_COLUMNS,
    QUAD_CLASSES,
    TIMELINE_COLUMNS,
    DyadRow,
    DyadSeries,
    Timeline,
    dyad_record,
    dyad_series,
    matches,
    timeline,
    timeline_record,
    to_csv,
    to_pandas,
)

__all__ = [
    "DYAD_COLUMNS",
    "QUAD_CLASSES",
    "TIMELINE_COLUMNS",
    "CorpusRun",
    "DyadRow",
    "DyadSeries",
    "EventMerger",
    "MergedEvent",
    "ProcessingError",
    "ProcessingStats",
    "ProcessingWarning",
    "Report",
    "Timeline",
    "actor_key",
    "dyad_record",
    "dyad_series",
    "matches",
    "merge_documents",
    "merge_events",
    "prepare_resume",
    "process",
    "resume_ids",
    "run_dyads",
    "run_extract",
    "run_timeline",
    "timeline",
    "timeline_record",
    "to_csv",
    "to_pandas",
]
