"""The personal-data scan: every kind found, placeholders left alone, nothing found ever repeated."""

from __future__ import annotations

from pathlib import Path

import pytest
from cases.repo import edit, make_repo, problems

from generator.check.privacy import findings, nhs_number_is_valid, text_hash

CASE = "records/cases/2019-20/C-2019-0001.yaml"
SUMMARY = "summary: Family said support at home stopped without notice."


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("email", "Wrote from jo.bloggs@example.com about the visit."),
        ("phone", "Asked us to ring 01234 567890 after six."),
        ("phone", "Mobile 07700900123 given."),
        ("phone", "Ring +44 7700 900123 any time."),
        ("phone", "Ring +44 (0)20 7946 0000 any time."),
        ("phone", "Landline (01632) 960 001."),
        ("nhs-number", "NHS number 943 476 5919 quoted."),
        ("nhs-number", "Reference 9434765919 quoted."),
        ("ni-number", "Gave AB 12 34 56 C as proof."),
        ("ni-number", "Gave ab123456c as proof."),
        ("postcode", "Lives near CH1 2AB."),
        ("postcode", "Moved to sw1a1aa last year."),
        ("date-of-birth", "Born 12/03/1945 in the town."),
        ("date-of-birth", "DOB: 1 March 1950."),
        ("date-of-birth", "Aged 80 (date of birth 1944-04-03)."),
        ("name", "Mrs Smith said the carers were late."),
        ("name", "Seen by Dr. Jones at the hospital."),
        ("name", "Mr A Patel complained on behalf of his mother."),
        # Issue 12, point 5: the spellings the scan used to miss.
        ("full-name", "Peter Walsh rang about the visit."),
        ("full-name", "My mum, Edith Morgan, was not told."),
        ("full-name", "Pieter van der Berg signed it."),
        ("full-name", "The letter was signed PETER WALSH."),
        ("address", "Lives at 34 Station Road now."),
        ("address", "The visit was to Flat 5, 9 Park Street."),
        ("address", "Lives at 34 station road now."),
        ("address", "Moved to 4 Heol y Parc."),
        ("name", "mrs smith said the carers were late."),
        ("name", "MRS SMITH said the carers were late."),
        ("name", "Mister Jones wrote."),
        ("name", "Cllr Jones raised it."),
        ("name", "Lady Smith wrote."),
        ("name", "Professor Evans advised."),
        ("name", "Mr van der Berg complained."),
        ("name", "Mrs Öztürk asked for an interpreter."),
        ("name", "Mr J.R. Hartley complained."),
        ("name", "Mr J.R. rang."),
        ("name", "Dr Al-Rashid gave evidence."),
        ("phone", "Call her on 07700.900.123."),
        ("phone", "Her number is +44-7700-900123."),
        ("phone", "International: 0044 7700 900123."),
        ("nhs-number", "NHS no. 943 476-5919."),
        ("ni-number", "NI number AB-12-34-56-C."),
        ("ni-number", "NI number AB-12-34-56 without the letter."),
        ("date-of-birth", "She was born on the 3rd of May 1950."),
        ("date-of-birth", "He was born May 1950."),
        ("email", "Email jörg.müller@bücher.example for the son."),
        ("email", "Reply to 用户@例子.广告 please."),
        # Quotation marks, dashes and brackets of any script hide nothing.
        ("name", "“Mrs Smith” said the carers were late."),
        ("name", "«Mr Jones» wrote."),
        ("full-name", "\u2018Peter Walsh\u2019 rang."),
        ("full-name", "—Edith Morgan was not told."),
    ],
)
def test_each_kind_is_found(kind: str, text: str) -> None:
    assert [finding.kind for finding in findings(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "[name] said the carers were late.",
        "Mrs [name] said the carers were late; Mr Xxxx agreed.",
        "Tel xxxx xxx xxx, email [email], postcode [postcode].",
        "Received 2019-06-03 and answered in 20 working days; £250 paid for time and trouble.",
        "The ombudsman decided on 12/03/2020; 35 complaints in 2019-20.",
        "Reference 943 476 5918 is not an NHS number: its check digit is wrong.",
        "The Lord Mayor visited the 2nd floor of the care home.",
        "Ward code E05000001 and team 3A.",
        "Staff at the MS Society were consulted.",
        # Issue 12, point 5: ordinary service text must still pass.
        "The Care Act 2014 sets out the duty to assess.",
        "Hospital Social Work Team reviewed the discharge.",
        "The Local Government and Social Care Ombudsman found fault.",
        "Public Services Ombudsman for Wales; Scottish Public Services Ombudsman.",
        "On Monday the Direct Payments team rang; on Friday 3 March the review was held.",
        "Domiciliary Care, Residential Care Home and Supported Living providers.",
        "Mental Capacity Act and Deprivation of Liberty Safeguards.",
        "Grace Period ended; May Day bank holiday; Victoria Ward; Rose Court care home.",
        "Queen Elizabeth Hospital and St Mary's Hospital sent notes.",
        "Sue Ryder and Marie Curie nurses; Milton Keynes City Council.",
        "Mr X complained; Mrs Y supported him; Mr and Mrs Z agreed.",
        "“Care Act” guidance; (Hospital Social Work Team); «Direct Payments»; —Monday.",
        "The lady next door and the councillor raised it; miss the deadline.",
        "Moved 2 miles down the road; within 5 working days close the case.",
        # Welsh text of the Welsh site: "yn" (in) before a year is not a National Insurance number.
        "Yn 2023-24 derbyniwyd 5 o gwynion; yn 2022-23, 4.",
        "Aeth 2 o gwynion ymlaen i Gam 2, a derbyniodd yr Ombwdsmon 1.",
    ],
)
def test_placeholders_and_ordinary_text_are_left_alone(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("9434765919", True),
        ("4010232137", True),
        ("9434765918", False),
        ("1234567890", False),
        ("0000000000", True),
        ("943476591", False),
    ],
)
def test_nhs_numbers_need_a_valid_check_digit(number: str, valid: bool) -> None:
    assert nhs_number_is_valid(number) is valid


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


