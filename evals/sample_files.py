"""Choose the documents a new question set is written over: a seeded random sample of a
corpus's files that the given question files do not use as sources.

    python -m evals.sample_files --corpus ../shared/corpus --exclude ../shared/eval/dev.jsonl \
        --seed 5303 [--n 50] > files.txt

Prints one corpus-relative path per line, sorted. The same corpus, exclusions and seed give the
same list; folder notes (``Settings.skip_names``) are never chosen. evals/question_prompt.md is
the brief that goes with the list to whoever writes the set.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from assistant.ingest.loaders import relative_source, scan_corpus
from assistant.settings import Settings
from evals.run import load_questions


def candidates(corpus: Path, used: Iterable[str], skip_names: Iterable[str]) -> list[str]:
    """The corpus's readable files, relative to it, that are not ``used`` or folder notes."""
    supported, _ = scan_corpus(corpus)
    skipped, taken = set(skip_names), set(used)
    paths = (relative_source(path, corpus) for path in supported if path.name not in skipped)
    return [path for path in paths if path not in taken]


def sample(paths: Sequence[str], seed: int, n: int) -> list[str]:
    """``n`` of ``paths`` (all of them when there are fewer), chosen by ``seed``, sorted."""
    return sorted(random.Random(seed).sample(sorted(paths), min(n, len(paths))))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="question files")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args(argv)
    used = {source for path in args.exclude for q in load_questions(path) for source in q.sources}
    skip_names = Settings(_env_file=None).skip_names
    for path in sample(candidates(args.corpus, used, skip_names), args.seed, args.n):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
