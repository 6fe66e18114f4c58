"""A class on one machine, for tests/test_hub.py: Unix users, a Python they can run, a hub.

Not a test module.  Everything here needs root; :func:`missing` says in one
sentence what this machine lacks when the hub test cannot run.  Whatever is
started or created here is stopped or removed by the same object, even after a
failure: :class:`Users` removes its users and their processes, :class:`Hub`
stops the hub, its proxy and the servers it spawned.
"""

import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
HUB_CONFIG = ROOT / "course" / "jupyterhub" / "jupyterhub_config.py"
# `make test` installs JupyterHub's proxy here, with npm, from course/jupyterhub/package-lock.json.
PROXY = Path(sys.prefix) / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def proxy_command():
    """configurable-http-proxy: the one `make test` installed, or one on the PATH."""
    return str(PROXY) if PROXY.exists() else shutil.which("configurable-http-proxy")


def _closed_folder(path):
    """The first folder on the way to ``path`` that other users cannot pass, or None."""
    for folder in [*reversed(Path(path).parents), Path(path)]:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return folder
    return None


def missing():
    """What this machine lacks for the hub test, in one sentence, or "" when it has it all."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return "The JupyterHub test creates Unix users, so it needs root on Linux."
    tools = [t for t in ("useradd", "userdel", "chpasswd", "node") if not shutil.which(t)]
    if tools:
        return f"The JupyterHub test needs {', '.join(tools)}, which this machine lacks."
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return "JupyterHub is not installed (the `hub` extra, which `make test` installs)."
    if not proxy_command():
        return "JupyterHub's proxy is not installed (`make test` installs it with npm)."
    if not CHROMIUM:
        return "Chromium is not installed (apt-get install chromium)."
    for path in (ROOT, sysconfig.get_paths()["purelib"]):
        closed = _closed_folder(path)
        if closed:
            return f"The test's users could not reach {path}: {closed} is closed to other users."
    return ""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def shared_python(folder):
    """A Python other users can run: this one, its libraries, the course's environment.

    The course's environment is a venv whose interpreter may live where only root
    can go (pyenv under /root).  Its interpreter, shared library and standard
    library are linked (or copied) into ``folder``; a ``.pth`` file there adds the
    environment's site-packages with ``site.addsitedir``, so its own ``.pth``
    files (the editable install of the course) still work; ``bin`` holds the
    environment's scripts, their first line pointing at the new interpreter; and
    ``share/jupyter`` and ``etc/jupyter`` lead to the environment's, where
    JupyterLab and nbgrader's extensions are.  Nothing on the machine changes.

    Returns the ``bin`` folder and the environment variables a process needs to run it.
    """
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    lib = folder / "lib"
    skip = shutil.ignore_patterns("site-packages", "test", "idlelib", "tkinter", "turtledemo")
    shutil.copytree(stdlib, lib / version, ignore=skip, copy_function=_link_or_copy)
    for shared in Path(sysconfig.get_config_var("LIBDIR")).glob("libpython*.so*"):
        _link_or_copy(shared, lib / shared.name)
    (lib / version / "site-packages").mkdir()
    course_site = sysconfig.get_paths()["purelib"]
    (lib / version / "site-packages" / "course_environment.pth").write_text(
        # Skip jsonschema's two-second build of an IRI parser that no notebook schema uses
        # (python-jsonschema/jsonschema#1428), as `dlcourse grade` does: every server and
        # nbgrader command of the test would pay it.
        "import sys; sys.modules.setdefault('rfc3987_syntax', None); "
        f"import site; site.addsitedir({course_site!r})\n"
    )
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    _link_or_copy(Path(sys.executable).resolve(), bin_dir / version)
    for name in ("python3", "python"):
        (bin_dir / name).symlink_to(version)
    venv_bin = Path(sys.prefix) / "bin"
    for script in sorted(venv_bin.iterdir()):
        if script.is_file() and not script.is_symlink():
            text = script.read_bytes()
            if text.startswith(f"#!{venv_bin}/python".encode()):
                rest = text.split(b"\n", 1)[1]
                (bin_dir / script.name).write_bytes(f"#!{bin_dir / version}\n".encode() + rest)
                (bin_dir / script.name).chmod(0o755)
    for name in ("share", "etc"):
        (folder / name).mkdir()
        (folder / name / "jupyter").symlink_to(Path(sys.prefix) / name / "jupyter")
    environ = {
        "LD_LIBRARY_PATH": str(lib),  # the interpreter looks for libpython under /root
        "PATH": os.pathsep.join([str(bin_dir), "/usr/local/bin", "/usr/bin", "/bin"]),
    }
    return bin_dir, environ


@dataclass(frozen=True)
class User:
    name: str
    home: Path
    uid: int
    gid: int


def stop_processes(match):
    """Kill every process for which ``match(process)`` is true; return the CPU seconds they used.

    The seconds include those of the children they had waited for (kernels, say).
    """
    found, seconds = [], 0.0
    for process in psutil.process_iter():
        try:
            if process.pid != os.getpid() and match(process):
                seconds += sum(process.cpu_times()[:4])
                process.kill()
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    psutil.wait_procs(found, timeout=10)
    return seconds


class Users:
    """Unix users made for one test, removed with their processes and homes afterwards."""

    def __init__(self, homes):
        self.homes, self.made = Path(homes), []
        self.cpu_seconds = 0.0  # of the processes :meth:`remove` stopped

    def add(self, name, password=None):
        home = self.homes / name
        self.made.append(name)  # before useradd: a half-made user is removed too
        subprocess.run(
            ["useradd", "--create-home", "--home-dir", home, "--shell", "/bin/bash", name],
            check=True,
            capture_output=True,
        )
        if password:
            subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
        entry = pwd.getpwnam(name)
        return User(name, home, entry.pw_uid, entry.pw_gid)

    def remove(self):
        uids = set()
        for name in self.made:
            try:
                uids.add(pwd.getpwnam(name).pw_uid)
            except KeyError:
                pass
        self.cpu_seconds += stop_processes(lambda p: p.uids().real in uids)
        for name in reversed(self.made):
            subprocess.run(["userdel", "--force", "--remove", name], capture_output=True)
        left = [n for n in self.made if _exists(n)]
        self.made = []
        assert not left, f"could not remove the users {left}"


def _exists(name):
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def server_environment(user, timeout=60):
    """The environment of ``user``'s single-user server, which a terminal in it inherits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in psutil.process_iter():
            try:
                if process.uids().real == user.uid and any(
                    part.endswith("jupyterhub-singleuser") for part in process.cmdline()
                ):
                    return process.environ()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        time.sleep(0.2)
    raise RuntimeError(f"{user.name}'s server did not start within {timeout} s")


