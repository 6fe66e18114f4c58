"""The shape of the grading code: small modules, no import side effects, the worker apart.

Import side effects are checked in fresh interpreters: this one has long imported nbformat.
"""

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import dlcourse
from dlcourse import grading, prefork

PACKAGE = Path(dlcourse.__file__).parent
ROOT = PACKAGE.parent
MODULES = sorted(f"dlcourse.grading.{m.name}" for m in pkgutil.iter_modules(grading.__path__))

IMPORT_EACH = """
import json, sys
seen = {}
for name in ["dlcourse.grading", *NAMES]:
    __import__(name)
    seen[name] = sorted(m for m in ("rfc3987_syntax", "nbformat", "jsonschema", "nbgrader")
                        if m in sys.modules)
print(json.dumps(seen))
"""


def fresh_python(code):
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_grading_changes_nothing_in_the_process():
    seen = fresh_python(f"NAMES = {MODULES!r}\n{IMPORT_EACH}")
    assert seen == {name: [] for name in ["dlcourse.grading", *MODULES]}, seen


def test_a_grading_process_skips_jsonschemas_iri_parsers_when_it_asks():
    code = (
        "import json, sys\n"
        "from dlcourse.grading import startup\n"
        "startup.lighter_imports()\n"
        "print(json.dumps(sys.modules['rfc3987_syntax'] is None))\n"
    )
    assert fresh_python(code) is True
    # The fork server's first import asks, before anything there imports nbformat.
    assert prefork.PRELOAD[0] == "dlcourse.warmup"
    assert "lighter_imports()" in (PACKAGE / "warmup.py").read_text(encoding="utf-8")


def test_no_module_of_the_tools_or_the_students_package_is_over_400_lines():
    long = {
        path.relative_to(PACKAGE.parent).as_posix(): n
        for package in (PACKAGE, PACKAGE.parent / "helpers")
        for path in sorted(package.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, f"split these modules, one concern each: {long}"


def _grading_imports(path):
    """The grading modules a file imports, by their short names."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level:
            continue
        if node.module == "dlcourse.grading":
            found |= {alias.name for alias in node.names}
        elif node.module.startswith("dlcourse.grading."):
            found.add(node.module.split(".")[2])
    return found


def test_the_worker_imports_nothing_of_the_orchestrator():
    orchestrator = {"batch", "jobs", "intake", "outcome", "report"}
    imported = _grading_imports(PACKAGE / "grading" / "worker.py")
    assert imported and not imported & orchestrator, sorted(imported & orchestrator)


def test_the_fork_server_is_asked_for_tensorflow_by_notebooks_that_import_it():
    from nbformat import v4

    from dlcourse.grading import template

    def uses(code):
        notebook = v4.new_notebook(cells=[v4.new_code_cell(code)])
        return template.uses_tensorflow({"a.ipynb": notebook})

    assert uses("tf = helpers.training.import_tensorflow()")
    assert uses("import numpy as np\nimport keras") and uses("  from tensorflow import keras")
    assert not uses("import numpy as np\nprint('import keras in lesson 9')")
    assert not uses("import kerastuner") and not uses("")


def test_the_private_parts_of_multiprocessing_that_grading_uses_are_there():
    """jobs.context reads and replaces the fork server through these: a new Python keeps them."""
    from multiprocessing import forkserver

    server = forkserver._forkserver
    assert hasattr(server, "_forkserver_pid") and hasattr(server, "_stop")
    assert isinstance(server._preload_modules, list)


@pytest.mark.slow  # nbgrader's own way starts a Python: seconds
def test_a_generated_gradebook_carries_the_version_nbgrader_itself_would_stamp():
    import sqlite3

    from nbgrader.dbutil import _temp_alembic_ini

    from dlcourse.grading import template

    alembic = Path(sys.executable).with_name("alembic")
    with _temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:  # as nbgrader.api does
        heads = subprocess.run([alembic, "-c", ini, "heads"], capture_output=True, text=True)
    kept = template.prepare(ROOT, "a01")
    with sqlite3.connect(kept / "template" / "course" / "gradebook.db") as db:
        (found,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert heads.stdout.split() == [found, "(head)"], heads.stdout
