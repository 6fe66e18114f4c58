"""dlcourse grade: many submissions, graded in parallel and in isolation, nothing lost.

One batch of a01 submissions holds a good one and every kind of bad one an
instructor meets; each must get a score, a status and a reason in the CSV and a
feedback page, without stopping the batch or touching another student's grade.
"""

import copy
import csv
import io
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from dlcourse import grading
from dlcourse.grading import jobs, sandbox, template

from .notebooks import ROOT, copy_course, grade_id, is_solution, is_test
from .test_assignments import submission

pytestmark = pytest.mark.slow

ASSIGNMENT = "a01"
NAME = "a01_python_basics.ipynb"
TIMEOUT = 24  # seconds a submission; a single looping cell is stopped after a third


def release():
    return nbformat.read(ROOT / "assignments" / ASSIGNMENT / NAME, as_version=4)


def solved(**replace):
    source = nbformat.read(ROOT / "solutions" / ASSIGNMENT / NAME, as_version=4)
    return submission(release(), source, replace)


def first_solution_id():
    return next(grade_id(c) for c in release().cells if is_solution(c))


def with_cell(nb, code, where="start"):
    """``nb`` with a code cell added after the setup cell, or at the end."""
    nb = copy.deepcopy(nb)
    cell = nbformat.v4.new_code_cell(code)
    if where == "start":
        nb.cells.insert(2, cell)
    else:
        nb.cells.append(cell)
    return nb


def without_test_cells(nb):
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not is_test(c)]
    return nb


def with_tests_edited(nb):
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if is_test(cell):
            cell.source = "pass  # tests removed by the student"
    return nb


def with_tests_reversed(nb):
    nb = copy.deepcopy(nb)
    tests = [c for c in nb.cells if is_test(c)]
    positions = [i for i, c in enumerate(nb.cells) if is_test(c)]
    for i, cell in zip(positions, reversed(tests), strict=True):
        nb.cells[i] = cell
    return nb


def with_locked_cell_changed(nb):
    """A correct submission whose first (locked) test cell got an extra line."""
    nb = copy.deepcopy(nb)
    cell = next(c for c in nb.cells if is_test(c))
    cell.source += "\nassert False, 'the student broke a locked cell'"
    return nb


def solved_if(setup, condition):
    """A correct submission that runs ``setup`` first and fails Task 1 unless ``condition`` held.

    So the gradebook shows what the student's code saw: full marks only when it held.
    """
    nb = with_cell(solved(), f"{setup}\nHELD = bool({condition})")
    cell = next(c for c in nb.cells if grade_id(c) == first_solution_id())
    cell.source += "\nif not HELD:\n    normalize_text = None"
    return nb


CHEAT_READ = """
import glob, os, sys
venv_parent = os.path.dirname(os.path.dirname(sys.prefix))
found = glob.glob(os.path.join(venv_parent, "solutions", "**", "*.ipynb"), recursive=True)
found += glob.glob(os.path.join(venv_parent, "course", "*.db"))
assert not found, f"could read {found}"
"""

# A student who knows where the course lives (the test tells them, in CHEAT_TARGET).
CHEAT_WRITE = """
import glob, os
course = os.environ["CHEAT_TARGET"]
for path in [os.path.join(course, "course", "gradebook.db"), os.path.join(course, "README.md")]:
    try:
        with open(path, "a") as f:
            f.write("owned")
    except OSError as error:
        print("blocked:", path, type(error).__name__)
for path in glob.glob(os.path.join(os.path.dirname(os.getcwd()), "..", "..", "..", "..", "*")):
    try:
        open(os.path.join(path, "owned.txt"), "w").close()
    except OSError:
        pass
"""

