"""Build the course website: ``make site``, or ``python site/build.py [--out DIR]``.

Sphinx reads the committed notebooks as they are.  This script lays out the
source tree Sphinx needs inside the build folder, as copies: the pages of
``PAGES`` (``site/index.md``, ``SOURCES.md`` as ``sources.md``, the two guides, the
README's introduction), and for every ready lesson of ``course/syllabus.yml``
its lecture and its assignment *release* (``assignments/``, never ``solutions/``).
Then it runs Sphinx on that tree with warnings as errors, so a broken link, anchor
or picture fails the build.  Nothing is executed; nothing is written outside the
build folder (``site/_build`` by default): the site is in ``OUT/html``.
"""

import argparse
import shutil
import sys
import time
from pathlib import Path

SITE = Path(__file__).resolve().parent
ROOT = SITE.parent
sys.path[:0] = [str(SITE / "_ext"), str(ROOT)]

from course_site import PAGES  # noqa: E402

from dlcourse import syllabus  # noqa: E402


def sources():
    """``{path in the site's source tree: file in the repository}``."""
    files = {name: ROOT / file for name, file in PAGES.items()}
    for lesson in syllabus.ready(ROOT):
        files[lesson.lecture] = ROOT / lesson.lecture
        for release in sorted((ROOT / lesson.release_dir).glob("*.ipynb")):
            files[release.relative_to(ROOT).as_posix()] = release
    return files


def stage(folder):
    """The source tree for Sphinx, copied from the repository.

    Copies keep their time stamps, so a second build reads only what changed.  (Not
    symbolic links: MyST would resolve a page's links from the file they point to.)
    """
    files = sources()
    for path in folder.rglob("*") if folder.exists() else []:
        if path.is_file() and path.relative_to(folder).as_posix() not in files:
            path.unlink()
    for name, original in files.items():
        copy = folder / name
        if not copy.exists() or copy.stat().st_mtime != original.stat().st_mtime:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(original, copy)
    return folder


def build(out, builder="html", jobs="1"):
    """Build the site into ``out/<builder>``; Sphinx's exit status."""
    from sphinx.cmd.build import build_main

    out = Path(out).resolve()
    source = stage(out / "src")
    args = ["-b", builder, "-c", str(SITE), "-d", str(out / "doctrees"), "-j", jobs]
    return build_main([*args, "-W", "--keep-going", "-q", str(source), str(out / builder)])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=SITE / "_build", type=Path, help="build folder")
    parser.add_argument(
        "--builder", default="html", help="html, or gettext for the translation templates"
    )
    parser.add_argument("-j", "--jobs", default="1", help="Sphinx processes (or auto)")
    options = parser.parse_args(argv)
    started = time.monotonic()
    status = build(options.out, options.builder, options.jobs)
    if status == 0:
        where = options.out.resolve() / options.builder
        print(f"Built in {time.monotonic() - started:.0f} s: {where}")
    return status


if __name__ == "__main__":
    sys.exit(main())
