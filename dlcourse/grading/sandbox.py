"""The sandbox around one worker: Linux namespaces, behind one small interface.

The orchestrator decides what workers may see (:func:`views`); each worker,
first thing, calls :func:`isolate` on itself (a private, partly read-only view of
the file system, a private ``/tmp``, no network) and :func:`become_subreaper`;
:func:`isolation_summary` says in one sentence which :data:`PROTECTIONS` held.
Nothing else in grading knows about namespaces, so another backend (containers,
say) could replace this module.  Where a protection cannot be had (not Linux, no
user namespaces) grading goes on without it and says so.
"""

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

#: What :func:`isolate` gives each worker, as the run's summary names it.
PROTECTIONS = (
    "private file-system view",
    "private /tmp",
    "no network",
    "no other process in sight",
    "student code as its own user",
)
OTHERS, OWN_USER = PROTECTIONS[3:]
NEEDS_ROOT = "only when grading runs as root"

_NEWNS, _NEWUSER, _NEWNET, _NEWPID = 0x00020000, 0x10000000, 0x40000000, 0x20000000  # unshare
_RDONLY, _REMOUNT, _BIND, _REC, _PRIVATE = 1, 32, 4096, 16384, 1 << 18  # mount(2) flags
_NOSUID, _NODEV, _NOEXEC = 2, 4, 8


@dataclass(frozen=True)
class Views:
    """What a worker may read (``read_only``) and what it must not see at all (``hidden``)."""

    read_only: list
    hidden: list


def views(root, template, submissions, scratch):
    """What workers may read, and what they must not see at all."""
    # The course, and the folder holding the Python environment when it is a venv
    # (``.venv`` inside the course, as ``make`` creates it).
    homes = {root.resolve()}
    if sys.prefix != sys.base_prefix:
        homes.add(Path(sys.prefix).resolve().parent)
    # The repository the students' package is installed from (editable), and any
    # other folder Python imports from (a venv reached through a .pth file, as on the
    # course's JupyterHub): read-only too, and still there under a private /tmp.
    spec = importlib.util.find_spec("helpers")
    if spec is not None and spec.origin:
        homes.add(Path(spec.origin).resolve().parents[1])
    for entry in {Path(p).resolve() for p in sys.path if p and Path(p).is_dir()}:
        if not any(entry.is_relative_to(home) for home in homes):
            homes.add(entry)
    hidden = [home / name for home in homes for name in ("course", "solutions")]
    hidden += [template, submissions, scratch / "unzipped"]
    return Views(read_only=sorted(homes), hidden=[f for f in hidden if f.is_dir()])


def isolate(work, read_only, hidden):
    """Namespaces of its own for this process and its children (Linux).

    * private file-system view: ``read_only`` folders (the course, with the Python
      environment in it) become read-only; ``hidden`` ones (the gradebook and
      solutions, the other submissions) are covered by an empty read-only folder;
      the other workers' folders beside ``work`` disappear;
    * private /tmp: an empty one, so nothing written there outlives the worker or
      reaches another submission (nor can the student reach the fork server's
      socket there);
    * no network: a network namespace with nothing in it but its own loopback;
    * no other process in sight: a PID namespace for the worker's children, so a
      kernel's ``/proc`` (:func:`enter`) shows none of the machine's processes, whose
      ``/proc/<pid>/root`` would lead around the private view;
    * student code as its own user (as root only): the folders kernels need are made
      reachable for a user with no rights (a folder only root may enter on their way,
      such as root's home, is covered, with them bound back), so that each kernel
      can run as :func:`own_uid` (:func:`as_own_user`).

    Needs root, or unprivileged user namespaces.  Returns ``{protection: ""}`` for
    each of :data:`PROTECTIONS` that holds, or why it does not.
    """
    root = sys.platform.startswith("linux") and os.geteuid() == 0
    try:
        libc = _namespace_rights()
    except OSError as error:
        return dict.fromkeys(PROTECTIONS, str(error))
    why = {"no network": _attempt(_no_network, libc), OWN_USER: NEEDS_ROOT}
    why["private /tmp"] = why["private file-system view"] = _attempt(_mount_namespace, libc)
    why[OTHERS] = why["private /tmp"]
    if not why["private /tmp"]:
        # /tmp first: the work folder, and the course or Python there, are bound back into it.
        needed = [work, *read_only, Path(sys.prefix), Path(sys.base_prefix)]
        why["private /tmp"] = _attempt(_cover, libc, Path("/tmp"), needed)
        if root:
            why[OWN_USER] = _attempt(_reachable_by_anyone, libc, needed)
        why["private file-system view"] = _attempt(_private_view, libc, work, read_only, hidden)
        if not root and not why["private file-system view"]:  # kernels will lock it (enter)
            why["private file-system view"] = _attempt(_lockable, libc)
        why[OTHERS] = _attempt(_own_processes, libc)  # last: the next child is its init
    return {protection: why[protection] for protection in PROTECTIONS}