# A report of full marks, by every way a student's code could reach the orchestrator:
# the worker's copy of the gradebook and a report file in its working copy (then the
# worker is killed before nbgrader writes the real scores), or any pipe it holds.
FORGE_AND_KILL = """
import json, os, pathlib, signal, sqlite3
work = next(p for p in pathlib.Path.cwd().parents if (p / "course" / "gradebook.db").exists())
with sqlite3.connect(work / "course" / "gradebook.db") as db:
    db.execute("UPDATE grade SET auto_score = 1000")
(work / "result.json").write_text(json.dumps({"success": "True", "error": "", "log": ""}))
os.kill(os.getppid(), signal.SIGKILL)
"""
FORGE_IN_PIPES = """
import json, os, stat
report = json.dumps({"success": "True", "error": "", "log": ""}).encode()
for name in os.listdir("/proc/self/fd"):
    try:
        if stat.S_ISFIFO(os.fstat(int(name)).st_mode):
            os.write(int(name), len(report).to_bytes(4, "big") + report)
    except OSError:
        pass
"""

# An SQLite trigger planted in the worker's copy of the gradebook, so that every score
# nbgrader writes after the notebook has run becomes full marks.
FORGE_BY_TRIGGER = """
import os, pathlib, sqlite3
work = next(p for p in pathlib.Path.cwd().parents if (p / "course" / "gradebook.db").exists())
full = "(SELECT max_score FROM grade_cells WHERE id = NEW.cell_id)"
with sqlite3.connect(work / "course" / "gradebook.db") as db:
    for event in ("INSERT", "UPDATE"):
        db.execute(
            f"CREATE TRIGGER forge_{event} AFTER {event} ON grade "
            f"WHEN NEW.auto_score IS NOT {full} "
            f"BEGIN UPDATE grade SET auto_score = {full} WHERE id = NEW.id; END"
        )
"""

# Ways around the private view: undo its mounts (the covers over the course's
# gradebook and solutions), or go through another process's /proc/<pid>/cwd or root.
ESCAPE = """
import ctypes, os
found = []
libc = ctypes.CDLL(None, use_errno=True)
for line in open("/proc/self/mounts").read().splitlines():
    target = line.split()[1]
    if target.endswith(("/solutions", "/course")) and libc.umount2(target.encode(), 2) == 0:
        found.append(target)
for pid in filter(str.isdigit, os.listdir("/proc")):
    for link in ("cwd", "root"):
        try:
            os.listdir(f"/proc/{pid}/{link}")
            if int(pid) != os.getpid():
                found.append(f"/proc/{pid}/{link}")
        except OSError:
            pass
"""

MONKEYPATCH = """
import builtins
builtins.AssertionError = type("AssertionError", (Exception,), {})
builtins.NotImplementedError = type("NotImplementedError", (Exception,), {})
"""


