"""The course's own Sphinx extension: notebooks shown as a reader of the site needs them.

* **Notebooks are read as committed**, with three changes made in memory only
  (:func:`read_notebook`): a widget shows its static picture and one line saying
  where to run it live (no widget manager, so no script from a CDN); the widget
  state, which only a widget manager reads, is dropped; a cell whose input is
  hidden in JupyterLab (a "check yourself" answer) is folded on the page too.
* **Launch buttons** on every lecture and assignment page (Colab, Binder and, for a
  lecture, the notebook itself), in place of the badges of the notebook's first
  cell, whose pictures would come from the network.  Any other remote image fails
  the build: the site must work offline.
* **Links to repository files that the site shows as pages** (``PAGES``) lead to
  those pages: a lecture links to ``../SOURCES.md``, which works on GitHub and in
  JupyterLab, and here is the page ``sources``.
* ``{lesson-table}``: the lessons of ``course/syllabus.yml`` with their run time
  and memory.
* MathJax comes from the ``sphinx-mathjax-offline`` distribution (installed by the
  ``site`` extra, never committed): the part of it that the pages use is copied
  into ``_static/mathjax``.
"""

import importlib.metadata
import posixpath
import shutil
from pathlib import Path

import nbformat
from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from dlcourse import syllabus

LOGGER = logging.getLogger(__name__)

# Pages that are not notebooks: their name in the site, their file in the repository
# (``site/build.py`` copies them into the site's source tree).
PAGES = {
    "index.md": "site/index.md",
    "sources.md": "SOURCES.md",
    "instructors.md": "course/INSTRUCTORS.md",
    "contributing.md": "CONTRIBUTING.md",
    "_includes/README.md": "README.md",  # the home page takes its introduction
}

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    "*A picture of an interactive widget: run this notebook in JupyterLab, Binder or "
    "Colab to use its controls.*"
)
# Where a notebook opens live, for the repository OWNER/NAME.  MyST link schemes
# (``[text](colab:lectures/x.ipynb)``) and the launch buttons both use these;
# ``{{path}}`` is a path in the repository.
LAUNCH_URLS = {
    "colab": "https://colab.research.google.com/github/{repository}/blob/main/{{{{path}}}}",
    "binder": "https://mybinder.org/v2/gh/{repository}/HEAD?labpath={{{{path}}}}",
    "repo": "https://github.com/{repository}/{{{{path}}}}",
}
# The MathJax files the pages load: the TeX-to-HTML bundle, its fonts and the TeX
# extensions it loads on demand.
MATHJAX_FILES = ("tex-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions")
MATHJAX_DIST = "sphinx-mathjax-offline"
MATHJAX_DIR = "sphinx-mathjax-offline/static/mathjax"


def launch_urls(repository):
    """``{scheme: URL template}`` for the GitHub repository ``OWNER/NAME``."""
    return {name: url.format(repository=repository) for name, url in LAUNCH_URLS.items()}


def read_notebook(text):
    """A committed notebook as the site shows it (``nb_custom_formats`` reader)."""
    notebook = nbformat.reads(text, as_version=4)
    notebook.metadata.pop("widgets", None)
    for index, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.metadata.get("jupyter", {}).get("source_hidden"):
            tags = cell.metadata.setdefault("tags", [])
            tags.append("hide-input")
        outputs = []
        for output in cell.get("outputs", []):
            outputs.append(output)
            data = output.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            del data[WIDGET_VIEW]
            if not any(mime.startswith("image/") for mime in data):
                LOGGER.warning(f"cell {index}: a widget without a static picture", type="course")
            note = nbformat.v4.new_output("display_data", data={"text/markdown": WIDGET_NOTE})
            outputs.append(note)
        cell.outputs = outputs
    return notebook


def is_remote(uri):
    return uri.startswith(("http://", "https://", "//"))


def is_badge(node):
    """A link whose only content is a remote picture (a Colab or Binder badge)."""
    return (
        isinstance(node, nodes.reference)
        and len(node.children) == 1
        and isinstance(node[0], nodes.image)
        and is_remote(node[0]["uri"])
    )


def launch_buttons(app, docname):
    path = f"{docname}.ipynb"
    urls = {
        name: url.replace("{{path}}", path)
        for name, url in launch_urls(app.config.course_repository).items()
    }
    links = [
        (urls["colab"], "Open in Colab", ""),
        (urls["binder"], "Launch on Binder", ""),
    ]
    if docname.startswith("lectures/"):
        links.append((Path(path).name, "Download the notebook", " download"))
    html = "".join(f'<a class="launch-button" href="{u}"{a}>{label}</a>' for u, label, a in links)
    return nodes.raw("", f'<div class="launch-buttons">{html}</div>', format="html")


