import nbformat
import pytest

from dlcourse import notebooks


def tiny_notebook(path, code):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(source) for source in code]
    nbformat.write(nb, path)
    return path


def test_execute_saves_outputs_without_timestamps_and_passes_the_mode(tmp_path):
    path = tiny_notebook(
        tmp_path / "t.ipynb",
        ["import helpers\nprint(helpers.mode())", "open('here.txt', 'w').close()"],
    )
    seconds = notebooks.execute(path, fast=True)
    assert seconds > 0
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].outputs[0].text.strip() == "fast"
    assert "execution" not in nb.cells[0].metadata
    assert (tmp_path / "here.txt").exists(), "the notebook runs in its own folder"
    notebooks.execute(path, fast=False)
    assert nbformat.read(path, as_version=4).cells[0].outputs[0].text.strip() == "full"


def test_execute_reports_the_failing_cell(tmp_path):
    from nbclient.exceptions import CellExecutionError

    path = tiny_notebook(tmp_path / "bad.ipynb", ["1 / 0"])
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        notebooks.execute(path, save=False)


def test_execute_rejects_other_files(tmp_path):
    with pytest.raises(ValueError, match="path of a .ipynb notebook"):
        notebooks.execute(tmp_path / "missing.ipynb")
    (tmp_path / "notes.txt").write_text("hi")
    with pytest.raises(ValueError, match="path of a .ipynb notebook"):
        notebooks.execute(tmp_path / "notes.txt")
