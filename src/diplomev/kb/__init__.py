"""The knowledge base of actors: countries, organisations, people with dated roles, sector words.

The packaged data (``diplomev/data/countries.json``, ``organisations.json``,
``people.json`` and ``sectors.json``) is loaded on first use and cached.
Users add or override entries with their own JSON or TOML files in the same
format (see the how-to guide "Add your own actors"):

```json
{
  "people": [
    {"name": "Kwame Mensah", "surname": "Mensah", "country": "GHA", "gender": "male",
     "roles": [{"role": "foreign_minister", "title": "Foreign Minister",
                "start": "2031-01-07", "end": null}]}
  ],
  "organisations": [
    {"name": "Volta Basin Authority", "code": "VBA", "aliases": ["VBA"], "sector": "IGO"}
  ],
  "countries": [{"iso3": "GHA", "merge": true, "metonyms": ["Jubilee House"]}],
  "words": [{"forms": ["harbour master"], "plural": ["harbour masters"], "sector": "GOV", "type": "title"}]
}
```

Examples:
    >>> import datetime as dt
    >>> from diplomev.kb import KnowledgeBase
    >>> kb = KnowledgeBase.default()
    >>> kb.holder("KOR", "head_of_state", on=dt.date(2018, 3, 1)).name
    'Moon Jae-in'
    >>> kb.holder("KOR", "head_of_state", on=dt.date(2023, 3, 1)).name
    'Yoon Suk Yeol'

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.kb._base import KnowledgeBase, load_user_dictionary
from diplomev.kb._lexicon import Lexeme, Lexicon, normalise, tokenise
from diplomev.kb._records import Country, Organisation, Person, Region, Role, Sector, SectorWord

__all__ = [
    "Country",
    "KnowledgeBase",
    "Lexeme",
    "Lexicon",
    "Organisation",
    "Person",
    "Region",
    "Role",
    "Sector",
    "SectorWord",
    "load_user_dictionary",
    "normalise",
    "tokenise",
]
