"""Instructor tools on top of nbgrader.

``release`` regenerates ``assignments/`` from ``solutions/`` with nbgrader's
``generate_assignment``; ``drift`` compares the committed release with a fresh
generation (the one ``dlcourse grade`` keeps, see ``grading.prepare``) and
lists every difference, so a test (and ``dlcourse release --check``) fails
when someone edited one side only.  Both generate the same way, in this process
(:func:`dlcourse.grading.template.generate`), so the check tests the very path
that writes ``assignments/``.  :func:`nbgrader` runs one of nbgrader's own
commands, as an instructor would type it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from dlcourse import syllabus
from dlcourse.grading import template


class GradingError(RuntimeError):
    """Raised when an nbgrader command could not run."""


def nbgrader(root, *args):
    """Run ``nbgrader ARGS`` in the course root; raise :class:`GradingError` on failure."""
    command = [sys.executable, "-m", "nbgrader", *args]
    # nbgrader runs `alembic` to open the gradebook: find it beside this Python.
    bin_dir = os.path.dirname(sys.executable)
    env = dict(os.environ, PATH=os.pathsep.join([bin_dir, os.environ.get("PATH", "")]))
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    # nbgrader may exit 0 after logging an error, so look at both.
    if done.returncode != 0 or "[ERROR]" in done.stderr:
        raise GradingError(f"`nbgrader {' '.join(args)}` failed:\n{done.stderr[-3000:]}")
    return done


def _assignment_ids(root, assignments):
    known = [lesson.assignment for lesson in syllabus.ready(root)]
    if not assignments:
        return known
    unknown = [a for a in assignments if a not in known]
    if unknown:
        raise ValueError(
            f"Unknown or not ready assignment {unknown[0]!r}; ready ones: {', '.join(known)}."
        )
    return list(assignments)


def release(root=None, assignments=()):
    """Generate the student version of each assignment (all ready ones by default).

    Replaces ``assignments/<id>/``; returns the list of assignment ids written.
    """
    root = Path(root or syllabus.course_root())
    ids = _assignment_ids(root, assignments)
    for assignment in ids:
        template.generate(root, assignment)
    return ids


def _files(folder):
    skip = {"gradebook.db", ".ipynb_checkpoints", "__pycache__"}
    return {
        p.relative_to(folder).as_posix(): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not skip.intersection(p.relative_to(folder).parts)
    }


def _same_file(a, b):
    if a.suffix == ".ipynb":
        return json.loads(a.read_text(encoding="utf-8")) == json.loads(
            b.read_text(encoding="utf-8")
        )
    return a.read_bytes() == b.read_bytes()


def drift(root=None, assignments=()):
    """Differences between the committed ``assignments/`` and a fresh release, as sentences."""
    root = Path(root or syllabus.course_root())
    problems = []
    for assignment in _assignment_ids(root, assignments):
        fresh = _files(template.prepare(root, assignment) / "release")
        committed = _files(root / "assignments" / assignment)
        for name in sorted(fresh.keys() - committed.keys()):
            problems.append(f"assignments/{assignment}/{name} is missing (run `dlcourse release`)")
        for name in sorted(committed.keys() - fresh.keys()):
            problems.append(f"assignments/{assignment}/{name} has no source in solutions/")
        for name in sorted(fresh.keys() & committed.keys()):
            if not _same_file(fresh[name], committed[name]):
                problems.append(
                    f"assignments/{assignment}/{name} differs from what solutions/ generates "
                    "(run `dlcourse release`)"
                )
    return problems


MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def solved_submission(release, source, replace=None):
    """The release notebook as a student who knew the solution would hand it in.

    Each solution cell gets the source notebook's code without nbgrader's
    markers, or the code in ``replace`` (a dict from ``grade_id`` to source),
    which is how tests write plausible wrong answers.
    """
    import copy

    def grade_id(cell):
        return cell.metadata.get("nbgrader", {}).get("grade_id")

    def is_solution(cell):
        return cell.metadata.get("nbgrader", {}).get("solution", False)

    answers = {
        grade_id(c): "\n".join(
            line for line in c.source.splitlines() if line.strip() not in MARKERS
        )
        for c in source.cells
        if is_solution(c)
    }
    answers.update(replace or {})
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        if is_solution(cell) and grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return filled
