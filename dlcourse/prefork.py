"""Kernels forked from a warm process instead of started from scratch (Linux).

Starting a Jupyter kernel means a new Python that imports IPython, ipykernel,
NumPy and matplotlib: about a second of processor time for every notebook
graded, longer than many assignments take to run.  ``dlcourse grade`` forks its
grading workers from a server that has already imported all that, and each
worker forks **seeds** before it reads anything: idle copies of itself, one per
notebook, that wait for a launch request.  When nbgrader asks for a kernel, a
seed becomes one (:func:`seeded`), so the kernel starts in milliseconds.

A seed is forked before the worker has read the gradebook, so it holds nothing
the kernel could not read anyway; everything else about the kernel is as
jupyter_client would start it: its own session, the working folder, the
environment and the connection file it was given.  Kernels that are not the
usual ``python -m ipykernel_launcher`` are started the normal way.
"""

import contextlib
import json
import os
import signal
import sys

#: What a grading worker imports once, so that every kernel it forks has it.
PRELOAD = [
    "dlcourse.warmup",  # first: it makes the imports below lighter, then warms nbconvert
    "helpers",
    "dlcourse.grading.worker",  # what a worker runs (and, with it, the rest of grading)
    "nbgrader.apps",
    "psutil",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "numpy",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
]

#: Imported after :data:`PRELOAD` when the notebooks to grade use TensorFlow.
TENSORFLOW = "dlcourse.warmup_tensorflow"


class Seed:
    """A forked, idle copy of this process that becomes a kernel on request.

    It looks enough like the :class:`subprocess.Popen` jupyter_client keeps
    for a kernel (``pid``, ``poll``, ``wait``, ``send_signal``, ``kill``,
    ``terminate``) to stand in for it.
    """

    stdin = stdout = stderr = None

    _writing = set()  # this process's ends of the seeds' pipes; a new seed closes them all

    def __init__(self, become=None):
        read, self._write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the seed, in a session of its own as jupyter_client gives a kernel
            os.setsid()
            for fd in (*Seed._writing, self._write):
                os.close(fd)  # or another seed would never read end-of-file
            _only_standard_descriptors(keep=(read,))
            _become_kernel(read, become)
        os.close(read)
        Seed._writing.add(self._write)
        self.returncode = None
        self.launched = False

    def launch(self, cmd, env, cwd):
        """Turn the seed into the kernel ``cmd`` would have started."""
        # jupyter_client tells a kernel who its parent is; ipykernel reads it at import time.
        env["JPY_PARENT_PID"] = str(os.getpid())
        argv = [*cmd[3:], f"--IPKernelApp.parent_handle={os.getpid()}"]
        request = json.dumps({"argv": argv, "env": env, "cwd": str(cwd or os.getcwd())})
        self.launched = True
        Seed._writing.discard(self._write)
        with os.fdopen(self._write, "w") as pipe:
            pipe.write(request)
        return self

    def discard(self):
        """Stop a seed that never became a kernel."""
        if not self.launched:
            self.launched = True
            Seed._writing.discard(self._write)
            os.close(self._write)  # it reads end-of-file and leaves
            self.wait()

    def poll(self):
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # already collected elsewhere
                pid, status = self.pid, 0
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            try:
                _, status = os.waitpid(self.pid, 0)
                self.returncode = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                self.returncode = 0
        return self.returncode

    def send_signal(self, signum):
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def terminate(self):
        self.send_signal(signal.SIGTERM)


def _only_standard_descriptors(keep=()):
    """Leave this process none of its parent's open files but 0, 1, 2 and ``keep``.

    A kernel started by jupyter_client inherits nothing else (``close_fds``); a seed
    is a fork of the grading worker, so it would hold the worker's pipe to the
    orchestrator, and a student's code could report a score through it.  Each
    other descriptor is pointed at ``/dev/null`` rather than closed, so that an
    object still holding its number later closes that, not a socket of the kernel.
    """
    null = os.open(os.devnull, os.O_RDWR)
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd != null and fd not in keep:
            try:
                os.dup2(null, fd)
            except OSError:  # the descriptor listdir itself used, closed since
                pass
    os.close(null)


def _become_kernel(read, become=None):
    """In the seed: wait for a launch request, then run an IPython kernel; never returns.

    ``become(request)``, if given, runs first (the sandbox's change of user); the
    request holds the kernel's ``argv``, ``env`` and ``cwd``.
    """
    code = 0
    try:
        with os.fdopen(read) as pipe:
            text = pipe.read()
        if not text:  # discarded
            os._exit(0)
        request = json.loads(text)
        if become is not None:
            become(request)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        os.close(stdin)
        sys.argv = ["ipykernel_launcher", *request["argv"]]
        if sys.path and sys.path[0] != "":
            sys.path.insert(0, "")
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=request["argv"])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    except BaseException:  # noqa: BLE001 - report it the way a failed kernel would
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _usual_kernel(cmd):
    """True for the IPython kernel of this very Python, the one a seed can become."""
    return (
        len(cmd) >= 5
        and os.path.abspath(cmd[0]) == os.path.abspath(sys.executable)
        and cmd[1:4] == ["-m", "ipykernel_launcher", "-f"]
    )


_waiting = []  # the seeds of this process that have not become a kernel yet


def idle():
    """The process ids of this process's seeds that are still waiting to become a kernel."""
    return [seed.pid for seed in _waiting]


@contextlib.contextmanager
def seeded(count, become=None):
    """Fork ``count`` seeds; inside the block, jupyter_client's kernels come from them.

    Use it in a worker process before it starts any thread.  ``become(request)``
    runs in a seed just before it becomes a kernel (see :func:`_become_kernel`).
    On leaving the block, seeds that never became a kernel are stopped, and
    kernels start the usual way again.  Yields the seeds.
    """
    from jupyter_client.provisioning import local_provisioner

    if not hasattr(os, "fork"):  # Windows: kernels start the usual way
        yield []
        return
    seeds = [Seed(become) for _ in range(count)]
    _waiting[:] = seeds
    usual = local_provisioner.launch_kernel

    def launch_kernel(cmd, env=None, cwd=None, **kwargs):
        if _waiting and _usual_kernel(cmd):
            return _waiting.pop(0).launch(cmd, dict(env if env is not None else os.environ), cwd)
        return usual(cmd, env=env, cwd=cwd, **kwargs)

    local_provisioner.launch_kernel = launch_kernel
    try:
        yield seeds
    finally:
        local_provisioner.launch_kernel = usual
        _waiting.clear()
        for seed in seeds:
            seed.discard()
