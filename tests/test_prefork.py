"""Kernels forked from seeds behave like the kernels jupyter_client starts itself.

Each check runs in a fresh Python, as a grading worker does: seeds must be
forked from a process without threads, which a pytest worker is not.
"""

import json
import subprocess
import sys
import textwrap

import pytest

from dlcourse import prefork

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="seeds need fork")

RUN = """
import json, os, sys, time
import nbformat
from nbclient import NotebookClient
from dlcourse import prefork

def run(code, timeout=20, **kw):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, **kw)
    try:
        client.execute()
    except Exception as error:
        return type(error).__name__
    return "".join(o.get("text", "") for o in nb.cells[0].outputs)
"""


def python(body, tmp_path):
    script = textwrap.dedent(RUN) + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_seed_becomes_the_kernel_with_its_folder_environment_and_session(tmp_path):
    (tmp_path / "work").mkdir()
    out = python(
        """
        os.environ["MARK"] = "from the worker"
        with prefork.seeded(1) as seeds:
            text = run(
                "import os; print(os.getpid(), os.getppid(), os.getsid(0), "
                "os.getcwd(), os.environ['MARK'])",
                resources={"metadata": {"path": "work"}},
            )
            print(json.dumps({"out": text.split(), "seed": seeds[0].pid, "me": os.getpid()}))
        """,
        tmp_path,
    )
    pid, parent, session, cwd, *mark = out["out"]
    assert int(pid) == out["seed"] and int(parent) == out["me"]
    assert int(session) == int(pid), "the kernel leads a session of its own"
    assert cwd == str(tmp_path / "work")
    assert " ".join(mark) == "from the worker"


def test_a_kernel_holds_none_of_the_workers_open_files(tmp_path):
    # The worker's pipe to the orchestrator above all: a kernel could send a report on it.
    out = python(
        """
        read, write = os.pipe()
        with prefork.seeded(1):
            text = run(
                f"import os, stat; print(stat.S_ISFIFO(os.fstat({write}).st_mode))"
            )
        os.write(write, b"still mine")
        print(json.dumps({"pipe_in_kernel": text.strip(), "read": os.read(read, 10).decode()}))
        """,
        tmp_path,
    )
    assert out["pipe_in_kernel"] == "False"
    assert out["read"] == "still mine", "the worker's own descriptors are left alone"


def test_a_seed_runs_become_with_the_launch_request_first(tmp_path):
    # The sandbox changes the kernel's user there; here it marks the environment.
    out = python(
        """
        def become(request):
            request["env"]["MARK"] = f"became in {os.getpid()} for -f {'-f' in request['argv']}"

        with prefork.seeded(2, become) as seeds:
            idle = prefork.idle()
            text = run("import os; print(os.environ['MARK'])")
            left = prefork.idle()
        print(json.dumps({"out": text.strip(), "seeds": [s.pid for s in seeds], "idle": idle,
                          "left": left, "after": prefork.idle()}))
        """,
        tmp_path,
    )
    assert out["out"] == f"became in {out['seeds'][0]} for -f True"
    assert out["idle"] == out["seeds"] and out["left"] == out["seeds"][1:]
    assert out["after"] == []


def test_kernels_past_the_seeds_start_the_usual_way(tmp_path):
    out = python(
        """
        with prefork.seeded(1) as seeds:
            first = run("import os; print(os.getpid())")
            second = run("import os; print(os.getpid())")
        print(json.dumps({"pids": [int(first), int(second)], "seed": seeds[0].pid}))
        """,
        tmp_path,
    )
    assert out["pids"][0] == out["seed"]
    assert out["pids"][1] != out["seed"]


def test_a_looping_cell_is_interrupted_and_a_crash_is_seen(tmp_path):
    out = python(
        """
        with prefork.seeded(2):
            start = time.monotonic()
            looped = run("while True: pass", timeout=3)
            took = time.monotonic() - start
            crashed = run("import os; os._exit(3)")
        print(json.dumps({"looped": looped, "took": took, "crashed": crashed}))
        """,
        tmp_path,
    )
    assert out["looped"] == "CellTimeoutError" and out["took"] < 30
    assert out["crashed"] == "DeadKernelError"


def test_unused_seeds_are_stopped_and_the_usual_launch_comes_back(tmp_path):
    out = python(
        """
        from jupyter_client.provisioning import local_provisioner
        usual = local_provisioner.launch_kernel
        with prefork.seeded(3) as seeds:
            patched = local_provisioner.launch_kernel is not usual
        print(json.dumps({
            "patched": patched,
            "restored": local_provisioner.launch_kernel is usual,
            "codes": [seed.poll() for seed in seeds],
        }))
        """,
        tmp_path,
    )
    assert out["patched"] and out["restored"]
    assert out["codes"] == [0, 0, 0], "every seed ended and was collected"


def test_only_this_pythons_ipython_kernel_comes_from_a_seed():
    assert prefork._usual_kernel([sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not prefork._usual_kernel(["/other/python", "-m", "ipykernel_launcher", "-f", "c"])
    assert not prefork._usual_kernel([sys.executable, "-m", "other_kernel", "-f", "c.json"])
