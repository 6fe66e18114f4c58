"""The syllabus is the one lesson list: complete, consistent, and honest about status."""

import pytest

from dlcourse import syllabus

from .notebooks import ROOT

LESSONS = syllabus.load(ROOT)


def test_fifteen_lessons_in_order_with_unique_names():
    assert [lesson.number for lesson in LESSONS] == list(range(1, 16))
    assert len({lesson.slug for lesson in LESSONS}) == 15
    for lesson in LESSONS:
        assert lesson.lecture == f"lectures/{lesson.number:02d}_{lesson.slug}.ipynb"
        assert lesson.assignment == f"a{lesson.number:02d}"
        assert lesson.objectives, f"lesson {lesson.number} has no objectives"


def test_data_sets_named_in_the_syllabus_exist():
    from helpers import data

    for lesson in LESSONS:
        unknown = set(lesson.datasets) - set(data.names())
        assert not unknown, f"lesson {lesson.number} names unknown data sets {unknown}"


@pytest.mark.parametrize("lesson", LESSONS, ids=[f"lesson{x.number:02d}" for x in LESSONS])
def test_lesson_files_match_status(lesson):
    lecture = ROOT / lesson.lecture
    source = sorted((ROOT / lesson.solution_dir).glob("*.ipynb"))
    release = sorted((ROOT / lesson.release_dir).glob("*.ipynb"))
    if lesson.ready:
        assert lecture.is_file(), f"lesson {lesson.number} is ready but {lesson.lecture} is missing"
        assert source, (
            f"lesson {lesson.number} is ready but solutions/{lesson.assignment}/ has no notebook"
        )
        assert [p.name for p in release] == [p.name for p in source], (
            f"lesson {lesson.number}: assignments/{lesson.assignment}/ does not match solutions/"
        )
    else:
        assert not lecture.is_file(), f"{lesson.lecture} exists: mark lesson {lesson.number} ready"
        pytest.skip(
            f"lesson {lesson.number:02d} '{lesson.title}' is not yet written (status: planned)"
        )


def test_bad_status_is_refused(tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "syllabus.yml").write_text(
        "lessons:\n  - {number: 1, slug: x, title: X, status: done, objectives: [a],"
        " lecture: l, assignment: a01, datasets: []}\n"
    )
    with pytest.raises(ValueError, match="status 'done'; expected one of ready, planned"):
        syllabus.load(tmp_path)


def test_missing_field_is_refused(tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "syllabus.yml").write_text("lessons:\n  - {number: 1, slug: x}\n")
    with pytest.raises(ValueError, match="lesson 1 lacks title"):
        syllabus.load(tmp_path)
