"""Data for anomaly detection: a series with steps, its windows, letters drawn by hand.

Scoring them against a threshold is :mod:`helpers.thresholds`' job.
"""

import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from helpers import config
from helpers.validate import check_count

# --- time series with steps -------------------------------------------------------------


def step_series(n, steps=None, noise=0.1, rng=None):
    """A series of ``n`` samples, waves plus noise, with level **steps** (Nikonorov 2023).

    The normal behaviour is ``sin(2 pi t / 16) + 0.5 sin(2 pi t / 7)`` plus Gaussian
    noise of standard deviation ``noise``; ``steps`` maps a position ``t0`` to a jump
    ``h``: from ``t0`` on the whole series is ``h`` higher (a step, the anomaly of seed
    004's example).  ``rng`` is a NumPy Generator or a seed (``None``: the course seed).
    """
    n = check_count(n, "n")
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        rng = config.rng() if rng is None else config.rng(int(rng))
    t = np.arange(n)
    series = np.sin(2 * np.pi * t / 16) + 0.5 * np.sin(2 * np.pi * t / 7)
    series = series + noise * rng.standard_normal(n)
    for position, jump in (steps or {}).items():
        if not 0 < position < n:
            raise ValueError(f"A step at {position} is outside the series (0..{n - 1}).")
        series[position:] += jump
    return series


def sliding_windows(series, width, step=1, center=True):
    """The windows of ``width`` samples, ``step`` apart: an array ``(m, width)``.

    With ``center=True`` each window has its own mean subtracted, so a window taken
    after a step looks like one before it: only windows that *contain* a step differ.
    """
    series = np.asarray(series, dtype=float)
    width, step = check_count(width, "width"), check_count(step, "step")
    if series.ndim != 1 or len(series) < width:
        raise ValueError(
            f"sliding_windows() expects a 1-D series of at least {width} samples, got shape "
            f"{series.shape}."
        )
    windows = sliding_window_view(series, width)[::step].copy()
    if center:
        windows -= windows.mean(axis=1, keepdims=True)
    return windows


def find_events(errors, threshold, width, step=1):
    """Where the window errors rise above ``threshold``: one position per event.

    Windows above the threshold that lie less than ``width`` windows apart form one
    event (a step shows in every window that contains it); its position is the centre
    (``start + width // 2``) of the window with the largest error in the event.
    Returns a list of ints, in order.
    """
    errors = np.asarray(errors, dtype=float)
    width, step = check_count(width, "width"), check_count(step, "step")
    above = np.flatnonzero(errors > threshold)
    if len(above) == 0:
        return []
    groups = np.split(above, np.flatnonzero(np.diff(above) >= width) + 1)
    return [int(g[np.argmax(errors[g])]) * step + width // 2 for g in groups]


# --- images no digit model has seen -------------------------------------------------------

#: Letters as strokes in a unit box (x to the right, y down), drawn by :func:`letter_images`.
#: Only letters that look like no digit (no O, I, S, Z, B, G ...).
LETTERS = {
    "A": [[(0.1, 1.0), (0.5, 0.0), (0.9, 1.0)], [(0.27, 0.6), (0.73, 0.6)]],
    "E": [[(0.85, 0.0), (0.15, 0.0), (0.15, 1.0), (0.85, 1.0)], [(0.15, 0.5), (0.7, 0.5)]],
    "F": [[(0.85, 0.0), (0.15, 0.0), (0.15, 1.0)], [(0.15, 0.5), (0.7, 0.5)]],
    "H": [[(0.15, 0.0), (0.15, 1.0)], [(0.85, 0.0), (0.85, 1.0)], [(0.15, 0.5), (0.85, 0.5)]],
    "K": [[(0.2, 0.0), (0.2, 1.0)], [(0.85, 0.0), (0.2, 0.6)], [(0.4, 0.45), (0.85, 1.0)]],
    "M": [[(0.1, 1.0), (0.1, 0.0), (0.5, 0.6), (0.9, 0.0), (0.9, 1.0)]],
    "N": [[(0.15, 1.0), (0.15, 0.0), (0.85, 1.0), (0.85, 0.0)]],
    "T": [[(0.05, 0.0), (0.95, 0.0)], [(0.5, 0.0), (0.5, 1.0)]],
    "W": [[(0.0, 0.0), (0.25, 1.0), (0.5, 0.35), (0.75, 1.0), (1.0, 0.0)]],
    "X": [[(0.1, 0.0), (0.9, 1.0)], [(0.9, 0.0), (0.1, 1.0)]],
}


def stroke_image(strokes, size=28, width=1.3, box=(5, 4, 18, 20)):
    """Draw strokes (lists of points in a unit box) as a grey ``size`` x ``size`` image.

    ``box = (left, top, box_width, box_height)`` places the unit box in pixels.  A
    pixel's ink is 1 within ``width`` pixels of a stroke, fading to 0 one pixel further:
    soft strokes like MNIST's.
    """
    left, top, box_width, box_height = box
    centres = np.stack(np.meshgrid(np.arange(size), np.arange(size)), axis=-1) + 0.5
    distance = np.full((size, size), np.inf)
    for stroke in strokes:
        points = np.array([(left + x * box_width, top + y * box_height) for x, y in stroke])
        for a, b in zip(points[:-1], points[1:], strict=True):
            ab = b - a
            t = np.clip(((centres - a) @ ab) / max(ab @ ab, 1e-12), 0, 1)
            closest = a + t[..., None] * ab
            distance = np.minimum(distance, np.linalg.norm(centres - closest, axis=-1))
    return np.clip(1.0 + width - distance, 0.0, 1.0)


def letter_images(n, letters=None, rng=None):
    """``n`` letters drawn by hand at random: images ``(n, 28, 28)`` in [0, 1] and their names.

    Each is one of ``letters`` (default: all of :data:`LETTERS`), with a random size,
    position, slant and stroke width, so no two are alike.  ``rng`` is a NumPy
    Generator or a seed (``None``: the course seed).
    """
    n = check_count(n, "n")
    letters = list(LETTERS if letters is None else letters)
    unknown = [letter for letter in letters if letter not in LETTERS]
    if unknown or not letters:
        raise ValueError(f"Unknown letters {unknown}; choose from {''.join(LETTERS)}.")
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        rng = config.rng() if rng is None else config.rng(int(rng))
    images, names = [], []
    for _ in range(n):
        letter = letters[rng.integers(len(letters))]
        slant = rng.uniform(-0.2, 0.2)
        strokes = [[(x + slant * (0.5 - y), y) for x, y in s] for s in LETTERS[letter]]
        box_width, box_height = rng.uniform(12, 16), rng.uniform(15, 19)
        left = (28 - box_width) / 2 + rng.uniform(-1.0, 1.0)
        top = (28 - box_height) / 2 + rng.uniform(-0.8, 0.8)
        width = rng.uniform(0.9, 1.6)
        images.append(stroke_image(strokes, 28, width, (left, top, box_width, box_height)))
        names.append(letter)
    return np.stack(images).astype("float32"), names
