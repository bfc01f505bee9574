"""The cleaning stage: furniture goes, every sentence survives whole, offsets stay exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimdiff.clean import CleanText, clean_text
from claimdiff.models import Role

ROOT = Path(__file__).resolve().parent.parent
DIRTY = ROOT / "tests" / "fixtures" / "dirty"
KURILS = ROOT / "samples" / "kurils"
FIXTURES = sorted(p.stem for p in DIRTY.glob("*.txt"))
SAMPLES = sorted(KURILS.glob("*.txt"))

# A body long enough to count as an article, for examples that need one.
BODY = (
    "The city council approved the budget on Tuesday after a long debate about road "
    "repairs, school buildings and the cost of running the public library.\n\n"
    "The mayor said the vote was a turning point for the city and promised that the first "
    "repairs would begin in the spring, once contracts had been signed. Work on the library "
    "roof would come first.\n\n"
    "Opposition members said the plan relied on optimistic forecasts of tax revenue and "
    "asked for a review of the figures before the end of the year.\n"
)
assert len(BODY.split()) > 80  # enough for a wire end mark to be believed


def read(path: Path) -> str:
    # newline="" keeps CRLF line endings: offsets must count the "\r" too.
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def cleaned(raw: str) -> str:
    return clean_text(raw).text


def reasons(raw: str) -> dict[str, str]:
    """Removed text -> why it was removed."""
    return {r.text: r.reason for r in clean_text(raw).removed}


# --- The invented dirty pages ------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURES)
def test_dirty_fixture(name: str) -> None:
    expect = json.loads((DIRTY / f"{name}.expect.json").read_text(encoding="utf-8"))
    text = cleaned(read(DIRTY / f"{name}.txt"))
    missing = [s for s in expect["must_contain"] if s not in text]
    leaked = [s for s in expect["must_not_contain"] if s.lower() in text.lower()]
    assert not missing and not leaked, {"missing": missing, "leaked": leaked}


def test_fixtures_are_found() -> None:
    assert len(FIXTURES) >= 12
    assert len(SAMPLES) == 3


# --- The offset map ------------------------------------------------------------------


def check_offsets(raw: str, clean: CleanText) -> None:
    text = clean.text
    covered = [False] * len(text)
    last_orig = -1
    for c, o, n in clean.segments:
        assert n > 0
        assert text[c : c + n] == raw[o : o + n], (text[c : c + n], raw[o : o + n])
        assert o >= last_orig, "segments must follow the original order"
        last_orig = o + n
        for k in range(c, c + n):
            assert not covered[k]
            covered[k] = True
    # Everything outside a segment is a space or paragraph break the cleaner inserted.
    assert all(ch in " \n" for ch, cov in zip(text, covered, strict=True) if not cov)
    for p in clean.paragraphs:
        a, b = clean.to_original(p.start, p.end)
        assert raw[a] == text[p.start] and raw[b - 1] == text[p.end - 1]
    kept = [(o, o + n) for _, o, n in clean.segments]
    for r in clean.removed:
        assert raw[r.start : r.end].strip() == r.text.strip()
        assert not any(a < r.end and r.start < b for a, b in kept), (r, "overlaps kept text")


@pytest.mark.parametrize(
    "path", [DIRTY / f"{n}.txt" for n in FIXTURES] + SAMPLES, ids=lambda p: p.stem
)
def test_offset_map_is_exact(path: Path) -> None:
    raw = read(path)
    check_offsets(raw, clean_text(raw))


def test_offset_map_across_cut_markup_and_invisible_characters() -> None:
    raw = (
        "The **co\u00adoperative** said the [Marine\nInstitute](https://example.org/x) "
        "surveyed\u00a010\u200b km, opens new tab of reef.\n"
    )
    clean = clean_text(raw)
    check_offsets(raw, clean)
    assert clean.text == "The cooperative said the Marine Institute surveyed 10 km of reef."


# --- Wire conventions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "dateline",
    [
        "LONDON (Reuters) - ",
        "WASHINGTON (AP) — ",
        "BEIJING, Jan. 5 (Xinhua) -- ",
        "PARIS — ",
        "MOSCOW, March 17. /TASS/. ",
        "SPRINGFIELD, Ill., Sept. 10, 2024 /PRNewswire/ -- ",
    ],
)
def test_dateline_is_stripped_from_the_first_sentence(dateline: str) -> None:
    raw = f"Council passes budget after long debate\n\n{dateline}{BODY}"
    clean = clean_text(raw)
    assert "\n\nThe city council approved the budget on Tuesday" in clean.text
    assert any(r.reason == "dateline" and r.text == dateline.strip() for r in clean.removed)


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe",
        "By JANE DOE, Associated Press",
        "By Jane Doe | jdoe@example.com",
        "By Jane Doe and John Roe · Politics reporter",
        "Jane Doe Political correspondent",
    ],
)
def test_byline_is_removed(byline: str) -> None:
    text = cleaned(f"Council passes budget after long debate\n\n{byline}\n\n{BODY}")
    assert "Doe" not in text
    assert text.startswith("Council passes budget after long debate\n\nThe city council")


@pytest.mark.parametrize(
    "caption",
    [
        "The mayor speaks at City Hall on Tuesday. (AP Photo/Jane Doe, File)",
        "The mayor speaks at City Hall. (Photo: Jane Doe / Example Times)",
        "The mayor speaks at City Hall. (Supplied: Example Agency/Jane Doe)",
        "The mayor speaks at City Hall, Jan. 5, 2025. (Example/Jane Doe)",
        "The mayor speaks at City Hall on Tuesday. Photograph: Jane Doe/Reuters",
        "The mayor speaks at City Hall on Tuesday. REUTERS/Jane Doe",
        "The mayor speaks at City Hall on Tuesday © Example/Jane Doe",
        "[1/3] The mayor speaks at City Hall on Tuesday.",
        "Image caption, The mayor speaks at City Hall on Tuesday",
    ],
)
def test_photo_caption_with_credit_is_removed(caption: str) -> None:
    text = cleaned(f"Council passes budget after long debate\n\n{caption}\n\n{BODY}")
    assert "City Hall" not in text and "Jane Doe" not in text
    assert "The mayor said the vote was a turning point" in text


def test_credit_slash_inside_a_wrapped_sentence_is_kept() -> None:
    raw = "Officials said the deal was agreed with Smith/Jones\nand would close in May.\n"
    assert (
        cleaned(raw)
        == "Officials said the deal was agreed with Smith/Jones and would close in May."
    )


@pytest.mark.parametrize(
    "credits",
    [
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in Paris; additional reporting by Ann Poe; Editing by John Roe)",
        "Associated Press writer Jane Doe in Chicago contributed to this report.",
        "###",
    ],
)
def test_end_mark_closes_the_article(credits: str) -> None:
    tail = "Our Standards: The Example Trust Principles.\nSuggested Topics:\nBusiness\n"
    text = cleaned(f"{BODY}\n{credits}\n\n{tail}\nJane Doe covers city hall.\n")
    assert text.endswith("before the end of the year.")


def test_credits_lookalike_sentences_are_content() -> None:
    raw = (
        f"{BODY}\nResearch by Harvard University found that the repairs were overdue.\n\n"
        "Researchers from 12 countries contributed to the study, which ran for a decade.\n\n"
        "Reporting by the local newspaper prompted an inquiry into the figures.\n"
    )
    text = cleaned(raw)
    assert "Research by Harvard University found that the repairs were overdue." in text
    assert "Researchers from 12 countries contributed to the study" in text
    assert text.endswith("Reporting by the local newspaper prompted an inquiry into the figures.")


# --- Page chrome ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "Updated 4:12 PM EST, March 4, 2024",
        "PUBLISHED: January 10, 2024 at 6:15 p.m. | UPDATED: January 11, 2024 at 8:02 a.m.",
        "Wed 14 Feb 2024 17.20 GMT",
        "March 12, 20242:14 PM GMTUpdated 2 hours ago",
        "Published on 02/05/2024 - 14:32",
        "March 18, 2024 · 8 min read",
        "4 minute read",
        "Listen to this article · 4 min",
    ],
)
def test_timestamps_and_reading_times_are_removed(stamp: str) -> None:
    text = cleaned(f"Council passes budget after long debate\nBy Jane Doe\n{stamp}\n\n{BODY}")
    assert text.startswith("Council passes budget after long debate\n\nThe city council")


def test_date_that_ends_a_wrapped_sentence_is_kept() -> None:
    raw = f"{BODY}\nThe hearing, delayed twice, is now set for\nMonday, March 4, 2024.\n"
    assert cleaned(raw).endswith("is now set for Monday, March 4, 2024.")


def test_sentences_that_start_like_a_timestamp_are_kept() -> None:
    raw = f"{BODY}\nUpdated guidance was issued on Monday.\n\nPublished figures show rents rose.\n"
    text = cleaned(raw)
    assert "Updated guidance was issued on Monday." in text
    assert text.endswith("Published figures show rents rose.")


@pytest.mark.parametrize(
    "widget",
    [
        "Click to share on Facebook (Opens in new window)",
        "Share on X | Email | Copy link",
        "Advertisement · Scroll to continue",
        "Purchase Licensing Rights, opens new tab",
        "Source: Example Agency | 2025-01-05 16:22:31 | Editor: Jane Doe",
        "Home | News | Sport | Opinion | Weather",
        "Suggested Topics:",
        "Tags: budget · council · roads",
    ],
)
def test_widget_lines_are_removed(widget: str) -> None:
    text = cleaned(f"{BODY}\n{widget}\n\nThe budget takes effect in July, officials said.\n")
    assert text.endswith("the end of the year.\n\nThe budget takes effect in July, officials said.")


def test_advertisement_inside_a_sentence_is_removed_and_the_sentence_rejoined() -> None:
    raw = "The council said it should first\nAdvertisement\nfinish the repairs.\n"
    assert cleaned(raw) == "The council said it should first finish the repairs."


def test_markdown_bold_images_and_links() -> None:
    raw = (
        "# Council passes budget after long debate\n\n"
        "![The mayor](https://example.com/mayor.jpg)\n\n"
        "**The city council approved the budget on Tuesday**, according to the\n"
        "[council's own\nwebsite](https://example.com/budget).\n"
    )
    text = cleaned(raw)
    assert text == (
        "Council passes budget after long debate\n\n"
        "The city council approved the budget on Tuesday, according to the council's own website."
    )


def test_link_markers_of_a_text_browser_are_removed() -> None:
    raw = "   The money goes to [12]Example Partners S.A., which runs the\n   [13]harbour.\n"
    assert cleaned(raw) == "The money goes to Example Partners S.A., which runs the harbour."


def test_yaml_front_matter_is_removed() -> None:
    raw = '---\ntitle: "Council passes budget"\nclipped: 2024-08-07\n---\n\n' + BODY
    text = cleaned(raw)
    assert "clipped" not in text and text.startswith("The city council approved")


def test_read_more_teaser_with_its_headline_is_removed() -> None:
    raw = (
        f"{BODY}\nCouncil faces questions over library closures\n Read more \n"
        "<https://example.com/library>\n"
        "The library will stay open until the new building is ready.\n\n"
        "Read more: Mayor promises new bus routes by summer\n\n"
        "Related Stories\nMayor promises new bus routes by summer\nWhat to know about the vote\n\n"
        "The budget takes effect in July.\n"
    )
    text = cleaned(raw)
    assert (
        "library closures" not in text and "bus routes" not in text and "What to know" not in text
    )
    assert "The library will stay open until the new building is ready." in text
    assert text.endswith("The budget takes effect in July.")


def test_teaser_heading_does_not_swallow_a_wrapped_paragraph() -> None:
    raw = (
        "The council approved the budget on Tuesday after a long debate.\nRelated coverage\n"
        "The mayor said on Monday that the\ncity would review the plan before\nthe vote in March.\n"
    )
    assert (
        "The mayor said on Monday that the city would review the plan before the vote in March."
        in (cleaned(raw))
    )


def test_newsletter_box_is_removed() -> None:
    raw = (
        f"{BODY}\nGet the best of Example Weekly in your inbox\nOur picks, every Friday.\n"
        "Enter your email\nSign up\nBy signing up, you agree to our Terms of Use.\n\n"
        "Sign up for our free morning newsletter and get the\nday's top stories in your inbox.\n\n"
        "The budget takes effect in July, officials said.\n"
    )
    text = cleaned(raw)
    assert "inbox" not in text and "Friday" not in text and "Terms" not in text
    assert text.endswith("the end of the year.\n\nThe budget takes effect in July, officials said.")


def test_sentence_about_a_newsletter_is_content() -> None:
    raw = (
        f"{BODY}\nGet ready for higher prices, the treasurer warned in a newsletter to investors.\n"
    )
    assert cleaned(raw).endswith("warned in a newsletter to investors.")


def test_cookie_banner_is_removed() -> None:
    raw = (
        "We value your privacy\nWe and our partners use cookies to store information on your "
        "device. By clicking Accept, you consent to our use of cookies.\nAccept All\n"
        "Manage preferences\n\n" + BODY
    )
    assert cleaned(raw).startswith("The city council approved the budget")


def test_sentence_about_cookies_is_content() -> None:
    raw = f"{BODY}\nRegulators said users must reject cookies as easily as they accept them.\n"
    assert cleaned(raw).endswith("as easily as they accept them.")


def test_press_release_boilerplate_and_contacts_are_removed() -> None:
    raw = (
        f"{BODY}\nAbout Example Corp Example Corp is a maker of buses, founded in 1990. For\n"
        "more information, visit www.example.com.\n\n"
        "Media contact:\nJane Doe\nHead of Communications, Example Corp\n+1 555 010 0000\n"
        "press@example.com\n"
    )
    assert cleaned(raw).endswith("before the end of the year.")


def test_sentence_starting_with_about_is_content() -> None:
    raw = f"{BODY}\nAbout 600 people attended the meeting, the council said.\n"
    assert cleaned(raw).endswith("About 600 people attended the meeting, the council said.")


# --- The end of the page ---------------------------------------------------------------


def test_syndication_footer_at_the_end_is_removed() -> None:
    raw = (
        f"{BODY}\n----------\n\nThis article was originally published by Example News and is\n"
        "republished here under a Creative Commons Attribution 4.0 International License.\n\n"
        "Republish this story\n\nCopyright 2024 Example News. All rights reserved.\n"
    )
    assert cleaned(raw).endswith("before the end of the year.")


def test_author_bio_at_the_end_is_removed() -> None:
    raw = (
        f"Council passes budget after long debate\nBy Jane Doe\n\n{BODY}\n"
        "Doe covers city government for the Example Times.\n"
    )
    assert cleaned(raw).endswith("before the end of the year.")
    with_contact = f"{BODY}\nJane Doe is a freelance journalist. Follow her on X @janedoe.\n"
    assert cleaned(with_contact).endswith("before the end of the year.")


def test_closing_sentence_about_someone_is_content() -> None:
    raw = f"{BODY}\nMedicare covers most of the cost, the agency said.\n"
    assert cleaned(raw).endswith("Medicare covers most of the cost, the agency said.")


def test_copyright_mentioned_in_the_article_is_content() -> None:
    raw = (
        "The publisher sued the software company on Monday, saying it had copied articles.\n\n"
        "The lawsuit accuses the company of copyright infringement on a massive scale.\n\n"
        "The company said it would fight the case and expected to win.\n"
    )
    assert "accuses the company of copyright infringement on a massive scale." in cleaned(raw)


@pytest.mark.parametrize(
    "closing",
    [
        "The lawsuit accuses the company of copyright infringement.",
        "The regulator said it would revoke the operator's licence.",
        "The company is in talks about licensing its software.",
        "He first made the argument in a newsletter to investors last year.",
    ],
)
def test_last_paragraph_mentioning_footer_words_is_content(closing: str) -> None:
    assert cleaned(f"{BODY}\n{closing}\n").endswith(closing)


# --- Wraps and breaks ------------------------------------------------------------------


def test_sentence_broken_by_a_link_line_is_rejoined() -> None:
    raw = (
        "The agency said on its website \n<https://example.com/report> \n"
        ", which was updated on Monday, that prices rose.\n\n"
        "Storms have battered the coast this winter \n<https://example.com/storms>\n"
        "and more are expected.\n"
    )
    assert cleaned(raw) == (
        "The agency said on its website, which was updated on Monday, that prices rose.\n\n"
        "Storms have battered the coast this winter and more are expected."
    )


def test_sentence_broken_by_a_blank_line_is_rejoined() -> None:
    raw = "The harbour master said the wall was\n\nmoving by a few millimetres with each tide.\n"
    assert (
        cleaned(raw)
        == "The harbour master said the wall was moving by a few millimetres with each tide."
    )


def test_hard_wrapped_paragraph_is_unwrapped() -> None:
    raw = (
        "The city council approved the budget on Tuesday after a long\n"
        "debate about road repairs, school buildings and the cost of running\n"
        "the public library.\r\n\r\nThe mayor welcomed the vote.\r\n"
    )
    clean = clean_text(raw)
    assert clean.text == (
        "The city council approved the budget on Tuesday after a long debate about road repairs, "
        "school buildings and the cost of running the public library.\n\n"
        "The mayor welcomed the vote."
    )
    assert [p.role for p in clean.paragraphs] == [Role.BODY, Role.BODY]


def test_hyphen_at_a_line_end_inside_a_compound_word_is_kept_without_a_space() -> None:
    raw = "The council backed a long-\nterm plan for a 3.1-\nmile cycle route.\n"
    assert cleaned(raw) == "The council backed a long-term plan for a 3.1-mile cycle route."


def test_soft_hyphens_and_non_breaking_spaces() -> None:
    raw = "The co\u00adop\u00aderative runs 12\u00a0vans\u00a0and a zero\u200bwidth route.\n"
    assert cleaned(raw) == "The cooperative runs 12 vans and a zerowidth route."


@pytest.mark.parametrize(
    "raw",
    [
        "Officials from the\nUnited Nations\nsaid on Monday that aid had arrived.\n",
        "Officials from the\nUnited Nations\nWorld Food Programme said aid had arrived.\n",
        "The council voted to approve the plan, said the\nCity Treasurer.\n",
    ],
)
def test_short_line_inside_a_wrapped_paragraph_is_not_a_label(raw: str) -> None:
    assert cleaned(raw) == " ".join(raw.split())


def test_punctuation_left_on_its_own_line_by_a_link_is_kept() -> None:
    raw = "Homes could be lost by 2105 \n<https://example.com/x>, \nwith the coast most exposed.\n"
    assert cleaned(raw) == "Homes could be lost by 2105, with the coast most exposed."


# --- The reference articles ------------------------------------------------------------


def test_kurils_headlines_and_furniture() -> None:
    tass = clean_text(read(KURILS / "tass.txt"))
    roles = [p.role for p in tass.paragraphs]
    assert roles[:3] == [Role.HEADLINE, Role.HEADLINE, Role.BODY]
    assert tass.text.startswith("Russia and Japan may discuss military division deployment")
    assert "\n\nThe issue of deploying a division" in tass.text
    texts = {p.stem: clean_text(read(p)).text for p in SAMPLES}
    for furniture in ("Font Size", "Follow Ryan", "licensing@", "Read more", "Locator", "Smityuk"):
        assert not any(furniture in t for t in texts.values()), furniture
    assert texts["guardian"].endswith("necessary measures across its whole territory.”")
    assert texts["dcnf"].endswith("but is still committed to the peace process.")


def test_title_case_datelines_and_place_date_lines() -> None:
    text = cleaned(f"Bishkek, 7 October 2024 (Ala-Too) - {BODY}")
    assert text.startswith("The city council")
    text = cleaned(f"Nairobi, 3rd February 2025\n\n{BODY}")
    assert "Nairobi, 3rd February 2025" not in text


def test_question_teaser_is_removed() -> None:
    text = cleaned(f"{BODY}\n\nRead more: Who is the man behind the protests?\n\n{BODY}")
    assert "Who is the man" not in text


def test_a_consent_line_is_furniture_whatever_letters_spell_cookies() -> None:
    text = (
        "The council approved the budget on Tuesday after a long debate.\n\n"
        "This site uses COOKİES to improve your experience and show ads.\n\n"
        "The mayor said the new bus routes would start by the summer."
    )
    cleaned = clean_text(text)
    assert "COOKİES" not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["consent"]
