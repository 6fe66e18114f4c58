"""The generated assignment: made by nbgrader in this process, kept, copied per worker.

:func:`generate` is the one way the course generates an assignment (nbgrader's
``generate_assignment``, through its Python API): ``dlcourse release`` writes
``assignments/`` with it, and :func:`prepare` makes the copy that grading and
the drift check (``dlcourse release --check``) use, so the check tests the very
path that writes ``assignments/``.  :func:`prepare` keeps its result under
``course/cache/`` until the sources change; each grading run copies it
(:func:`scratch_copy`), brings the course's gradebook up to date
(:func:`course_gradebook`) and gives every submission a working copy of its own
(:func:`workspace`).
"""

import functools
import re
import shutil
import tempfile
from pathlib import Path

from dlcourse.grading.records import GradeError
from dlcourse.grading.startup import lighter_imports


def nbgrader_api(course, **settings):
    """nbgrader's Python API on the course at ``course``, in this process (no start-up cost).

    ``settings`` override the course's configuration, as ``Section__key=value``.
    """
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader(
        "nbgrader_config.py", path=str(Path(course).resolve())
    ).load_config()
    for name, value in settings.items():
        section, key = name.split("__")
        config[section][key] = value
    return NbGraderAPI(config=config)


def generate(course, assignment, **settings):
    """Generate ``assignment`` of the course at ``course``: its release and its gradebook entry.

    Writes the release directory of the course's configuration (``assignments/``)
    unless ``settings`` name another; raises :class:`GradeError` if nbgrader fails.
    """
    lighter_imports()
    _gradebook_version_read_here()
    outcome = nbgrader_api(course, **settings).generate_assignment(assignment, force=True)
    if not outcome["success"]:
        raise GradeError(
            f"nbgrader could not generate {assignment}:\n{outcome.get('error', '')[-2000:]}"
        )


def _gradebook_version_read_here():
    """nbgrader reads the version it stamps on a new gradebook in this process, once.

    For every gradebook it creates, nbgrader runs ``alembic heads`` in a new
    Python: three seconds of processor time for a string that changes only with
    nbgrader.  alembic's API reads the same answer from the same migration
    scripts in this process.
    """
    import nbgrader.api
    from nbgrader.dbutil import ALEMBIC_DIR

    if getattr(nbgrader.api.get_alembic_version, "read_here", False):
        return

    @functools.cache
    def version():
        from alembic.script import ScriptDirectory

        return ScriptDirectory(ALEMBIC_DIR).get_current_head()

    version.read_here = True
    nbgrader.api.get_alembic_version = version


def _fingerprint(root, assignment):
    """A hash of everything the generated assignment depends on."""
    import hashlib

    import nbgrader

    digest = hashlib.sha256(f"nbgrader {nbgrader.__version__}\n".encode())
    source = root / "solutions" / assignment
    files = [root / "nbgrader_config.py", root / "course" / "nbgrader_config.py"]
    for path in files + sorted(p for p in source.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if "__pycache__" not in name and ".ipynb_checkpoints" not in name:
            digest.update(f"{name}\n".encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(root, assignment):
    """The generated assignment, made once and kept until its sources change.

    Returns a folder under ``course/cache/`` holding a scratch course whose
    gradebook knows the assignment and its hidden tests (``template/``: the
    source folder's data files, not the solutions) and the released notebooks
    (``release/``).  Like ``nbgrader generate_assignment`` before ``nbgrader
    autograde``, this is done once per assignment, not once per grading run.
    """
    root = Path(root)
    cache = root / "course" / "cache"
    kept = cache / f"{assignment}-{_fingerprint(root, assignment)}"
    if (kept / "done").exists() and (kept / "template" / "course" / "gradebook.db").exists():
        return kept
    cache.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{assignment}-", dir=cache))
    try:
        _build(root, assignment, building)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    for old in cache.glob(f"{assignment}-*"):  # an earlier version of the assignment
        if old != kept or not (old / "done").exists():  # a run that made it first uses it
            shutil.rmtree(old, ignore_errors=True)
    try:
        building.rename(kept)
    except OSError:  # another grading run got there first
        shutil.rmtree(building, ignore_errors=True)
    return kept


def _build(root, assignment, folder):
    template = folder / "template"
    (template / "course").mkdir(parents=True)
    shutil.copy(root / "nbgrader_config.py", template)
    shutil.copy(root / "course" / "nbgrader_config.py", template / "course")
    shutil.copytree(root / "solutions" / assignment, template / "solutions" / assignment)
    generate(template, assignment)
    shutil.move(template / "assignments" / assignment, folder / "release")
    shutil.rmtree(template / "assignments")
    for notebook in (template / "solutions" / assignment).glob("*.ipynb"):
        notebook.unlink()
    (folder / "done").touch()


def scratch_copy(root, assignment, scratch):
    """A scratch copy of the generated assignment, and the released notebooks."""
    import nbformat

    kept = prepare(root, assignment)
    template = Path(scratch) / "template"
    shutil.copytree(kept / "template", template)
    release = {
        p.name: nbformat.read(p, as_version=4) for p in sorted((kept / "release").glob("*.ipynb"))
    }
    return template, release


_IMPORTS_TENSORFLOW = re.compile(
    r"^\s*(import|from)\s+(tensorflow|keras)\b|import_tensorflow\(", re.MULTILINE
)


def uses_tensorflow(release):
    """True if a released notebook (``{name: notebook}``) imports TensorFlow or Keras."""
    return any(
        _IMPORTS_TENSORFLOW.search(cell.source)
        for notebook in release.values()
        for cell in notebook.cells
        if cell.cell_type == "code"
    )


def max_points(gradebook_url, assignment):
    """Points of every grade cell, from a gradebook no student code can reach."""
    from nbgrader.api import Gradebook

    with Gradebook(gradebook_url) as gradebook:
        found = gradebook.find_assignment(assignment)
        return {
            (nb.name, cell.name): cell.max_score
            for nb in found.notebooks
            for cell in nb.grade_cells
        }


def course_gradebook(root, template, assignment, points, scratch):
    """Make sure the course's gradebook knows the assignment as it is now; return its URL."""
    from nbgrader.api import MissingEntry

    path = root / "course" / "gradebook.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        shutil.copy(template / "course" / "gradebook.db", path)
        return url
    try:
        current = max_points(url, assignment) == points
    except MissingEntry:
        current = False
    if not current:  # first grading of this assignment, or it changed: update, leave assignments/
        generate(root, assignment, CourseDirectory__release_directory=str(scratch / "release"))
    return url


def workspace(template, scratch, submission, assignment):
    """A working copy of the scratch course for one submission, its notebooks handed in."""
    work = Path(scratch) / "work" / submission.student
    shutil.copytree(template, work)
    folder = work / "course" / "submitted" / submission.student / assignment
    folder.mkdir(parents=True)
    for name, text in submission.notebooks.items():
        (folder / name).write_text(text, encoding="utf-8")
    (work / "home").mkdir()
    return work
