"""A finished worker's files, read into a :class:`~dlcourse.grading.records.Result`.

:func:`read` takes the record the worker sent (none if it did not end on its
own), what it left in its working copy (its copy of the gradebook, written by
nbgrader after the student's code was stopped, and the graded notebooks) and
what the orchestrator saw (a limit it was stopped for, the seconds it took),
and returns the score of every
grade cell, clamped to the points the real gradebook allows, a status, and a
reason from the one table of :data:`~dlcourse.grading.records.FAILURES`.  It
trusts nothing the worker wrote: anything unreadable scores zero, with a reason.
"""

import json
import re

from dlcourse.grading.records import (
    CRASHED,
    FAILED,
    FAILURES,
    GRADED,
    NO_GRADES,
    UNKNOWN,
    Result,
)


def read(work, assignment, student, points, record, stopped="", seconds=0.0):
    """The result of the worker that graded ``student`` in ``work``.

    ``points`` are the grade cells' points from the course's own gradebook;
    ``record`` is what the worker reported (``{}`` if nothing came);
    ``stopped`` says why the orchestrator stopped the worker, if it did.
    """
    result = Result.zero(student, points)
    result.seconds = seconds
    info = record if isinstance(record, dict) else {}
    isolated = info.get("isolated")
    result.isolated = isolated if isinstance(isolated, dict) else {}
    if stopped:
        result.status, result.reason = FAILED, stopped
    elif info.get("success") != "True":
        result.status = FAILED
        result.reason = _why(info.get("log", ""), info.get("error", "")) if info else CRASHED
    if result.status == GRADED:
        try:
            result.cells |= _scores(work, assignment, student, points)
        except Exception:  # an unreadable worker gradebook scores zero
            result.status, result.reason = FAILED, NO_GRADES
    result.score = sum(result.cells.values())
    log = info.get("log", "")
    if result.status == GRADED and any(s in log for f in FAILURES for s in f.signs):
        result.reason = _why(log, "")
    result.errors = _errors_in_outputs(work, assignment, student)
    result.reason = result.reason or _from_errors(result.errors)
    return result


def _scores(work, assignment, student, points):
    """The worker's scores, each clamped to the points the real gradebook allows."""
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{work / 'course' / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                key = (notebook.name, grade.name)
                if key in points and grade.auto_score is not None:
                    scores[key] = max(0.0, min(float(grade.auto_score), points[key]))
    return scores


def _why(log, error):
    """A short reason read from nbgrader's log of a failed or odd run."""
    text = f"{error}\n{log}"
    for failure in FAILURES:
        if re.search(failure.pattern, text, re.IGNORECASE):
            return failure.reason
    lines = [line for line in error.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else UNKNOWN


def _executed_outputs(work, assignment, student):
    folder = work / "course" / "autograded" / student / assignment
    return {p.name: p for p in folder.glob("*.ipynb")} if folder.is_dir() else {}


def _errors_in_outputs(work, assignment, student):
    """``(notebook, cell, error name)`` for every cell that raised, as the graded notebooks show.

    A cell is named by its nbgrader id, or ``cell N`` (counting from 0) when it has none.
    """
    errors = []
    for name, path in sorted(_executed_outputs(work, assignment, student).items()):
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        for index, cell in enumerate(cells):
            cell_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    errors.append((name, cell_id or f"cell {index}", output.get("ename", "")))
    return errors


def _from_errors(errors):
    """The reason a run went wrong, read from the errors the graded notebooks recorded."""
    names = {ename for _, _, ename in errors}
    return next((f.reason for f in FAILURES if f.error and f.error in names), "")
