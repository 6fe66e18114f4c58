"""Sphinx configuration of the course website (``make site``; see ``site/build.py``).

Sphinx with MyST-NB reads the committed, executed notebooks (nothing is
executed) and the Markdown pages; ``gettext`` extracts every Markdown cell, so a
translated edition is built from the same sources.  Everything a page loads is in
the site: MathJax from an installed package, the theme's own assets, the pictures
that the notebooks hold.  ``_ext/course_site.py`` does what is particular to the
course.
"""

import sys
from pathlib import Path

SITE = Path(__file__).resolve().parent
ROOT = SITE.parent
sys.path[:0] = [str(SITE / "_ext"), str(ROOT)]

import course_site  # noqa: E402

from dlcourse import syllabus  # noqa: E402

project = "Deep learning, an open interactive course"
author = "The dlcourse authors"
copyright = "the dlcourse authors; text and figures CC BY 4.0, code MIT"
language = "en"

# Read by the extension: where the syllabus is, and the repository (OWNER/NAME, from
# pyproject.toml's Homepage, the one place that names it).
course_root = str(ROOT)
course_repository = syllabus.repository(ROOT)

extensions = ["myst_nb", "course_site"]
exclude_patterns = ["_includes", "**/.ipynb_checkpoints"]

# MyST: $...$ and $$...$$ as in the notebooks; GitHub-style heading anchors, so a link
# to a section written for JupyterLab or GitHub works here too; and link schemes for
# launching a notebook ([text](colab:lectures/01_python_basics.ipynb)).
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
myst_url_schemes = {
    "http": None,
    "https": None,
    "mailto": None,
    **{name: {"url": url} for name, url in course_site.launch_urls(course_repository).items()},
}

# MyST-NB: show the committed outputs, never execute; read notebooks through the
# extension (widgets as their pictures, widget state dropped); and should a notebook
# keep widget state anyway, still load no widget manager (MyST-NB's comes from a CDN).
nb_execution_mode = "off"
nb_custom_formats = {".ipynb": "course_site.read_notebook"}
nb_ipywidgets_js = {}
nb_merge_streams = True

# MathJax from the copy the extension puts in _static/ (relative to _static).
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_js_files = ["search-math.js"]
html_copy_source = False  # the pages are the site; notebooks only where a button offers them
