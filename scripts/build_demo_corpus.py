"""Generate the demo corpus of the fictional Fernleigh County Council into ``corpus/``.

Usage: ``.venv/bin/python scripts/build_demo_corpus.py [--out DIR]``. All text lives in the
``demo_corpus`` modules beside this script; the output is deterministic (fixed metadata dates,
fixed zip entry times), so re-running it gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_corpus import (  # noqa: E402
    audit,
    cabinet_2024_03,
    cabinet_2024_09,
    cabinet_report,
    council,
    inspections,
    monitoring,
    planning,
    scrutiny,
    transport,
)
from demo_corpus.model import Doc  # noqa: E402
from demo_corpus.render import write  # noqa: E402

README = """# Demo corpus: Fernleigh County Council (fictional)

Fernleigh County Council, its towns (Ashcombe, Brindlebury, Holtmoor, Kestrel Vale, Sallowfield,
Wenmouth), its councillors, officers, figures and inspections are **invented** for testing and
demonstrating the Committee Assistant. Nothing here describes a real council or real people;
telephone numbers use the Ofcom drama range and addresses use the `.example` domain.

The files imitate the formats councils publish: ModernGov printed minutes, agenda frontsheets
and reports (PDF), Ofsted-style inspection letters (PDF), committee minutes (DOCX), ModernGov
web pages with menus, cookie banner and scripts (HTML), minutes extracts (TXT) and eScribe-style
minutes (Markdown). Layout: `<committee>/<YYYY-MM-DD>/<file>`, inspections under `inspections/`.

This README is not part of the corpus proper. The questions over these files are in
`evals/demo.jsonl`; `tests/test_demo_corpus.py` checks that every answer is really in its source.

Regenerate (deterministic; the same bytes each run):

    .venv/bin/python scripts/build_demo_corpus.py
"""


def all_docs() -> list[Doc]:
    """Every document of the demo corpus, in a stable order."""
    modules = (
        cabinet_2024_03, planning, audit, council, inspections, cabinet_2024_09, cabinet_report,
        scrutiny, transport, monitoring,
    )  # fmt: skip
    docs: list[Doc] = []
    for module in modules:
        docs.extend(module.DOCS)
    return docs


def build(out: Path) -> list[Path]:
    """Write every document and the README under ``out``; return the files written."""
    written = [write(doc, out) for doc in all_docs()]
    readme = out / "README.md"
    readme.write_text(README, encoding="utf-8")
    return [*written, readme]


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1] / "corpus"
    parser.add_argument("--out", type=Path, default=default, help="output folder")
    args = parser.parse_args()
    for path in build(args.out):
        print(f"{path.stat().st_size:>8}  {path.relative_to(args.out)}")


if __name__ == "__main__":
    main()
