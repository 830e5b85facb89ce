"""parse.dialogue: lines of dialogue into one Quote."""

from __future__ import annotations

from filmscrape.parse.dialogue import dialogue_quote
from filmscrape.schema import QuoteLine


def test_exchange_has_no_single_speaker_and_joins_the_lines() -> None:
    lines = [
        QuoteLine(speaker="Lui", direction="First lines", text="You saw nothing."),
        QuoteLine(speaker="Elle", text="I saw everything."),
    ]
    quote = dialogue_quote(lines, (10, 60))
    assert (quote.kind, quote.speaker, quote.span) == ("dialogue", None, (10, 60))
    assert quote.text == "You saw nothing. / I saw everything."
    assert quote.lines == lines


def test_monologue_keeps_its_speaker() -> None:
    lines = [QuoteLine(speaker="Elle", text="Listen to me."), QuoteLine(speaker="Elle", text="I know.")]
    assert dialogue_quote(lines, (0, 5)).speaker == "Elle"


def test_unattributed_lines_have_no_speaker() -> None:
    assert dialogue_quote([QuoteLine(text="Nothing.")], (0, 8)).speaker is None