def test_a_finding_names_kind_and_position_but_never_the_text(repo: Path) -> None:
    text = "Family said support stopped; wrote from jo.bloggs@example.com to complain."
    edit(repo, CASE, SUMMARY, f"summary: {text}")
    found = problems(repo)
    assert found == [
        f"{CASE}:17:10: summary: looks like an email address at column 50 of this line; remove it "
        "(records must be anonymised). If it is not personal data, record that under privacy_accepted "
        f"(field: summary, kind: email, text_hash: {text_hash(text)})"
    ]
    assert "bloggs" not in found[0]


def test_every_finding_in_a_field_in_reading_order(repo: Path) -> None:
    edit(repo, CASE, SUMMARY, "summary: Mrs Smith rang from 01234 567890 about CH1 2AB.")
    found = problems(repo)
    assert [line.split(" at column ")[0].rsplit(": ", 1)[1] for line in found] == [
        "looks like a title followed by a name",
        "looks like a UK phone number",
        "looks like a UK postcode",
    ]
    assert [line.split(" at column ")[1].split(" ")[0] for line in found] == ["10", "30", "49"]


def test_a_finding_in_a_block_of_text_gives_its_own_line(repo: Path) -> None:
    edit(repo, CASE, SUMMARY, "summary: >-\n  Family said support stopped.\n  Call 07700 900123 to discuss.")
    assert problems(repo)[0].startswith(
        f"{CASE}:17:10: summary: looks like a UK phone number at line 19, column 8; remove it"
    )


def test_nested_and_listed_free_text_is_scanned(repo: Path) -> None:
    action = "records/actions/2019-20/ACT-2019-01.yaml"
    edit(repo, action, "  - action: Write to the family", "  - action: Ask Mr Jones to write to the family")
    found = problems(repo)
    assert len(found) == 1
    assert found[0].startswith(
        f"{action}:7:13: actions[0].action: looks like a title followed by a name at column 17 of this line"
    )


