"""A class on JupyterHub: the instructor's whole term, end to end, with real users.

The hub is course/jupyterhub/jupyterhub_config.py, run the way course/INSTRUCTORS.md
("A class on JupyterHub") says, on free ports with JupyterHub's proxy.  Real Unix
users log in: an instructor and three students (``dlc-instr-<random>``,
``dlc-stud1-<random>``, ...), with their own servers started through the hub's API.

1. The instructor releases a01 to nbgrader's exchange (a folder of the test's own),
   after importing the class roster into the gradebook; the formgrader answers in
   the instructor's server, framed by it only (CSP ``frame-ancestors 'self'``);
   students' servers have no formgrader.
2. One student fetches a01 in JupyterLab's Assignments panel, in headless Chromium,
   after logging in on the hub's page; the two others with ``nbgrader fetch_assignment``.
3. They submit a full, a blank and a partial answer (``nbgrader submit``).
4. The instructor collects (``nbgrader collect``) and grades the collected folder with
   ``dlcourse grade``; scores are read from the gradebook, since nbgrader exits 0 on
   failures.  Then ``nbgrader release_feedback``; each student fetches their feedback.
5. ``dlcourse export canvas`` writes the grades for the LMS.

Needs root, JupyterHub and its proxy (``make test`` installs both) and Chromium;
otherwise it is skipped with one sentence saying what is missing.  Users, servers,
the hub and the proxy are removed or stopped even when a step fails.  Each phase's
seconds are printed and written to tests/artifacts/hub_timings.json.
"""

import csv
import io
import json
import resource
import secrets
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from dlcourse import grading, release
from dlcourse.release import solved_submission

from . import hub
from .notebooks import ROOT

ASSIGNMENT = "a01"
NOTEBOOK = "a01_python_basics.ipynb"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
# The partial answer: Task 3's chunk() is wrong, the rest is the solution.
WRONG_CHUNK = {"chunk": "def chunk(items, size):\n    return [items]"}


class Phases:
    """Seconds per phase of the term, printed and written to tests/artifacts/."""

    def __init__(self):
        self.seconds, self.start, self.cpu = {}, time.monotonic(), cpu_seconds()
        self.unreaped = 0.0  # CPU seconds of processes that were killed, not waited for

    @contextmanager
    def __call__(self, name):
        start = time.monotonic()
        try:
            yield
        finally:
            self.seconds[name] = round(time.monotonic() - start, 1)

    def report(self):
        self.seconds["total"] = round(time.monotonic() - self.start, 1)
        used = cpu_seconds() - self.cpu + self.unreaped
        self.seconds["CPU seconds of all its processes"] = round(used, 1)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "hub_timings.json").write_text(json.dumps(self.seconds, indent=1) + "\n")
        width = max(map(len, self.seconds))
        print("\n".join(f"{name:<{width}}  {s:5.1f} s" for name, s in self.seconds.items()))


def cpu_seconds():
    """CPU time of this process and of every process it waited for (the hub waits for its own)."""
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in used)


@pytest.fixture
def machine():
    """A world-readable scratch folder (pytest's own is closed to other users); removed after."""
    reason = hub.missing()
    if reason:
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="dlcourse-hub-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def course_copy(course):
    """What releasing and grading a01 read of the course, copied to ``course``.

    Its ``course/cache/`` is what a first ``dlcourse grade`` leaves behind (copied from
    the repository's, to save the test that time).
    """
    for name in ("nbgrader_config.py", "course/nbgrader_config.py", "course/syllabus.yml"):
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, course / name)
    for folder in ("solutions", "assignments"):
        shutil.copytree(ROOT / folder / ASSIGNMENT, course / folder / ASSIGNMENT)
    cache = grading.prepare(ROOT, ASSIGNMENT)
    shutil.copytree(cache, course / "course" / "cache" / cache.name)
    return course


def instructor_course(user, students):
    """The instructor's clone of the course, and the class roster as the university gives it."""
    course = course_copy(user.home / "deep-learning-course")
    with open(course / "roster.csv", "w", newline="") as file:
        file.write("id,first_name,last_name,email,lms_user_id\n")
        for number, student in enumerate(students, 1):
            file.write(
                f"{student.name},Student,No{number},{student.name}@uni.edu,{1000 + number}\n"
            )
    chown(course, user)
    return course


