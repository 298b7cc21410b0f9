"""Boilerplate: a sentence shape repeated across files, whatever the names and dates in it."""

from __future__ import annotations

from assistant.store.boilerplate import Boilerplate, shape

LETTER = (
    "This letter summarises the findings of a focused visit to {area} children's services on "
    "{day} March 2023. Inspectors found that {finding}."
)


def test_repeated_shapes_are_boilerplate_and_findings_are_not() -> None:
    passages = [
        ("a.pdf", LETTER.format(area="Holtby", day=21, finding="care leavers lack bus passes")),
        ("b.pdf", LETTER.format(area="Fernby", day=2, finding="plans are late for many children")),
        ("c.pdf", LETTER.format(area="Ashcombe", day=14, finding="therapy waits are 68 weeks")),
    ]
    boilerplate = Boilerplate.from_passages(passages)
    assert (
        "This letter summarises the findings of a focused visit to Leeds children's services "
        "on 3 May 2024." in boilerplate
    )
    assert "Inspectors found that care leavers lack bus passes." not in boilerplate
    expected = "will take the findings into account"
    assert shape("Ofsted will take the findings into account.") == expected


def test_a_template_is_boilerplate_when_its_wording_varies_or_a_heading_is_glued_to_it() -> None:
    areas = "Wakefield Dudley Bury Leeds Bexley Surrey Dorset Kent Halton Hull Derby".split()
    passages = [
        (f"{area}.pdf", LETTER.format(area=area, day=n + 1, finding=f"{n} children wait too long"))
        for n, area in enumerate(areas)
    ]
    boilerplate = Boilerplate.from_passages(passages)
    glued = (
        "Focused visit to Wenbury children's services\nThis letter summarises the findings of a "
        "focused visit to Wenbury children's services on 9 May 2025."
    )
    assert shape(glued) not in boilerplate.shapes  # not one of the repeated shapes …
    assert glued in boilerplate  # … but most runs of its words are template wording
    assert "Inspectors found that care leavers in Wenbury lack bus passes." not in boilerplate
