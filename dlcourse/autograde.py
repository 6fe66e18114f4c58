"""Autograde a class's submissions: in parallel, each in isolation, nothing lost.

``dlcourse grade a01 submissions/`` builds on nbgrader (its gradebook, its
autograde preprocessors, its feedback) and adds what a class of hundreds needs:

* every submission is graded in **its own process**, N at a time, in **its own
  working copy** with its own copy of the gradebook, under a wall-clock timeout
  and a memory cap; on Linux each worker also gets a private view of the file
  system in which the course folder and the submissions are read-only and the
  other students' working copies do not exist, so student code can write
  neither the course's gradebook nor another student's files; it also gets a
  private, empty ``/tmp`` and no network (:func:`isolate`);
* only this process writes the course's gradebook (``course/gradebook.db``),
  after a worker has finished and everything it started has been stopped;
* every student gets a score, a status and a reason in the CSV, and a feedback
  page, whatever their notebook did: a broken submission never stops the batch;
* start-up is paid once, not per notebook: the generated assignment is kept
  (:func:`prepare`), workers fork from a server that has imported nbgrader,
  IPython, NumPy and matplotlib, and kernels fork from the worker
  (:mod:`dlcourse.prefork`).

What it does not protect against: student code can read what its own kernel can
read, which includes the notebook being graded with its hidden tests, so hidden
tests keep honest students honest rather than stopping a determined cheat.
"""

import csv
import html
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dlcourse import prefork, syllabus

# jsonschema, under nbformat, builds some 35 parsers at import time for an "iri"
# format that no notebook schema uses: a second of start-up for every grading
# process (python-jsonschema/jsonschema#1428).  Grading does without it.
sys.modules.setdefault("rfc3987_syntax", None)

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")


class GradeError(RuntimeError):
    """Grading could not run at all (bad arguments, unknown assignment)."""


@dataclass
class Submission:
    """One student's hand-in: the notebooks found and anything wrong with them."""

    student: str
    notebooks: dict = field(default_factory=dict)  # expected name -> notebook JSON text
    notes: list = field(default_factory=list)  # what was fixed on the way (renamed, upgraded)
    problem: str = ""  # why it cannot be graded at all


@dataclass
class Result:
    """A graded submission, as it goes into the CSV and the gradebook."""

    student: str
    score: float = 0.0
    max_score: float = 0.0
    cells: dict = field(default_factory=dict)  # (notebook, grade cell) -> points
    status: str = "graded"
    reason: str = ""
    seconds: float = 0.0
    isolated: dict = field(default_factory=dict)  # protection -> "" if it held, or why not
    errors: list = field(default_factory=list)  # (notebook, cell, error name) per raising cell


# --- reading what students handed in ------------------------------------------------


def _safe_extract(archive, folder):
    """Unpack a zip without letting a member escape ``folder``."""
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            target = (folder / member.filename).resolve()
            if not target.is_relative_to(folder.resolve()) or member.is_dir():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipped.open(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)


def read_notebook(path):
    """``(text, note, problem)``: the notebook as nbformat-4 JSON text, or why not."""
    import nbformat

    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "", "the file is not UTF-8 text"
    try:
        version = json.loads(text).get("nbformat")
        notebook = nbformat.reads(text, as_version=4)
    except (ValueError, AttributeError, KeyError, TypeError) as error:
        return None, "", f"not a valid notebook ({type(error).__name__})"
    note = f"upgraded from nbformat {version}" if version != 4 else ""
    return nbformat.writes(notebook), note, ""


def _student_folders(folder, assignment):
    """Map student -> folder of notebooks for nbgrader's ``<student>/<assignment>/`` layout."""
    if (folder / "submitted").is_dir():
        folder = folder / "submitted"
    found = {}
    for student in sorted(p for p in folder.iterdir() if p.is_dir()):
        inner = student / assignment
        if inner.is_dir():
            found[student.name] = inner
        elif not any(student.iterdir()):
            found[student.name] = student  # an empty folder: handed in nothing
    return found


