import sys

import pytest

from helpers import env


def test_where(monkeypatch):
    for name in ("COLAB_RELEASE_TAG", "BINDER_LAUNCH_HOST", "BINDER_SERVICE_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert env.where() == "local"
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert env.where() == "binder"
    monkeypatch.setitem(sys.modules, "google.colab", object())
    assert env.where() == "colab"


@pytest.mark.parametrize(
    ("installed", "tested", "status"),
    [
        ("3.11.7", "3.11", "ok"),
        ("2.4.6", "2.4.6", "ok"),
        ("2.4.60", "2.4.6", "differs"),
        (None, "1.0", "missing"),
    ],
)
def test_compare(installed, tested, status):
    assert env.compare(installed, tested) == status


def test_versions_of_this_environment_match_the_tested_ones():
    rows = {package: status for package, _, _, status in env.versions()}
    assert rows == {package: "ok" for package in env.TESTED}


def test_tensorflow_cpu_counts_as_tensorflow():
    assert env.installed_version("tensorflow") == env.TESTED["tensorflow"]
    assert env.installed_version("no-such-package-anywhere") is None


def test_report_without_gpu_check_is_fast_and_complete():
    text = env.report(check_gpu=False)
    for word in ("python", "tensorflow", "keras", "numpy", "mode:", "mnist", "running local"):
        assert word in text


def test_report_with_gpu_check_says_what_it_found():
    text = env.report(check_gpu=True)
    assert "GPU: " in text
