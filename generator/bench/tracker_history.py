"""A council's action plan with a long history in git, for timing the tracker: 500 actions and
5,000 commits (the size issue 18 names), written in one `git fast-import` in a second or two.

Each action is one of the demo's action records (its issue, lessons and steps' text) given a new
id, a day raised and a first timescale; then each commit makes one change an officer makes to one
action raised by then: a review note, a status moved on, a timescale revised with its reason, a
step added, or the file reformatted (a change nothing reads). A fixed seed gives the same history.
Quarterly committee meetings span it, so the tracker has a pack for each.
"""

from __future__ import annotations

import copy
import random
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml

from generator.bench.council import Demo, project_root
from generator.years import reporting_year

ACTIONS = 500
COMMITS = 5000
FIRST_DAY = date(2015, 4, 1)
DAYS = 5 * 365  # five reporting years
EDITS = ("review", "status", "revise", "step", "reformat")


def _month(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _actions(demo: Demo, rng: random.Random) -> list[dict[str, Any]]:
    """Every action as first written, in the order raised."""
    templates = demo.templates["action"]
    raised_days = sorted(FIRST_DAY + timedelta(days=rng.randrange(DAYS - 30)) for _ in range(ACTIONS))
    numbers: dict[str, int] = {}
    made = []
    for raised in raised_days:
        start = reporting_year(raised)[:4]
        numbers[start] = numbers.get(start, 0) + 1
        template = rng.choice(templates)
        made.append({
            "id": f"ACT-{start}-{numbers[start]:02d}", "plan": template["plan"], "theme": template["theme"],
            "lead_officer": template.get("lead_officer", "Head of Adult Social Care"),
            "raised": raised.isoformat(), "issue": template["issue"],
            "lessons": list(template.get("lessons", [])),
            "actions": [{"action": step["action"], "departments": list(step["departments"]),
                         "timescale": _month(raised, rng.randrange(3, 12))}
                        for step in template["actions"][:2]],
            "status": "not-started",
        })
    return made


def _edit(values: dict[str, Any], day: date, rng: random.Random, notes: list[str]) -> bool:
    """One officer's change to an action on `day`; False when it is reformatting only."""
    kind = rng.choice(EDITS)
    if values["status"] == "complete" and kind in ("status", "revise", "step"):
        kind = "review"
    if kind == "review":
        values.setdefault("reviews", []).append({"date": day.isoformat(), "note": rng.choice(notes)})
        values["reviews"] = list({r["date"]: r for r in values["reviews"]}.values())  # one note a day
    elif kind == "status":
        values["status"] = "in-progress" if values["status"] == "not-started" else "complete"
        if values["status"] == "complete":
            values["completed"] = day.isoformat()
    elif kind == "revise":
        step = rng.choice(values["actions"])
        step.setdefault("revisions", []).append(
            {"timescale": _month(day, rng.randrange(2, 9)), "reason": "More time was agreed.",
             "agreed": day.isoformat()})
    elif kind == "step":
        step = copy.deepcopy(rng.choice(values["actions"]))
        step.pop("revisions", None)
        step["timescale"] = _month(day, rng.randrange(2, 9))
        values["actions"].append(step)
    return kind != "reformat"


def _text(values: dict[str, Any], flow: bool) -> bytes:
    return yaml.dump(values, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=flow, width=100).encode("utf-8")


def _path(values: dict[str, Any]) -> str:
    return f"records/actions/{reporting_year(date.fromisoformat(values['raised']))}/{values['id']}.yaml"


def write_tracker_history(root: Path, seed: int = 2019) -> dict[str, Any]:
    """The repository at `root`, checked out; what it holds."""
    rng = random.Random(seed)
    demo = Demo.read(project_root() / "records")
    notes = [r["note"] for values in demo.templates["action"] for r in values.get("reviews", [])]
    organisation = copy.deepcopy(demo.organisation)
    organisation["meetings"] = [
        {"date": (FIRST_DAY + timedelta(days=91 * quarter + 60)).isoformat(), "name": "Scrutiny Panel"}
        for quarter in range(DAYS // 91)
    ]
    actions = _actions(demo, rng)
    adds = [(date.fromisoformat(values["raised"]), index) for index, values in enumerate(actions)]
    first = min(day for day, _ in adds)  # every change is to an action raised by then
    edits = sorted(first + timedelta(days=rng.randrange((FIRST_DAY + timedelta(days=DAYS) - first).days))
                   for _ in range(COMMITS - ACTIONS))
    stream = bytearray()
    mark = 0
    raised: list[int] = []
    flow: dict[int, bool] = {}  # each action's YAML style, block or flow
    events = sorted([(day, 0, index) for day, index in adds] + [(day, 1, -1) for day in edits])
    for day, edit, index in events:
        files: list[tuple[str, bytes]] = []
        if mark == 0:
            files.append(("records/organisation.yaml", yaml.safe_dump(organisation, sort_keys=False,
                                                                      allow_unicode=True).encode("utf-8")))
        if not edit:
            raised.append(index)
            files.append((_path(actions[index]), _text(actions[index], False)))
        elif raised:
            which = rng.choice(raised)
            chosen = actions[which]
            if not _edit(chosen, max(day, date.fromisoformat(chosen["raised"])), rng, notes):
                flow[which] = not flow.get(which, False)  # reformatted: the other YAML style
            files.append((_path(chosen), _text(chosen, flow.get(which, False))))
        else:
            continue
        mark += 1
        stream += _commit(mark, day, files)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, capture_output=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=bytes(stream), check=True,
                   capture_output=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=root, check=True, capture_output=True)
    last = max(day for day, _, _ in events)
    return {"actions": ACTIONS, "commits": mark, "meetings": len(organisation["meetings"]),
            "as_of": last.isoformat()}


def _commit(mark: int, day: date, files: list[tuple[str, bytes]]) -> bytes:
    when = int(datetime.combine(day, time(12), tzinfo=UTC).timestamp())
    message = b"Update the action plan"
    lines = [f"commit refs/heads/main\nmark :{mark}\n".encode(),
             f"committer Officer <officer@example.org> {when} +0000\n".encode(),
             f"data {len(message)}\n".encode() + message + b"\n"]
    if mark > 1:
        lines.append(f"from :{mark - 1}\n".encode())
    for path, content in files:
        lines.append(f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content + b"\n")
    return b"".join(lines) + b"\n"