def test_a_reviewed_false_alarm_is_accepted_for_that_text_only(repo: Path) -> None:
    text = "Ward code CH1 2AB was mentioned."
    edit(
        repo,
        CASE,
        SUMMARY,
        f"summary: {text}\nprivacy_accepted:\n  - field: summary\n    kind: postcode\n"
        f'    text_hash: "{text_hash(text)}"\n    reason: A ward code, not a postcode.',
    )
    assert problems(repo) == []
    edit(repo, CASE, "was mentioned.", "was mentioned again.")
    found = problems(repo)
    assert len(found) == 1
    assert found[0].endswith("; the privacy_accepted entry for this field was for earlier text")


def test_an_acceptance_covers_only_its_kind(repo: Path) -> None:
    text = "Ward code CH1 2AB; Mrs Smith."
    edit(
        repo,
        CASE,
        SUMMARY,
        f"summary: {text}\nprivacy_accepted:\n  - field: summary\n    kind: postcode\n"
        f'    text_hash: "{text_hash(text)}"\n    reason: A ward code, not a postcode.',
    )
    found = problems(repo)
    assert len(found) == 1 and "looks like a title followed by a name" in found[0]


def test_the_organisations_own_contact_details_are_not_scanned(repo: Path) -> None:
    text = (repo / "records/organisation.yaml").read_text(encoding="utf-8")
    assert "01234 567890" in text and "CH1 2AB" in text
    assert problems(repo) == []


def test_published_quotes_are_scanned(repo: Path) -> None:
    compliment = "records/compliments/2019-20/CPL-2019-0001.yaml"
    edit(repo, compliment, "quote: Thank you", "quote: Dear Mrs Patel, thank you")
    found = problems(repo)
    assert len(found) == 1 and found[0].startswith(f"{compliment}:4:8: quote: looks like a title")


def test_a_name_without_a_title_names_its_kind_and_position_but_never_the_text(repo: Path) -> None:
    text = "Family said support stopped; Edith Morgan rang to complain."
    edit(repo, CASE, SUMMARY, f"summary: {text}")
    found = problems(repo)
    assert found == [
        f"{CASE}:17:10: summary: looks like a first name and surname at column 39 of this line; remove it "
        "(records must be anonymised). If it is not personal data, record that under privacy_accepted "
        f"(field: summary, kind: full-name, text_hash: {text_hash(text)})"
    ]
    assert "Morgan" not in found[0]


def test_a_street_address_names_its_kind_and_position_but_never_the_text(repo: Path) -> None:
    text = "Carers went to 34 Station Road instead."
    edit(repo, CASE, SUMMARY, f"summary: {text}")
    assert problems(repo) == [
        f"{CASE}:17:10: summary: looks like a street address at column 25 of this line; remove it "
        "(records must be anonymised). If it is not personal data, record that under privacy_accepted "
        f"(field: summary, kind: address, text_hash: {text_hash(text)})"
    ]


def test_a_kind_found_again_in_a_field_is_one_problem_that_counts_the_rest(repo: Path) -> None:
    text = "Mrs Smith rang; Mr Jones wrote; Dr Patel agreed; ring 07700 900123."
    edit(repo, CASE, SUMMARY, f"summary: {text}")
    assert problems(repo) == [
        f"{CASE}:17:10: summary: looks like a title followed by a name at column 10 of this line, and 2 more "
        "like it in this field; remove them (records must be anonymised). If it is not personal data, "
        f"record that under privacy_accepted (field: summary, kind: name, text_hash: {text_hash(text)})",
        f"{CASE}:17:10: summary: looks like a UK phone number at column 64 of this line; remove it "
        "(records must be anonymised). If it is not personal data, record that under privacy_accepted "
        f"(field: summary, kind: phone, text_hash: {text_hash(text)})",
    ]


def test_a_name_without_a_title_is_accepted_like_any_other_finding(repo: Path) -> None:
    text = "Florence Nightingale Ward and Mary Ward were short of staff."
    edit(repo, CASE, SUMMARY, f"summary: {text}")
    found = problems(repo)
    assert len(found) == 1 and "looks like a first name and surname" in found[0]
    edit(
        repo,
        CASE,
        f"summary: {text}",
        f"summary: {text}\nprivacy_accepted:\n  - field: summary\n    kind: full-name\n"
        f'    text_hash: "{text_hash(text)}"\n    reason: Both are hospital wards.',
    )
    assert problems(repo) == []