def enter(isolated, uid, kernel):
    """In a seed about to become a kernel (``kernel``: its launch request), in the worker's sandbox.

    The kernel becomes the first process of a PID namespace of its own, with a
    ``/proc`` that shows only that namespace (this process stays behind to relay,
    :func:`_in_own_pids`); then, as root, it becomes the user ``uid``
    (:func:`as_own_user`), otherwise it takes a user namespace of its own, which
    locks every mount it sees, so none can be undone.
    """
    libc = _libc()
    if not isolated[OTHERS]:
        _in_own_pids(libc)
        _unshare(libc, _NEWNS, "a mount namespace")
        _mount(libc, "proc", "/proc", "proc", _NOSUID | _NODEV | _NOEXEC)
    if not isolated[OWN_USER]:
        as_own_user(uid, kernel)
    elif not isolated["private file-system view"]:
        _lock(libc)


def own_uid():
    """The user a worker's kernels run as: one no account uses, different for each worker."""
    return 0x40000000 + os.getpid()


def as_own_user(uid, kernel):
    """In a kernel about to start, as root: become ``uid`` for good, with no rights at all.

    ``kernel`` is the launch request (``argv``, ``env``, ``cwd``).  The kernel's
    connection file, folder and home become its own; then it drops every group and
    capability, and set-user-ID programs can give none back.
    """
    argv, env = kernel["argv"], kernel["env"]
    os.lchown(argv[argv.index("-f") + 1], uid, uid)
    for top in filter(None, (kernel["cwd"], env.get("HOME"))):
        for folder, _, files in os.walk(top):
            for path in (folder, *(os.path.join(folder, f) for f in files)):
                os.lchown(path, uid, uid)
    _libc().prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)  # from root to another user: every capability goes
    env.update(USER="student", LOGNAME="student")


def isolation_summary(isolated):
    """One sentence: which of :data:`PROTECTIONS` held for every worker, and why not."""
    short = next((i for i in isolated if any(i.values())), None)
    if short is None:
        return (
            "Every submission ran in a private, read-only view of the course, "
            "with a private /tmp and no network, seeing no other process, "
            "its code as a user of its own."
        )
    held = [p for p in PROTECTIONS if not short.get(p)]
    missing = [p for p in PROTECTIONS if short.get(p)]
    why = "; ".join(dict.fromkeys(short[p] for p in missing))
    extra = f", plus {_listed(held)}" if held else " only"
    return f"Isolation by process and working copy{extra}; not held: {', '.join(missing)} ({why})."


def _listed(names):
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def become_subreaper():
    """Orphans of the student's code become our children, so we can stop them."""
    if sys.platform.startswith("linux"):
        _libc().prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _errno():
    import ctypes

    return ctypes.get_errno()


def _mount(libc, source, target, fstype, flags):
    import ctypes

    def arg(x):
        return None if x is None else str(x).encode()

    if libc.mount(arg(source), arg(target), arg(fstype), ctypes.c_ulong(flags), None) != 0:
        raise OSError(ctypes.get_errno(), f"mount {target}")


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


def _reachable_by_anyone(libc, needed):
    """Cover each folder only root may enter on the way to ``needed``; check as another user."""
    blocked = set()
    for path in needed:
        for folder in reversed(Path(path).resolve().parents):
            if not os.stat(folder).st_mode & 0o001:  # no one else may pass through
                blocked.add(folder)
                break
    for folder in sorted(blocked):
        _cover(libc, folder, needed)
    uid = own_uid()

    def reach():  # as the user of a kernel, every folder it needs
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        for path in needed:
            os.listdir(path)

    _in_a_child(reach, "a user with no rights cannot reach the course and its Python")


def _lock(libc):
    """A user namespace (and mount namespace) of this process's own: the mounts it sees lock."""
    uid, gid = os.geteuid(), os.getegid()
    _unshare(libc, _NEWUSER | _NEWNS, "a user namespace")
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
    Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")


def _lockable(libc):
    """Check that a kernel will be able to :func:`_lock` (nested user namespaces allowed)."""
    _in_a_child(lambda: _lock(libc), "kernels could not lock the view (no nested user namespace)")


def _own_processes(libc):
    """Check that a kernel can have a PID namespace of its own (:func:`_in_own_pids`)."""

    def first_process():
        _unshare(libc, _NEWPID, "a PID namespace")
        _in_a_child(lambda: None, "")

    _in_a_child(first_process, "no PID namespace could be made for a kernel")


def _in_a_child(step, failure):
    """Run ``step`` in a child process, which leaves this one as it was; OSError if it fails."""
    pid = os.fork()
    if pid == 0:
        try:
            step()
        except BaseException:  # noqa: BLE001 - the child must never go on as the worker
            os._exit(1)
        os._exit(0)
    if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
        raise OSError(failure)


def _in_own_pids(libc):
    """Go on as process 1 of a new PID namespace; this process relays until it ends.

    A process cannot enter a PID namespace itself, only its children can, and a
    process whose children go to another namespace cannot start threads (a kernel
    needs them): so the kernel is a child, and this process, which jupyter_client
    holds for the kernel, waits for it.  Interrupts reach the kernel through the
    process group they share; when this process is killed, the kernel dies too.
    """
    import signal

    _unshare(libc, _NEWPID, "a PID namespace")
    kernel = os.fork()
    if kernel == 0:
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: it ends with the relay
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the kernel answers interrupts itself
    signal.signal(signal.SIGTERM, lambda *_: os.kill(kernel, signal.SIGKILL))
    while True:
        try:
            status = os.waitpid(kernel, 0)[1]
            break
        except InterruptedError:
            continue
    os._exit(max(0, os.waitstatus_to_exitcode(status)) or (1 if status else 0))


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