def collect(source, assignment, release, scratch):
    """Every submission in ``source``: a folder (nbgrader layout or loose files) or a zip.

    ``release`` maps each notebook name of the assignment to its released notebook.
    """
    expected = sorted(release)
    source = Path(source)
    if not source.exists():
        raise GradeError(f"No submissions at {source}.")
    if source.is_file():
        if not zipfile.is_zipfile(source):
            raise GradeError(f"{source} is neither a folder nor a zip file of notebooks.")
        unpacked = Path(scratch) / "unzipped"
        _safe_extract(source, unpacked)
        tops = [p for p in unpacked.iterdir() if not p.name.startswith("__MACOSX")]
        source = tops[0] if len(tops) == 1 and tops[0].is_dir() else unpacked
    folders = _student_folders(source, assignment)
    if folders:
        return [_from_folder(s, inner, expected, release) for s, inner in folders.items()]
    loose = sorted(source.glob("*.ipynb"))
    if len(expected) != 1 and loose:
        raise GradeError(f"{assignment} has {len(expected)} notebooks: use the nbgrader layout.")
    return [_from_files(p.stem, {expected[0]: p}, [], release) for p in loose]


def _from_folder(student, folder, expected, release):
    files = {p.name: p for p in sorted(folder.glob("*.ipynb"))}
    notes = []
    if len(expected) == 1 and expected[0] not in files and len(files) == 1:
        ((name, path),) = files.items()
        notes.append(f"graded {name} as {expected[0]}")
        files = {expected[0]: path}
    return _from_files(
        student, {name: files[name] for name in expected if name in files}, notes, release
    )


def tampering(release, handed_in):
    """What a submission did to the cells nbgrader protects, in words (nbgrader checksums)."""
    from nbgrader.utils import compute_checksum, is_locked

    def protected(nb):
        return {
            c.metadata.nbgrader["grade_id"]: c
            for c in nb.cells
            if "nbgrader" in c.metadata
            and "grade_id" in c.metadata.nbgrader
            and (
                is_locked(c)
                or c.metadata.nbgrader.get("grade")
                and not c.metadata.nbgrader.get("solution")
            )
        }

    original, submitted = protected(release), protected(handed_in)
    notes = []
    deleted = [name for name in original if name not in submitted]
    if deleted:
        notes.append(f"deleted protected cells {', '.join(deleted)}")
    changed = [
        name
        for name, cell in original.items()
        if name in submitted
        and compute_checksum(submitted[name]) != cell.metadata.nbgrader.get("checksum")
    ]
    if changed:
        notes.append(f"changed protected cells {', '.join(changed)} (the originals were graded)")
    kept = [name for name in submitted if name in original]
    if kept != [name for name in original if name in submitted]:
        notes.append("moved protected cells out of their order")
    return notes


def _from_files(student, files, notes, release):
    import nbformat

    submission = Submission(student, notes=list(notes))
    if not STUDENT_ID.match(student):
        submission.problem = "the student id has characters that cannot be used in paths"
        return submission
    if not files:
        submission.problem = "no notebook handed in"
    for name, path in files.items():
        text, note, problem = read_notebook(path)
        if problem:
            submission.problem = f"{name}: {problem}"
            return submission
        submission.notebooks[name] = text
        if note:
            submission.notes.append(f"{name} {note}")
        submission.notes += tampering(release[name], nbformat.reads(text, as_version=4))
    return submission


# --- one submission, in its own process ---------------------------------------------


