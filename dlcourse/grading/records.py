"""What grading passes around, as plain types, and every reason a run can fail.

:class:`Submission` (a hand-in, as read), :class:`Limits` (what one submission
may use), :class:`Result` (a graded submission, as it goes into the CSV and the
gradebook) and :class:`GradeError` (grading could not run at all).  The reasons
section is the one table of the sentences a result's ``reason`` can hold when a
run goes wrong; :mod:`~dlcourse.grading.outcome` reads nbgrader's log and the
graded notebooks with it, :mod:`~dlcourse.grading.jobs` names the limit a worker
was stopped for.  Nothing here does any work.
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")
#: What ``nbgrader collect`` keeps beside a submission; ``nbgrader release_feedback`` needs both.
EXCHANGE_FILES = ("timestamp.txt", "submission_secret.txt")

#: A result's status: scored as usual, scored zero because the run went wrong, or not
#: run at all because nothing gradable was handed in.
GRADED, FAILED, REJECTED = "graded", "failed", "rejected"


class GradeError(RuntimeError):
    """Grading could not run at all (bad arguments, unknown assignment)."""


@dataclass
class Submission:
    """One student's hand-in: the notebooks found and anything wrong with them."""

    student: str
    notebooks: dict = field(default_factory=dict)  # expected name -> notebook JSON text
    notes: list = field(default_factory=list)  # what was fixed on the way (renamed, upgraded)
    problem: str = ""  # why it cannot be graded at all
    exchange: dict = field(default_factory=dict)  # EXCHANGE_FILES handed in: name -> text
    #: Each notebook file handed in -> the assignment's notebook it is graded as ("" for
    #: none): feedback goes back under the handed-in names, which ``fetch_feedback`` looks for.
    handed_in: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    """What one submission may use: seconds in all, MB of memory; and whether it gets feedback."""

    timeout: float
    memory_mb: int
    feedback: bool = True

    @property
    def cell_timeout(self):
        """A looping cell is interrupted after a third of the time, so the rest still counts."""
        return max(2, int(self.timeout) // 3)


@dataclass
class Result:
    """A graded submission, as it goes into the CSV and the gradebook."""

    student: str
    score: float = 0.0
    max_score: float = 0.0
    cells: dict = field(default_factory=dict)  # (notebook, grade cell) -> points
    status: str = GRADED
    reason: str = ""
    seconds: float = 0.0
    isolated: dict = field(default_factory=dict)  # protection -> "" if it held, or why not
    errors: list = field(default_factory=list)  # (notebook, cell, error name) per raising cell

    @classmethod
    def zero(cls, student, points):
        """No points yet: every grade cell of ``points`` at zero, out of their sum."""
        return cls(student, max_score=sum(points.values()), cells=dict.fromkeys(points, 0.0))


# --- reasons ----------------------------------------------------------------------


class Failure(NamedTuple):
    """One way a run goes wrong: the reason the CSV gives, and how it shows."""

    reason: str
    pattern: str  # how nbgrader's log or error says it: a regular expression, any case
    signs: tuple = ()  # exact words in nbgrader's log that it happened, though the run was graded
    error: str = ""  # the error name a graded notebook records for the cell it happened in


#: Every way a run goes wrong that nbgrader's log or the graded notebooks show;
#: the first that fits gives the reason.
FAILURES = (
    Failure(
        "the submission changed the grader's records while it ran; it was not scored",
        r"GraderRecordsChanged",
        (),
        "",
    ),
    Failure(
        "the kernel crashed (or the notebook exited it)",
        r"Kernel died|DeadKernelError|kernel .* died",
        ("Kernel died", "DeadKernelError"),
        "DeadKernelError",
    ),
    Failure(
        "a cell ran past the time limit",
        r"CellTimeoutError|Timeout waiting|timed out",
        ("CellTimeoutError",),
        "CellTimeoutError",
    ),
    Failure("a cell ran out of memory", r"MemoryError", ("MemoryError",), "MemoryError"),
    Failure(
        "graded cells were changed; the originals were used",
        r"checksum|has been modified|Overwriting",
    ),
)

#: The reasons of a run that the table cannot tell: stopped at a limit (filled in
#: from :class:`Limits`), left nothing to read, or failed some other way.
TIMED_OUT = "timed out after {timeout} s"
OVER_MEMORY = "used more than {memory_mb} MB of memory"
CRASHED = "the grader crashed"
NO_GRADES = "no grades were recorded"
UNKNOWN = "nbgrader could not grade it"