def chown(path, user):
    for item in [path, *Path(path).rglob("*")]:
        shutil.chown(item, user.uid, user.gid)


def answers(released):
    """What each student hands in: the solution, the release as it is, one task wrong."""
    source = nbformat.read(ROOT / "solutions" / ASSIGNMENT / NOTEBOOK, as_version=4)
    return [
        solved_submission(released, source),
        released,
        solved_submission(released, source, WRONG_CHUNK),
    ]


def fetch_in_the_assignments_panel(browser, hub_url, user, password):
    """Log in on the hub's page, open Nbgrader > Assignment List, press a01's Fetch.

    Returns JupyterLab's page configuration, which lists the extensions switched off.
    """
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{hub_url}/hub/login?next=/hub/user/{user.name}/lab")
        page.fill("#username_input", user.name)
        page.fill("#password_input", password)
        page.click("#login_submit")
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click(timeout=120_000)
        page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
        row = page.locator("#released_assignments_list .list_item", has_text=ASSIGNMENT)
        row.locator("button", has_text="Fetch").click(timeout=60_000)
        fetched = page.locator("#fetched_assignments_list .list_item", has_text=ASSIGNMENT)
        fetched.first.wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "hub_student_fetched.png"))
        return page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').text)")
    finally:
        context.close()


@pytest.mark.slow
def test_grading_the_collected_folder_leaves_what_release_feedback_needs(tmp_path):
    """``dlcourse grade`` on ``course/submitted``, then ``nbgrader release_feedback``: no root.

    Every notebook a student handed in gets a page under its own name, the one
    ``fetch_feedback`` looks for: a blank release, a renamed copy graded as the
    assignment's notebook, and a file that is not a notebook at all.
    """
    from nbgrader.utils import notebook_hash

    course = course_copy(tmp_path / "course")
    submitted = course / "course" / "submitted"
    # Hand-ins as `nbgrader collect` leaves them: the notebook and the exchange's records.
    handed_in = {"ada": NOTEBOOK, "bob": "a01_python_basics-Copy1.ipynb", "cy": NOTEBOOK}
    for student, name in handed_in.items():
        folder = submitted / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copy(course / "assignments" / ASSIGNMENT / NOTEBOOK, folder / name)
        (folder / "timestamp.txt").write_text("2026-09-01 10:00:00.000000 UTC")
        (folder / "submission_secret.txt").write_text(f"secret-{student}")
    (submitted / "cy" / ASSIGNMENT / NOTEBOOK).write_text("{ not a notebook")

    results = grading.grade(ASSIGNMENT, submitted, root=course, workers=2, stream=io.StringIO())
    found = {r.student: (r.status, r.score) for r in results}
    assert found == {"ada": ("graded", 0), "bob": ("graded", 0), "cy": ("rejected", 0)}, results
    for student, name in handed_in.items():
        feedback = course / "course" / "feedback" / student / ASSIGNMENT
        assert [p.name for p in feedback.glob("*.html")] == [name.replace(".ipynb", ".html")]
        assert (feedback / "submission_secret.txt").read_text() == f"secret-{student}"
    page = (course / "course" / "feedback" / "cy" / ASSIGNMENT / NOTEBOOK).with_suffix(".html")
    assert "could not be graded: a01_python_basics.ipynb: not a valid notebook" in page.read_text()

    (tmp_path / "x").mkdir()  # the exchange
    release.nbgrader(course, "release_feedback", ASSIGNMENT, f"--Exchange.root={tmp_path / 'x'}")
    for student, name in handed_in.items():
        page = notebook_hash(secret=f"secret-{student}", notebook_id=name.replace(".ipynb", ""))
        assert (tmp_path / "x" / "dlcourse" / "feedback" / f"{page}.html").is_file(), student


