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

Importing the package, or any module of it, changes nothing in the process.

Modules, one step each
----------------------
records   plain types (Submission, Limits, Result, GradeError) and the reasons table
intake    reading hand-ins: zips, folders, loose files; tampering with protected cells
template  the one way to generate an assignment; kept per fingerprint; per-worker copies
sandbox   Linux namespaces around a worker: isolate, PROTECTIONS, isolation_summary
worker    what runs inside a worker process: sandbox, nbgrader autograde, its report
guard     between a notebook's run and its scoring: student code stopped, records checked
jobs      the orchestrator's view of a worker: fork server, time and memory, stopping
outcome   a finished worker's files, read into a Result (scores, status, reason)
report    the course's gradebook, feedback pages, the CSV, progress, the summary
batch     grade(): the loop that keeps every worker busy
startup   how a grading process starts: lighter imports, one math thread per worker
"""

from dlcourse.grading.batch import grade
from dlcourse.grading.intake import collect, read_notebook, tampering
from dlcourse.grading.records import (
    FAILURES,
    STUDENT_ID,
    GradeError,
    Limits,
    Result,
    Submission,
)
from dlcourse.grading.report import Progress, summary, write_csv
from dlcourse.grading.sandbox import PROTECTIONS, isolate, isolation_summary
from dlcourse.grading.template import generate, max_points, prepare

__all__ = [
    "FAILURES",
    "PROTECTIONS",
    "STUDENT_ID",
    "GradeError",
    "Limits",
    "Progress",
    "Result",
    "Submission",
    "collect",
    "generate",
    "grade",
    "isolate",
    "isolation_summary",
    "max_points",
    "prepare",
    "read_notebook",
    "summary",
    "tampering",
    "write_csv",
]
