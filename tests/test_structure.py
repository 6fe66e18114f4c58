"""What every notebook and the packaging promise: badges, setup, kernels, pins, lint."""

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from dlcourse import syllabus
from helpers import env

from .notebooks import REPO, ROOT, all_notebooks, launch_path, read

NOTEBOOKS = all_notebooks()
ABSOLUTE_PATH = re.compile(r"(/home/|/root/|/work/|/tmp/|/Users/|[A-Za-z]:\\\\Users)")


def lock():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=str)
def test_notebook_opens_with_badges_and_setup_cell(path):
    nb = read(ROOT / path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["metadata"]["kernelspec"]["language"] == "python"
    first, setup = nb["cells"][0], nb["cells"][1]
    title = "".join(first["source"])
    target = launch_path(path)
    assert first["cell_type"] == "markdown" and title.startswith("# ")
    assert f"https://colab.research.google.com/github/{REPO}/blob/main/{target}" in title
    assert f"https://mybinder.org/v2/gh/{REPO}/main?urlpath=lab/tree/{target}" in title
    code = "".join(setup["source"])
    assert setup["cell_type"] == "code"
    assert '"google.colab" in sys.modules' in code and "%pip install" in code
    assert "enable_custom_widget_manager()" in code
    assert "import helpers" in code and "helpers.setup()" in code


def test_every_notebook_opens_with_the_same_setup_cell():
    # The lectures run it on the Colab stand-in (tests/test_colab.py); the same cell
    # then works for every assignment too.
    cells = {"".join(read(ROOT / path)["cells"][1]["source"]) for path in NOTEBOOKS}
    assert len(cells) == 1, f"{len(cells)} different setup cells; every notebook uses one"
    # Colab runs it before helpers is installed, so it names the repository itself:
    # the same one as pyproject.toml's Homepage, the one source of that name.
    assert f'repo = "https://github.com/{REPO}"' in cells.pop()


def test_the_repository_is_named_in_pyproject_only():
    named = {
        path.relative_to(ROOT).as_posix()
        for folder in ("helpers", "dlcourse")
        for path in (ROOT / folder).rglob("*.py")
        if REPO in path.read_text(encoding="utf-8")
    }
    assert not named, f"read the repository from pyproject.toml (syllabus.repository()): {named}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"https://github.com/{REPO}/actions" in readme


@pytest.mark.parametrize("path", NOTEBOOKS, ids=str)
def test_notebook_has_no_errors_or_absolute_paths(path):
    nb = read(ROOT / path)
    text = (ROOT / path).read_text(encoding="utf-8")
    assert not ABSOLUTE_PATH.search(text), f"{path} contains a machine-specific absolute path"
    errors = [
        o
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
        if o["output_type"] == "error"
    ]
    assert not errors, f"{path} was saved with an error output"
    if path.parts[0] != "lectures":
        outputs = [c for c in nb["cells"] if c["cell_type"] == "code" and c.get("outputs")]
        assert not outputs, f"{path}: assignment notebooks are committed without outputs"


@pytest.mark.parametrize("lesson", syllabus.ready(ROOT), ids=lambda x: x.lecture)
def test_lecture_is_committed_executed_in_order(lesson):
    nb = read(ROOT / lesson.lecture)
    counts = [c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(counts), f"{lesson.lecture} has cells that were never run"
    assert counts == sorted(counts) and counts[0] == 1, (
        f"{lesson.lecture} was not run top to bottom"
    )


@pytest.mark.parametrize("lesson", syllabus.ready(ROOT), ids=lambda x: x.lecture)
def test_check_yourself_answers_appear_only_when_asked_for(lesson):
    # Colab ignores hidden cells, so an answer in the notebook is an answer in plain view.
    # Run All on an untouched lecture reports every exercise as not written and goes on.
    cells = [c for c in read(ROOT / lesson.lecture)["cells"] if c["cell_type"] == "code"]
    sources = ["".join(c["source"]) for c in cells]
    checked = re.findall(r'^helpers\.checks\.check\("(\w+)"', "\n".join(sources), re.M)
    assert checked, f"{lesson.lecture} has no check-yourself exercise"
    for cell, source in zip(cells, sources, strict=True):
        assert not cell["metadata"].get("jupyter", {}).get("source_hidden"), (
            f"{lesson.lecture}: a hidden code cell: {source[:60]!r}"
        )
        text = "".join("".join(o.get("text", "")) for o in cell.get("outputs", []))
        assert "Well done" not in text, f"{lesson.lecture} shows an answer: {source[:60]!r}"
        if re.match(r"helpers\.checks\.check\(", source):
            assert text.startswith("⏳"), f"{lesson.lecture}: {source!r} printed {text!r}"
    for name in checked:
        assert f'\n# helpers.checks.answer("{name}")' in "\n".join(sources), (
            f"{lesson.lecture}: no commented-out helpers.checks.answer for {name}"
        )
    assert not re.search(r"^helpers\.checks\.answer", "\n".join(sources), re.M)


@pytest.mark.parametrize("lesson", syllabus.ready(ROOT), ids=lambda x: x.lecture)
def test_every_widget_leaves_a_static_picture(lesson):
    # Viewers without a widget manager (GitHub, nbviewer, a closed kernel) show the PNG.
    widget = "application/vnd.jupyter.widget-view+json"
    outputs = [o for c in read(ROOT / lesson.lecture)["cells"] for o in c.get("outputs", [])]
    widgets = [o for o in outputs if widget in o.get("data", {})]
    assert widgets, f"{lesson.lecture} has no interactive widget"
    for output in widgets:
        assert "image/png" in output["data"], f"a widget in {lesson.lecture} has no static figure"


@pytest.mark.parametrize("lesson", syllabus.ready(ROOT), ids=lambda x: x.lecture)
def test_figures_are_saved_as_pictures_not_text(lesson):
    for cell in read(ROOT / lesson.lecture)["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            text = "".join(data.get("text/plain", ""))
            if text.startswith("<Figure size"):
                assert "image/png" in data, f"{lesson.lecture}: a figure was saved as text: {text}"


def test_notebook_code_opens_no_file_outside_itself():
    # Colab opens one notebook alone: code may not reach into the repository.
    outside = re.compile(r"\.\./|(?<![\w.])(helpers|course|solutions|lectures|assignments|tests)/")
    for path in NOTEBOOKS:
        for cell in read(ROOT / path)["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                assert not outside.search(source), f"{path}: {source[:200]}"


def test_environment_yml_agrees_with_the_lock():
    spec = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in spec["dependencies"]
    pip = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    pins = lock()
    for requirement in pip:
        name, version = requirement.split("==")
        assert pins.get(name.lower().replace("_", "-")) == version, (
            f"{requirement} is not the locked version"
        )
    named = {r.split("==")[0].lower() for r in pip}
    for package in (
        "numpy",
        "tensorflow-cpu",
        "keras",
        "matplotlib",
        "ipywidgets",
        "jupyterlab",
        "nbgrader",
        "scikit-learn",
        "mlxtend",
    ):
        assert package in named, f"environment.yml lacks {package}"


def test_binder_installs_the_package_after_the_environment():
    post_build = (ROOT / "postBuild").read_text()
    assert post_build.startswith("#!") and "pip install --no-deps" in post_build
    assert (ROOT / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


def test_readme_binder_badge_opens_jupyterlab_on_the_course():
    readme = (ROOT / "README.md").read_text()
    assert f"https://mybinder.org/v2/gh/{REPO}/main?urlpath=lab/tree/README.md" in readme


def test_tested_versions_in_helpers_match_the_lock():
    pins = lock()
    for package, version in env.TESTED.items():
        if package == "python":
            assert sys.version.startswith(version)
            continue
        locked = pins.get(package) or pins.get(f"{package}-cpu")
        assert locked == version, f"helpers.env.TESTED[{package!r}] = {version}, lock has {locked}"


def test_named_stack_is_pinned():
    pins = lock()
    for package in (
        "jupyterlab",
        "ipywidgets",
        "numpy",
        "tensorflow-cpu",
        "keras",
        "matplotlib",
        "nbgrader",
        "nbval",
        "scikit-learn",
        "mlxtend",
    ):
        assert package in pins, f"{package} is not pinned in requirements.lock"
    major, minor, patch = (int(x) for x in pins["nbgrader"].split("."))
    assert (major, minor, patch) >= (0, 9, 6)
    assert pins["keras"].startswith("3.")


def test_readme_lists_every_lesson_and_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    table = syllabus.markdown_table(syllabus.load(ROOT))
    assert table in readme, "README's lesson table is stale: run `dlcourse lessons --update-readme`"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or shutil.which("ruff")
    done = subprocess.run(
        [ruff, "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-4000:]
    done = subprocess.run(
        [ruff, "format", "--check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, "run `ruff format .`:\n" + done.stdout[-4000:]


def test_workflows_pass_actionlint():
    actionlint = shutil.which("actionlint", path=str(ROOT / ".venv" / "bin")) or shutil.which(
        "actionlint"
    )
    assert actionlint, "actionlint is not installed (it comes with the test extra)"
    done = subprocess.run([actionlint, "-no-color"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
