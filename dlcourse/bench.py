"""What a lesson costs a student: wall time and the notebook kernel's peak memory.

``dlcourse bench`` runs each ready lecture and assignment solution in a fresh
kernel, measures both, and (in full mode) records them in ``course/syllabus.yml``
and the README's lesson table.  Tests hold the recorded figures to the budgets
below, so a lesson that grows too slow or too big for Binder fails the suite.
"""

import os
import platform
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# Budgets on a student's machine: 2 CPU cores, full mode (see README).
LECTURE_SECONDS = 300
LECTURE_PEAK_MB = 1536
ASSIGNMENT_SECONDS = 90
# dlcourse grade --workers 2 against sequential nbgrader autograde, on 2 cores.
GRADING_RATIO = 0.6

_PEAK_CELL = (
    "import resource\nprint('DLCOURSE_PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


@dataclass
class Measurement:
    """Seconds a notebook took and its kernel's peak resident memory in MB."""

    seconds: float
    peak_mb: float


def measure(path, fast=False, timeout=900, env=None):
    """Run the notebook at ``path`` in a fresh kernel (unsaved) and measure it."""
    import nbformat

    from dlcourse import notebooks

    notebook = notebooks.read(path)
    notebook.cells.append(nbformat.v4.new_code_cell(_PEAK_CELL))
    seconds = notebooks.run(notebook, Path(path).parent, fast=fast, timeout=timeout, env=env)
    text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
    peak = int(re.search(r"DLCOURSE_PEAK (\d+)", text).group(1))
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    peak_mb = peak / 2**20 if sys.platform == "darwin" else peak / 2**10
    return Measurement(round(seconds, 1), round(peak_mb))


def has_gpu():
    """True when an NVIDIA GPU is visible to this machine (no TensorFlow import)."""
    return Path("/dev/nvidia0").exists() and os.environ.get("CUDA_VISIBLE_DEVICES") != ""


def gpu_speedup(path, fast=False):
    """``(cpu, gpu)`` measurements of a notebook: run with its GPUs hidden, then with them."""
    return measure(path, fast=fast, env={"CUDA_VISIBLE_DEVICES": ""}), measure(path, fast=fast)


def machine():
    """A one-line description of this machine, for the README's table."""
    import psutil

    gpu = "GPU" if has_gpu() else "no GPU"
    memory = psutil.virtual_memory().total / 2**30
    system = f"{platform.system()} {platform.machine()}"
    return f"{os.cpu_count()} CPU cores, {memory:.0f} GB, {gpu}, {system}"


def runtime_line(lecture, assignment):
    """The syllabus line that records one lesson's measurements."""
    return (
        f"    runtime: {{lecture_s: {lecture.seconds}, lecture_peak_mb: {lecture.peak_mb:.0f}, "
        f"assignment_s: {assignment.seconds}, assignment_peak_mb: {assignment.peak_mb:.0f}}}"
    )


def record(root, number, line):
    """Write ``line`` as lesson ``number``'s runtime in course/syllabus.yml (comments kept)."""
    path = Path(root) / "course" / "syllabus.yml"
    text = path.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  - number: )", text)
    for i, block in enumerate(blocks):
        if re.match(rf"  - number: {number}\n", block):
            block = re.sub(r"(?m)^    runtime: .*\n", "", block)
            blocks[i] = re.sub(r"(?m)^(    datasets: .*\n)", rf"\g<1>{line}\n", block, count=1)
            break
    else:
        raise ValueError(f"No lesson {number} in {path}.")
    path.write_text("".join(blocks), encoding="utf-8")


def record_machine(root, description):
    """Write the machine the figures were measured on at the top of the syllabus."""
    path = Path(root) / "course" / "syllabus.yml"
    text = path.read_text(encoding="utf-8")
    line = f'measured_on: "{description}, {date.today().isoformat()}"\n'
    text = re.sub(r"(?m)^measured_on: .*\n", "", text)
    path.write_text(re.sub(r"(?m)^(lessons:\n)", line + r"\1", text, count=1), encoding="utf-8")


def grading_ratio(assignment, submissions=20, workers=2, root=None, stream=None):
    """Time ``dlcourse grade`` against plain sequential ``nbgrader autograde``, side by side.

    Both grade the same ``submissions`` copies of the solution in a scratch copy
    of the course.  Returns ``(sequential_seconds, parallel_seconds)``.
    """
    import shutil
    import tempfile
    import time

    import nbformat

    from dlcourse import grading, release, syllabus

    root = Path(root or syllabus.course_root())
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "lectures", "tests", "*.db", "grades", "feedback", "cache"
    )
    with tempfile.TemporaryDirectory(prefix="dlcourse-bench-") as scratch:
        scratch = Path(scratch)
        copies = {}
        for name in ("sequential", "parallel"):
            copies[name] = scratch / name
            shutil.copytree(root, copies[name], ignore=ignore)
        # Generating the assignment comes before grading in both: `nbgrader
        # generate_assignment` for nbgrader, the kept template for dlcourse grade.
        release.release(copies["sequential"], [assignment])
        grading.prepare(copies["parallel"], assignment)
        handed_in = {}
        for source in sorted((root / "solutions" / assignment).glob("*.ipynb")):
            released = nbformat.read(root / "assignments" / assignment / source.name, as_version=4)
            handed_in[source.name] = release.solved_submission(
                released, nbformat.read(source, as_version=4)
            )
        students = [f"student{i:03d}" for i in range(submissions)]
        for student in students:
            for name, notebook in handed_in.items():
                for folder in (
                    copies["sequential"] / "course" / "submitted" / student / assignment,
                    scratch / "submitted" / student / assignment,
                ):
                    folder.mkdir(parents=True, exist_ok=True)
                    nbformat.write(notebook, folder / name)
        start = time.perf_counter()
        release.nbgrader(copies["sequential"], "autograde", assignment, "--force")
        sequential = time.perf_counter() - start
        start = time.perf_counter()
        results = grading.grade(
            assignment,
            scratch / "submitted",
            root=copies["parallel"],
            workers=workers,
            stream=stream,
        )
        parallel = time.perf_counter() - start
        _check_full_marks(copies["sequential"], assignment, students, results)
    return sequential, parallel


def _check_full_marks(sequential_root, assignment, students, results):
    """Both graders must have given every copy of the solution full marks."""
    from nbgrader.api import Gradebook

    short = [r.student for r in results if r.status != "graded" or r.score < r.max_score]
    if not short and len(results) == len(students):
        url = f"sqlite:///{sequential_root / 'course' / 'gradebook.db'}"
        with Gradebook(url) as gradebook:
            found = {
                s.student.id: (s.score, s.max_score)
                for s in gradebook.find_assignment(assignment).submissions
            }
        short = [s for s in students if s not in found or found[s][0] < found[s][1]]
    if short or len(results) != len(students):
        raise RuntimeError(
            f"The benchmark is void: not every copy of the solution got full marks ({short})."
        )
