# nbgrader reads this file from the folder it runs in; the settings live in
# course/nbgrader_config.py.
import os

c = get_config()  # noqa: F821
load_subconfig(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "course", "nbgrader_config.py")
)  # noqa: F821