def add_launch_buttons(app, doctree):
    """Launch buttons where a notebook has its badges; no other remote picture."""
    docname = app.env.docname
    if docname.startswith(("lectures/", "assignments/")):
        buttons = launch_buttons(app, docname)
        badges = next(
            (
                paragraph
                for paragraph in doctree.findall(nodes.paragraph)
                if any(is_badge(child) for child in paragraph.children)
                and all(is_badge(c) or not c.astext().strip() for c in paragraph.children)
            ),
            None,
        )
        if badges is not None:
            badges.replace_self(buttons)
        else:
            section = doctree.next_node(nodes.section)
            section.insert(1, buttons)
    for image in doctree.findall(nodes.image):
        if is_remote(image["uri"]):
            LOGGER.warning(
                f"remote image {image['uri']}: the site must work offline", location=image
            )


def link_repository_pages(app, doctree):
    """A link to a repository file that the site shows as a page leads to that page.

    A notebook's path in the site is its path in the repository, a page's is in
    ``PAGES``; so ``../SOURCES.md`` in ``lectures/01_python_basics`` is the repository
    file ``SOURCES.md``, shown as the page ``sources``.
    """
    env = app.env
    pages = {posixpath.splitext(name)[0]: file for name, file in PAGES.items()}
    shown = {file: page for page, file in pages.items() if page in env.found_docs}
    here = posixpath.dirname(pages.get(env.docname, env.docname))
    for node in doctree.findall(addnodes.pending_xref):
        if node.get("reftype") != "myst":
            continue
        if node["refdomain"] is None:  # a path MyST found no file for
            path, _, anchor = node["reftarget"].partition("#")
            file = posixpath.normpath(posixpath.join(here, path))
        elif node["refdomain"] == "doc" and node["reftarget"] not in env.found_docs:
            # a file system that ignores case found SOURCES.md as sources.md
            file, anchor = f"{node['reftarget']}.md", node.get("reftargetid")
        else:
            continue
        if file in shown:
            node["refdomain"], node["reftarget"] = "doc", shown[file]
            node["reftargetid"] = anchor or None


class LessonTable(SphinxDirective):
    """The lessons of ``course/syllabus.yml``: links, run time and peak memory."""

    def run(self):
        root = Path(self.config.course_root)
        self.env.note_dependency(str(root / "course" / "syllabus.yml"))
        rows = [
            "| # | Lecture | Assignment | Lecture: time, memory | Assignment: time, memory |",
            "|---|---|---|---|---|",
        ]
        for lesson in syllabus.load(root):
            lecture, work = lesson.title, lesson.assignment
            if lesson.ready:
                lecture = f"[{lesson.title}](/{lesson.lecture})"
                release = sorted((root / lesson.release_dir).glob("*.ipynb"))
                work = f"[{lesson.assignment}](/{release[0].relative_to(root).as_posix()})"
            cost = lesson.runtime or {}
            rows.append(
                f"| {lesson.number:02d} | {lecture} | {work} "
                f"| {cost_text(cost, 'lecture')} | {cost_text(cost, 'assignment')} |"
            )
        where = syllabus.measured_on(root)
        if where:
            rows += ["", f"Full mode, measured by `dlcourse bench` on {where}."]
        return self.parse_text_to_nodes("\n".join(rows))


def cost_text(runtime, part):
    if f"{part}_s" not in runtime:
        return "planned"
    return f"{runtime[f'{part}_s']:.0f} s, {runtime[f'{part}_peak_mb']:.0f} MB"


def copy_assets(app, exception):
    """MathJax and the lecture notebooks (the download buttons) into the built site."""
    if exception is not None or app.builder.format != "html":
        return
    source = Path(importlib.metadata.distribution(MATHJAX_DIST).locate_file(MATHJAX_DIR))
    target = Path(app.outdir) / "_static" / "mathjax"
    for name in MATHJAX_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, target / name)
    for docname in app.env.found_docs:
        if docname.startswith("lectures/"):
            shutil.copyfile(app.env.doc2path(docname), Path(app.outdir) / f"{docname}.ipynb")


def setup(app):
    app.add_config_value("course_root", "", "env")
    app.add_config_value("course_repository", "", "env")
    app.add_directive("lesson-table", LessonTable)
    app.connect("doctree-read", add_launch_buttons)
    app.connect("doctree-read", link_repository_pages)
    app.connect("build-finished", copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
