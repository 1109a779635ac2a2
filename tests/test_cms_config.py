"""The records editor's configuration held against the schemas and the organisation files.

Every field of every kind the editor offers is in its form, where the schema puts it; every fixed
list (enum) and every list of the organisation's terms is a drop-down of exactly the values
validate accepts. Checked on the demo council and the Welsh fixtures; the expected fields are found
by walking the schemas here, independently of generator.cms, and the Welsh drop-downs are written
out by hand from tests/fixtures/wales/records/organisation.yaml. The Welsh of each text (a field
marked `x-welsh-of`) is in the form of a council publishing in Welsh (wales-social-services), and
only there.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cms.admin import BUNDLE, EditorSource, editor_config

PROJECT = Path(__file__).resolve().parent.parent
SCHEMAS = PROJECT / "schemas"
FIXTURES = PROJECT / "tests" / "fixtures"
COUNCILS = {"demo": PROJECT / "records", "wales": FIXTURES / "wales" / "records",
            "welsh-too": FIXTURES / "wales-social-services" / "records",
            "england": FIXTURES / "england" / "records", "scotland": FIXTURES / "scotland" / "records"}
TODAY = date(2024, 1, 15)  # in 2023-24
FOLDERS = {"case": "cases", "ombudsman": "ombudsman", "compliment": "compliments", "action": "actions",
           "history": "history", "ombudsman-statistics": "ombudsman-statistics"}
# The response-time bands of each council's first-stage target, by hand: 20 working days in the
# demo, 10 at the Welsh fixtures' Stage 1.
BANDS = {"demo": ["0-20", "21-40", "41-60", "61-80", "81-100", "over-100"],
         "wales": ["0-10", "11-20", "21-30", "31-40", "41-50", "over-50"],
         "welsh-too": ["0-10", "11-20", "21-30", "31-40", "41-50", "over-50"],
         "england": ["0-20", "21-40", "41-60", "61-80", "81-100", "over-100"],
         "scotland": ["0-5", "6-10", "11-15", "16-20", "21-25", "over-25"]}
NATION_STAGES = {"england": ["local"], "wales": ["stage-1", "stage-2"],
                 "scotland": ["frontline", "investigation"]}
# Each council's ombudsman (that of its jurisdiction), by hand, and the comparison groups it
# averages: the statistics form offers only the figures that ombudsman publishes (x-published-by).
OMBUDSMAN = {"demo": "lgsco", "wales": "psow", "welsh-too": "psow", "england": "lgsco", "scotland": "spso"}
GROUPS = {"lgsco": ["county", "district", "metropolitan", "unitary", "london-borough"],
          "psow": ["welsh-councils"], "spso": ["scottish-councils"]}
# The LGSCO's, PSOW's and SPSO's decision categories, in the order of their statistics, by hand
# from what each publishes: an ombudsman case's category is one of its own ombudsman's.
CATEGORIES = {
    "lgsco": ["incomplete-or-invalid", "advice-given", "referred-back-for-local-resolution",
              "closed-after-initial-enquiries", "not-upheld", "upheld"],
    "psow": ["out-of-jurisdiction", "premature", "closed-after-initial-consideration", "early-resolution",
             "discontinued", "investigation-not-upheld", "investigation-upheld"],
    "spso": ["out-of-jurisdiction", "premature", "not-duly-made-or-withdrawn", "resolved", "not-upheld",
             "some-upheld", "fully-upheld"],
}
# A history table's rows that name the organisation's terms (as README "What each error means" says).
HISTORY_TERMS = {"service_areas": "service_areas", "subjects": "subjects", "receipt_points": "receipt_points",
                 "receipt_methods": "receipt_methods", "complainants": "relationships",
                 "compliments": "service_areas"}
# Which organisation list names the values of which field (as README "What each error means" says).
TERMS = {
    ("case", "service_area"): "service_areas", ("case", "subject"): "subjects",
    ("case", "themes.*"): "subjects", ("case", "receipt_point"): "receipt_points",
    ("case", "receipt_method"): "receipt_methods", ("case", "complainant"): "relationships",
    ("case", "redirected_to"): "redirections", ("case", "stages.*.stage"): "stages",
    ("case", "stages.*.outcome"): "outcomes", ("ombudsman", "decision"): "ombudsman_decisions",
    ("ombudsman", "service_area"): "service_areas", ("ombudsman", "service_group"): "service_groups",
    ("compliment", "team"): "service_areas", ("action", "plan"): "plans",
    ("action", "theme"): "action_themes",
    ("action", "actions.*.departments.*"): "departments", ("action", "raised_by.themes.*"): "subjects",
}


def schema_fields(schema: dict[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Every property of a schema by dotted path ('stages.*.outcome'), with its schema."""
    found = {}
    for name, each in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        found[path] = each
        if each.get("type") == "object":
            found |= schema_fields(each, f"{path}.")
        items = each.get("items") or {}
        if each.get("type") == "array" and items.get("type") == "object":
            found |= schema_fields(items, f"{path}.*.")
    return found


