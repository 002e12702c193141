"""The case list's words for a case's state."""

from __future__ import annotations


def test_a_synced_case_no_supervisor_has_touched_has_the_hubs_word(qapp):
    # The officer and the supervisor on the phone about one case must hear the same word:
    # the hub's queue says 검토 중 for a case it holds that nobody has reviewed yet.
    from fieldbus.ui.cases.model import review_names, review_word
    from fieldbus.ui.review.case_words import state_name

    reviews = review_names()
    assert review_word(reviews, None, "synced") == state_name("received") == "검토 중"
    assert review_word(reviews, None, "pending") == "검토 전"  # still only on the laptop
    assert review_word(reviews, "has_issues", "synced") == state_name("has_issues")
