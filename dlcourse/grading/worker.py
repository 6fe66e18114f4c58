"""What runs inside a grading worker: one submission, autograded in its own process.

:func:`run` is the worker process's whole life, and the only code of grading
that runs there (apart from what it calls: the sandbox, nbgrader, the kernels'
seeds).  It puts itself in a sandbox, autogrades the one student whose notebooks
:func:`~dlcourse.grading.template.workspace` put in its working copy, writes
nbgrader's feedback there, stops everything the student's code started, and
only then sends its record (nbgrader's success, error and log, and which
protections held) to the orchestrator through ``report``, a pipe the student's
kernel does not hold (:mod:`dlcourse.prefork` gives kernels none of the worker's
descriptors).  Nothing the student's code wrote can pass for that record: a
file in the working copy could.  It never raises and never writes anywhere but
its working copy.  The orchestrator's side of a worker is :mod:`~dlcourse.grading.jobs`.
"""

import functools
import json
import os
import tempfile

from dlcourse import prefork
from dlcourse.grading import guard
from dlcourse.grading.sandbox import become_subreaper, enter, isolate, own_uid
from dlcourse.grading.startup import ONE_THREAD, lighter_imports
from dlcourse.grading.template import nbgrader_api


def run(work, assignment, student, limits, views, environ, report):
    """The child process: isolate, autograde one student, send the record through ``report``."""
    lighter_imports()  # a worker started afresh (no fork server, no fork) imports nbgrader below
    os.environ.clear()  # the grading process's environment, as a fork would have it
    os.environ.update(environ)
    os.setsid()
    become_subreaper()
    # First: the seeds, and so the kernels, forked below inherit every namespace.
    isolated = isolate(work, views.read_only, views.hidden)
    _settle(work, private_tmp=not isolated["private /tmp"])
    become = functools.partial(enter, isolated, own_uid())
    outcome = _autograde(work, assignment, student, limits, become)
    keys = ("success", "error", "log")
    record = {k: str(outcome.get(k, ""))[-20000:] for k in keys} | {"isolated": isolated}
    report.send_bytes(json.dumps(record).encode())
    report.close()
    os._exit(0)


def _settle(work, private_tmp):
    """Work in ``work``, with a home of its own there and nothing on the terminal."""
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
    if private_tmp:  # TMPDIR may name a folder beside it, shared or now gone
        os.environ["TMPDIR"] = tempfile.tempdir = "/tmp"
    silent = os.open(os.devnull, os.O_RDWR)  # kernels' start-up chatter stays off the terminal
    for fd in (0, 1, 2):
        os.dup2(silent, fd)


def _autograde(work, assignment, student, limits, become=None):
    """nbgrader's autograde (and feedback) of one student: ``{success, error, log}``.

    Its kernels come from seeds that run ``become`` first (:func:`prefork.seeded`);
    :mod:`~dlcourse.grading.guard` stops the student's code and checks the records
    before nbgrader scores.
    """
    outcome = {"success": False, "error": "", "log": ""}
    try:
        handed_in = work / "course" / "submitted" / student / assignment
        with prefork.seeded(len(list(handed_in.glob("*.ipynb"))), become):
            api = nbgrader_api(
                work,
                Execute__timeout=limits.cell_timeout,
                Autograde__autograde_preprocessors=guard.preprocessors(),
            )
            outcome.update(api.autograde(assignment, student))
        guard.stop_student_code()  # nothing the student's code started may outlive the grading
        if outcome.get("success") and limits.feedback:
            api.generate_feedback(assignment, student)
    except Exception as error:  # reported to the parent, never raised into the batch
        outcome.update(success=False, error=f"{type(error).__name__}: {error}")
    return outcome
