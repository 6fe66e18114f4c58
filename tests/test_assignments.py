"""Grading integrity of every ready assignment, generically from the syllabus.

Each assignment's solution, blank release, plausible wrong answers, shortcuts and
honest variants (``tests/wrong_answers/<id>.py``) are graded in one batch by the course's grader
(``dlcourse grade``: nbgrader's autograder, in parallel), and every check below
reads that one run: scores through nbgrader's Gradebook (nbgrader's commands exit
0 even when tests fail), and the errors each graded notebook recorded.  The
solution runs with no error in any cell and full marks; in the blank release every
test cell fails, with only the stubs' ``NotImplementedError`` or an assertion, and
it scores zero; every wrong answer loses points; every shortcut (the right output
without the skill the task names) loses the points of the tasks it names, and every
graded task has one; honest variants (correct answers written another way) keep
full marks.  Shortcuts that replace different cells are handed in together, to
keep the batch short.  The committed release must also equal a fresh generation.
"""

import importlib.util
import io
import shutil
import subprocess
import sys
from multiprocessing import forkserver

import nbformat
import pytest
from nbgrader.api import Gradebook

from dlcourse import grading, prefork, release, syllabus

from .notebooks import ROOT, copy_course, grade_id, is_solution, is_test, read

ASSIGNMENTS = [lesson.assignment for lesson in syllabus.ready(ROOT)]

pytestmark = pytest.mark.slow