def _nbgrader_api(course, **settings):
    """nbgrader's Python API on the course at ``course``, in this process (no start-up cost)."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader(
        "nbgrader_config.py", path=str(Path(course).resolve())
    ).load_config()
    for name, value in settings.items():
        section, key = name.split("__")
        config[section][key] = value
    return NbGraderAPI(config=config)


def _generate(course, assignment, **settings):
    bin_dir = os.path.dirname(sys.executable)  # nbgrader runs `alembic` for a new gradebook
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])
    outcome = _nbgrader_api(course, **settings).generate_assignment(assignment, force=True)
    if not outcome["success"]:
        raise GradeError(
            f"nbgrader could not generate {assignment}:\n{outcome.get('error', '')[-2000:]}"
        )


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
    _generate(template, assignment)
    shutil.move(template / "assignments" / assignment, folder / "release")
    shutil.rmtree(template / "assignments")
    for notebook in (template / "solutions" / assignment).glob("*.ipynb"):
        notebook.unlink()
    (folder / "done").touch()


def _template(root, assignment, scratch):
    """A scratch copy of the generated assignment, and the released notebooks."""
    import nbformat

    kept = prepare(root, assignment)
    template = Path(scratch) / "template"
    shutil.copytree(kept / "template", template)
    release = {
        p.name: nbformat.read(p, as_version=4) for p in sorted((kept / "release").glob("*.ipynb"))
    }
    return template, release


def _course_gradebook(root, template, assignment, points, scratch):
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
        _generate(root, assignment, CourseDirectory__release_directory=str(scratch / "release"))
    return url


def _workspace(template, scratch, submission, assignment):
    work = Path(scratch) / "work" / submission.student
    shutil.copytree(template, work)
    folder = work / "course" / "submitted" / submission.student / assignment
    folder.mkdir(parents=True)
    for name, text in submission.notebooks.items():
        (folder / name).write_text(text, encoding="utf-8")
    (work / "home").mkdir()
    return work


def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _mount(libc, source, target, fstype, flags):
    import ctypes

    def arg(x):
        return None if x is None else str(x).encode()

    if libc.mount(arg(source), arg(target), arg(fstype), ctypes.c_ulong(flags), None) != 0:
        raise OSError(ctypes.get_errno(), f"mount {target}")


#: What :func:`isolate` gives each worker, as the run's summary names it.
PROTECTIONS = ("private file-system view", "private /tmp", "no network")

_NEWNS, _NEWUSER, _NEWNET = 0x00020000, 0x10000000, 0x40000000  # unshare(2) flags
_RDONLY, _REMOUNT, _BIND, _REC, _PRIVATE = 1, 32, 4096, 16384, 1 << 18  # mount(2) flags


def isolate(work, read_only, hidden):
    """Namespaces of its own for this process and its children (Linux).

    * private file-system view: ``read_only`` folders (the course, with the Python
      environment in it) become read-only; ``hidden`` ones (the gradebook and
      solutions, the other submissions) are covered by an empty read-only folder;
      the other workers' folders beside ``work`` disappear;
    * private /tmp: an empty one, so nothing written there outlives the worker or
      reaches another submission (nor can the student reach the fork server's
      socket there);
    * no network: a network namespace with nothing in it but its own loopback.

    Needs root, or unprivileged user namespaces.  Returns ``{protection: ""}`` for
    each of :data:`PROTECTIONS` that holds, or why it does not.
    """
    try:
        libc = _namespace_rights()
    except OSError as error:
        return dict.fromkeys(PROTECTIONS, str(error))
    why = {"no network": _attempt(_no_network, libc)}
    why["private /tmp"] = why["private file-system view"] = _attempt(_mount_namespace, libc)
    if not why["private /tmp"]:
        # /tmp first: the work folder, and the course or Python there, are bound back into it.
        python = [Path(sys.prefix), Path(sys.base_prefix)]
        why["private /tmp"] = _attempt(_cover, libc, Path("/tmp"), [work, *read_only, *python])
        why["private file-system view"] = _attempt(_private_view, libc, work, read_only, hidden)
    return {protection: why[protection] for protection in PROTECTIONS}


def _attempt(step, *args):
    """``""`` once ``step(*args)`` is done, or why it failed."""
    try:
        step(*args)
    except OSError as error:
        return str(error)
    return ""


def _unshare(libc, flags, what):
    if libc.unshare(flags) != 0:
        raise OSError(_errno(), f"unshare {what}")


def _namespace_rights():
    """The C library, once this process may make namespaces: as root, or in a user namespace."""
    if not sys.platform.startswith("linux"):
        raise OSError("namespaces need Linux")
    libc = _libc()
    if os.geteuid() != 0:  # become root inside a user namespace of our own
        uid, gid = os.getuid(), os.getgid()
        _unshare(libc, _NEWUSER, "a user namespace")
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"0 {uid} 1")
        Path("/proc/self/gid_map").write_text(f"0 {gid} 1")
    return libc


def _mount_namespace(libc):
    _unshare(libc, _NEWNS, "a mount namespace")
    _mount(libc, "none", "/", None, _REC | _PRIVATE)  # what we mount stays in here


def _cover(libc, folder, keep):
    """An empty tmpfs over ``folder``, with the ``keep`` folders that are under it bound back."""
    inside = sorted({p.resolve() for p in keep if p.resolve().is_relative_to(folder.resolve())})
    handles = [os.open(p, os.O_RDONLY | os.O_DIRECTORY) for p in inside]  # before they vanish
    try:
        _mount(libc, "none", folder, "tmpfs", 0)
        for path, handle in zip(inside, handles, strict=True):  # a folder before those in it
            path.mkdir(parents=True, exist_ok=True)
            _mount(libc, f"/proc/self/fd/{handle}", path, None, _BIND | _REC)
    finally:
        for handle in handles:
            os.close(handle)


def _private_view(libc, work, read_only, hidden):
    _cover(libc, work.parent, [work])  # the other workers' folders are not there
    for folder in read_only:
        _mount(libc, folder, folder, None, _BIND | _REC)
        _mount(libc, None, folder, None, _REMOUNT | _BIND | _RDONLY)
    for folder in hidden:
        if folder.is_dir():  # one under /tmp is already gone with the machine's /tmp
            _mount(libc, "none", folder, "tmpfs", _RDONLY)


def _no_network(libc):
    """A network namespace of our own, its loopback up: nothing outside can be reached.

    The kernel and nbgrader's client still talk over TCP on 127.0.0.1, but on this
    namespace's own ``lo``, not the machine's, whose services stay out of reach.
    (Bringing ``lo`` up is simpler than moving kernels to ZMQ's ipc transport, whose
    socket paths jupyter_client makes relative to each process's folder.)  If it will
    not come up, kernels could not start: go back to the machine's network.
    """
    import fcntl
    import socket
    import struct

    machine = os.open("/proc/self/ns/net", os.O_RDONLY)
    try:
        _unshare(libc, _NEWNET, "a network namespace")
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as any_socket:
                up = struct.pack("16sH22x", b"lo", 1)  # struct ifreq: "lo", IFF_UP
                fcntl.ioctl(any_socket, 0x8914, up)  # SIOCSIFFLAGS
        except OSError:
            libc.setns(machine, _NEWNET)
            raise
    finally:
        os.close(machine)


def _views(root, template, submissions, scratch):
    """What workers may read, and what they must not see at all."""
    # The course, and the folder holding the Python environment when it is a venv
    # (``.venv`` inside the course, as ``make`` creates it).
    homes = {root.resolve()}
    if sys.prefix != sys.base_prefix:
        homes.add(Path(sys.prefix).resolve().parent)
    hidden = [home / name for home in homes for name in ("course", "solutions")]
    hidden += [template, submissions, scratch / "unzipped"]
    return {"read_only": sorted(homes), "hidden": [f for f in hidden if f.is_dir()]}


def _errno():
    import ctypes

    return ctypes.get_errno()


def _become_subreaper():
    """Orphans of the student's code become our children, so we can stop them."""
    if sys.platform.startswith("linux"):
        _libc().prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _stop_descendants():
    import psutil

    for process in psutil.Process().children(recursive=True):
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass


def _worker(work, assignment, student, limits, views, environ):
    """The child process: isolate, autograde one student, write result.json."""
    os.environ.clear()  # the grading process's environment, as a fork would have it
    os.environ.update(environ)
    os.setsid()
    _become_subreaper()
    outcome = {"success": False, "error": "", "log": ""}
    # First: the seeds, and so the kernels, forked below inherit every namespace.
    isolated = isolate(work, views["read_only"], views["hidden"])
    os.chdir(work)
    home = work / "home"
    os.environ.update(
        HOME=str(home),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        MPLCONFIGDIR=str(home / "matplotlib"),
        XDG_CACHE_HOME=str(home / "cache"),
        DLCOURSE_OFFLINE="1",
        **ONE_THREAD,
    )
    if not isolated["private /tmp"]:  # TMPDIR may name a folder beside it, shared or now gone
        os.environ["TMPDIR"] = tempfile.tempdir = "/tmp"
    silent = os.open(os.devnull, os.O_RDWR)  # kernels' start-up chatter stays off the terminal
    for fd in (0, 1, 2):
        os.dup2(silent, fd)
    try:
        handed_in = work / "course" / "submitted" / student / assignment
        with prefork.seeded(len(list(handed_in.glob("*.ipynb")))):
            api = _nbgrader_api(work, Execute__timeout=limits["cell_timeout"])
            outcome.update(api.autograde(assignment, student))
        _stop_descendants()  # nothing the student's code started may outlive the grading
        if outcome.get("success") and limits["feedback"]:
            api.generate_feedback(assignment, student)
    except Exception as error:  # reported to the parent, never raised into the batch
        outcome.update(success=False, error=f"{type(error).__name__}: {error}")
    keys = ("success", "error", "log")
    record = {k: str(outcome.get(k, ""))[-20000:] for k in keys} | {"isolated": isolated}
    (work / "result.json").write_text(json.dumps(record))
    os._exit(0)


def _tree(pid):
    import psutil

    try:
        parent = psutil.Process(pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _over(pid, limit):
    """True if the process tree holds more than ``limit`` bytes of memory.

    Forked processes share pages, so the sum of their resident sizes can
    overstate it; when that sum is over, the proportional set sizes (each
    shared page divided among its users) decide.
    """
    tree, resident = _tree(pid), 0
    for member in tree:
        try:
            resident += member.memory_info().rss
        except Exception:  # it ended while we looked
            pass
    return resident > limit and sum(map(_proportional, tree)) > limit


def _proportional(process):
    try:
        text = Path(f"/proc/{process.pid}/smaps_rollup").read_text()
        return int(re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE).group(1)) * 1024
    except (OSError, AttributeError):
        try:
            return process.memory_info().rss
        except Exception:
            return 0


def _stop(pid):
    """Kill the worker and everything below it (its kernel, anything the student started)."""
    import psutil

    for process in _tree(pid):
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


#: Set for a worker's math libraries before they are first imported: one thread each,
#: so that N workers share N cores instead of fighting over them.
ONE_THREAD = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "TF_NUM_INTRAOP_THREADS",
        "TF_NUM_INTEROP_THREADS",
    )
}


