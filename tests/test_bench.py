"""dlcourse bench: measurements, how they are recorded, and the budgets they must meet."""

import shutil

import nbformat
import pytest

from dlcourse import bench, syllabus

from .notebooks import ROOT


def test_measure_reports_time_and_peak_memory_of_the_kernel(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell("block = bytearray(200 * 2**20)")]  # 200 MB
    nbformat.write(nb, tmp_path / "big.ipynb")
    result = bench.measure(tmp_path / "big.ipynb")
    assert result.seconds > 0
    assert result.peak_mb >= 200
    assert len(nbformat.read(tmp_path / "big.ipynb", as_version=4).cells) == 1, (
        "bench saves nothing"
    )


@pytest.fixture
def course_copy(tmp_path):
    (tmp_path / "course").mkdir()
    shutil.copy(ROOT / "course" / "syllabus.yml", tmp_path / "course")
    shutil.copy(ROOT / "README.md", tmp_path)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)  # names the repository
    return tmp_path


def test_record_writes_one_lesson_and_keeps_comments(course_copy):
    before = (course_copy / "course" / "syllabus.yml").read_text()
    line = bench.runtime_line(bench.Measurement(12.5, 300), bench.Measurement(4.0, 120))
    bench.record(course_copy, 2, line)
    bench.record(course_copy, 2, line)  # twice: replaced, not repeated
    bench.record_machine(course_copy, "2 CPU cores, 24 GB, no GPU")
    text = (course_copy / "course" / "syllabus.yml").read_text()
    assert text.count(line) == 1
    assert text.splitlines()[:3] == before.splitlines()[:3], "comments at the top are kept"
    lesson = {x.number: x for x in syllabus.load(course_copy)}[2]
    assert lesson.runtime == {
        "lecture_s": 12.5,
        "lecture_peak_mb": 300,
        "assignment_s": 4.0,
        "assignment_peak_mb": 120,
    }
    assert syllabus.measured_on(course_copy).startswith("2 CPU cores, 24 GB, no GPU, ")
    syllabus.update_readme(course_copy)
    assert (
        "Run times: full mode, measured by `dlcourse bench` on 2 CPU cores"
        in (course_copy / "README.md").read_text()
    )


def test_record_of_an_unknown_lesson_is_refused(course_copy):
    with pytest.raises(ValueError, match="No lesson 42"):
        bench.record(course_copy, 42, "    runtime: {}")


@pytest.mark.parametrize("lesson", syllabus.ready(ROOT), ids=lambda x: f"lesson{x.number:02d}")
def test_ready_lesson_is_measured_and_within_budget(lesson):
    cost = lesson.runtime
    assert cost, (
        f"lesson {lesson.number} has no recorded run time: run `dlcourse bench {lesson.number}`"
    )
    assert cost["lecture_s"] <= bench.LECTURE_SECONDS, f"lecture takes {cost['lecture_s']} s"
    assert cost["lecture_peak_mb"] < bench.LECTURE_PEAK_MB, (
        f"lecture peaks at {cost['lecture_peak_mb']} MB"
    )
    assert cost["assignment_s"] <= bench.ASSIGNMENT_SECONDS, (
        f"solution takes {cost['assignment_s']} s"
    )


def test_gpu_speedup_hides_the_gpus_for_the_cpu_run(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(bench, "measure", lambda path, fast=False, env=None: seen.append(env))
    bench.gpu_speedup(tmp_path / "lecture.ipynb")
    assert seen == [{"CUDA_VISIBLE_DEVICES": ""}, None]


def test_no_gpu_here_or_when_hidden(monkeypatch):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    assert bench.has_gpu() is False


@pytest.mark.slow
def test_grading_bench_times_both_graders_on_copies_that_earn_full_marks():
    sequential, parallel = bench.grading_ratio("a01", submissions=1, workers=2)
    assert sequential > 0 and parallel > 0


@pytest.mark.parametrize(("parallel", "code", "verdict"), [(5.0, 0, "within"), (7.0, 1, "over")])
def test_grading_bench_exits_1_over_its_ratio_budget(monkeypatch, capsys, parallel, code, verdict):
    monkeypatch.setattr(bench, "grading_ratio", lambda *args, **kw: (10.0, parallel))
    from dlcourse import cli

    assert cli.main(["bench", "--grading", "a01"]) == code
    assert f"{verdict} the {bench.GRADING_RATIO} budget" in capsys.readouterr().out


def test_a_void_grading_bench_is_refused(tmp_path):
    from dlcourse.grading import Result

    (tmp_path / "course").mkdir()
    with pytest.raises(RuntimeError, match="void"):
        bench._check_full_marks(tmp_path, "a01", ["s1"], [Result("s1", 0.0, 28.0)])
