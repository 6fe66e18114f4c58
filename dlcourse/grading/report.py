"""Where results go: the course's gradebook, feedback pages, the CSV, the terminal.

Only the orchestrator calls these, one result at a time as workers finish
(:func:`to_gradebook`, :func:`feedback_page`, :meth:`Progress.step`), then once
for the batch (:func:`write_csv`, :func:`summary`).  The course's gradebook and
the CSV keep every other student's entry: re-grading one student changes that
student's row alone.
"""

import contextlib
import csv
import html
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from dlcourse.grading.records import GRADED, GradeError
from dlcourse.grading.sandbox import isolation_summary


def to_gradebook(gradebook_url, assignment, result):
    """Write one result into the course's gradebook (only this process writes it).

    Returns True if the gradebook held other scores for the result's cells, which
    only matters once the result was written before (:func:`confirm`).
    """
    import warnings

    from nbgrader.api import Gradebook

    _refuse_triggers(gradebook_url)
    changed = False
    with warnings.catch_warnings(), Gradebook(gradebook_url) as gradebook:
        warnings.simplefilter("ignore")  # SQLAlchemy's notes on nbgrader's session use
        gradebook.update_or_create_student(result.student)
        gradebook.update_or_create_submission(assignment, result.student)
        for (notebook, cell), points in result.cells.items():
            grade = gradebook.find_grade(cell, notebook, assignment, result.student)
            changed |= grade.auto_score != points or grade.needs_manual_grade
            grade.auto_score = points
            grade.needs_manual_grade = False
        gradebook.db.commit()
    return changed


def confirm(gradebook_url, assignment, results):
    """Once every worker has ended: write the results again, noting any that had changed.

    A student's code that ran as the grading user could reach the course's
    gradebook through another process of that user; what it changed in this run's
    results is undone, and said in the result's reason.
    """
    for result in results:
        if to_gradebook(gradebook_url, assignment, result):
            note = "its gradebook entry was changed during grading and has been rewritten"
            result.reason = "; ".join(filter(None, [result.reason, note]))


def _refuse_triggers(gradebook_url):
    """Stop at a gradebook holding a trigger or a view: nbgrader makes neither."""
    path = gradebook_url.removeprefix("sqlite:///")
    read_only = f"{Path(path).resolve().as_uri()}?mode=ro"  # a URI: any path, only read
    with contextlib.closing(sqlite3.connect(read_only, uri=True)) as db:
        kinds = "type IN ('trigger', 'view')"
        found = db.execute(f"SELECT type, name FROM sqlite_master WHERE {kinds}").fetchall()
    if found:
        named = ", ".join(f"the {kind} {name}" for kind, name in found)
        raise GradeError(
            f"The course's gradebook ({path}) holds {named}, which nbgrader never makes, "
            "so something changed it outside nbgrader and scores written there could be "
            "rewritten. Grading stopped: restore the gradebook from a backup, or remove "
            "them, and grade again."
        )


def feedback_page(root, work, assignment, result, submission):
    """The feedback pages of one submission, one for each notebook the student handed in.

    ``nbgrader fetch_feedback`` looks for a page under the name of each notebook the
    student handed in, so nbgrader's page for a notebook graded under another name goes
    back under the handed-in one, and a notebook with no page (not gradable, or not one
    of the assignment's) gets one that says why.  The submission's EXCHANGE_FILES go
    beside them, for ``release_feedback``.
    """
    target = root / "course" / "feedback" / result.student / assignment
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    made = work / "course" / "feedback" / result.student / assignment if work else None
    pages = {p.stem: p for p in sorted(made.glob("*.html"))} if made and made.is_dir() else {}
    handed_in = submission.handed_in or {f"{stem}.ipynb": f"{stem}.ipynb" for stem in pages}
    for name, graded_as in handed_in.items():
        page, out = pages.get(Path(graded_as).stem), target / f"{Path(name).stem}.html"
        if page:
            shutil.copy(page, out)
        else:
            out.write_text(_page_without_grades(assignment, result, name, graded_as), "utf-8")
    if not handed_in:
        page = _page_without_grades(assignment, result, "", "")
        (target / f"{assignment}.html").write_text(page, encoding="utf-8")
    for name, text in submission.exchange.items():
        (target / name).write_text(text, encoding="utf-8")


def _page_without_grades(assignment, result, name, graded_as):
    """A feedback page for a notebook nbgrader wrote none for: the score and why."""
    if result.status == GRADED and not graded_as:
        why = f"{name} is not one of this assignment's notebooks, so it was not graded."
    else:
        why = f"Your submission could not be graded: {result.reason or 'no grades were recorded'}."
    return (
        "<!doctype html><meta charset='utf-8'>"
        f"<title>{html.escape(assignment)}: {html.escape(result.student)}</title>"
        f"<h1>{html.escape(assignment)}</h1><p>Student: {html.escape(result.student)}</p>"
        f"<p>Score: {result.score:g} / {result.max_score:g}</p><p>{html.escape(why)}</p>"
    )


def _columns(points):
    return [cell if len({nb for nb, _ in points}) == 1 else f"{nb}:{cell}" for nb, cell in points]


def write_csv(path, points, results):
    """Write (or update, keeping other students' rows) the grades CSV; rows sorted by student."""
    rows = {}
    if path.exists():
        with open(path, newline="", encoding="utf-8") as file:
            rows = {row["student"]: row for row in csv.DictReader(file)}
    header = ["student", "score", "max_score", *_columns(points), "status", "reason"]
    for result in results:
        row = {
            "student": result.student,
            "score": f"{result.score:g}",
            "max_score": f"{result.max_score:g}",
        }
        row |= {
            name: f"{result.cells[key]:g}"
            for name, key in zip(_columns(points), points, strict=True)
        }
        rows[result.student] = row | {"status": result.status, "reason": result.reason}
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for student in sorted(rows):
            writer.writerow(rows[student])


class Progress:
    """``[#####     ] 10/20 graded, about 15 s left`` on a terminal; a line each elsewhere."""

    def __init__(self, total, stream=None):
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.stream = stream or sys.stderr

    def step(self, result):
        self.done += 1
        elapsed = time.monotonic() - self.start
        left = elapsed / self.done * (self.total - self.done)
        bar = "#" * round(20 * self.done / self.total)
        line = f"[{bar:<20}] {self.done}/{self.total} graded, about {left:.0f} s left"
        if self.stream.isatty():
            self.stream.write(f"\r{line}" + ("\n" if self.done == self.total else ""))
        else:
            score = f"{result.student}: {result.score:g}/{result.max_score:g}"
            self.stream.write(f"{line} ({score})\n")
        self.stream.flush()


def summary(results):
    """Counts of full marks, partial, zero and failures by reason, as text."""
    graded = [r for r in results if r.status == GRADED]
    full = sum(r.score == r.max_score > 0 for r in graded)
    partial = sum(0 < r.score < r.max_score for r in graded)
    zero = sum(r.score == 0 for r in graded)
    lines = [f"{len(results)} submissions: {full} full marks, {partial} partial, {zero} zero"]
    failures = {}
    for r in results:
        if r.status != GRADED:
            failures.setdefault(r.reason, []).append(r.student)
    for reason, students in sorted(failures.items()):
        lines.append(f"  {len(students)} not graded ({reason}): {', '.join(students)}")
    ran = [r.isolated for r in results if r.isolated]
    if ran:
        lines.append(isolation_summary(ran))
    return "\n".join(lines)
