"""Reading what students handed in: archives, folders, loose files; tampering.

:func:`collect` turns a folder (nbgrader's ``<student>/<assignment>/`` layout, or
loose ``<student>.ipynb`` files) or a zip of either into one
:class:`~dlcourse.grading.records.Submission` per student, with the notebooks as
nbformat-4 JSON text, what was fixed on the way (a misnamed notebook, an old
nbformat, protected cells deleted, changed or moved: :func:`tampering`) and why
a hand-in cannot be graded at all.  It raises
:class:`~dlcourse.grading.records.GradeError` only when there is nothing to read.
"""

import json
import shutil
import zipfile
from pathlib import Path

from dlcourse.grading.records import EXCHANGE_FILES, STUDENT_ID, GradeError, Submission


def _safe_extract(archive, folder):
    """Unpack a zip without letting a member escape ``folder``."""
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            target = (folder / member.filename).resolve()
            if not target.is_relative_to(folder.resolve()) or member.is_dir():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipped.open(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)


def read_notebook(path):
    """``(text, note, problem)``: the notebook as nbformat-4 JSON text, or why not."""
    import nbformat

    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "", "the file is not UTF-8 text"
    try:
        version = json.loads(text).get("nbformat")
        notebook = nbformat.reads(text, as_version=4)
    except (ValueError, AttributeError, KeyError, TypeError) as error:
        return None, "", f"not a valid notebook ({type(error).__name__})"
    note = f"upgraded from nbformat {version}" if version != 4 else ""
    return nbformat.writes(notebook), note, ""


def _student_folders(folder, assignment):
    """Map student -> folder of notebooks for nbgrader's ``<student>/<assignment>/`` layout."""
    if (folder / "submitted").is_dir():
        folder = folder / "submitted"
    found = {}
    for student in sorted(p for p in folder.iterdir() if p.is_dir()):
        inner = student / assignment
        if inner.is_dir():
            found[student.name] = inner
        elif not any(student.iterdir()):
            found[student.name] = student  # an empty folder: handed in nothing
    return found


def collect(source, assignment, release, scratch):
    """Every submission in ``source``: a folder (nbgrader layout or loose files) or a zip.

    ``release`` maps each notebook name of the assignment to its released notebook.
    """
    expected = sorted(release)
    source = Path(source)
    if not source.exists():
        raise GradeError(f"No submissions at {source}.")
    if source.is_file():
        if not zipfile.is_zipfile(source):
            raise GradeError(f"{source} is neither a folder nor a zip file of notebooks.")
        unpacked = Path(scratch) / "unzipped"
        _safe_extract(source, unpacked)
        tops = [p for p in unpacked.iterdir() if not p.name.startswith("__MACOSX")]
        source = tops[0] if len(tops) == 1 and tops[0].is_dir() else unpacked
    folders = _student_folders(source, assignment)
    if folders:
        return [_from_folder(s, inner, expected, release) for s, inner in folders.items()]
    loose = sorted(source.glob("*.ipynb"))
    if len(expected) != 1 and loose:
        raise GradeError(f"{assignment} has {len(expected)} notebooks: use the nbgrader layout.")
    return [_from_files(p.stem, {expected[0]: p}, [], release) for p in loose]


def _from_folder(student, folder, expected, release):
    files = {p.name: p for p in sorted(folder.glob("*.ipynb"))}
    handed_in = {name: name if name in expected else "" for name in files}
    notes = []
    if len(expected) == 1 and expected[0] not in files and len(files) == 1:
        ((name, path),) = files.items()
        notes.append(f"graded {name} as {expected[0]}")
        files, handed_in = {expected[0]: path}, {name: expected[0]}
    submission = _from_files(
        student, {name: files[name] for name in expected if name in files}, notes, release
    )
    submission.handed_in = handed_in
    found = [folder / name for name in EXCHANGE_FILES if (folder / name).is_file()]
    submission.exchange = {path.name: path.read_text(encoding="utf-8") for path in found}
    return submission


def tampering(release, handed_in):
    """What a submission did to the cells nbgrader protects, in words (nbgrader checksums)."""
    from nbgrader.utils import compute_checksum, is_locked

    def protected(nb):
        return {
            c.metadata.nbgrader["grade_id"]: c
            for c in nb.cells
            if "nbgrader" in c.metadata
            and "grade_id" in c.metadata.nbgrader
            and (
                is_locked(c)
                or c.metadata.nbgrader.get("grade")
                and not c.metadata.nbgrader.get("solution")
            )
        }

    original, submitted = protected(release), protected(handed_in)
    notes = []
    deleted = [name for name in original if name not in submitted]
    if deleted:
        notes.append(f"deleted protected cells {', '.join(deleted)}")
    changed = [
        name
        for name, cell in original.items()
        if name in submitted
        and compute_checksum(submitted[name]) != cell.metadata.nbgrader.get("checksum")
    ]
    if changed:
        notes.append(f"changed protected cells {', '.join(changed)} (the originals were graded)")
    kept = [name for name in submitted if name in original]
    if kept != [name for name in original if name in submitted]:
        notes.append("moved protected cells out of their order")
    return notes


def _from_files(student, files, notes, release):
    import nbformat

    submission = Submission(student, notes=list(notes))
    if not STUDENT_ID.match(student):
        submission.problem = "the student id has characters that cannot be used in paths"
        return submission
    if not files:
        submission.problem = "no notebook handed in"
    for name, path in files.items():
        text, note, problem = read_notebook(path)
        if problem:
            submission.problem = f"{name}: {problem}"
            return submission
        submission.notebooks[name] = text
        if note:
            submission.notes.append(f"{name} {note}")
        submission.notes += tampering(release[name], nbformat.reads(text, as_version=4))
    return submission
