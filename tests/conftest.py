"""Shared test settings: the fast mode, no network, and the course's paths."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Notebook kernels started by the tests inherit these: lessons shrink their work,
# and no test depends on (or waits for) the network.
os.environ.setdefault("DLCOURSE_FAST", "1")
os.environ.setdefault("DLCOURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture
def root():
    return ROOT
