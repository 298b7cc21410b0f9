"""A synthetic council for scale benchmarks: minutes of many committees over many years, in the
Markdown meeting format the loaders read, about ``--chunks`` chunks in all. Deterministic for a
seed. The text is made of the genre's sentences (items, discussion, motions, resolutions,
actions) with varied names, places, sums and dates, so BM25 and the embedding model see
realistic vocabulary and lengths; it is not meant to be read.

    .venv/bin/python -m benchmarks.scale_corpus --chunks 10000 --out .cache/scale/corpus-10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

COMMITTEES = [
    "Cabinet", "County Council", "Planning Committee", "Audit and Governance Committee",
    "Children and Young People's Scrutiny Committee", "Corporate Parenting Panel",
    "Environment and Transport Cabinet Committee", "Health Overview and Scrutiny Committee",
    "Adult Social Care Cabinet Committee", "Growth and Economic Development Committee",
]
TOPICS = [
    "home to school transport", "the highways maintenance programme", "library opening hours",
    "the waste collection contract", "special educational needs provision", "the capital programme",
    "adult social care charging", "the local plan review", "bus service improvement",
    "flood risk management", "youth services", "the corporate risk register",
    "children's social care placements", "household waste recycling centres", "street lighting",
    "the treasury management strategy", "public health grants", "the climate emergency plan",
    "school place planning", "the internal audit plan", "care leavers' accommodation",
    "the broadband rollout", "winter gritting routes", "the carers' strategy",
]
PLACES = ["Holtmoor", "Wenmouth", "Brindlebury", "Sallowfield", "Kestrel Vale", "Ashcombe",
          "Marlow Green", "Fenwick", "Oldbridge", "Thornley", "Castle Ridge", "Elmstead"]
PEOPLE = ["Cllr Rowe", "Cllr Hassan", "Cllr Kemp", "Cllr Osei", "Cllr Fitch", "Cllr Ellery",
          "Mr Buckley", "Ms Haddad", "Dr Sorensen", "Mrs Ashby", "Mr Marsh", "Ms Grey"]
OFFICERS = ["the Corporate Director Growth, Environment and Transport",
            "the Director of Education and SEND", "the Head of Internal Audit",
            "the Corporate Director Adult Social Care", "the Director of Public Health"]
DISCUSSION = [
    "{p} introduced the report on {t}, which set out progress since the last meeting and the "
    "risks to delivery in {y}.",
    "Members asked how {t} would affect residents in {pl}, and {p} said that a further update "
    "would be brought to the committee in {m}.",
    "{p} said that spending on {t} was forecast at £{a} million against a budget of £{b} "
    "million, and that the pressure arose mainly from demand in {pl}.",
    "In response to a question, {o} confirmed that {n} of the {k} actions in the plan for {t} "
    "had been completed and that the remainder were on track.",
    "{p} raised concerns about the consultation on {t} and asked that the views of parents and "
    "carers in {pl} be reported to members before a decision was taken.",
    "The committee noted that the performance indicator for {t} had moved from {n} per cent to "
    "{k} per cent over the year, and asked for the reasons to be set out in the next report.",
]
RESOLUTIONS = [
    "RESOLVED that the committee notes the report on {t} and asks {o} to report again in {m}.",
    "RESOLVED that {c} approves the proposals for {t} as set out in the report, at a cost of "
    "£{a} million, and delegates authority to {o} to agree the final terms.",
    "RESOLVED that the recommendations on {t} be agreed, subject to the amendment proposed by "
    "{p}, and that the decision be published within five working days.",
]
ACTIONS = [
    "ACTION: {p} to circulate the figures on {t} for {pl} to all members by {d}.",
    "ACTION: {o} to provide a briefing note on {t} before the next meeting.",
]
# Words of text per chunk the ingest makes of it (measured: --chunks 10000 at 150 words per
# chunk gave 23,510 chunks; items are short, so a chunk seldom fills the 200-token body).
WORDS_PER_CHUNK = 64


def write_corpus(out: Path, chunks: int, seed: int = 7) -> int:
    """Write meeting files under ``out`` until about ``chunks`` chunks; returns files written."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    words_wanted = chunks * WORDS_PER_CHUNK
    words = files = 0
    day = dt.date(2012, 1, 10)
    while words < words_wanted:
        committee = COMMITTEES[files % len(COMMITTEES)]
        text = _meeting(rng, committee, day, files)
        folder = out / committee.lower().replace(" ", "-").replace("'", "") / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{day.isoformat()} Meeting of the {committee}.md").write_text(text)
        words += len(text.split())
        files += 1
        day += dt.timedelta(days=rng.choice((1, 2, 3)))
    return files


def _meeting(rng: random.Random, committee: str, day: dt.date, number: int) -> str:
    lines = [
        f"# Meeting {number + 1} of the {committee}",
        "",
        f"Minutes of the meeting held on {day.day} {day:%B %Y} at 10.00 am, County Hall.",
        "",
        f"Present: {', '.join(rng.sample(PEOPLE, 5))}",
        "",
    ]
    for item in range(1, rng.randint(6, 10) + 1):
        topic = rng.choice(TOPICS)
        lines += [f"## {item}. {topic[0].upper()}{topic[1:]}", ""]
        for _ in range(rng.randint(2, 5)):
            lines += [_fill(rng, rng.choice(DISCUSSION), topic, committee, day), ""]
        if rng.random() < 0.3:
            lines += [_fill(rng, rng.choice(ACTIONS), topic, committee, day), ""]
        lines += [_fill(rng, rng.choice(RESOLUTIONS), topic, committee, day), ""]
    return "\n".join(lines)


def _fill(rng: random.Random, template: str, topic: str, committee: str, day: dt.date) -> str:
    later = day + dt.timedelta(days=rng.randint(20, 200))
    return template.format(
        t=topic, c=committee, p=rng.choice(PEOPLE), o=rng.choice(OFFICERS),
        pl=rng.choice(PLACES), y=day.year + 1, m=f"{later:%B %Y}",
        d=f"{later.day} {later:%B %Y}", a=f"{rng.uniform(0.2, 60):.1f}",
        b=f"{rng.uniform(0.2, 60):.1f}", n=rng.randint(3, 40), k=rng.randint(41, 95),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    files = write_corpus(args.out, args.chunks, args.seed)
    print(f"{files} meeting files written to {args.out} (about {args.chunks} chunks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
