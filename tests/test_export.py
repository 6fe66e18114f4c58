"""dlcourse export: the gradebook's scores as the CSV file Canvas or Moodle imports.

A small gradebook made with nbgrader's API: two assignments, three students, one
with every submission, one who missed a02, one without names or LMS ids who
missed a01 and handed a02 in late.  The tests compare the exact lines each LMS
documents (see the module docstring of dlcourse/export.py).
"""

import os
import sys
import warnings

import pytest
from nbgrader.api import Gradebook

from dlcourse import cli, export

STUDENTS = {
    "ada": dict(first_name="Ada", last_name="Lovelace", email="ada@uni.edu", lms_user_id="1001"),
    "alan": dict(first_name="Alan", last_name="Turing", email="alan@uni.edu", lms_user_id="1002"),
    "grace": {},
}
# student -> assignment -> (points, late penalty); a pair that is missing was not handed in
SCORES = {"ada": {"a01": (25, 0), "a02": (20, 0)}, "alan": {"a01": (12.5, 0)}, "grace": {}}
SCORES["grace"]["a02"] = (9, 2)
MAXIMA = {"a01": 28, "a02": 20}


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "gradebook.db"
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy's notes on nbgrader's session use
        # nbgrader runs `alembic` for a new gradebook: find it beside this Python.
        patch.setenv("PATH", os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]]))
        with Gradebook(f"sqlite:///{path}") as book:
            for assignment, points in MAXIMA.items():
                book.add_assignment(assignment)
                book.add_notebook("tasks", assignment)
                book.add_grade_cell("test", "tasks", assignment, max_score=points, cell_type="code")
            for student, record in STUDENTS.items():
                book.add_student(student, **record)
                for assignment, (points, penalty) in SCORES[student].items():
                    book.add_submission(assignment, student)
                    book.find_grade("test", "tasks", assignment, student).auto_score = points
                    notebook = book.find_submission_notebook("tasks", assignment, student)
                    notebook.late_submission_penalty = penalty
            book.db.commit()
    return path


def lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_canvas_file_has_canvas_columns_points_possible_and_a_row_per_student(gradebook, tmp_path):
    export.export("canvas", gradebook, tmp_path / "canvas.csv")
    assert lines(tmp_path / "canvas.csv") == [
        "Student,ID,SIS User ID,SIS Login ID,Section,a01,a02",
        "Points Possible,,,,,28,20",
        '"Lovelace, Ada",1001,,ada,,25,20',
        '"Turing, Alan",1002,,alan,,12.5,',
        "grace,,,grace,,,7",
    ]


def test_moodle_file_has_moodle_identifier_columns_and_a_column_per_assignment(gradebook, tmp_path):
    export.export("moodle", gradebook, tmp_path / "moodle.csv")
    assert lines(tmp_path / "moodle.csv") == [
        "First name,Last name,ID number,Email address,Username,a01,a02",
        "Ada,Lovelace,1001,ada@uni.edu,ada,25,20",
        "Alan,Turing,1002,alan@uni.edu,alan,12.5,",
        ",,,,grace,,7",
    ]


def test_a_missing_submission_is_zero_only_when_asked(gradebook, tmp_path):
    export.export("canvas", gradebook, tmp_path / "zeros.csv", missing_as_zero=True)
    assert lines(tmp_path / "zeros.csv")[3:] == [
        '"Turing, Alan",1002,,alan,,12.5,0',
        "grace,,,grace,,0,7",
    ]
    export.export("moodle", gradebook, tmp_path / "zeros.csv", ["a02"], missing_as_zero=True)
    assert lines(tmp_path / "zeros.csv") == [
        "First name,Last name,ID number,Email address,Username,a02",
        "Ada,Lovelace,1001,ada@uni.edu,ada,20",
        "Alan,Turing,1002,alan@uni.edu,alan,0",
        ",,,,grace,7",
    ]


def test_bad_input_gets_a_sentence(gradebook, tmp_path):
    with pytest.raises(
        ValueError, match="Unknown LMS 'blackboard': expected one of canvas, moodle"
    ):
        export.export("blackboard", gradebook, tmp_path / "x.csv")
    with pytest.raises(ValueError, match="Unknown assignment 'a99': the gradebook has a01, a02"):
        export.export("canvas", gradebook, tmp_path / "x.csv", ["a99"])
    with pytest.raises(FileNotFoundError, match="No gradebook at .*: grade an assignment first"):
        export.export("canvas", tmp_path / "none.db", tmp_path / "x.csv")


def test_command_writes_the_file_and_says_where(gradebook, tmp_path, capsys):
    target = tmp_path / "grades" / "moodle.csv"
    code = cli.main(["export", "moodle", "a01", "--gradebook", str(gradebook), "-o", str(target)])
    assert code == 0
    assert lines(target)[0] == "First name,Last name,ID number,Email address,Username,a01"
    assert f"Wrote {target}: 3 students for moodle." in capsys.readouterr().out
    assert cli.main(["export", "canvas", "a99", "--gradebook", str(gradebook)]) == 2
    assert "Unknown assignment 'a99'" in capsys.readouterr().err
