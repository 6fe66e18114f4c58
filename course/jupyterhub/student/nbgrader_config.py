"""nbgrader in a student's server on the hub: the course and its exchange, nothing else.

The course id is the one in course/nbgrader_config.py; the hub sets
DLCOURSE_EXCHANGE (see ../jupyterhub_config.py).
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

c.CourseDirectory.course_id = "dlcourse"
c.Exchange.root = os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