def answers(assignment, tests=()):
    """The assignment's wrong answers, shortcuts and honest variants, as entries for :func:`packed`.

    Each entry: ``{"cells": {solution grade_id: source}, "loses": [test cell grade_ids]}``;
    a wrong answer's ``loses`` are the cells it was recorded losing when graded alone
    (``WRONG_LOSES``, written by ``tests/wrong_answers/record.py``); an honest
    variant loses nothing and ``keeps`` the test cells that grade its tasks, among ``tests``.
    """
    path = ROOT / "tests" / "wrong_answers" / f"{assignment}.py"
    spec = importlib.util.spec_from_file_location(f"wrong_{assignment}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    recorded = getattr(module, "WRONG_LOSES", {})
    wrong = {
        label: {"cells": cells, "loses": recorded.get(label, [])}
        for label, cells in module.WRONG_ANSWERS.items()
    }
    honest = {
        label: {"cells": cells, "loses": [], "keeps": graded_by(cells, tests)}
        for label, cells in module.HONEST.items()
    }
    return wrong, module.SHORTCUTS, honest, set(recorded)


def graded_by(cells, tests):
    """The test cells that grade the tasks of ``cells``, by name (``matmul`` -> ``test_matmul_*``).

    Where no test cell is named after a task, every test cell (so the answer gets
    a hand-in that loses nothing).
    """
    named = {t for cell in cells for t in tests if t.startswith(f"test_{cell.split('_')[0]}")}
    return sorted(named) if named else sorted(tests)


def packed(entries):
    """Answers packed into as few hand-ins as possible.

    No two answers in one hand-in replace the same cell or lose the same test cell,
    so every point a hand-in loses is the work of one answer; and no answer loses a
    test cell that another one in the hand-in ``keeps`` (an honest variant's).
    """
    packs = []
    for label, entry in entries.items():
        cells, loses = set(entry["cells"]), set(entry["loses"])
        keeps = set(entry.get("keeps", ()))
        pack = next(
            (
                p
                for p in packs
                if not (p["replaced"] & cells or p["lost"] & (loses | keeps) or p["kept"] & loses)
            ),
            None,
        )
        if pack is None:
            pack = {"cells": {}, "labels": [], "replaced": set(), "lost": set(), "kept": set()}
            packs.append(pack)
        pack["cells"].update(entry["cells"])
        pack["labels"].append(label)
        pack["replaced"] |= cells
        pack["lost"] |= loses
        pack["kept"] |= keeps
    return packs


def _keep_scores(assignment, scores, packs):
    """Each hand-in's score and what it held, in ``tests/artifacts/grading/<assignment>.json``."""
    import json

    held = {f"{kind}_{n}": p["labels"] for kind in packs for n, p in enumerate(packs[kind])}
    folder = ROOT / "tests" / "artifacts" / "grading"
    folder.mkdir(parents=True, exist_ok=True)
    report = {
        student: {"score": score, "max": most, "answers": held.get(student, [])}
        for student, (score, most) in scores.items()
    }
    (folder / f"{assignment}.json").write_text(json.dumps(report, indent=1))


def submission(released, source, replace=None):
    return release.solved_submission(released, source, replace)


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def course(request, tmp_path_factory):
    """A scratch course: hand in four kinds of work and grade them with `dlcourse grade`."""
    assignment = request.param
    tmp = tmp_path_factory.mktemp(assignment)
    (tmp / "course").mkdir()
    for name in ("nbgrader_config.py", "course/nbgrader_config.py", "course/syllabus.yml"):
        shutil.copy(ROOT / name, tmp / name)
    shutil.copytree(ROOT / "solutions" / assignment, tmp / "solutions" / assignment)
    kept = grading.prepare(ROOT, assignment)  # the generated assignment, as nbgrader makes it
    shutil.copytree(kept, tmp / "course" / "cache" / kept.name)

    sources = sorted((tmp / "solutions" / assignment).glob("*.ipynb"))
    tests = {grade_id(c) for path in sources for c in read(path)["cells"] if is_test(c)}
    wrong, shortcuts, honest, recorded = answers(assignment, tests)
    assert not set(wrong) & set(honest), "wrong answers and honest variants need distinct names"
    # Honest variants go in with the wrong answers: every test cell those do not lose
    # must then keep full marks, which checks both.
    packs = {"wrong": packed(wrong | honest), "shortcuts": packed(shortcuts)}
    students = {"blank": None, "solution": {}} | {
        f"{kind}_{n}": pack["cells"] for kind in packs for n, pack in enumerate(packs[kind])
    }
    for student, replace in students.items():
        folder = tmp / "submitted" / student / assignment
        folder.mkdir(parents=True)
        for source_path in sources:
            released = nbformat.read(kept / "release" / source_path.name, as_version=4)
            source = nbformat.read(source_path, as_version=4)
            handed_in = released if replace is None else submission(released, source, replace)
            nbformat.write(handed_in, folder / source_path.name)
    results = grading.grade(  # the scores alone: test_autograde.py checks the feedback
        assignment, tmp / "submitted", root=tmp, workers=2, stream=io.StringIO(), feedback=False
    )
    assert [r.status for r in results] == ["graded"] * len(students), results
    errors = {r.student: r.errors for r in results}
    cells = {r.student: {cell: points for (_, cell), points in r.cells.items()} for r in results}
    points = grading.max_points(f"sqlite:///{tmp / 'course' / 'gradebook.db'}", assignment)
    scores = {}
    with Gradebook(f"sqlite:///{tmp / 'course' / 'gradebook.db'}") as gradebook:
        for student in students:
            result = gradebook.find_submission(assignment, student)
            scores[student] = (result.score, result.max_score)
    _keep_scores(assignment, scores, packs)
    return {
        "tensorflow": grading.template.uses_tensorflow(
            {p.name: nbformat.read(p, as_version=4) for p in sorted(kept.glob("release/*.ipynb"))}
        ),
        "server": list(forkserver._forkserver._preload_modules),
        "id": assignment,
        "release": kept / "release",
        "sources": sources,
        "scores": scores,
        "errors": errors,
        "cells": cells,
        "points": {cell: most for (_, cell), most in points.items()},
        "wrong": wrong,
        "honest": honest,
        "recorded": recorded,
        "shortcuts": shortcuts,
        "packs": packs,
    }


def test_assignment_has_graded_tasks_with_hidden_tests(course):
    cells = [c for path in course["sources"] for c in read(path)["cells"]]
    tests = [c for c in cells if is_test(c)]
    assert len(tests) >= 5, (
        f"{course['id']} has {len(tests)} graded test cells; at least 5 expected"
    )
    assert all(c["metadata"]["nbgrader"].get("points", 0) > 0 for c in tests)
    hidden = [c for c in tests if "### BEGIN HIDDEN TESTS" in "".join(c["source"])]
    assert hidden, f"{course['id']} has no hidden tests"


def test_kernels_start_with_tensorflow_where_the_assignment_uses_it(course):
    # Lessons 9-15 train networks; their kernels come from a fork server that imported it.
    assert course["tensorflow"] == (int(course["id"][1:]) >= 9)
    assert prefork.TENSORFLOW in course["server"] or not course["tensorflow"]


def test_solution_runs_without_an_error_in_any_cell(course):
    assert course["errors"]["solution"] == []


def test_every_test_cell_fails_on_the_blank_release_with_a_stub_error(course):
    failed = {(notebook, cell) for notebook, cell, _ in course["errors"]["blank"]}
    tests = {
        (path.name, grade_id(c))
        for path in course["sources"]
        for c in read(path)["cells"]
        if is_test(c)
    }
    assert tests <= failed, f"test cells pass on the blank release: {sorted(tests - failed)}"
    names = {ename for _, _, ename in course["errors"]["blank"]}
    assert names <= {"NotImplementedError", "AssertionError"}, (
        f"the blank release raises more than the stubs' errors: {names}"
    )


def test_every_graded_task_names_its_skill_in_its_hidden_tests(course):
    for path in course["sources"]:
        for cell in read(path)["cells"]:
            source = "".join(cell["source"])
            if is_test(cell):
                hidden = source.partition("### BEGIN HIDDEN TESTS")[2]
                assert "# Skill: " in hidden, (
                    f"{course['id']} {grade_id(cell)}: say in one '# Skill: ...' line, inside "
                    "the hidden tests, what skill this task grades"
                )


def test_every_graded_task_has_a_shortcut_that_loses_its_points(course):
    tests = {grade_id(c) for path in course["sources"] for c in read(path)["cells"] if is_test(c)}
    solutions = {
        grade_id(c) for path in course["sources"] for c in read(path)["cells"] if is_solution(c)
    }
    lost = set()
    for label, entry in course["shortcuts"].items():
        assert set(entry["cells"]) <= solutions, f"shortcut {label!r} names unknown cells"
        assert entry["loses"] and set(entry["loses"]) <= tests, (
            f"shortcut {label!r} must name the test cells it loses, among {sorted(tests)}"
        )
        lost |= set(entry["loses"])
    for n, pack in enumerate(course["packs"]["shortcuts"]):
        scores = course["cells"][f"shortcuts_{n}"]
        for label in pack["labels"]:
            kept = [t for t in course["shortcuts"][label]["loses"] if scores[t] > 0]
            assert not kept, f"shortcut {label!r} still scores points on {kept}"
    assert lost == tests, f"graded tasks without a shortcut that loses points: {tests - lost}"


def test_honest_variants_keep_full_marks(course):
    packed_with = {}
    for n, pack in enumerate(course["packs"]["wrong"]):
        honest = [label for label in pack["labels"] if label in course["honest"]]
        if not honest:
            continue
        packed_with.update(dict.fromkeys(honest, n))
        scores = course["cells"][f"wrong_{n}"]
        short = {
            cell: f"{got}/{course['points'][cell]}"
            for cell, got in scores.items()
            if cell not in pack["lost"] and got < course["points"][cell]
        }
        assert not short, (
            f"a correct answer written another way lost points: {honest}, handed in with the "
            f"wrong answers {[x for x in pack['labels'] if x not in honest]}, scored {short}; "
            f"errors: {course['errors'][f'wrong_{n}']}"
        )
    assert set(packed_with) == set(course["honest"])


def test_committed_release_equals_a_fresh_generation(course):
    assert release.drift(ROOT, [course["id"]]) == []


def test_autograded_blank_release_scores_zero(course):
    score, max_score = course["scores"]["blank"]
    assert max_score > 0 and score == 0


def test_autograded_solution_scores_full_marks(course):
    score, max_score = course["scores"]["solution"]
    assert score == max_score > 0


def test_plausible_wrong_answers_lose_points(course):
    assert len(course["wrong"]) >= 2, "at least two plausible wrong answers per assignment"
    solution_ids = {
        grade_id(c) for path in course["sources"] for c in read(path)["cells"] if is_solution(c)
    }
    assert course["recorded"] == set(course["wrong"]), (
        f"record which cells each wrong answer loses: .venv/bin/python -m "
        f"tests.wrong_answers.record {course['id']}"
    )
    for label, entry in course["wrong"].items():
        assert set(entry["cells"]) <= solution_ids, f"wrong answer {label!r} names unknown cells"
        assert entry["loses"], f"wrong answer {label!r} was recorded losing no points"
    for n, pack in enumerate(course["packs"]["wrong"]):
        scores = course["cells"][f"wrong_{n}"]
        for label in filter(course["wrong"].__contains__, pack["labels"]):
            kept = [t for t in course["wrong"][label]["loses"] if scores[t] >= course["points"][t]]
            assert not kept, f"wrong answer {label!r} still scores full marks on {kept}"


def test_release_check_command_is_clean():
    done = subprocess.run(
        [sys.executable, "-m", "dlcourse.cli", "release", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout


def test_release_check_reports_drift(tmp_path):
    copy_course(tmp_path / "course_copy")
    copy_root = tmp_path / "course_copy"
    released = sorted((copy_root / "assignments" / ASSIGNMENTS[0]).rglob("*.ipynb"))[0]
    released.write_text(released.read_text().replace("raise NotImplementedError()", "pass", 1))
    problems = release.drift(copy_root, [ASSIGNMENTS[0]])
    assert problems and "differs from what solutions/ generates" in problems[0]
    assert release.drift(copy_root, [ASSIGNMENTS[1]]) == []
