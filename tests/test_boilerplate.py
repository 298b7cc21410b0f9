"""Boilerplate: a sentence shape repeated across files, whatever the names and dates in it."""

from __future__ import annotations

from assistant.store.boilerplate import Boilerplate, shape

LETTER = (
    "This letter summarises the findings of a focused visit to {area} children's services on "
    "{day} March 2023. Inspectors found that {finding}."
)


def test_repeated_shapes_are_boilerplate_and_findings_are_not() -> None:
    passages = [
        ("a.pdf", LETTER.format(area="Wakefield", day=28, finding="care leavers lack internet")),
        ("b.pdf", LETTER.format(area="Dudley", day=2, finding="plans are late for many children")),
        ("c.pdf", LETTER.format(area="Bury", day=14, finding="therapy waits are 75 weeks")),
    ]
    boilerplate = Boilerplate.from_passages(passages)
    assert (
        "This letter summarises the findings of a focused visit to Leeds children's services "
        "on 3 May 2024." in boilerplate
    )
    assert "Inspectors found that care leavers lack internet." not in boilerplate
    expected = "will take the findings into account"
    assert shape("Ofsted will take the findings into account.") == expected