@pytest.mark.slow
def test_grading_without_root_scores_a_planted_trigger_zero(machine):
    """Graded by a user without root, as on the hub, kernels run as that user.

    A blank release that plants an SQLite trigger in the worker's copy of the
    gradebook, to turn every score nbgrader writes into full marks, scores zero
    with its own reason; a solution that tries to undo the private view or look
    through other processes finds no way and keeps full marks; and the summary
    says kernels had no user of their own.
    """
    from .test_autograde import ESCAPE, FORGE_BY_TRIGGER, solved_if

    users = hub.Users(machine / "home")
    (machine / "home").mkdir(mode=0o755)
    try:
        bin_dir, environ = hub.shared_python(machine / "python")
        grader = users.add(f"dlc-grader-{secrets.token_hex(3)}")
        course = course_copy(grader.home / "course")
        planted = nbformat.read(course / "assignments" / ASSIGNMENT / NOTEBOOK, as_version=4)
        planted.cells.append(nbformat.v4.new_code_cell(FORGE_BY_TRIGGER))
        escaping = solved_if(ESCAPE, "not found")
        for student, notebook in {"mallory": planted, "eve": escaping}.items():
            (course / "handed-in" / student / ASSIGNMENT).mkdir(parents=True)
            nbformat.write(notebook, course / "handed-in" / student / ASSIGNMENT / NOTEBOOK)
        chown(grader.home, grader)
        command = [bin_dir / "dlcourse", "grade", ASSIGNMENT, "handed-in"]
        done = hub.run_as(grader, command, environ, cwd=course)
        with Gradebook(f"sqlite:///{course / 'course' / 'gradebook.db'}") as book:
            assert book.find_submission(ASSIGNMENT, "mallory").score == 0
            assert book.find_submission(ASSIGNMENT, "eve").score == 28
        with open(course / "course" / "grades" / f"{ASSIGNMENT}.csv", newline="") as file:
            rows = {row["student"]: row for row in csv.DictReader(file)}
        assert "changed the grader's records" in rows["mallory"]["reason"], rows
        said = done.stdout + done.stderr
        assert "not held: student code as its own user (only when grading runs as root)" in said
    finally:
        users.remove()


