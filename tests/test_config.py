import random

import numpy as np
import pytest

import helpers
from helpers import config


def test_mode_follows_environment(monkeypatch):
    monkeypatch.setenv("DLCOURSE_FAST", "1")
    assert config.is_fast() and config.mode() == "fast"
    assert config.pick(full=100, fast=3) == 3
    assert config.epochs(full=20, fast=2) == 2
    for value in ("", "0", "no"):
        monkeypatch.setenv("DLCOURSE_FAST", value)
        assert not config.is_fast() and config.mode() == "full"
        assert config.epochs(full=20, fast=2) == 20
    monkeypatch.delenv("DLCOURSE_FAST")
    assert config.mode() == "full"


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (0, ValueError),
        (-1, ValueError),
        (2.5, TypeError),
        ("3", TypeError),
        (True, TypeError),
        (None, TypeError),
    ],
)
def test_epochs_rejects_non_positive_whole_numbers(bad, error):
    with pytest.raises(error, match="positive whole number"):
        config.epochs(full=bad)
    with pytest.raises(error, match="positive whole number"):
        config.epochs(full=5, fast=bad)


def test_seed_everything_makes_python_and_numpy_repeat():
    helpers.seed_everything(7)
    first = (random.random(), np.random.rand())
    helpers.seed_everything(7)
    assert (random.random(), np.random.rand()) == first


@pytest.mark.parametrize(
    ("bad", "error"), [(-1, ValueError), (1.5, TypeError), ("42", TypeError), (None, TypeError)]
)
def test_seed_must_be_a_non_negative_integer(bad, error):
    with pytest.raises(error, match="non-negative whole number"):
        helpers.seed_everything(bad)
    with pytest.raises(error, match="non-negative whole number"):
        helpers.rng(bad)


def test_rng_is_seeded():
    assert helpers.rng(3).normal() == helpers.rng(3).normal()
    assert helpers.rng(3).normal() != helpers.rng(4).normal()


def test_setup_prints_one_summary_line(capsys, monkeypatch):
    monkeypatch.setenv("DLCOURSE_FAST", "1")
    helpers.setup()
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "mode: fast" in out[0] and "seed 42" in out[0] and "Python 3." in out[0]


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        helpers.nonsense  # noqa: B018
