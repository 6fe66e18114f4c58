"""The batch: every submission of one assignment, N workers at a time, nothing lost.

:func:`grade` checks its arguments, prepares the run (the kept template, the
course's gradebook, the submissions, what workers may see), then keeps every
lane busy: a submission that cannot be graded is recorded at once as
``rejected``; the others each get a worker, and as workers finish their results
go into the course's gradebook, the feedback pages and the progress line, in
that order; the CSV is written once at the end.  A student's code can fail in
any way without stopping the batch; only bad arguments raise
(:class:`~dlcourse.grading.records.GradeError`).
"""

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dlcourse import syllabus
from dlcourse.grading import intake, outcome, report, sandbox, template
from dlcourse.grading.jobs import Job, context
from dlcourse.grading.records import GRADED, REJECTED, GradeError, Limits, Result
from dlcourse.grading.startup import lighter_imports


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
    lighter_imports()  # before this process first imports nbformat
    root = Path(root or syllabus.course_root())
    workers, limits = _checked(root, assignment, workers, timeout, memory_mb, feedback)
    with tempfile.TemporaryDirectory(prefix="dlcourse-grade-") as scratch:
        scratch = Path(scratch)
        copy, release = template.scratch_copy(root, assignment, scratch)
        # The workers' fork server warms up while the submissions are read.
        context(tensorflow=template.uses_tensorflow(release))
        points = template.max_points(f"sqlite:///{copy / 'course' / 'gradebook.db'}", assignment)
        gradebook = template.course_gradebook(root, copy, assignment, points, scratch)
        found = _found(submissions, assignment, release, scratch, only)
        (scratch / "work").mkdir()
        batch = _Batch(
            root=root,
            assignment=assignment,
            scratch=scratch,
            template=copy,
            points=points,
            gradebook=gradebook,
            limits=limits,
            views=sandbox.views(root, copy, Path(submissions).resolve(), scratch),
            workers=workers,
            progress=report.Progress(max(1, len(found)), stream),
            waiting=list(found),
        )
        results = sorted(batch.run(), key=lambda r: r.student)
        report.confirm(gradebook, assignment, results)
    report.write_csv(root / "course" / "grades" / f"{assignment}.csv", points, results)
    return results


def _checked(root, assignment, workers, timeout, memory_mb, feedback):
    """``(workers, limits)`` once the arguments make sense; :class:`GradeError` says why not."""
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
    return workers, Limits(timeout=timeout, memory_mb=memory_mb, feedback=feedback)


def _found(submissions, assignment, release, scratch, only):
    """The submissions to grade: all of them, or ``only`` that student's."""
    found = intake.collect(submissions, assignment, release, scratch)
    if only:
        found = [s for s in found if s.student == only]
        if not found:
            raise GradeError(f"No submission from {only!r} in {submissions}.")
    return found


@dataclass
class _Batch:
    """One grading run: what its submissions share, and each one waiting, running or done."""

    root: Path
    assignment: str
    scratch: Path
    template: Path  # the scratch copy of the generated assignment
    points: dict  # (notebook, grade cell) -> points, from the generated assignment
    gradebook: str  # the course's gradebook, as a URL
    limits: Limits
    views: sandbox.Views
    workers: int
    progress: report.Progress
    waiting: list = field(default_factory=list)  # submissions, in order
    running: list = field(default_factory=list)  # a Job each
    results: list = field(default_factory=list)  # in the order they were recorded

    def run(self):
        """Grade every waiting submission; return the results."""
        from multiprocessing.connection import wait as wait_any

        while self.waiting or self.running:
            self._start_next()
            finished = self._reap()
            self._start_next()  # keep every lane busy before doing the bookkeeping
            for job in finished:
                self._record(job.submission, self._outcome(job), job.work)
            if self.running and not finished:
                wait_any([job.process.sentinel for job in self.running], timeout=0.05)
        return self.results

    def _start_next(self):
        """Fill the free lanes; a submission with nothing to grade is recorded at once."""
        while self.waiting and len(self.running) < self.workers:
            submission = self.waiting.pop(0)
            if submission.problem:
                result = Result.zero(submission.student, self.points)
                result.status, result.reason = REJECTED, submission.problem
                self._record(submission, result)
                continue
            work = template.workspace(self.template, self.scratch, submission, self.assignment)
            self.running.append(Job(submission, work, self.assignment, self.limits, self.views))

    def _reap(self):
        """The jobs that ended or crossed a limit, stopped and taken out of the lanes."""
        finished = [job for job in self.running if job.done()]
        for job in finished:
            self.running.remove(job)
            job.finish()
        return finished

    def _outcome(self, job):
        """The result of a job that was just reaped."""
        student, points = job.submission.student, self.points
        return outcome.read(
            job.work, self.assignment, student, points, job.record, job.stopped, job.seconds
        )

    def _record(self, submission, result, work=None):
        """Into the course's gradebook, a feedback page, the progress line and the results."""
        if submission.notes and result.status == GRADED:
            result.reason = "; ".join([*submission.notes, *filter(None, [result.reason])])
        report.to_gradebook(self.gradebook, self.assignment, result)
        if self.limits.feedback:
            report.feedback_page(self.root, work, self.assignment, result, submission)
        self.progress.step(result)
        self.results.append(result)
