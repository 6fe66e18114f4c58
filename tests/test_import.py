"""`import helpers` must be instant and must not drag in TensorFlow."""

import subprocess
import sys

CODE = """
import sys, time
start = time.perf_counter()
import helpers
elapsed = time.perf_counter() - start
heavy = [m for m in ("tensorflow", "keras", "matplotlib", "sklearn", "numpy") if m in sys.modules]
print(elapsed, ",".join(heavy))
"""


def test_import_helpers_is_fast_and_light():
    # The best of three runs in fresh interpreters, so a busy machine does not fail it.
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
        )
        elapsed, heavy = out.stdout.split()[0], (out.stdout.split() + [""])[1]
        runs.append(float(elapsed))
        assert heavy == "", f"import helpers imported {heavy}"
    assert min(runs) < 0.3, f"import helpers took {min(runs):.3f} s"


def test_submodules_load_on_first_use():
    code = "import helpers, sys; helpers.checks; print('helpers.checks' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def _imported_modules(path):
    """Every module a Python file imports, at any depth (``from . import x`` as ``.x``)."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def test_the_student_package_never_imports_the_instructors_tools():
    from pathlib import Path

    import helpers

    offenders = {
        f"{path.name} imports {name}"
        for path in sorted(Path(helpers.__file__).parent.rglob("*.py"))
        for name in _imported_modules(path)
        if name == "dlcourse" or name.startswith(("dlcourse.", "nbgrader", "psutil", "nbclient"))
    }
    assert not offenders, (
        "helpers is what students install and import: the instructors' tools (dlcourse, "
        f"nbgrader, nbclient, psutil) stay out of it: {sorted(offenders)}"
    )


def test_import_helpers_loads_no_grading_code():
    code = (
        "import helpers, sys; helpers.setup(quiet=True); "
        "print(sorted(m for m in sys.modules if m.startswith(('dlcourse', 'nbgrader'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
