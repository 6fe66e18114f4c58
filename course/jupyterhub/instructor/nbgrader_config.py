"""nbgrader in the instructor's server on the hub: the course's settings, and the exchange.

The hub sets DLCOURSE_COURSE (the instructor's clone of the repository) and
DLCOURSE_EXCHANGE (see ../jupyterhub_config.py).  The formgrader, and nbgrader
run in the server's terminal, read the course's nbgrader_config.py through this file.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

load_subconfig(os.path.join(os.environ["DLCOURSE_COURSE"], "nbgrader_config.py"))  # noqa: F821
c.Exchange.root = os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