def nbgrader_layout(folder):
    """Write every fixture as ``<student>/a01/<notebook>``; return what each expects."""
    v3 = nbformat.convert(solved(), 3)
    fixtures = {
        "good": (solved(), "full"),
        "blank": (release(), "zero"),
        "syntax_error": (
            solved(**{first_solution_id(): "def normalize_text(text)\n    return text"}),
            "partial",
        ),
        "import_error": (with_cell(solved(), "import no_such_module_anywhere"), "partial-or-full"),
        "infinite_loop": (solved(**{first_solution_id(): "while True:\n    pass"}), "partial"),
        "memory_bomb": (
            with_cell(
                solved(), "hog = bytearray(8 * 2**30)\nhog[::4096] = b'x' * len(hog[::4096])"
            ),
            "any",
        ),
        "sys_exit": (with_cell(solved(), "import sys\nsys.exit(3)"), "full"),
        "os_exit": (with_cell(solved(), "import os\nos._exit(0)"), "any"),
        "kernel_crash": (with_cell(solved(), "import ctypes\nctypes.string_at(0)"), "any"),
        "deleted_tests": (without_test_cells(release()), "zero"),
        "edited_tests": (with_tests_edited(release()), "zero"),
        "reordered_tests": (with_tests_reversed(solved()), "any"),
        "locked_cell_changed": (with_locked_cell_changed(solved()), "full"),
        "monkeypatch": (with_cell(release(), MONKEYPATCH), "zero"),
        "forged_and_killed": (with_cell(release(), FORGE_AND_KILL, where="end"), "zero"),
        "forged_in_pipes": (with_cell(release(), FORGE_IN_PIPES, where="end"), "zero"),
        "forged_by_trigger": (with_cell(release(), FORGE_BY_TRIGGER, where="end"), "zero"),
        "escapes": (solved_if(ESCAPE, "not found"), "full"),
        # As root, a kernel runs as a user of its own: not root, in no group of root's.
        "own_user": (
            solved_if("import os", "0 not in (os.geteuid(), os.getegid(), *os.getgroups())"),
            "full" if os.geteuid() == 0 else "zero",
        ),
        "reads_hidden": (with_cell(solved(), CHEAT_READ, where="end"), "full"),
        "writes_outside": (with_cell(solved(), CHEAT_WRITE, where="end"), "full"),
        "huge_output": (with_cell(solved(), "print('x' * 30_000_000)"), "full"),
        "older_nbformat": (v3, "full"),
    }
    for student, (nb, _) in fixtures.items():
        target = folder / student / ASSIGNMENT
        target.mkdir(parents=True)
        version = nb.get("nbformat", 4)
        (target / NAME).write_text(nbformat.writes(nb, version=version), encoding="utf-8")
    expected = {student: want for student, (_, want) in fixtures.items()}
    (folder / "not_json" / ASSIGNMENT).mkdir(parents=True)
    (folder / "not_json" / ASSIGNMENT / NAME).write_text('{"cells": [', encoding="utf-8")
    (folder / "not_utf8" / ASSIGNMENT).mkdir(parents=True)
    (folder / "not_utf8" / ASSIGNMENT / NAME).write_bytes(b'{"cells": "\xff\xfe caf\xe9"}')
    (folder / "wrong_name" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(solved(), folder / "wrong_name" / ASSIGNMENT / "Untitled.ipynb")
    (folder / "empty_folder").mkdir()
    expected |= {
        "not_json": "rejected",
        "not_utf8": "rejected",
        "wrong_name": "full",
        "empty_folder": "rejected",
    }
    return expected


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course to grade in, so the real gradebook is never touched."""
    root = tmp_path_factory.mktemp("course") / "repo"
    copy_course(root, "lectures", "tests", "grades", "feedback")
    (root / "README.md").write_text("the course\n")
    return root


@pytest.fixture(scope="module")
def own_course(tmp_path_factory):
    """Another copy of the course, for runs that must leave the batch's gradebook alone."""
    root = tmp_path_factory.mktemp("own") / "repo"
    copy_course(root, "lectures", "tests", "grades", "feedback")
    kept = grading.prepare(ROOT, ASSIGNMENT)  # the same sources: no need to generate again
    shutil.copytree(kept, root / "course" / "cache" / kept.name)
    return root


def grade_alone(root, folder, notebooks):
    """Grade ``{student: notebook}`` one at a time, in order; the results, by student."""
    for student, nb in notebooks.items():
        (folder / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(nb, folder / student / ASSIGNMENT / NAME)
    results = grading.grade(ASSIGNMENT, folder, root=root, workers=1, stream=io.StringIO())
    return {r.student: r for r in results}


def held():
    """Every protection held (kernels run as a user of their own only when grading as root)."""
    return dict.fromkeys(grading.PROTECTIONS, "") | (
        {} if os.geteuid() == 0 else {sandbox.OWN_USER: sandbox.NEEDS_ROOT}
    )


def assert_clean_full_marks(root, result):
    """Full marks, every protection held, no cell raised and nothing written to stderr."""
    detail = f"{result.student}: {result.score}/{result.max_score} ({result.reason})"
    assert result.status == "graded" and result.score == result.max_score == 28, detail
    assert result.isolated == held(), result.isolated
    assert result.errors == [], result.errors
    (page,) = (root / "course" / "feedback" / result.student / ASSIGNMENT).glob("*.html")
    assert "output_stderr" not in page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def batch(course, tmp_path_factory):
    folder = tmp_path_factory.mktemp("submitted")
    expected = nbgrader_layout(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHEAT_TARGET", str(course))
        results = grading.grade(
            ASSIGNMENT, folder, root=course, workers=2, timeout=TIMEOUT, memory_mb=1024
        )
    return {"folder": folder, "expected": expected, "results": {r.student: r for r in results}}


def csv_rows(course):
    with open(course / "course" / "grades" / f"{ASSIGNMENT}.csv", newline="") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


def gradebook_scores(course):
    with Gradebook(f"sqlite:///{course / 'course' / 'gradebook.db'}") as gradebook:
        return {s.student.id: s.score for s in gradebook.find_assignment(ASSIGNMENT).submissions}


def test_every_submission_gets_a_score_status_reason_and_feedback(batch, course):
    results, expected = batch["results"], batch["expected"]
    assert set(results) == set(expected)
    rows = csv_rows(course)
    assert set(rows) == set(expected)
    for student, result in results.items():
        assert result.max_score == 28
        assert rows[student]["status"] in {"graded", "failed", "rejected"}
        assert rows[student]["score"] == f"{result.score:g}"
        if result.status != "graded":
            assert result.reason, f"{student} was not graded but has no reason"
        page = course / "course" / "feedback" / student / ASSIGNMENT
        assert list(page.glob("*.html")), f"no feedback for {student}"


KINDS = [
    "good",
    "blank",
    "syntax_error",
    "import_error",
    "infinite_loop",
    "memory_bomb",
    "sys_exit",
    "os_exit",
    "kernel_crash",
    "deleted_tests",
    "edited_tests",
    "reordered_tests",
    "locked_cell_changed",
    "monkeypatch",
    "reads_hidden",
    "writes_outside",
    "huge_output",
    "older_nbformat",
    "not_json",
    "not_utf8",
    "wrong_name",
    "empty_folder",
    "forged_and_killed",
    "forged_in_pipes",
    "forged_by_trigger",
    "escapes",
    "own_user",
]


def test_every_kind_of_submission_is_checked(batch):
    assert set(batch["expected"]) == set(KINDS)


@pytest.mark.parametrize("student", KINDS)
def test_each_kind_of_submission_is_scored_as_expected(batch, student):
    result, want = batch["results"][student], batch["expected"][student]
    detail = f"{student}: {result.score}/{result.max_score} {result.status} ({result.reason})"
    if want == "full":
        assert result.score == result.max_score, detail
    elif want == "zero":
        assert result.score == 0, detail
    elif want == "partial":
        assert 0 < result.score < result.max_score, detail
    elif want == "partial-or-full":
        assert result.score > 0, detail
    elif want == "rejected":
        assert result.status == "rejected" and result.score == 0, detail
    assert result.score < result.max_score or result.status == "graded", detail


def test_reasons_name_what_went_wrong(batch):
    results = batch["results"]
    assert (
        "time limit" in results["infinite_loop"].reason
        or "timed out" in results["infinite_loop"].reason
    )
    assert "memory" in results["memory_bomb"].reason
    assert "not a valid notebook" in results["not_json"].reason
    assert "not UTF-8" in results["not_utf8"].reason
    assert "no notebook" in results["empty_folder"].reason
    assert "graded Untitled.ipynb as" in results["wrong_name"].reason
    assert "upgraded from nbformat 3" in results["older_nbformat"].reason
    assert "deleted protected cells" in results["deleted_tests"].reason
    assert "changed protected cells" in results["edited_tests"].reason
    assert "changed protected cells" in results["locked_cell_changed"].reason
    assert "out of their order" in results["reordered_tests"].reason
    for student in ("os_exit", "kernel_crash"):
        assert "kernel" in results[student].reason or results[student].status == "failed", results[
            student
        ]


def test_student_code_cannot_write_the_course_or_other_students_files(batch, course):
    assert (course / "README.md").read_text() == "the course\n"
    assert not list(batch["folder"].rglob("owned.txt"))
    assert gradebook_scores(course)["good"] == 28


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="namespaces")


@linux_only
def test_each_submission_has_a_private_tmp(own_course, tmp_path, capfd):
    left = f"/tmp/dlcourse-test-{uuid.uuid4().hex}"
    results = grade_alone(  # the writer first, then the one that looks for its file
        own_course,
        tmp_path,
        {
            "tmp_1_writes": solved_if(
                f"import os\nopen({left!r}, 'w').write('left behind')", f"os.path.exists({left!r})"
            ),
            "tmp_2_looks": solved_if("import os", f"not os.path.exists({left!r})"),
        },
    )
    assert not Path(left).exists(), "the file outlived its submission"
    for result in results.values():  # the writer saw its own file, the next one did not
        assert_clean_full_marks(own_course, result)
    assert capfd.readouterr().err == ""


REACH = """
import socket
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
    REACHED = True
except OSError:
    REACHED = False
INTERFACES = [name for _, name in socket.if_nameindex()]
"""


@linux_only
def test_submissions_reach_no_network(own_course, tmp_path, capfd):
    with socket.create_server(("127.0.0.1", 0)) as server:  # a service of the grading machine
        server.setblocking(False)
        reach = REACH.format(port=server.getsockname()[1])
        # Only a loopback of its own, so nothing outside has a route either.
        nb = solved_if(reach, "not REACHED and INTERFACES == ['lo']")
        results = grade_alone(own_course, tmp_path, {"net_reaches_host": nb})
        with pytest.raises(BlockingIOError):
            server.accept()  # nothing ever connected
    assert_clean_full_marks(own_course, results["net_reaches_host"])
    assert capfd.readouterr().err == ""


def test_the_summary_says_which_protections_held(monkeypatch):
    def summary(*isolated):
        return grading.summary(
            [grading.Result(f"s{i}", max_score=1, isolated=x) for i, x in enumerate(isolated)]
        ).splitlines()[-1]

    held = dict.fromkeys(grading.PROTECTIONS, "")
    no_netns = held | {"no network": "[Errno 1] unshare a network namespace"}
    not_root = held | {sandbox.OWN_USER: sandbox.NEEDS_ROOT}
    assert summary(held, held) == (
        "Every submission ran in a private, read-only view of the course, "
        "with a private /tmp and no network, seeing no other process, "
        "its code as a user of its own."
    )
    assert summary(held, no_netns) == (
        "Isolation by process and working copy, plus private file-system view, private /tmp, "
        "no other process in sight and student code as its own user; "
        "not held: no network ([Errno 1] unshare a network namespace)."
    )
    assert summary(not_root) == (
        "Isolation by process and working copy, plus private file-system view, private /tmp, "
        "no network and no other process in sight; "
        "not held: student code as its own user (only when grading runs as root)."
    )

    def refused():
        raise OSError(1, "unshare a user namespace")

    monkeypatch.setattr(sandbox, "_namespace_rights", refused)  # before any namespace is made
    nothing = grading.isolate(Path("work"), [], [])
    assert summary(held, nothing) == (
        "Isolation by process and working copy only; not held: private file-system view, "
        "private /tmp, no network, no other process in sight, student code as its own user "
        "([Errno 1] unshare a user namespace)."
    )


def test_the_gradebook_holds_every_score(batch, course):
    scores = gradebook_scores(course)
    assert scores == {student: result.score for student, result in batch["results"].items()}


def test_a_gradebook_with_a_trigger_stops_grading_and_changed_entries_are_rewritten(tmp_path):
    from dlcourse.grading import report

    tmp_path = tmp_path / "my course #1"  # a path a URI must escape
    tmp_path.mkdir()
    shutil.copy(grading.prepare(ROOT, ASSIGNMENT) / "template/course/gradebook.db", tmp_path)
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    points = template.max_points(url, ASSIGNMENT)
    result = grading.Result("ada", score=3.0, max_score=28.0, cells=dict.fromkeys(points, 0.0))
    result.cells[next(iter(points))] = 3.0
    report.to_gradebook(url, ASSIGNMENT, result)
    with sqlite3.connect(tmp_path / "gradebook.db") as db:  # a student's code, run as the user
        db.execute("UPDATE grade SET auto_score = 1")
    report.confirm(url, ASSIGNMENT, [result])
    assert "changed during grading and has been rewritten" in result.reason
    with Gradebook(url) as gradebook:
        assert gradebook.find_submission(ASSIGNMENT, "ada").score == 3.0

    with sqlite3.connect(tmp_path / "gradebook.db") as db:
        db.execute("CREATE TRIGGER forge AFTER UPDATE ON grade BEGIN SELECT 1; END")
    with pytest.raises(grading.GradeError, match="holds the trigger forge, which nbgrader never"):
        report.to_gradebook(url, ASSIGNMENT, result)


def test_regrading_one_student_touches_no_one_else(batch, course):
    before_rows, before_scores = csv_rows(course), gradebook_scores(course)
    again = grading.grade(
        ASSIGNMENT, batch["folder"], root=course, workers=1, timeout=TIMEOUT, only="blank"
    )
    assert [r.student for r in again] == ["blank"]
    assert csv_rows(course) == before_rows
    assert gradebook_scores(course) == before_scores


def test_loose_files_and_a_zip_are_accepted(course, tmp_path):
    loose = tmp_path / "lms_export"
    loose.mkdir()
    nbformat.write(solved(), loose / "ada.ipynb")
    nbformat.write(release(), loose / "bob.ipynb")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in loose.iterdir():
            zipped.write(path, f"export/{path.name}")
        zipped.writestr("../escape.ipynb", "{}")
    for source in (loose, archive):
        results = {
            r.student: r.score for r in grading.grade(ASSIGNMENT, source, root=course, workers=2)
        }
        assert results == {"ada": 28, "bob": 0}
    assert not (tmp_path / "escape.ipynb").exists()


def test_bad_arguments_are_clear_errors(course, tmp_path):
    with pytest.raises(grading.GradeError, match="Unknown or not ready assignment 'a99'"):
        grading.grade("a99", tmp_path, root=course)
    with pytest.raises(grading.GradeError, match="No submissions at"):
        grading.grade(ASSIGNMENT, tmp_path / "missing", root=course)
    with pytest.raises(grading.GradeError, match="--workers must be a positive"):
        grading.grade(ASSIGNMENT, tmp_path, root=course, workers=-1)
    (tmp_path / "notes.txt").write_text("hi")
    with pytest.raises(grading.GradeError, match="neither a folder nor a zip"):
        grading.grade(ASSIGNMENT, tmp_path / "notes.txt", root=course)


def test_command_exits_zero_when_students_fail_and_two_on_bad_arguments(course, tmp_path):
    folder = tmp_path / "subs"
    folder.mkdir()
    nbformat.write(release(), folder / "carol.ipynb")
    env_cmd = [sys.executable, "-m", "dlcourse.cli", "grade", ASSIGNMENT]
    done = subprocess.run(
        [*env_cmd, str(folder), "--workers", "1"], cwd=course, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 submissions: 0 full marks, 0 partial, 1 zero" in done.stdout
    assert "1/1 graded" in done.stderr
    bad = subprocess.run(
        [*env_cmd, str(tmp_path / "nowhere")], cwd=course, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "No submissions at" in bad.stderr


def test_the_generated_assignment_is_kept_until_its_sources_change(tmp_path):
    root = copy_course(tmp_path / "repo", "lectures", "tests", "grades", "feedback")
    first = grading.prepare(root, ASSIGNMENT)
    gradebook = first / "template" / "course" / "gradebook.db"
    made = gradebook.stat().st_mtime_ns
    assert grading.prepare(root, ASSIGNMENT) == first
    assert gradebook.stat().st_mtime_ns == made, "kept, not generated again"
    released = (first / "release" / NAME).read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in released and "BEGIN HIDDEN TESTS" not in released
    assert not list((first / "template").rglob("*.ipynb")), "no solution in the template"

    source = root / "solutions" / ASSIGNMENT / NAME
    nb = nbformat.read(source, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("One more remark."))
    nbformat.write(nb, source)
    second = grading.prepare(root, ASSIGNMENT)
    assert second != first and (second / "template" / "course" / "gradebook.db").exists()
    assert not first.exists(), "the outdated version is removed"


def test_a_generation_another_run_finished_meanwhile_is_left_alone(tmp_path, monkeypatch):
    # Two runs (two test workers, or grade and release --check) may generate the same
    # version at once: the one that finishes second must not delete what the first uses.
    root = copy_course(tmp_path / "repo", "lectures", "tests", "grades", "feedback")
    first = grading.prepare(root, ASSIGNMENT)
    (first / "in use").touch()
    (first / "done").rename(first / "not yet done")  # as this run saw it when it started
    real_build = template._build

    def build_while_the_other_run_finishes(*args):
        real_build(*args)
        (first / "not yet done").rename(first / "done")

    monkeypatch.setattr(template, "_build", build_while_the_other_run_finishes)
    assert grading.prepare(root, ASSIGNMENT) == first
    assert (first / "in use").exists(), "the other run's generation was left in place"
    assert [p.name for p in (root / "course" / "cache").iterdir()] == [first.name]


def test_without_feedback_the_scores_are_recorded_and_no_page_is_written(own_course, tmp_path):
    folder = tmp_path / "handed_in"
    (folder / "quick" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(solved(), folder / "quick" / ASSIGNMENT / NAME)
    (result,) = grading.grade(
        ASSIGNMENT, folder, root=own_course, workers=1, stream=io.StringIO(), feedback=False
    )
    assert result.status == "graded" and result.score == result.max_score == 28
    assert not (own_course / "course" / "feedback" / "quick").exists()
    with open(own_course / "course" / "grades" / f"{ASSIGNMENT}.csv", newline="") as file:
        assert {row["student"]: row["score"] for row in csv.DictReader(file)}["quick"] == "28"


def test_memory_shared_by_forked_processes_is_counted_once():
    script = (
        "import os, sys, time\n"
        "block = b'x' * (300 * 2**20)\n"  # touched, so resident
        "if os.fork() == 0:\n"
        "    time.sleep(60); os._exit(0)\n"
        "print('ready', flush=True); time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        mb = 2**20
        assert jobs._over(process.pid, 250 * mb), "300 MB held"
        assert not jobs._over(process.pid, 450 * mb), "the child's copy is shared, not more"
    finally:
        jobs._stop(process.pid)
        process.wait()


def test_workers_can_import_from_every_folder_python_imports_from(tmp_path):
    # On the course's JupyterHub the instructor's Python reaches the course's venv
    # through a .pth file, and the course folder is a copy elsewhere: a private /tmp
    # must not hide the venv or the students' package when either lives under /tmp.
    import sys

    import helpers
    from dlcourse.grading import sandbox

    views = sandbox.views(tmp_path, tmp_path / "template", tmp_path / "submitted", tmp_path)
    needed = {Path(helpers.__file__).resolve().parents[1]}
    needed |= {Path(p).resolve() for p in sys.path if p and Path(p).is_dir()}
    unseen = [f for f in needed if not any(f.is_relative_to(k) for k in views.read_only)]
    assert not unseen, f"workers could not import from {unseen}"
