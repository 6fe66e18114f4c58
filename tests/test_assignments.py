"""Grading integrity of every ready assignment, generically from the syllabus.

Each assignment's solution, blank release and plausible wrong answers
(``tests/wrong_answers/<id>.py``) are graded in one batch by the course's grader
(``dlcourse grade``: nbgrader's autograder, in parallel), and every check below
reads that one run: scores through nbgrader's Gradebook (nbgrader's commands exit
0 even when tests fail), and the errors each graded notebook recorded.  The
solution runs with no error in any cell and full marks; in the blank release every
test cell fails, with only the stubs' ``NotImplementedError`` or an assertion, and
it scores zero; every wrong answer loses points.  The committed release must also
equal a fresh generation.
"""

import importlib.util
import io
import shutil
import subprocess
import sys

import nbformat
import pytest
from nbgrader.api import Gradebook

from helpers import autograde, grading, syllabus

from .notebooks import ROOT, copy_course, grade_id, is_solution, is_test, read

ASSIGNMENTS = [lesson.assignment for lesson in syllabus.ready(ROOT)]

pytestmark = pytest.mark.slow


def wrong_answers(assignment):
    path = ROOT / "tests" / "wrong_answers" / f"{assignment}.py"
    if not path.exists():
        return {}
    spec = importlib.util.spec_from_file_location(f"wrong_{assignment}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG_ANSWERS


def submission(release, source, replace=None):
    return grading.solved_submission(release, source, replace)


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def course(request, tmp_path_factory):
    """A scratch course: hand in four kinds of work and grade them with `dlcourse grade`."""
    assignment = request.param
    tmp = tmp_path_factory.mktemp(assignment)
    (tmp / "course").mkdir()
    for name in ("nbgrader_config.py", "course/nbgrader_config.py", "course/syllabus.yml"):
        shutil.copy(ROOT / name, tmp / name)
    shutil.copytree(ROOT / "solutions" / assignment, tmp / "solutions" / assignment)
    kept = autograde.prepare(ROOT, assignment)  # the generated assignment, as nbgrader makes it
    shutil.copytree(kept, tmp / "course" / "cache" / kept.name)

    sources = sorted((tmp / "solutions" / assignment).glob("*.ipynb"))
    wrong = wrong_answers(assignment)
    students = {"blank": None, "solution": {}} | {
        f"wrong_{label}": cells for label, cells in wrong.items()
    }
    for student, replace in students.items():
        folder = tmp / "submitted" / student / assignment
        folder.mkdir(parents=True)
        for source_path in sources:
            release = nbformat.read(kept / "release" / source_path.name, as_version=4)
            source = nbformat.read(source_path, as_version=4)
            handed_in = release if replace is None else submission(release, source, replace)
            nbformat.write(handed_in, folder / source_path.name)
    results = autograde.grade(
        assignment, tmp / "submitted", root=tmp, workers=2, stream=io.StringIO()
    )
    assert [r.status for r in results] == ["graded"] * len(students), results
    errors = {r.student: r.errors for r in results}
    scores = {}
    with Gradebook(f"sqlite:///{tmp / 'course' / 'gradebook.db'}") as gradebook:
        for student in students:
            result = gradebook.find_submission(assignment, student)
            scores[student] = (result.score, result.max_score)
    return {
        "id": assignment,
        "release": kept / "release",
        "sources": sources,
        "scores": scores,
        "errors": errors,
        "wrong": wrong,
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


def test_committed_release_equals_a_fresh_generation(course):
    assert grading.drift(ROOT, [course["id"]]) == []


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
    for label, cells in course["wrong"].items():
        assert set(cells) <= solution_ids, f"wrong answer {label!r} names unknown cells"
        score, max_score = course["scores"][f"wrong_{label}"]
        assert score < max_score, f"wrong answer {label!r} still scores full marks"


def test_release_check_command_is_clean():
    done = subprocess.run(
        [sys.executable, "-m", "helpers.cli", "release", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout


def test_release_check_reports_drift(tmp_path):
    copy_course(tmp_path / "course_copy")
    copy_root = tmp_path / "course_copy"
    release = sorted((copy_root / "assignments" / ASSIGNMENTS[0]).rglob("*.ipynb"))[0]
    release.write_text(release.read_text().replace("raise NotImplementedError()", "pass", 1))
    problems = grading.drift(copy_root, [ASSIGNMENTS[0]])
    assert problems and "differs from what solutions/ generates" in problems[0]
    assert grading.drift(copy_root, [ASSIGNMENTS[1]]) == []
