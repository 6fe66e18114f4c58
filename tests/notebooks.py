"""Small shared helpers for the notebook tests (not a test module)."""

import json
import shutil
from pathlib import Path

from dlcourse import syllabus

ROOT = Path(__file__).resolve().parents[1]
REPO = syllabus.repository(ROOT)  # OWNER/NAME, from pyproject.toml's Homepage


def read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def all_notebooks():
    return sorted(
        p.relative_to(ROOT)
        for folder in ("lectures", "solutions", "assignments")
        for p in (ROOT / folder).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def launch_path(path):
    """The path a notebook's badges open: the student release for an assignment source."""
    parts = Path(path).parts
    if parts[0] == "solutions":
        return Path("assignments", *parts[1:]).as_posix()
    return Path(path).as_posix()


def grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def is_solution(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("solution", False)


def is_test(cell):
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta.get("grade", False) and not meta.get("solution", False)


def copy_course(target, *skip):
    """A throw-away copy of the course (without its environment, history, gradebook or cache)."""
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "*.db", "__pycache__", "cache", "_build", "node_modules", *skip
    )
    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)
    return target