def offered(schema: dict[str, Any], organisation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The fields the form should have: the Welsh versions only when the council publishes in Welsh,
    and of the ombudsman's statistics only the figures the council's ombudsman publishes."""
    welsh = "cy" in organisation.get("languages", [])
    ombudsman = OMBUDSMAN[organisation["council"]]
    return {path: each for path, each in schema_fields(schema).items()
            if (welsh or "x-welsh-of" not in each) and ombudsman in each.get("x-published-by", [ombudsman])}


def form_fields(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    found = {}
    for each in fields:
        path = f"{prefix}{each['name']}"
        found[path] = each
        if each.get("widget") == "object":
            found |= form_fields(each["fields"], f"{path}.")
        if each.get("widget") == "list" and "fields" in each:
            found |= form_fields(each["fields"], f"{path}.*.")
    return found


def term_ids(organisation: dict[str, Any], name: str) -> list[str]:
    if name == "stages":
        if "procedure" not in organisation:  # the nation's own stages (adults' services), by hand
            return NATION_STAGES[organisation["jurisdiction"]]
        return [stage["id"] for stage in organisation["procedure"]["stages"]]
    if name == "service_groups":  # a group's id is its name in lower case, words joined by hyphens
        names = [area["group"] for area in organisation["taxonomies"]["service_areas"] if area.get("group")]
        return list(dict.fromkeys(name.lower().replace(" ", "-") for name in names))
    if name == "subjects":
        categories = organisation["taxonomies"]["subjects"]
        return [sub["id"] for category in categories for sub in category["subjects"]]
    return [term["id"] for term in organisation["taxonomies"].get(name, [])]


def options(field: dict[str, Any]) -> list[str]:
    return [option["value"] for option in field["options"]]


@pytest.fixture(scope="module", params=sorted(COUNCILS))
def council(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    records = COUNCILS[request.param]
    config, _ = editor_config(EditorSource(records, SCHEMAS), TODAY)
    organisation = yaml.safe_load((records / "organisation.yaml").read_text(encoding="utf-8"))
    organisation["council"] = request.param  # which council, for the hand-written BANDS
    # The years a service area's customers may be given for: every year with a folder of records
    # or a history record, and those the file gives already (not the date's own year).
    folders = {d.name for kind in FOLDERS.values() if (records / kind).is_dir()
               for d in (records / kind).iterdir() if d.is_dir()}
    history = {p.stem.removeprefix("HIST-") for p in (records / "history").glob("HIST-*.yaml")}
    areas = organisation["taxonomies"]["service_areas"]
    written = {year for area in areas for year in area.get("customers", {})}
    organisation["years"] = sorted(folders | history | written)
    return config, organisation


def collections_of(config: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The kind's collections; the organisation file's as its one file."""
    if kind == "organisation":
        return [{"name": "organisation", **c["files"][0]} for c in config["collections"] if c["name"] == kind]
    return [c for c in config["collections"] if c.get("folder", "/").split("/")[1] == FOLDERS[kind]]


def history_rows(organisation: dict[str, Any], table: str) -> list[str] | None:
    """The rows a history table may have, from the organisation file (None: the schema's enum)."""
    stages = term_ids(organisation, "stages")
    outcomes = [*term_ids(organisation, "outcomes"), "outstanding", "upheld-in-full-or-in-part"]
    groups = [area["group"].lower().replace(" ", "-")
              for area in organisation["taxonomies"]["service_areas"] if area.get("group")]
    rows = {
        "outcomes": outcomes,
        "response_times": BANDS[organisation["council"]],
        "service_groups": list(dict.fromkeys(groups)),
        "stages": [*stages, *(f"{stage}:{part}" for stage in stages
                              for part in ("escalated", "direct", "within-target", "open")),
                   "ombudsman"],
        "outcomes_by_stage": [*stages, *(f"{stage}:{outcome}" for stage in stages for outcome in outcomes)],
    } | {name: term_ids(organisation, terms) for name, terms in HISTORY_TERMS.items()}
    if "representations" in organisation:  # the kinds it lists, and where ineligible ones went
        kinds = [kind for kind in organisation["representations"] if kind != "complaint"]
        redirected = [f"ineligible:{route}" for route in term_ids(organisation, "redirections")]
        rows["representations"] = ["complaints", *kinds, "withdrawn", "ineligible", *redirected]
    return rows.get(table)


def table_keys(organisation: dict[str, Any], kind: str, expected: dict[str, dict[str, Any]]) -> set[str]:
    """The form's fields for each key of a table keyed by ids: a history table's rows, and the
    customers of each service area in each year."""
    found: set[str] = set()
    for path, schema in expected.items():
        if schema.get("type") != "object" or schema.get("properties"):
            continue
        table, _, part = path.rpartition(".")
        if kind == "history" and part in ("rows", "percentages"):
            rows = history_rows(organisation, table)
            keys = schema["propertyNames"]["enum"] if rows is None else rows
        elif kind == "organisation" and path == "taxonomies.service_areas.*.customers":
            keys = organisation["years"]
        else:
            continue
        found |= {f"{path}.{key}" for key in keys}
    return found


@pytest.mark.parametrize("kind", sorted([*FOLDERS, "organisation"]))
def test_every_field_of_the_schema_is_in_the_form(council, kind: str) -> None:  # type: ignore[no-untyped-def]
    config, organisation = council
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    expected = offered(schema, organisation)
    collections = collections_of(config, kind)
    assert collections
    for collection in collections:
        fields = form_fields(collection["fields"])
        keyed = table_keys(organisation, kind, expected)
        if kind == "history" and organisation["council"] == "demo":
            assert "service_areas.rows.chester-rural" in keyed
        assert set(fields) == set(expected) | keyed, collection["name"]
        for path, field in fields.items():
            if path in keyed:
                assert field["widget"] == "number" and field["required"] is False, path
                continue
            assert field["label"].startswith(expected[path]["title"]), path
            # A drop-down's hint does not ask for an id from the organisation file: it lists them.
            described = re.split(r" (?:Each )?[Mm]ust be an id listed", expected[path]["description"])[0]
            assert described in field["hint"], path
            if expected[path].get("x-public"):
                assert field["label"].endswith("(published)") and field["hint"].startswith("Published"), path
            if expected[path].get("format") == "date":
                assert field["widget"] == "datetime" and field["format"] == "YYYY-MM-DD", path
                assert field["time_format"] is False, path
        required = set(schema.get("required", ())) - {"id"}
        assert {name for name, f in fields.items() if "." not in name and f["required"]} == required


@pytest.mark.parametrize("kind", sorted([*FOLDERS, "organisation"]))
def test_every_fixed_list_and_list_of_terms_is_a_drop_down_of_exactly_the_values_allowed(
    council, kind: str,  # type: ignore[no-untyped-def]
) -> None:
    config, organisation = council
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    expected = offered(schema, organisation)
    for collection in collections_of(config, kind):
        fields = form_fields(collection["fields"])
        for path, field_schema in expected.items():
            field = fields[path]
            if field_schema.get("type") == "object":
                continue  # an object, or a table keyed by ids (a field for each key, above)
            items = field_schema.get("items") or {}
            term_name = TERMS.get((kind, path)) or TERMS.get((kind, f"{path}.*"))
            enum = field_schema.get("enum") or items.get("enum")
            ombudsman = OMBUDSMAN[organisation["council"]]
            if kind == "ombudsman-statistics" and path == "ombudsman":
                enum = [ombudsman]  # validate refuses another nation's ombudsman
            if kind == "ombudsman-statistics" and path == "similar_authorities.group":
                enum = GROUPS[ombudsman]
            if kind == "ombudsman" and path == "category":
                enum = CATEGORIES[ombudsman]
            if term_name and not term_ids(organisation, term_name):
                assert field["widget"] != "select", path  # a list the council does not keep
                continue
            if term_name:
                allowed = [t for t in term_ids(organisation, term_name) if enum is None or t in enum]
            elif enum:
                allowed = list(enum)
            else:
                assert field["widget"] != "select", path
                continue
            assert field["widget"] == "select", path
            assert options(field) == allowed, path
            assert field.get("multiple", False) == (field_schema.get("type") == "array"), path


def test_the_welsh_councils_drop_downs_show_its_own_names() -> None:
    config, naming = editor_config(EditorSource(COUNCILS["wales"], SCHEMAS), TODAY)
    assert [c["name"] for c in config["collections"]] == [
        "cases-2023-24", "ombudsman-2023-24", "compliments-2023-24", "actions-2023-24", "history",
        "ombudsman-statistics",
        "organisation",
    ]
    fields = form_fields(config["collections"][0]["fields"])
    assert fields["service_area"]["options"] == [
        {"label": "Older People's Services", "value": "older-people"},
        {"label": "Disability Services", "value": "disability"},
    ]
    assert fields["stages.*.stage"]["options"] == [
        {"label": "Stage 1: local resolution", "value": "stage-1"},
        {"label": "Stage 2: formal investigation", "value": "stage-2"},
    ]
    assert options(fields["subject"])[:3] == ["lack-of-support", "delay", "charging"]
    assert fields["subject"]["options"][1]["label"] == "Quality of service: Delay"
    assert fields["id"]["widget"] == "hidden"
    assert naming["collections"]["cases-2023-24"] == {
        "folder": "records/cases/2023-24", "prefix": "C-2023-", "digits": 4}
    assert naming["collections"]["actions-2023-24"]["digits"] == 2


def test_a_collection_for_each_year_with_records_and_for_this_year() -> None:
    config, _ = editor_config(EditorSource(COUNCILS["demo"], SCHEMAS), date(2021, 1, 15))
    names = [c["name"] for c in config["collections"]]
    assert names == [
        "cases-2020-21", "cases-2019-20", "ombudsman-2020-21", "ombudsman-2019-20",
        "compliments-2020-21", "compliments-2019-20", "actions-2020-21", "actions-2019-20", "actions-2018-19",
        "history", "ombudsman-statistics", "organisation",
    ]
    backend = config["backend"]
    assert [backend[k] for k in ("name", "repo", "branch")] == ["github", "example/candour-records", "main"]
    assert "{{slug}}" not in str(backend["commit_messages"])  # Decap's slug is the lower-cased id
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_an_optional_section_requires_nothing_of_the_form() -> None:
    config, _ = editor_config(EditorSource(COUNCILS["demo"], SCHEMAS), TODAY)
    fields = form_fields(config["collections"][0]["fields"])
    assert fields["case_study"]["required"] is False
    assert not any(fields[f"case_study.{name}"]["required"] for name in ("publish", "raised", "done"))
    assert fields["stages.*.stage"]["required"] is True  # a stage, once added, needs its id


def run_cms_config(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "cms-config", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def test_candour_cms_config_prints_or_writes_the_configuration(tmp_path: Path) -> None:
    shutil.copytree(COUNCILS["wales"], tmp_path / "records")
    printed = run_cms_config(cwd=tmp_path)
    assert printed.returncode == 0, printed.stderr
    config = yaml.safe_load(printed.stdout)
    assert "cases-2023-24" in [c["name"] for c in config["collections"]]
    assert config["backend"]["name"] == "proxy"  # the fixture names no GitHub repository
    written = run_cms_config("--output", str(tmp_path / "config.yml"), "--branch", "records", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert yaml.safe_load((tmp_path / "config.yml").read_text())["backend"]["branch"] == "records"


def test_candour_cms_config_says_what_is_wrong_without_a_traceback(tmp_path: Path) -> None:
    missing = run_cms_config(cwd=tmp_path)
    assert missing.returncode == 1 and "there is no records/ folder" in missing.stderr
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "organisation.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    broken = run_cms_config(cwd=tmp_path)
    assert broken.returncode == 1 and "organisation.yaml" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_the_vendored_editor_is_the_version_its_package_names() -> None:
    package = json.loads((BUNDLE / "package.json").read_text(encoding="utf-8"))
    assert package["name"] == "decap-cms" and package["license"] == "MIT"
    bundle = (BUNDLE / "decap-cms.js").read_text(encoding="utf-8")
    assert f'"decap-cms {package["version"]}"' in bundle
    assert (BUNDLE / "decap-cms.js.LICENSE.txt").stat().st_size > 0
    assert len(list(BUNDLE.glob("*.decap-cms.js"))) > 50  # the chunks the bundle loads on demand


def test_the_organisation_names_the_github_repository_and_the_sign_in_service(tmp_path: Path) -> None:
    shutil.copytree(COUNCILS["wales"], tmp_path / "records")
    with (tmp_path / "records" / "organisation.yaml").open("a", encoding="utf-8") as organisation:
        organisation.write("site:\n  repository: https://github.com/bryn-example/complaints-records.git\n"
                           "  branch: records\n  editor_login: https://oauth.bryn.example.org/github/auth\n")
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    checked = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    config, _ = editor_config(EditorSource(tmp_path / "records", SCHEMAS), TODAY)
    backend = config["backend"]
    assert backend["repo"] == "bryn-example/complaints-records" and backend["branch"] == "records"
    assert backend["base_url"] == "https://oauth.bryn.example.org"
    assert backend["auth_endpoint"] == "github/auth"


@pytest.mark.parametrize("nation", ["england", "wales-social-services", "wales", "scotland"])
def test_the_configuration_text_is_what_pyyamls_own_emitter_writes(nation: str) -> None:
    """config.yml is written by libyaml's emitter for speed: it must read back as the configuration
    and be, character for character, what PyYAML's pure-Python emitter writes (Welsh letters and
    long descriptions included)."""
    from generator.cms.config import config_text

    records = PROJECT / "tests" / "fixtures" / nation / "records"
    config, _ = editor_config(EditorSource(records, SCHEMAS), TODAY)
    welsh = "Cwynion gofal cymdeithasol: \u0175yr, \u0177d, \u2018dyfynodau\u2019 \u2013 "
    config["description"] = welsh + "hir iawn " * 30
    text = config_text(config)
    assert yaml.safe_load(text) == config
    pure = yaml.dump(config, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=100)
    assert text.split("\n", 1)[1] == pure


def test_the_welsh_of_each_text_follows_the_english_only_where_the_site_is_in_welsh() -> None:
    welsh, _ = editor_config(EditorSource(COUNCILS["welsh-too"], SCHEMAS), TODAY)
    english, _ = editor_config(EditorSource(COUNCILS["demo"], SCHEMAS), TODAY)
    action = form_fields(collections_of(welsh, "action")[0]["fields"])
    names = list(action)
    for text in ("issue", "lessons", "actions.*.action", "reviews.*.note", "lead_officer"):
        assert names.index(f"{text}_cy") == names.index(text) + 1, text  # right after the English
        assert action[f"{text}_cy"]["label"].startswith(action[text]["label"].removesuffix(" (published)"))
        assert "(Welsh)" in action[f"{text}_cy"]["label"]
    assert action["issue_cy"]["widget"] == "text" and action["lessons_cy"]["widget"] == "list"
    quote = form_fields(collections_of(welsh, "compliment")[0]["fields"])["quote_cy"]
    assert quote["label"] == "Quote (Welsh) (published)" and not quote["required"]
    for kind in FOLDERS:
        fields = form_fields(collections_of(english, kind)[0]["fields"])
        assert not any(name.endswith("_cy") for name in fields), kind


def test_the_statistics_form_asks_only_for_what_the_councils_ombudsman_publishes() -> None:
    england, _ = editor_config(EditorSource(COUNCILS["england"], SCHEMAS), TODAY)
    wales, _ = editor_config(EditorSource(COUNCILS["wales"], SCHEMAS), TODAY)
    scotland, _ = editor_config(EditorSource(COUNCILS["scotland"], SCHEMAS), TODAY)
    lgsco, psow, spso = (form_fields(collections_of(config, "ombudsman-statistics")[0]["fields"])
                         for config in (england, wales, scotland))
    assert "satisfactory_remedy" in lgsco and "upheld_per_100000" in lgsco and "interventions" not in lgsco
    assert "interventions" in psow and "satisfactory_remedy" not in psow and "uphold_rate" not in psow
    assert "compliance_rate" not in spso and "uphold_rate" in spso
    assert "similar_authorities.intervention_rate" in psow
    assert "similar_authorities.upheld_per_100000" in lgsco
    decisions = [name.removeprefix("decisions.") for name in psow if name.startswith("decisions.")]
    assert decisions == CATEGORIES["psow"]
    assert options(psow["ombudsman"]) == ["psow"] and options(spso["similar_authorities.group"]) == [
        "scottish-councils"]
    collection = collections_of(wales, "ombudsman-statistics")[0]
    assert collection["folder"] == "records/ombudsman-statistics" and collection["slug"] == "{{year}}"
    assert [name for name, field in lgsco.items() if field["required"] and "." not in name] == [
        "year", "ombudsman", "source"]


def test_an_ombudsman_case_offers_its_ombudsmans_categories_and_the_councils_groups() -> None:
    config, _ = editor_config(EditorSource(COUNCILS["demo"], SCHEMAS), TODAY)
    fields = form_fields(collections_of(config, "ombudsman")[0]["fields"])
    for name in ("category", "investigated", "remedied_by_council", "recommendations", "service_area",
                 "service_group"):
        assert name in fields, name
    assert fields["category"]["options"][-1] == {"label": "Upheld", "value": "upheld"}
    assert fields["investigated"]["widget"] == fields["remedied_by_council"]["widget"] == "boolean"
    assert fields["recommendations"]["widget"] == "list"
    assert fields["service_group"]["options"] == [
        {"label": "Prevention and Wellbeing", "value": "prevention-and-wellbeing"}]
