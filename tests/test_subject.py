"""Named things in a question: passages that mention none of them are about something else."""

from __future__ import annotations

from assistant.subject import named_things, things_not_found
from assistant.types import Passage


def test_named_things_are_capitalised_names_not_posts_months_or_first_words() -> None:
    assert named_things("What did Kent's Cabinet decide about the Winter Warmth Fund?") == [
        "Kent's Cabinet",
        "Winter Warmth Fund",
    ]
    assert named_things("What did the Cabinet Member for Education tell County Council?") == [
        "County Council"
    ]
    assert named_things("What was approved in March about BCP's Written Statement of Action?") == [
        "BCP's Written Statement of Action"
    ]
    assert named_things("Which reports say children wait two years?") == []
    assert named_things("What did officers say about Cllr Galvin's motion on road signs?") == []


def test_a_thing_no_passage_mentions_is_not_found() -> None:
    meta = {"council": "Kent County Council", "committee": "Cabinet"}
    business = Passage(
        "1",
        "The Kent and Medway Business Fund had also approved loans of £1.64m.",
        "a.pdf",
        1,
        0.0,
        meta,
    )
    support = Passage(
        "2", "Mr Hale referred to the Winter Warmth Fund payments.", "b.pdf", 1, 0.0, meta
    )
    question = "What did Kent's Cabinet decide about the Winter Warmth Fund?"
    assert things_not_found(question, [business]) == ["Winter Warmth Fund"]
    assert things_not_found(question, [business, support]) == []
