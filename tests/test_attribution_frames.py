"""Report frames on unseen text (issue 17, item 4, third round): a speaker's next report beside the first one, a
second party's report the parser hangs on the first one's object, a block quote after "X added:", a transcript
turn's "I think", and a page rubric before a colon.

Every case is a short article written for the test (no bench or issue text); each fails if its rule is dropped.
"""

from __future__ import annotations

from conftest import quote_rows


def attributions(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, source label) for every quote, in text order."""
    return [tuple(r[k] for k in ('content', 'cue', 'label')) for r in quote_rows(text, " ,.\u201c\u201d\"")]


# ------------------------------------------------------------------ the same speaker's next report

def test_a_participle_after_the_reported_clause_is_the_speakers_next_report() -> None:
    got = attributions("The mayor said the bridge would reopen in May, arguing that the repairs had gone faster "
                       "than planned.")
    assert got == [("the bridge would reopen in May", "said", "mayor"),
                   ("that the repairs had gone faster than planned", "arguing", "mayor")]


def test_the_next_reports_speaker_is_the_outer_cues_not_the_reported_clauses_subject() -> None:
    got = attributions("The governor said the dam would hold, insisting that the engineers had checked it twice.")
    assert [(cue, label) for _, cue, label in got] == [("said", "governor"), ("insisting", "governor")]
    got = attributions("The union said workers would strike next week, claiming that wages had fallen.")
    assert [(cue, label) for _, cue, label in got] == [("said", "union"), ("claiming", "union")]


def test_a_cue_coordinated_inside_the_reported_clause_is_the_speakers_next_report() -> None:
    got = attributions("The ministry said it was firmly opposed to the blockade and warned the rebels to withdraw "
                       "from the port.")
    assert [(c, label) for c, _, label in got] == [
        ("it was firmly opposed to the blockade", "ministry"), ("to withdraw from the port", "ministry")]


def test_a_coordinated_verb_of_a_relative_clause_stays_inside_the_content() -> None:
    got = attributions("The director explained how hard it is to fund a campaign that feeds children and demands "
                       "nothing in return.")
    assert [cue for _, cue, _ in got] == ["explained"]
    assert got[0][0].endswith("demands nothing in return")


def test_a_second_clause_opened_by_that_is_still_the_same_report() -> None:
    got = attributions("The coach also said the scans were \"unclear\" and that the report sent on Monday "
                       "did not show whether the bone was broken.")
    assert [(cue, label) for _, cue, label in got] == [("said", "coach")]
    assert got[0][0].endswith("did not show whether the bone was broken")


# ------------------------------------------------------------------ a second party's report

def test_a_second_party_the_parser_hangs_on_the_objects_is_its_own_speaker() -> None:
    got = attributions("Farmers said they were convinced the ministry mishandled the subsidy and traders accused "
                       "the minister of hiding the costs.")
    assert [(c, label) for c, _, label in got] == [
        ("they were convinced the ministry mishandled the subsidy", "Farmers"),
        ("the minister of hiding the costs", "traders")]


# ------------------------------------------------------------------ block quotes and transcripts

def test_a_paragraph_after_a_cue_and_a_colon_is_the_speakers_block_quote() -> None:
    text = ("The governor spoke to farmers on Monday about the drought.\n\nThe governor added:\n\n"
            "It is typical of them. They know nothing about the wells, and they never did.\n\nThe meeting ended.")
    got = attributions(text)
    assert got == [("It is typical of them. They know nothing about the wells, and they never did", "added",
                    "governor")]


def test_a_colon_inside_a_paragraph_is_no_block_quote() -> None:
    text = "The governor added: the wells are dry.\n\nThe meeting ended early after a long debate on the budget."
    assert all(not c.startswith("The meeting") for c, _, _ in attributions(text))


def test_a_transcript_turns_first_person_cues_are_the_turns_words() -> None:
    text = ("The radio phone-in grew heated.\n\n\"HARPER: Doctor, let me stop you there, because listeners need a "
            "plain reply.\n\n\"OKAFOR: I think that is why the clinics are full across the county.")
    got = attributions(text)
    assert [label for _, _, label in got] == ["HARPER", "OKAFOR"]
    assert got[0][0].startswith("Doctor, let me stop you")


def test_a_transcript_turn_stops_at_a_paragraph_holding_a_quote_of_its_own() -> None:
    for o, c in (("\u201c", "\u201d"), ('"', '"')):
        text = (f"{o}MORENO: The tunnel will open next spring.\n\n{o}We are ready,{c} the engineer said after the "
                f"test.\n\n{o}The lights work,{c} the technician added.")
        assert [(w, label) for w, _, label in attributions(text)] == [
            ("The tunnel will open next spring", "MORENO"), ("We are ready", "engineer"),
            ("The lights work", "technician")]
    text = '"MORENO: The tunnel will open next spring.\n\n"And the road will follow.\n\n"HOST: Thank you.'
    assert [label for _, _, label in attributions(text)] == ["MORENO", "HOST"]
    assert attributions(text)[0][0].endswith("And the road will follow")


def test_a_page_rubric_before_a_colon_is_no_speaker() -> None:
    text = ("The vote was held on Tuesday.\n\nCORRECTION: An earlier version of this article misstated the date "
            "of the vote.\n\nEditor's note: The council did not respond to requests for comment.")
    assert attributions(text) == []
    # a capitalised transcript label is still a speaker
    assert [label for _, _, label in attributions("The hearing opened.\n\nMORGAN: Well, look, we will not leave.")] \
        == ["MORGAN"]


# ------------------------------------------------------------------ cues the lexicon or the lemmatizer missed

def test_hope_is_a_cue_whatever_the_lemmatizer_makes_of_it() -> None:
    # the model lemmatizes "hoped"/"hoping" as "hop": the cue is found through the word itself
    assert attributions("The farmer hoped the rains would come before the harvest.") == [
        ("the rains would come before the harvest", "hoped", "farmer")]
    assert [cue for _, cue, _ in attributions("The mayor is hoping that the bridge will reopen in May.")] == [
        "hoping"]


def test_portraying_expressing_and_railing_against_are_reports() -> None:
    got = attributions("The senator has portrayed himself as a friend of the farmers. Aid groups expressed deep "
                       "concern about the new rules. The governor railed against the tax on diesel.")
    assert [(cue, label) for _, cue, label in got] == [
        ("portrayed", "senator"), ("expressed", "Aid groups"), ("railed", "governor")]


def test_a_reporting_noun_of_concern_carries_its_clause() -> None:
    got = attributions("The union's concern that the mine would close was shared by the council.")
    assert got == [("that the mine would close", "concern", "union")]


# ------------------------------------------------------------------ who speaks in "forced X to admit"

def test_the_object_of_a_verb_that_makes_someone_speak_is_the_speaker() -> None:
    got = attributions("The judge forced the airline's safety director, who was on the stand, to admit that "
                       "no pilot had been retrained.")
    assert [(cue, label) for _, cue, label in got] == [("admit", "airline's safety director")]
    got = attributions("The inquiry compelled the general to concede that the strike had hit a school.")
    assert [(cue, label) for _, cue, label in got] == [("concede", "general")]


def test_the_object_of_a_request_or_an_order_has_not_spoken() -> None:
    # "asked X to explain", "ordered X to disclose": only a request; X has said nothing yet
    assert attributions("The council asked the minister to explain why the clinic had closed.") == []
    assert attributions("The court ordered the company to disclose its accounts.") == []


# ------------------------------------------------------------------ objects and infinitives as what is reported

def test_a_cue_reports_its_object_when_it_has_no_clause() -> None:
    assert attributions("The senator claimed vast support among the farmers.") == [
        ("vast support among the farmers", "claimed", "senator")]
    assert attributions("New polls show the mayor ahead by three points.") == [
        ("the mayor ahead by three points", "show", "New polls")]
    # a phrasal verb or a passive reports nothing: "showed up", "is shown in"
    assert attributions("The governor showed up at the debate late.") == []


def test_a_thing_that_cannot_speak_reports_no_object() -> None:
    assert attributions("The explosion claimed the lives of 20 people in the market.") == []
    assert attributions("The clinic admitted 40 wounded civilians overnight.") == []
    assert attributions("The map shows the border crossings north of the river.") == []
    assert attributions("The flood highlighted the weakness of the old levees.") == []


def test_painting_and_welcoming_report_a_view_only_with_as() -> None:
    assert attributions("Volunteers painted the school before the term began.") == []
    assert attributions("The hotel welcomed 200 guests at the weekend.") == []
    assert attributions("The senator painted his rival as a friend of the banks.") == [
        ("his rival as a friend of the banks", "painted", "senator")]
    assert [cue for _, cue, _ in attributions("The minister welcomed the truce as a first step.")] == ["welcomed"]


def test_a_commitment_or_a_hope_reports_its_infinitive() -> None:
    assert attributions("The company agreed to clean up the river by the spring.") == [
        ("to clean up the river by the spring", "agreed", "company")]
    assert attributions("The farmer hopes to sell the land before the winter.") == [
        ("to sell the land before the winter", "hopes", "farmer")]


def test_an_aspect_verb_before_a_cue_leaves_the_report_to_the_cue() -> None:
    got = attributions("The governor continues to insist, most recently in an interview with a local radio station, "
                       "that the wells are safe.")
    assert [(c, cue, label) for c, cue, label in got] == [("that the wells are safe", "insist", "governor")]
    assert attributions("The two candidates continue to ignore the problem of the wells.") == []


# ------------------------------------------------------------------ "they" for an organisation

def test_they_in_a_coordinated_clause_is_the_organisation_that_is_its_sentences_subject() -> None:
    text = ("The city police released their figures on Monday. The Tribune ruled that the claim about the "
            "shootings is true, but they pointed out that most shootings were not fatal.")
    got = attributions(text)
    assert [(cue, label) for _, cue, label in got] == [("ruled", "Tribune"), ("pointed", "Tribune")]


def test_a_negated_infinitive_under_a_noun_reports_nothing() -> None:
    text = "The decision by the agency to not recommend any penalty for the leak, without even a warning, angered many."
    assert attributions(text) == []
    # the same cue, said, is a report
    assert [cue for _, cue, _ in attributions("The agency recommended a penalty for the leak.")] == ["recommended"]
