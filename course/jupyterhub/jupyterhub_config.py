"""JupyterHub for a class on one machine: local Unix users, one server each, nbgrader's exchange.

Run it as root, from the folder that keeps the hub's state (its database, cookie
secret and the proxy's pid file); JupyterHub's proxy is the one ``make hub-proxy``
installs beside the hub's Python, or else the PATH's::

    cd /srv/jupyterhub
    DLCOURSE_INSTRUCTOR=ada DLCOURSE_STUDENTS=alan,grace,edsger \\
        /opt/dlcourse/.venv/bin/jupyterhub -f /opt/dlcourse/course/jupyterhub/jupyterhub_config.py

Everyone logs in with their Unix password (PAM).  The instructor's server has
nbgrader's formgrader and works in their clone of the course; students' servers
have the Assignments panel only (``student/``).  Settings, read when the hub starts:

DLCOURSE_INSTRUCTOR  the instructor's user name (default ``instructor``)
DLCOURSE_STUDENTS    the students' user names, comma-separated: the only others who may log in
DLCOURSE_COURSE      the instructor's clone of the repository
                     (default ``~INSTRUCTOR/deep-learning-course``)
DLCOURSE_EXCHANGE    nbgrader's exchange, a folder everyone may write
                     (default ``/srv/nbgrader/exchange``)
DLCOURSE_BIN         the ``bin`` folder of the Python environment users' servers run, readable
                     by every user (default: the hub's own)

course/INSTRUCTORS.md ("A class on JupyterHub") walks through a term with it;
tests/test_hub.py runs that walk with real users, this file and a browser.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it reads this file

HERE = Path(__file__).resolve().parent
INSTRUCTOR = os.environ.get("DLCOURSE_INSTRUCTOR", "instructor")
STUDENTS = {name.strip() for name in os.environ.get("DLCOURSE_STUDENTS", "").split(",")} - {""}
COURSE = os.path.expanduser(
    os.environ.get("DLCOURSE_COURSE", f"~{INSTRUCTOR}/deep-learning-course")
)
EXCHANGE = os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
BIN = os.environ.get("DLCOURSE_BIN", os.path.dirname(sys.executable))

# Who: local users, by their Unix password; only the instructor and the class.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = {INSTRUCTOR, *STUDENTS}

# Where: this machine only.  Put a TLS proxy in front (or set ip) to open it to the class.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = 8000
c.JupyterHub.hub_ip = "127.0.0.1"

# JupyterHub's proxy: the one `make hub-proxy` installs beside this Python, else the PATH's.
PROXY = Path(sys.prefix, "hub-proxy", "node_modules", ".bin", "configurable-http-proxy")
if PROXY.exists():
    c.ConfigurableHTTPProxy.command = [str(PROXY)]

# One JupyterLab server each, a process that runs as the user, in their home.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [os.path.join(BIN, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 120  # a busy machine starting a class's servers at once
c.Spawner.start_timeout = 120
c.Spawner.environment = {
    "PATH": os.pathsep.join([BIN, "/usr/local/bin", "/usr/bin", "/bin"]),
    "DLCOURSE_EXCHANGE": EXCHANGE,  # read by instructor/ and student/nbgrader_config.py
}


def per_role(spawner):
    """The instructor's server reads ``instructor/``, every other one ``student/``."""
    if spawner.user.name == INSTRUCTOR:
        role = {"JUPYTER_CONFIG_PATH": str(HERE / "instructor"), "DLCOURSE_COURSE": COURSE}
    else:
        role = {"JUPYTER_CONFIG_PATH": str(HERE / "student")}
    spawner.environment = {**spawner.environment, **role}


c.Spawner.pre_spawn_hook = per_role
