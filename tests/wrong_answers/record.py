"""Record which test cells each wrong answer loses, graded alone: ``WRONG_LOSES`` in aNN.py.

    .venv/bin/python -m tests.wrong_answers.record a05 [a06 ...]

``tests/test_assignments.py`` hands wrong answers in packed together (to keep the
suite fast), and checks that each loses the points of the test cells recorded
here; answers whose recorded cells overlap never share a hand-in, so each lost
point is the work of one answer.  Run this after adding or changing a wrong
answer or a test cell; it grades every wrong answer of the assignment alone.
"""

import io
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

from dlcourse import grading, release

ROOT = Path(__file__).resolve().parents[2]
START = "# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---"


def lost_cells(assignment, wrong):
    """``{label: sorted test cells scoring below their points}`` for each answer, graded alone."""
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        (tmp / "course").mkdir()
        for name in ("nbgrader_config.py", "course/nbgrader_config.py", "course/syllabus.yml"):
            shutil.copy(ROOT / name, tmp / name)
        shutil.copytree(ROOT / "solutions" / assignment, tmp / "solutions" / assignment)
        kept = grading.prepare(ROOT, assignment)
        shutil.copytree(kept, tmp / "course" / "cache" / kept.name)
        for label, cells in wrong.items():
            folder = tmp / "submitted" / label / assignment
            folder.mkdir(parents=True)
            for source_path in sorted((tmp / "solutions" / assignment).glob("*.ipynb")):
                released = nbformat.read(kept / "release" / source_path.name, as_version=4)
                source = nbformat.read(source_path, as_version=4)
                handed_in = release.solved_submission(released, source, cells)
                nbformat.write(handed_in, folder / source_path.name)
        results = grading.grade(
            assignment,
            tmp / "submitted",
            root=tmp,
            workers=2,
            stream=io.StringIO(),
            feedback=False,
        )
        points = grading.max_points(f"sqlite:///{tmp / 'course' / 'gradebook.db'}", assignment)
    return {
        r.student: sorted(
            cell for key, cell in points if r.cells[(key, cell)] < points[(key, cell)]
        )
        for r in results
    }


def write(assignment, lost):
    path = ROOT / "tests" / "wrong_answers" / f"{assignment}.py"
    text = path.read_text(encoding="utf-8")
    text = text.split(f"\n\n{START}")[0].rstrip("\n")
    lines = [
        f"    {json.dumps(label)}: {json.dumps(cells)}," for label, cells in sorted(lost.items())
    ]
    block = "\n".join([START, "WRONG_LOSES = {", *lines, "}"])
    path.write_text(f"{text}\n\n\n{block}\n", encoding="utf-8")


def main(assignments):
    from tests.test_assignments import answers

    for assignment in assignments:
        if not re.fullmatch(r"a\d\d", assignment):
            raise SystemExit(f"expected assignment ids like a05, got {assignment!r}")
        wrong = {label: entry["cells"] for label, entry in answers(assignment)[0].items()}
        lost = lost_cells(assignment, wrong)
        empty = [label for label, cells in lost.items() if not cells]
        if empty:
            raise SystemExit(f"{assignment}: these wrong answers lose no points: {empty}")
        write(assignment, lost)
        print(f"{assignment}: recorded {len(lost)} wrong answers")


if __name__ == "__main__":
    main(sys.argv[1:])