def _context():
    """Where workers come from: a fork server that has imported what grading needs.

    Workers forked from it start warm (nbgrader, IPython, NumPy, matplotlib
    already imported) and hold nothing of this process: no other student's
    submission or grade.  Where there is no fork server, a plain fork.
    """
    import multiprocessing
    from multiprocessing import forkserver

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    context = multiprocessing.get_context("forkserver")
    if getattr(forkserver._forkserver, "_forkserver_pid", None) is None:
        # Start it with one math thread, and without the debugger's note on frozen
        # modules (jupyter_client silences it the same way for kernels).
        settings = {**ONE_THREAD, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        saved = {name: os.environ.get(name) for name in settings}
        os.environ.update(settings)
        try:
            context.set_forkserver_preload(prefork.PRELOAD)
            forkserver.ensure_running()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return context


class _Job:
    """One submission being graded by a worker process, watched for time and memory."""

    def __init__(self, submission, work, assignment, limits, views):
        self.submission, self.work, self.limits = submission, work, limits
        self.process = _context().Process(
            target=_worker,
            args=(
                work,
                assignment,
                submission.student,
                limits,
                views,
                dict(os.environ),
            ),
        )
        self.start = time.monotonic()
        self.process.start()
        self.stopped = ""

    def done(self):
        """True when the worker ended, or was just stopped for time or memory."""
        if not self.process.is_alive():
            return True
        if time.monotonic() - self.start > self.limits["timeout"]:
            self.stopped = f"timed out after {self.limits['timeout']} s"
            return True
        if _over(self.process.pid, self.limits["memory_mb"] * 2**20):
            self.stopped = f"used more than {self.limits['memory_mb']} MB of memory"
            return True
        return False

    def finish(self):
        """Stop everything the worker started."""
        _stop(self.process.pid)
        self.process.join()
        self.seconds = time.monotonic() - self.start


# --- reading a worker's outcome ---------------------------------------------------


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


def _why(log, error):
    """A short reason read from nbgrader's log of a failed or odd run."""
    text = f"{error}\n{log}"
    for pattern, reason in (
        (
            r"Kernel died|DeadKernelError|kernel .* died",
            "the kernel crashed (or the notebook exited it)",
        ),
        (r"CellTimeoutError|Timeout waiting|timed out", "a cell ran past the time limit"),
        (r"MemoryError", "a cell ran out of memory"),
        (
            r"checksum|has been modified|Overwriting",
            "graded cells were changed; the originals were used",
        ),
    ):
        if re.search(pattern, text, re.IGNORECASE):
            return reason
    lines = [line for line in error.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "nbgrader could not grade it"


def _outcome(work, assignment, student, points, stopped):
    """The worker's scores, each clamped to the points the real gradebook allows."""
    from nbgrader.api import Gradebook, MissingEntry

    result = Result(student, max_score=sum(points.values()))
    result.cells = {key: 0.0 for key in points}
    info = {}
    if (work / "result.json").exists():
        info = json.loads((work / "result.json").read_text())
        isolated = info.get("isolated")
        result.isolated = isolated if isinstance(isolated, dict) else {}
    if stopped:
        result.status, result.reason = "failed", stopped
    elif info.get("success") != "True":
        result.status = "failed"
        result.reason = (
            _why(info.get("log", ""), info.get("error", "")) if info else "the grader crashed"
        )
    try:
        with Gradebook(f"sqlite:///{work / 'course' / 'gradebook.db'}") as gradebook:
            submission = gradebook.find_submission(assignment, student)
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    key = (notebook.name, grade.name)
                    if key in points and grade.auto_score is not None and result.status == "graded":
                        result.cells[key] = max(0.0, min(float(grade.auto_score), points[key]))
    except (MissingEntry, Exception):  # an unreadable worker gradebook scores zero
        if result.status == "graded":
            result.status, result.reason = "failed", "no grades were recorded"
    result.score = sum(result.cells.values())
    if result.status == "graded":
        log = info.get("log", "")
        if re.search(r"MemoryError|CellTimeoutError|Kernel died|DeadKernelError", log):
            result.reason = _why(log, "")
    return result


def _executed_outputs(work, assignment, student):
    folder = work / "course" / "autograded" / student / assignment
    return {p.name: p for p in folder.glob("*.ipynb")} if folder.is_dir() else {}


def _errors_in_outputs(work, assignment, student):
    """``(notebook, cell, error name)`` for every cell that raised, as the graded notebooks show.

    A cell is named by its nbgrader id, or ``cell N`` (counting from 0) when it has none.
    """
    errors = []
    for name, path in sorted(_executed_outputs(work, assignment, student).items()):
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        for index, cell in enumerate(cells):
            cell_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    errors.append((name, cell_id or f"cell {index}", output.get("ename", "")))
    return errors


def _notes_from_errors(errors):
    """The reason a run went wrong, read from the errors the graded notebooks recorded."""
    names = {ename for _, _, ename in errors}
    for ename, reason in (
        ("CellTimeoutError", "a cell ran past the time limit"),
        ("MemoryError", "a cell ran out of memory"),
        ("DeadKernelError", "the kernel crashed (or the notebook exited it)"),
    ):
        if ename in names:
            return reason
    return ""


# --- writing results: gradebook, feedback, CSV ------------------------------------


def _record(gradebook_url, assignment, result):
    """Write one result into the course's gradebook (only this process writes it)."""
    import warnings

    from nbgrader.api import Gradebook

    with warnings.catch_warnings(), Gradebook(gradebook_url) as gradebook:
        warnings.simplefilter("ignore")  # SQLAlchemy's notes on nbgrader's session use
        gradebook.update_or_create_student(result.student)
        gradebook.update_or_create_submission(assignment, result.student)
        for (notebook, cell), points in result.cells.items():
            grade = gradebook.find_grade(cell, notebook, assignment, result.student)
            grade.auto_score = points
            grade.needs_manual_grade = False
        gradebook.db.commit()


def _feedback(root, work, assignment, result):
    """nbgrader's feedback page, or one that says why there is no graded notebook."""
    target = root / "course" / "feedback" / result.student / assignment
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    made = work / "course" / "feedback" / result.student / assignment if work else None
    pages = sorted(made.glob("*.html")) if made and made.is_dir() else []
    for page in pages:
        shutil.copy(page, target / page.name)
    if not pages:
        (target / f"{assignment}.html").write_text(
            "<!doctype html><meta charset='utf-8'>"
            f"<title>{html.escape(assignment)}: {html.escape(result.student)}</title>"
            f"<h1>{html.escape(assignment)}</h1><p>Student: {html.escape(result.student)}</p>"
            f"<p>Score: {result.score:g} / {result.max_score:g}</p>"
            f"<p>Your submission could not be graded: {html.escape(result.reason)}.</p>",
            encoding="utf-8",
        )


def _columns(points):
    return [cell if len({nb for nb, _ in points}) == 1 else f"{nb}:{cell}" for nb, cell in points]


def write_csv(path, points, results):
    """Write (or update, keeping other students' rows) the grades CSV; rows sorted by student."""
    rows = {}
    if path.exists():
        with open(path, newline="", encoding="utf-8") as file:
            rows = {row["student"]: row for row in csv.DictReader(file)}
    header = ["student", "score", "max_score", *_columns(points), "status", "reason"]
    for result in results:
        row = {
            "student": result.student,
            "score": f"{result.score:g}",
            "max_score": f"{result.max_score:g}",
        }
        row |= {
            name: f"{result.cells[key]:g}"
            for name, key in zip(_columns(points), points, strict=True)
        }
        rows[result.student] = row | {"status": result.status, "reason": result.reason}
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for student in sorted(rows):
            writer.writerow(rows[student])


# --- the batch --------------------------------------------------------------------


class Progress:
    """``[#####     ] 10/20 graded, about 15 s left`` on a terminal; a line each elsewhere."""

    def __init__(self, total, stream=None):
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.stream = stream or sys.stderr

    def step(self, result):
        self.done += 1
        elapsed = time.monotonic() - self.start
        left = elapsed / self.done * (self.total - self.done)
        bar = "#" * round(20 * self.done / self.total)
        line = f"[{bar:<20}] {self.done}/{self.total} graded, about {left:.0f} s left"
        if self.stream.isatty():
            self.stream.write(f"\r{line}" + ("\n" if self.done == self.total else ""))
        else:
            score = f"{result.student}: {result.score:g}/{result.max_score:g}"
            self.stream.write(f"{line} ({score})\n")
        self.stream.flush()


def summary(results):
    """Counts of full marks, partial, zero and failures by reason, as text."""
    full = sum(r.status == "graded" and r.score == r.max_score > 0 for r in results)
    partial = sum(r.status == "graded" and 0 < r.score < r.max_score for r in results)
    zero = sum(r.status == "graded" and r.score == 0 for r in results)
    lines = [f"{len(results)} submissions: {full} full marks, {partial} partial, {zero} zero"]
    failures = {}
    for r in results:
        if r.status != "graded":
            failures.setdefault(r.reason, []).append(r.student)
    for reason, students in sorted(failures.items()):
        lines.append(f"  {len(students)} not graded ({reason}): {', '.join(students)}")
    ran = [r.isolated for r in results if r.isolated]
    if ran:
        lines.append(isolation_summary(ran))
    return "\n".join(lines)


def isolation_summary(isolated):
    """One sentence: which of :data:`PROTECTIONS` held for every worker, and why not."""
    short = next((i for i in isolated if any(i.values())), None)
    if short is None:
        return (
            "Every submission ran in a private, read-only view of the course, "
            "with a private /tmp and no network."
        )
    held = [p for p in PROTECTIONS if not short.get(p)]
    missing = [p for p in PROTECTIONS if short.get(p)]
    why = "; ".join(dict.fromkeys(short[p] for p in missing))
    extra = f", plus {' and '.join(held)}" if held else " only"
    return f"Isolation by process and working copy{extra}; not held: {', '.join(missing)} ({why})."


def grade(
    assignment,
    submissions,
    root=None,
    workers=None,
    timeout=300,
    memory_mb=2048,
    only=None,
    stream=None,
    feedback=True,
):
    """Grade every submission of ``assignment`` found at ``submissions``; return the results.

    ``feedback=False`` skips the feedback pages (scores, CSV and gradebook as usual):
    for checks of the scores alone, such as the course's own tests.
    """
    root = Path(root or syllabus.course_root())
    lessons = {x.assignment: x for x in syllabus.ready(root)}
    if assignment not in lessons:
        raise GradeError(
            f"Unknown or not ready assignment {assignment!r}; ready: {', '.join(lessons)}."
        )
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise GradeError(f"--timeout must be a positive number of seconds, got {timeout!r}.")
    if not isinstance(memory_mb, int) or memory_mb < 64:
        raise GradeError(f"--memory must be at least 64 (MB), got {memory_mb!r}.")
    workers = workers or os.cpu_count() or 1
    if not isinstance(workers, int) or workers < 1:
        raise GradeError(f"--workers must be a positive whole number, got {workers!r}.")
    # A looping cell is interrupted after a third of the time, so the rest still counts.
    limits = {
        "timeout": timeout,
        "cell_timeout": max(2, int(timeout) // 3),
        "memory_mb": memory_mb,
        "feedback": feedback,
    }
    from multiprocessing.connection import wait as wait_any

    _context()  # the workers' fork server warms up while the submissions are read
    with tempfile.TemporaryDirectory(prefix="dlcourse-grade-") as scratch:
        scratch = Path(scratch)
        template, release = _template(root, assignment, scratch)
        points = max_points(f"sqlite:///{template / 'course' / 'gradebook.db'}", assignment)
        course_db = _course_gradebook(root, template, assignment, points, scratch)
        found = collect(submissions, assignment, release, scratch)
        if only:
            found = [s for s in found if s.student == only]
            if not found:
                raise GradeError(f"No submission from {only!r} in {submissions}.")
        (scratch / "work").mkdir()
        views = _views(root, template, Path(submissions).resolve(), scratch)
        progress = Progress(max(1, len(found)), stream)

        def record(submission, result, work=None):
            if submission.notes and result.status == "graded":
                result.reason = "; ".join([*submission.notes, *filter(None, [result.reason])])
            _record(course_db, assignment, result)
            if feedback:
                _feedback(root, work, assignment, result)
            progress.step(result)
            results.append(result)

        results, waiting, running = [], list(found), []

        def start_next():  # keep every lane busy before doing the bookkeeping
            while waiting and len(running) < workers:
                submission = waiting.pop(0)
                if submission.problem:
                    result = Result(submission.student, max_score=sum(points.values()))
                    result.cells = {key: 0.0 for key in points}
                    result.status, result.reason = "rejected", submission.problem
                    record(submission, result)
                    continue
                work = _workspace(template, scratch, submission, assignment)
                running.append(_Job(submission, work, assignment, limits, views))

        while waiting or running:
            start_next()
            finished = [job for job in running if job.done()]
            for job in finished:
                running.remove(job)
                job.finish()
            start_next()
            for job in finished:
                student = job.submission.student
                result = _outcome(job.work, assignment, student, points, job.stopped)
                result.seconds = job.seconds
                result.errors = _errors_in_outputs(job.work, assignment, student)
                result.reason = result.reason or _notes_from_errors(result.errors)
                record(job.submission, result, job.work)
            if running and not finished:
                wait_any([job.process.sentinel for job in running], timeout=0.05)
    results.sort(key=lambda r: r.student)
    write_csv(root / "course" / "grades" / f"{assignment}.csv", points, results)
    return results