def run_as(user, command, environ, cwd=None, timeout=180):
    """Run ``command`` as ``user`` in their home, with a login's variables; fail on an error.

    nbgrader exits 0 after logging an error, so its ``[ERROR]`` lines fail too.
    """
    variables = {**environ, "HOME": str(user.home), "USER": user.name, "LOGNAME": user.name}
    done = subprocess.run(
        command,
        cwd=cwd or user.home,
        env={"LANG": "C.UTF-8", **variables},
        user=user.uid,
        group=user.gid,
        extra_groups=[],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0 or "[ERROR]" in done.stderr:
        raise AssertionError(
            f"`{' '.join(map(str, command))}` as {user.name} failed ({done.returncode}):\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    return done


class Hub:
    """JupyterHub with configurable-http-proxy on free ports, and an API token of its own."""

    def __init__(self, state, config, environ, token):
        self.state, self.config, self.environ, self.token = Path(state), config, environ, token
        self.port, self.hub_port, self.api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = self.state / "jupyterhub.log"

    def write_config(self, spawner_environment):
        """The course's hub config, plus the test's ports, API token and servers' variables."""
        service = {"name": "dlcourse-test", "api_token": self.token}
        role = {
            "name": "dlcourse-test",
            "services": ["dlcourse-test"],
            "scopes": ["admin:users", "admin:servers", "access:servers"],
        }
        lines = [
            "c = get_config()  # noqa: F821",
            f"load_subconfig({str(self.config)!r})  # noqa: F821",
            f"c.JupyterHub.port = {self.port}",
            f"c.JupyterHub.hub_port = {self.hub_port}",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{self.api_port}'",
            f"c.JupyterHub.services = [{service!r}]",
            f"c.JupyterHub.load_roles = [{role!r}]",
            f"c.Spawner.environment.update({spawner_environment!r})",
            # Users.remove stops the servers at once; the hub would stop them one by one.
            "c.JupyterHub.cleanup_servers = False",
        ]
        if not PROXY.exists():  # the config finds the one `make test` installs, not this one
            lines.append(f"c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]")
        path = self.state / "test_config.py"
        path.write_text("\n".join(lines) + "\n")
        return path

    def start(self, spawner_environment, timeout=60):
        """Start the hub (it starts the proxy); return once its API answers."""
        config = self.write_config(spawner_environment)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)],
                cwd=self.state,
                env={**os.environ, **self.environ},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.api("GET", "/")
                return
            except (OSError, urllib.error.HTTPError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterHub did not start:\n{self.tail()}") from None
                time.sleep(0.2)

    def tail(self, chars=6000):
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def api(self, method, path, body=None):
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            text = answer.read()
            return json.loads(text) if text else None

    def get(self, path):
        """GET a path behind the proxy (a user's server) with the test's token.

        Returns the status, the headers and the body.
        """
        request = urllib.request.Request(
            f"{self.url}{path}", headers={"Authorization": f"token {self.token}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, answer.headers, answer.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def spawn(self, names):
        """Ask the hub's API to start each user's server; they start side by side."""
        for name in names:
            self.api("POST", f"/users/{name}/server")

    def wait_ready(self, names, timeout=150):
        """Wait until each user's server is ready; fail with the hub's log if one cannot start."""
        deadline = time.monotonic() + timeout
        waiting = list(names)
        while waiting:
            for name in list(waiting):
                server = self.api("GET", f"/users/{name}")["servers"].get("", {})
                if server.get("ready"):
                    waiting.remove(name)
                elif not server.get("pending") and not server.get("ready"):
                    raise RuntimeError(f"{name}'s server did not start:\n{self.tail()}")
            if waiting and time.monotonic() > deadline:
                raise RuntimeError(f"servers of {waiting} not ready:\n{self.tail()}")
            time.sleep(0.3)

    def stop(self):
        """Stop the hub (it stops its proxy), then anything left of the proxy.

        The servers are the users' processes: :meth:`Users.remove` stops them.
        """
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        port = str(self.api_port)
        stop_processes(
            lambda p: "configurable-http-proxy" in " ".join(p.cmdline()) and port in p.cmdline()
        )
