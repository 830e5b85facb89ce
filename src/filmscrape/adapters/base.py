"""The Adapter base class every built-in and third-party adapter subclasses."""

from __future__ import annotations

from typing import ClassVar

from filmscrape.document import Document
from filmscrape.schema import Page, Source


class Adapter:
    """Reads one kind of film page.

    ``detect`` returns a confidence in [0, 1] that the document is this adapter's kind of page: 0 never
    selects it, 1 selects it at once, otherwise the highest score at or above
    ``filmscrape.registry.DETECTION_THRESHOLD`` wins. ``extract`` turns the document into a ``Page``;
    it may leave anything it cannot read as None / [] and explain in ``Page.warnings``.

    Adapters never read files, print, fetch anything or import another adapter.
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def detect(self, doc: Document) -> float:
        """Confidence in [0, 1] that ``doc`` is this adapter's kind of page."""
        raise NotImplementedError

    def extract(self, doc: Document) -> Page:
        """Read everything this adapter understands from ``doc``."""
        raise NotImplementedError

    def new_page(self, doc: Document) -> Page:
        """An empty Page for ``doc``, its source naming this adapter."""
        return Page(
            source=Source(adapter=self.name, input_format=doc.input_format, url=doc.url), text=doc.text
        )
