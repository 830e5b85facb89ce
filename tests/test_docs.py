"""Documentation cannot drift: options, fields, quick start and the adapter example are checked."""

from __future__ import annotations

import re

import attrs

from filmscrape import schema
from filmscrape.cli import build_parser
from filmscrape.document import Document

from conftest import ROOT

DOCS = ROOT / "docs"


def test_every_cli_option_is_documented() -> None:
    """Every option the parser accepts appears in docs/cli.md."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    options = [opt for action in build_parser()._actions for opt in action.option_strings]
    assert [opt for opt in options if f"`{opt}" not in text] == []


def test_every_schema_field_is_documented() -> None:
    """Every field of every class in the output contract appears in docs/schema.md."""
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    classes = [value for value in vars(schema).values() if isinstance(value, type) and attrs.has(value)]
    missing = [
        f"{cls.__name__}.{field.name}"
        for cls in classes
        for field in attrs.fields(cls)
        if f"`{field.name}`" not in text
    ]
    assert missing == []


def test_readme_test_command_is_what_ci_runs() -> None:
    """The README's quick-start test command appears verbatim in .ci/run."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv[^\n]*)\n```", readme)
    assert len(commands) == 2, commands
    install_and_run, install_and_test = commands
    assert "fixtures/" in install_and_run and "pytest" in install_and_test
    assert install_and_test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_adapter_guide_example_runs() -> None:
    """The example adapter in docs/adapters.md works as printed."""
    guide = (DOCS / "adapters.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", guide, re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)  # the guide's own code, nothing else
    adapter = namespace["FestivalAdapter"]()  # type: ignore[operator]
    doc = Document("Programme note\nScreening times: 18:00\nJury rating: 4/5\n")
    assert adapter.detect(doc) == 0.8
    page = adapter.extract(doc)
    start, end = page.scores[0].span
    assert doc.text[start:end] == "Jury rating: 4/5"
