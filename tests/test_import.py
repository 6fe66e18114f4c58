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