@pytest.mark.slow
@pytest.mark.browser
def test_a_term_on_jupyterhub_with_real_users(machine):
    from playwright.sync_api import sync_playwright

    phases, tag = Phases(), secrets.token_hex(3)
    users, server, pool = hub.Users(machine / "home"), None, ThreadPoolExecutor(4)
    (machine / "home").mkdir(mode=0o755)
    try:
        with phases("users, and a Python they can run"):
            bin_dir, environ = hub.shared_python(machine / "python")
            password = secrets.token_urlsafe(12)
            instructor = users.add(f"dlc-instr-{tag}")
            students = [users.add(f"dlc-stud{i}-{tag}", password=password) for i in (1, 2, 3)]
            exchange = machine / "exchange"
            exchange.mkdir()
            exchange.chmod(0o1777)  # everyone writes, nobody removes another's files
            course = instructor_course(instructor, students)
            everyone = [instructor.name, *(s.name for s in students)]

        with phases("hub and proxy"):
            server = hub.Hub(
                machine / "state",
                hub.HUB_CONFIG,
                {
                    "DLCOURSE_INSTRUCTOR": instructor.name,
                    "DLCOURSE_STUDENTS": ",".join(s.name for s in students),
                    "DLCOURSE_COURSE": str(course),
                    "DLCOURSE_EXCHANGE": str(exchange),
                    "DLCOURSE_BIN": str(bin_dir),
                },
                secrets.token_hex(16),
            )
            (machine / "state").mkdir(mode=0o700)
            server.start({"LD_LIBRARY_PATH": environ["LD_LIBRARY_PATH"]})

        # Commands run as in a terminal of the user's server: with its environment.
        terminals = {}

        def as_instructor(*command):
            return hub.run_as(instructor, command, terminals[instructor], cwd=course)

        def as_student(student, *command):
            return hub.run_as(student, command, terminals[student])

        with phases("while four servers start: release; two students fetch"):
            server.spawn(everyone)
            for user in (instructor, *students):
                terminals[user] = hub.server_environment(user)
            roster = pool.submit(as_instructor, "nbgrader", "db", "student", "import", "roster.csv")
            as_instructor("nbgrader", "release_assignment", ASSIGNMENT)
            fetching = [
                pool.submit(as_student, s, "nbgrader", "fetch_assignment", ASSIGNMENT)
                for s in students[1:]
            ]
            for job in [roster, *fetching]:
                job.result()
            server.wait_ready(everyone)

        with phases("formgrader; one student fetches in the Assignments panel"):
            formgrader = f"/user/{instructor.name}/formgrader"
            status, headers, _ = server.get(f"{formgrader}/manage_assignments")
            assert status == 200, "the instructor's formgrader does not answer"
            assert headers["Content-Security-Policy"] == "frame-ancestors 'self'"
            status, _, text = server.get(f"{formgrader}/api/assignments")
            assert {a["name"]: a["status"] for a in json.loads(text)}[ASSIGNMENT] == "released"
            status, _, _ = server.get(f"/user/{students[0].name}/formgrader/manage_assignments")
            assert status == 404, "a student's server has the formgrader"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=hub.CHROMIUM, args=CHROMIUM_ARGS
                )
                page_config = fetch_in_the_assignments_panel(
                    browser, server.url, students[0], password
                )
                browser.close()
            disabled = page_config["disabledExtensions"]
            assert "@jupyter/nbgrader:formgrader" in disabled
            assert "@jupyter/nbgrader:create-assignment" in disabled
            assert "@jupyter/nbgrader:course-list" in disabled
            assert "@jupyter/nbgrader:assignment-list" not in disabled
            for student in students:
                assert (student.home / ASSIGNMENT / NOTEBOOK).is_file(), student.name

        with phases("submit: full, blank, partial"):
            released = nbformat.read(students[0].home / ASSIGNMENT / NOTEBOOK, as_version=4)
            for student, answer in zip(students, answers(released), strict=True):
                nbformat.write(answer, student.home / ASSIGNMENT / NOTEBOOK)
                chown(student.home / ASSIGNMENT / NOTEBOOK, student)
            submits = [
                pool.submit(as_student, s, "nbgrader", "submit", ASSIGNMENT) for s in students
            ]
            for job in submits:
                job.result()

        with phases("collect and grade"):
            as_instructor("nbgrader", "collect", ASSIGNMENT)
            graded = as_instructor("dlcourse", "grade", ASSIGNMENT, "course/submitted")
            with Gradebook(f"sqlite:///{course / 'course' / 'gradebook.db'}") as book:
                scores = [book.find_submission(ASSIGNMENT, s.name).score for s in students]
                maximum = book.find_assignment(ASSIGNMENT).max_score
            full, blank, partial = scores
            assert full == maximum > 0, (scores, graded)
            assert blank == 0, (scores, graded)
            assert 0 < partial < maximum, scores

        with phases("feedback: released, fetched"):
            as_instructor("nbgrader", "release_feedback", ASSIGNMENT)
            fetches = [
                pool.submit(as_student, s, "nbgrader", "fetch_feedback", ASSIGNMENT)
                for s in students
            ]
            for job in fetches:
                job.result()
            for student in students:
                pages = list(
                    (student.home / ASSIGNMENT / "feedback").glob(f"*/{NOTEBOOK[:-6]}.html")
                )
                assert pages, f"{student.name} got no feedback"

        with phases("export for the LMS"):
            as_instructor("dlcourse", "export", "canvas")
            with open(course / "course" / "grades" / "canvas.csv", newline="") as file:
                rows = list(csv.reader(file))
            assert rows[1] == ["Points Possible", "", "", "", "", f"{maximum:g}"]
            got = {row[3]: (row[0], row[1], row[5]) for row in rows[2:]}
            assert got == {
                s.name: (f"No{n}, Student", str(1000 + n), f"{x:g}")
                for n, (s, x) in enumerate(zip(students, scores, strict=True), 1)
            }
    finally:
        with phases("stop and remove everything"):
            try:
                pool.shutdown(wait=True)
                if server:
                    server.stop()
            finally:
                users.remove()  # and every process of theirs: the servers, their kernels
                phases.unreaped = users.cpu_seconds
        phases.report()
