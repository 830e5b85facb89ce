"""Shared Hypothesis strategies."""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs
from hypothesis import strategies as st

from filmscrape import schema
from filmscrape.schema import Page

# JSON has no NaN or infinity: the contract's numbers are finite.
finite_floats = st.floats(allow_nan=False, allow_infinity=False)
st.register_type_strategy(float, finite_floats)


def every_field(cls: type) -> st.SearchStrategy[Any]:
    """Instances of an attrs class with *every* field drawn (builds() alone leaves defaults alone)."""
    hints = typing.get_type_hints(cls, vars(schema))
    return st.builds(cls, **{field.name: _strategy(hints[field.name]) for field in attrs.fields(cls)})


def _strategy(tp: Any) -> st.SearchStrategy[Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if attrs.has(tp):
        return st.deferred(lambda: every_field(tp))
    if origin is list:
        return st.lists(_strategy(args[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(st.text(max_size=8), _strategy(args[1]), max_size=3)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_strategy(arg) for arg in args])
    return st.from_type(tp)


pages = every_field(Page)
"""Any Page the schema allows, every field and every nesting drawn."""

LABELS = [
    "Average Rating:", "Reviews Counted:", "Fresh:", "Rotten:", "Directed by", "Directed By:", "(as ",
    "User Rating:", "votes", "Tomatometer", "Full Review…", " (1959)", "IMDb > ", "<html>", "<div>", "</p>",
    "&amp;", "Critic Reviews for", "Super Reviewer", "Lui:[First lines] ", "(Source)", "“", "”",
    "Writing credits", "Also Known As:", " .... ", "$23.7M", "8.9/10", "No Score Yet", "Oct 24", "\n", "\n\n",
    " ", ":", "|", "%", "(", ")", "…", "»", "Review of ", "directed by ", "Hiroshima", "1959", "21,203",
]  # fmt: skip
page_like_text = st.lists(st.one_of(st.sampled_from(LABELS), st.text(max_size=6)), max_size=60).map("".join)
"""Text made of the labels and punctuation adapters look for: reaches deep into the adapters."""
