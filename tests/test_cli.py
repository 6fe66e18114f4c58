import subprocess
import sys

import pytest

from dlcourse import cli


def dlcourse(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "dlcourse.cli", *args], capture_output=True, text=True, cwd=cwd
    )


def test_check_prints_the_report():
    done = dlcourse("check", "--no-gpu")
    assert done.returncode == 0
    assert "tensorflow" in done.stdout and "mode:" in done.stdout


@pytest.mark.slow  # imports TensorFlow to look for a GPU
def test_check_with_the_gpu_shows_no_tensorflow_log_lines():
    done = dlcourse("check")
    assert done.returncode == 0 and "GPU: " in done.stdout
    assert done.stderr == "", f"TensorFlow's start-up log reached the report: {done.stderr}"


def test_lessons_lists_fifteen():
    done = dlcourse("lessons")
    assert done.returncode == 0 and len(done.stdout.strip().splitlines()) == 15


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["dance"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_outside_the_course_says_where_to_run(tmp_path, monkeypatch):
    monkeypatch.delenv("DLCOURSE_ROOT", raising=False)
    done = dlcourse("lessons", cwd=tmp_path)
    assert done.returncode == 2
    assert "No course/syllabus.yml" in done.stderr


def test_release_of_an_unknown_assignment_is_refused():
    done = dlcourse("release", "--check", "a99")
    assert done.returncode == 2 and "Unknown or not ready assignment 'a99'" in done.stderr


@pytest.mark.parametrize("command", [["release", "--check"], ["grade", "a01", "nowhere"]])
def test_a_missing_tool_library_is_a_sentence_with_the_install_command(command):
    code = (
        "import sys; sys.modules['nbgrader'] = None; sys.modules['nbclient'] = None\n"
        f"from dlcourse import cli; sys.exit(cli.main({command!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"dlcourse {command[0]} needs nbgrader, which is not installed here" in done.stderr
    assert 'pip install -e ".[lab]"' in done.stderr
