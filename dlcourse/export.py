"""``dlcourse export``: the gradebook's scores as a CSV file an LMS imports.

Reads nbgrader's gradebook (``course/gradebook.db``): every student, every
assignment, the points each scored (after nbgrader's late penalty, as its own
``nbgrader export`` computes them) out of the assignment's maximum.  A student
with no submission gets an empty cell, which both LMSs read as "no grade", not
as zero; ``missing_as_zero`` writes 0 instead.  Students' LMS identifiers come
from nbgrader's student records (``id``, ``first_name``, ``last_name``,
``email``, ``lms_user_id``), which ``nbgrader db student import roster.csv`` fills.

**Canvas** (Grades > Import).  The columns of Canvas's own gradebook export:
``Student`` ("Last, First"), ``ID`` (the Canvas user id: nbgrader's
``lms_user_id``), ``SIS User ID``, ``SIS Login ID`` (nbgrader's student id: the
hub's user name, usually the university login), ``Section``, then one column
per assignment, and a second row ``Points Possible`` with each maximum.  Canvas
finds a student by any of Student, ID, SIS User ID or SIS Login ID; a new
column name becomes a new assignment.  Format: Canvas's importer fixtures
(``spec/fixtures/gradebooks/*.csv`` in instructure/canvas-lms, and its
GradebookImporter spec, "Lookup with either Student Name, ID, SIS User ID, or
SIS Login ID"); Ohio State's guide "Import a CSV file to Carmen Grades"
(teaching.resources.osu.edu) lists the same required columns.

**Moodle** (Grades > Import > CSV file).  A header row, then one row per
student; on import the instructor maps one column to a user field ("Map from"
/ "Map to": ``Email address`` to useremail, ``ID number`` to useridnumber,
``Username`` to username) and each other column to a grade item or a new one
(docs.moodle.org, "Grade import").  The columns are those of Moodle's own CSV
export (``First name``, ``Last name``, ``ID number``, ``Email address``, as in
moodle/moodle ``grade/import/csv/tests``), plus ``Username``, then one column
per assignment.  An empty grade cell imports as no grade.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

LMS = ("canvas", "moodle")
CANVAS_IDS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_IDS = ["First name", "Last name", "ID number", "Email address", "Username"]


@dataclass
class Row:
    """One student: nbgrader's record and a score (or None) per assignment."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    lms_user_id: str = ""
    scores: dict = field(default_factory=dict)


def _points(value):
    """``25``, ``12.5``: points as an LMS reads them; "" for no grade."""
    return "" if value is None else f"{round(value, 2):g}"


def read(gradebook, assignments=None, missing_as_zero=False):
    """``(maxima, rows)`` from the gradebook at ``gradebook`` (a path).

    ``maxima`` maps each assignment (all, or those named, in that order) to its
    maximum; ``rows`` holds every student, sorted by id.
    """
    import warnings

    from nbgrader.api import Gradebook, MissingEntry

    path = Path(gradebook)
    if not path.is_file():
        raise FileNotFoundError(f"No gradebook at {path}: grade an assignment first.")
    with warnings.catch_warnings(), Gradebook(f"sqlite:///{path.resolve()}") as book:
        warnings.simplefilter("ignore")  # SQLAlchemy's notes on nbgrader's session use
        maxima = _maxima(book, assignments, path)
        rows = []
        for student in sorted(book.students, key=lambda s: s.id):
            row = Row(
                student.id,
                first_name=student.first_name or "",
                last_name=student.last_name or "",
                email=student.email or "",
                lms_user_id=student.lms_user_id or "",
            )
            for name in maxima:
                try:
                    submission = book.find_submission(name, student.id)
                except MissingEntry:
                    row.scores[name] = 0.0 if missing_as_zero else None
                    continue
                penalty = submission.late_submission_penalty or 0.0
                row.scores[name] = max(0.0, submission.score - penalty)
            rows.append(row)
    return maxima, rows


def _maxima(book, assignments, path):
    known = {a.name: a.max_score for a in book.assignments}
    if not known:
        raise ValueError(f"The gradebook at {path} has no assignments yet: grade one first.")
    wanted = list(assignments or sorted(known))
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise ValueError(
            f"Unknown assignment {unknown[0]!r}: the gradebook has {', '.join(sorted(known))}."
        )
    return {name: known[name] for name in wanted}


def canvas(maxima, rows):
    """The rows of a Canvas gradebook import: header, Points Possible, one row a student."""
    points_possible = ["Points Possible"] + [""] * (len(CANVAS_IDS) - 1)
    lines = [CANVAS_IDS + list(maxima), points_possible + [_points(m) for m in maxima.values()]]
    for row in rows:
        name = ", ".join(filter(None, [row.last_name, row.first_name])) or row.id
        lines.append([name, row.lms_user_id, "", row.id, ""] + _scores(row, maxima))
    return lines


def moodle(maxima, rows):
    """The rows of a Moodle grade import: header, then one row a student."""
    lines = [MOODLE_IDS + list(maxima)]
    for row in rows:
        ids = [row.first_name, row.last_name, row.lms_user_id, row.email, row.id]
        lines.append(ids + _scores(row, maxima))
    return lines


def _scores(row, maxima):
    return [_points(row.scores[name]) for name in maxima]


def export(lms, gradebook, target, assignments=None, missing_as_zero=False):
    """Write the CSV file for ``lms`` (canvas or moodle) at ``target``; return how many students."""
    if lms not in LMS:
        raise ValueError(f"Unknown LMS {lms!r}: expected one of {', '.join(LMS)}.")
    maxima, rows = read(gradebook, assignments, missing_as_zero)
    lines = (canvas if lms == "canvas" else moodle)(maxima, rows)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(lines)
    return len(rows)
