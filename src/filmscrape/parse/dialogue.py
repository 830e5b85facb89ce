"""Dialogue quotes: several ``Speaker: [direction] line`` lines read as one Quote."""

from __future__ import annotations

from filmscrape.schema import Quote, QuoteLine, Span


def dialogue_quote(lines: list[QuoteLine], span: Span) -> Quote:
    """One ``dialogue`` Quote of ``lines``: its text is their texts joined by " / "; its speaker is set
    when every line has the same one (a monologue), else None (each line keeps its own)."""
    speakers = {line.speaker for line in lines}
    return Quote(
        kind="dialogue",
        text=" / ".join(line.text for line in lines),
        speaker=lines[0].speaker if len(speakers) == 1 else None,
        lines=lines,
        span=span,
    )
