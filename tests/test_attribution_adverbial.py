"""Reports framed by an adverbial rather than a reporting clause (issue 17, item 4): "..., as X has said" gives
the main clause to X, and "In the latest survey, ..." gives it to the survey.

Every case is a short article written for the test (no bench or issue text); each fails if its rule is dropped.
"""

from __future__ import annotations

import pytest
from conftest import quote_rows


def attributions(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(content, written speaker, cue, source label) for every quote, in text order."""
    return [tuple(r[k] for k in ('content', 'written', 'cue', 'label')) for r in quote_rows(text, " ,.")]


# ------------------------------------------------------------------ "..., as X has said"

def test_an_as_clause_with_a_speech_cue_gives_the_main_clause_to_its_subject() -> None:
    got = attributions("The bridge will not reopen before spring, as the county engineers have said.")
    assert got == [("The bridge will not reopen before spring", "the county engineers", "said", "county engineers")]


def test_an_as_clause_before_the_main_clause_and_with_a_time_phrase() -> None:
    got = attributions("As the harbour master reported on Monday, two trawlers sank in the storm.")
    assert got == [("two trawlers sank in the storm", "the harbour master", "reported", "harbour master")]
    got = attributions("The rebels still hold the northern districts, as the ministry has acknowledged.")
    assert [(c, w) for c, w, _, _ in got] == [("The rebels still hold the northern districts", "the ministry")]


def test_an_as_clause_without_a_subject_or_with_its_own_clause_is_no_such_frame() -> None:
    # "as expected": nobody named; "as she said she would": the cue reports its own clause
    assert attributions("The river rose above the old markers, as expected.") == []
    got = attributions("The coach resigned on Friday, as she said she would.")
    assert [c for c, _, _, _ in got] == ["she would"]
    # "as" of manner or time with a verb that is no cue, or with a cue that reports its own object
    assert attributions("The crowd cheered as the runners crossed the line.") == []
    got = attributions("The teacher was close to tears as she called for a new school in the valley.")
    assert [c for c, _, _, _ in got] == ["for a new school in the valley"]


# ------------------------------------------------------------------ "In the latest survey, ..."

def test_a_survey_or_poll_after_in_states_the_main_clause() -> None:
    got = attributions("In the latest survey, the mayor leads her rival by six points among older residents.")
    assert got == [("the mayor leads her rival by six points among older residents", "the latest survey", "In",
                    "latest survey")]
    got = attributions("Despite a costly campaign, the governor trails his rival in the latest survey of farmers.")
    assert [(c, w) for c, w, _, _ in got] == [("the governor trails his rival", "the latest survey of farmers")]
    got = attributions("The governor's approval fell sharply in a new poll of likely voters.")
    assert [(c, w) for c, w, _, _ in got] == [("The governor's approval fell sharply", "a new poll of likely voters")]


def test_in_with_a_noun_that_states_nothing_or_a_clause_with_its_own_cue_is_no_such_frame() -> None:
    # a place, a time or a thing after "in" states nothing; "faith in the survey" is no frame of the sentence
    assert attributions("In the old harbour, the fishermen mended their nets.") == []
    assert attributions("Residents lost faith in the survey after the flood.") == []
    # "..., the agency said in its annual report": the agency's statement, once
    got = attributions("Fuel prices rose by a third, the agency said in its annual report.")
    assert [(c, cue) for c, _, cue, _ in got] == [("Fuel prices rose by a third", "said")]
    # "In a statement, X said ...": the cue reports, once
    got = attributions("In a statement, the ministry said the convoy had been turned back at the border.")
    assert got == [("the convoy had been turned back at the border", "the ministry", "said", "ministry")]


# ------------------------------------------------------------------ headlines the tagger reads as names

HEADLINE_BODY = "\n\nThe story follows here. Nothing more is said about it in this short text.\n"


def test_a_title_case_headline_verb_the_tagger_misses_reports_what_follows_it() -> None:
    got = attributions("Governor Vows To Rebuild The Flooded Bridge By Spring." + HEADLINE_BODY)
    assert got == [("To Rebuild The Flooded Bridge By Spring", "Governor", "Vows", "Governor")]
    got = attributions("Minister Denies Role In Fuel Deal." + HEADLINE_BODY)
    assert [(c, w) for c, w, _, _ in got] == [("Role In Fuel Deal", "Minister")]
    got = attributions("Back From The Coast, Governor Vows To Rebuild The Bridge." + HEADLINE_BODY)
    assert [(c, w) for c, w, _, _ in got] == [("To Rebuild The Bridge", "Governor")]


def test_a_headline_verb_in_running_prose_or_without_a_speaker_before_it_reports_nothing_new() -> None:
    # lower-case prose is the parser's: one report, not a second from the headline rule
    got = attributions("The governor vows to rebuild the flooded bridge by spring, aides said on Monday.")
    assert [cue for _, _, cue, _ in got].count("vows") <= 1
    assert attributions("Vows To Rebuild The Flooded Bridge By Spring Are Cheap." + HEADLINE_BODY) == []


@pytest.mark.parametrize(("headline", "content", "speaker"), [
    ("Rebels Shelled Hospital In Idlib, Aid Group Says.", "Rebels Shelled Hospital In Idlib", "Aid Group"),
    ("Mayor Hid Bridge Defects From Public, Former City Engineer Says.", "Mayor Hid Bridge Defects From Public",
     "Former City Engineer"),
    ("Fuel Prices To Rise Again, Officials Warn", "Fuel Prices To Rise Again", "Officials"),
])
def test_a_headline_closed_by_its_speaker_and_verb_reports_the_words_before_the_comma(
        headline: str, content: str, speaker: str) -> None:
    got = attributions(headline + HEADLINE_BODY)
    assert [(c, w) for c, w, _, _ in got] == [(content, speaker)]


@pytest.mark.parametrize("headline", ["Arsenal Beat Spurs, Extend Lead", "Storm Hits Coast, Thousands Flee"])
def test_a_headline_closed_by_another_verb_reports_nothing(headline: str) -> None:
    assert attributions(headline + HEADLINE_BODY) == []


def test_a_survey_label_gives_a_headline_finding_to_the_survey_and_a_rubric_gives_nothing() -> None:
    got = attributions("Survey: Young Farmers Leave Valley For Better Jobs." + HEADLINE_BODY)
    assert got == [("Young Farmers Leave Valley For Better Jobs", "Survey", ":", "Survey")]
    got = attributions("Poll: Older Residents Back Mayor Over Harbour Plan." + HEADLINE_BODY)
    assert [(w, label) for _, w, _, label in got] == [("Poll", "Poll")]
    assert attributions("Analysis: Why The Harbour Vote Matters To Fishermen." + HEADLINE_BODY) == []


# ------------------------------------------------------------------ a split quote framed again

def test_a_quote_after_a_frame_whose_sentence_has_its_own_cue_is_no_continuation() -> None:
    got = attributions('"The harbour is finished," the mayor said. "You left the fishermen with nothing" to save a '
                       'few dollars, she said, pointing at the council.')
    assert [(c, cue) for c, _, cue, _ in got] == [("The harbour is finished", "said"),
                                                  ("You left the fishermen with nothing", "said")]
    # with no cue of its own after it, the next quote is the same speaker going on: one quote, A to B
    got = attributions('"The harbour is finished," the mayor said. "We will rebuild it before the winter."')
    assert len(got) == 1 and got[0][0].endswith("We will rebuild it before the winter")


# ------------------------------------------------------------------ a view held through an adjective

def test_a_view_adjective_with_a_clause_is_its_subjects_view() -> None:
    got = attributions("The minister is convinced that the harbour will reopen in the spring.")
    assert got == [("that the harbour will reopen in the spring", "The minister", "convinced", "minister")]
    got = attributions("Officials remain confident the talks will resume next week.")
    assert [(c, w) for c, w, _, _ in got] == [("the talks will resume next week", "Officials")]
    got = attributions("The fishermen are worried that the catch will fall again this year.")
    assert [(c, w) for c, w, _, _ in got] == [("that the catch will fall again this year", "The fishermen")]
    got = attributions("The mayor made it clear that the old bridge would not reopen.")
    assert [(c, w) for c, w, _, _ in got] == [("that the old bridge would not reopen", "The mayor")]


def test_an_adjective_without_a_clause_or_of_no_view_reports_nothing() -> None:
    assert attributions("The minister is confident and calm before the vote.") == []
    assert attributions("The road is clear that leads to the harbour.") == []
    assert attributions("It is clear that the harbour will reopen in the spring.") == []
    assert attributions("The fishermen are tired that the season ended early this year.") == []
    # inside a reported clause the view is part of what was said, not a second report
    got = attributions("The mayor said she was confident that the bridge would reopen in May.")
    assert [cue for _, _, cue, _ in got] == ["said"]


# ------------------------------------------------------------------ a reporting noun with an infinitive

def test_a_promise_or_warning_noun_reports_its_infinitive() -> None:
    got = attributions("The governor's promise to rebuild the bridge by spring drew cheers.")
    assert got == [("to rebuild the bridge by spring", "The governor's", "promise", "governor")]
    got = attributions("The rebels ignored the army's warning to leave the valley.")
    assert [(c, label) for c, _, _, label in got] == [("to leave the valley", "army")]
    # a noun of no promise, or a promise that is a thing to keep, reports nothing
    assert attributions("The mayor's plan to rebuild the bridge drew cheers.") == []
    assert attributions("The treaty left a promise to keep and a road to build.") == []


# ------------------------------------------------------------------ a cue set off by commas, hung on a noun

def test_a_parenthetical_tell_inside_the_sentence_reports_the_sentence_around_it() -> None:
    got = attributions("The difference, the engineer told reporters, is that the new bridge will carry trucks.")
    assert [(w, cue, label) for _, w, cue, label in got] == [("the engineer", "told", "engineer")]
    assert got[0][0].startswith("The difference") and got[0][0].endswith("will carry trucks")
    # a relative clause that reports its own clause, or a verb that is no cue, stays as it was
    got = attributions("The mayor, who told reporters the bridge was safe, left early.")
    assert [(c, cue) for c, _, cue, _ in got] == [("the bridge was safe", "told")]
    assert attributions("The bridge, which the engineers inspected on Monday, will reopen in May.") == []


# ------------------------------------------------------------------ review round 4: frames that are no report

def test_an_ordinary_title_case_headline_is_no_report() -> None:
    # a verb of a match or a fight, a past form (a headline's passive), a phrasal verb: nobody said anything
    for line in ["Harbour Rovers Hammers Valley Town In Cup Derby", "Final Called Off Due To Heavy Snow",
                 "Rebels Blasted By Jets Near The Old Harbour", "Frequently Asked Questions About The Fishing Quota",
                 "Champion Defends Sailing Title In The Bay"]:
        assert attributions(line + HEADLINE_BODY) == [], line
    # a present-tense speech verb still reports what follows it
    got = attributions("Harbour Master Warns Of Rising Tides Next Winter" + HEADLINE_BODY)
    assert [(c, w, cue) for c, w, cue, _ in got] == [("Of Rising Tides Next Winter", "Harbour Master", "Warns")]
    got = attributions("Mayor Vows To Reopen The Old Ferry Line" + HEADLINE_BODY)
    assert [(c, w) for c, w, _, _ in got] == [("To Reopen The Old Ferry Line", "Mayor")]
    got = attributions("Mayor Pledges To Reopen The Old Ferry Line" + HEADLINE_BODY)  # "Pledges" read as a noun
    assert [(c, w) for c, w, _, _ in got] == [("To Reopen The Old Ferry Line", "Mayor")]


def test_the_second_part_of_a_split_quote_stays_with_its_speaker_when_a_new_sentence_has_a_cue() -> None:
    got = attributions('"We will rebuild the ferry pier," the mayor said. "It will take two years." Critics said '
                       'the plan was far too costly.')
    assert [(c, w) for c, w, _, _ in got] == [
        ('We will rebuild the ferry pier," the mayor said. "It will take two years', "the mayor"),
        ("the plan was far too costly", "Critics")]
    got = attributions('"The pier is unsafe," the engineer said. "Nobody should fish there!" Residents said they '
                       'would keep fishing.')
    assert [w for _, w, _, _ in got] == ["the engineer", "Residents"]
    assert got[0][0].endswith("Nobody should fish there!")


def test_an_as_clause_of_time_is_no_report() -> None:
    for text in ["Hundreds of fishermen cheered loudly as the harbour master spoke.",
                 "Rain fell on the crowd as the governor spoke.",
                 "The lights kept flickering as the engineer explained.",
                 "The ferry left the pier as the captain talked."]:
        assert attributions(text) == [], text
    got = attributions("The ferry will not sail before March, as the harbour master has warned.")
    assert [(c, w) for c, w, _, _ in got] == [("The ferry will not sail before March", "the harbour master")]


def test_a_report_noun_after_in_is_a_source_only_opening_the_sentence() -> None:
    for text in ["The harbour board made several errors in its annual report.",
                 "Two spelling mistakes appeared in the final report.",
                 "He spent ten years in analysis at a shipping firm.",
                 "The figures were printed in a study of the harbour."]:
        assert attributions(text) == [], text
    got = attributions("In the annual report, the harbour's losses doubled over the winter.")
    assert [(c, w) for c, w, _, _ in got] == [("the harbour's losses doubled over the winter", "the annual report")]
    got = attributions("Support for the ferry plan fell sharply in a new survey of residents.")
    assert [(c, w) for c, w, _, _ in got] == [("Support for the ferry plan fell sharply", "a new survey of residents")]


def test_a_relative_clause_set_off_by_commas_frames_nothing() -> None:
    for text in ["The referee, who spoke to reporters after the match, was later suspended by the league.",
                 "The captain, who talked to the crew on Monday, left the harbour at noon."]:
        assert attributions(text) == [], text
    got = attributions("The difference, the harbour master told reporters, is that the new pier will hold trucks.")
    assert [w for _, w, _, _ in got] == ["the harbour master"]


def test_an_emotion_adjective_with_a_clause_is_no_view() -> None:
    for text in ["I am afraid the ferry office is closed on Sundays.",
                 "The striker was angry that the referee ignored the foul.",
                 "The fishermen were pleased that the sun came out.",
                 "She is proud that her daughter won the race."]:
        assert attributions(text) == [], text
    got = attributions("The captain is certain that the ferry will sail on time.")
    assert [(c, w) for c, w, _, _ in got] == [("that the ferry will sail on time", "The captain")]
