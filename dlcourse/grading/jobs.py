"""The orchestrator's side of a worker: start it, watch its time and memory, stop it.

A :class:`Job` is one submission being graded by a worker process
(:func:`dlcourse.grading.worker.run`), forked from a warm fork server
(:func:`context`).  :meth:`Job.done` says when the worker ended or crossed a
limit, naming the limit (:data:`~dlcourse.grading.records.TIMED_OUT`,
:data:`~dlcourse.grading.records.OVER_MEMORY`); :meth:`Job.finish` stops the
worker and everything below it.  Memory is counted over the whole process tree,
shared pages once.

The worker reports through a pipe (JSON, never pickle); the report counts only
if the worker then ended on its own with exit status 0, so a student's code
that writes a forged report or kills its worker earns nothing (:attr:`Job.record`).
"""

import os
import re
import signal
import time
from pathlib import Path

from dlcourse import prefork
from dlcourse.grading import worker
from dlcourse.grading.records import OVER_MEMORY, TIMED_OUT
from dlcourse.grading.startup import ONE_THREAD


class Job:
    """One submission being graded by a worker process, watched for time and memory."""

    def __init__(self, submission, work, assignment, limits, views):
        self.submission, self.work, self.limits = submission, work, limits
        self._reports, report = context().Pipe(duplex=False)
        self.process = context().Process(
            target=worker.run,
            args=(work, assignment, submission.student, limits, views, dict(os.environ), report),
        )
        self.start = time.monotonic()
        self.process.start()
        report.close()  # the worker holds the only writing end
        self._message = b""
        self.stopped = ""
        self.seconds = 0.0
        self.record = {}  # the worker's report, once it ended on its own (see finish)

    def done(self):
        """True when the worker ended, or was just stopped for time or memory."""
        self._receive()  # a report larger than the pipe holds is read while the worker waits
        if not self.process.is_alive():
            return True
        if time.monotonic() - self.start > self.limits.timeout:
            self.stopped = TIMED_OUT.format(timeout=self.limits.timeout)
            return True
        if _over(self.process.pid, self.limits.memory_mb * 2**20):
            self.stopped = OVER_MEMORY.format(memory_mb=self.limits.memory_mb)
            return True
        return False

    def finish(self):
        """Stop everything the worker started; keep its report if it ended on its own."""
        _stop(self.process.pid)
        self.process.join()
        self.seconds = time.monotonic() - self.start
        self._receive()
        self._reports.close()
        if not self.stopped and self.process.exitcode == 0:
            self.record = _decoded(self._message)

    def _receive(self):
        try:
            while not self._message and self._reports.poll():
                self._message = self._reports.recv_bytes(maxlength=2**20)
        except (EOFError, OSError):  # the worker ended without a word, or sent too much
            pass


def _decoded(message):
    """The worker's report as a dict; ``{}`` for anything else."""
    import json

    try:
        record = json.loads(message)
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def context(tensorflow=False):
    """Where workers come from: a fork server that has imported what grading needs.

    Workers forked from it start warm (nbgrader, IPython, NumPy, matplotlib
    already imported; with ``tensorflow``, TensorFlow too) and hold nothing of
    this process: no other student's submission or grade.  A server started
    without TensorFlow is replaced by one with it when ``tensorflow`` asks for
    it.  Where there is no fork server, a plain fork.
    """
    import multiprocessing
    from multiprocessing import forkserver

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    context = multiprocessing.get_context("forkserver")
    server = forkserver._forkserver
    preload = [*prefork.PRELOAD, *([prefork.TENSORFLOW] if tensorflow else [])]
    running = getattr(server, "_forkserver_pid", None) is not None
    if running and not set(preload) <= set(server._preload_modules) and hasattr(server, "_stop"):
        server._stop()  # no worker of it is running: a batch starts here
        running = False
    if not running:
        _start(context, preload)
    return context


def _start(context, preload):
    """Start the fork server with one math thread, importing ``preload``."""
    from multiprocessing import forkserver

    # And without the debugger's note on frozen modules (jupyter_client silences it
    # the same way for kernels).
    settings = {**ONE_THREAD, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        context.set_forkserver_preload(preload)
        forkserver.ensure_running()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _tree(pid):
    """The process ``pid`` and every process below it (psutil processes).

    Read from each process's list of children, several times a second: psutil's
    own way reads every process on the machine each time.
    """
    import psutil

    found, waiting = [], [pid]
    while waiting:
        try:
            process = psutil.Process(waiting.pop())
            waiting += _children(process)
        except psutil.Error:  # it ended while we looked
            continue
        found.append(process)
    return found


def _children(process):
    """The pids of ``process``'s children: every thread's, from /proc, or psutil's answer."""
    tasks = Path(f"/proc/{process.pid}/task")
    try:
        lists = [(task / "children").read_text() for task in tasks.iterdir()]
    except FileNotFoundError:
        if tasks.is_dir():  # a kernel without /proc/<pid>/task/<tid>/children
            return [child.pid for child in process.children()]
        return []
    except OSError:
        return []
    return [int(pid) for text in lists for pid in text.split()]


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
