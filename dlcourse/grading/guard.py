"""Between a notebook's run and its scoring: the student's code stopped, the records checked.

nbgrader runs a submission's notebook, then writes its scores into the worker's
copy of the gradebook.  While the notebook runs, the student's code may be able
to reach that copy (it runs as the grading user unless grading runs as root) and
leave something in it that rewrites the scores nbgrader writes next, such as an
SQLite trigger.  So the worker's autograde runs two more steps around nbgrader's
``Execute`` (:func:`preprocessors`): ``Snapshot`` fingerprints the records
just before the notebook runs; ``StopAndCheck``, just after, stops every
process the student's code left behind, so nothing of it runs while nbgrader
scores, and fails the run with :class:`GraderRecordsChanged` if the records are not
exactly as they were.  Such a run scores zero, with its own reason.
"""

import contextlib
import functools
import hashlib
import sqlite3
from pathlib import Path

from dlcourse import prefork


class GraderRecordsChanged(RuntimeError):
    """The worker's gradebook changed while the student's code ran (nbgrader logs the name)."""


def fingerprint(db_url):
    """A digest of the gradebook at ``db_url`` and of the files beside it that SQLite uses."""
    path = Path(db_url.removeprefix("sqlite:///"))
    digest = hashlib.sha256()
    for extra in sorted(path.parent.glob(f"{path.name}*")):  # a planted journal counts
        digest.update(f"{extra.name}\n".encode())
    read_only = f"{path.resolve().as_uri()}?mode=ro"  # a URI: any path, only read
    try:
        with contextlib.closing(sqlite3.connect(read_only, uri=True)) as db:
            for line in db.iterdump():
                digest.update(line.encode() + b"\n")
    except sqlite3.Error as error:  # unreadable is changed
        digest.update(f"{type(error).__name__}\n".encode())
    return digest.hexdigest()


def preprocessors():
    """nbgrader's autograde steps, with a snapshot before Execute and a check after it."""
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import Execute

    steps = list(Autograde.class_traits()["autograde_preprocessors"].default())
    at = steps.index(Execute)
    snapshot, check = _steps()
    return [*steps[:at], snapshot, Execute, check, *steps[at + 1 :]]


@functools.cache
def _steps():
    """The two steps, made on first use (importing nbgrader is slow; this module is not)."""
    from nbgrader.preprocessors.base import NbGraderPreprocessor

    class Snapshot(NbGraderPreprocessor):
        """Fingerprint the worker's gradebook before the student's code runs."""

        def preprocess(self, nb, resources):
            resources["dlcourse_records"] = fingerprint(resources["nbgrader"]["db_url"])
            return nb, resources

    class StopAndCheck(NbGraderPreprocessor):
        """Stop what the student's code left running; fail the run if the gradebook changed."""

        def preprocess(self, nb, resources):
            stop_student_code()
            if fingerprint(resources["nbgrader"]["db_url"]) != resources.get("dlcourse_records"):
                raise GraderRecordsChanged(
                    "the submission changed the grader's records while it ran; it was not scored"
                )
            return nb, resources

    return Snapshot, StopAndCheck


def stop_student_code():
    """Kill every process below this one but idle seeds, until none is left (one may fork)."""
    import psutil

    idle = set(prefork.idle())
    for _ in range(100):
        children = [p for p in psutil.Process().children(recursive=True) if p.pid not in idle]
        if not children:
            return
        for process in children:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(children, timeout=1)
