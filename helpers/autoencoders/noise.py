"""The course's noise model and the reconstruction error (lessons 12 and 14)."""

import numbers

import numpy as np

from helpers import config

#: The noise levels of Goncharov & Nesterenya's table: 0 %, 10 %, ..., 50 % of the
#: pixel range.
NOISE_LEVELS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)

# --- checking inputs -----------------------------------------------------------------


def _images(images, name="images"):
    """A float array of at least 2 dimensions (a batch), or a ValueError in words."""
    array = np.asarray(images)
    if array.ndim < 2 or len(array) == 0:
        raise ValueError(
            f"{name} must be a non-empty batch of images, shape (n, 784) or (n, 28, 28), "
            f"got shape {array.shape}."
        )
    if not np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.complexfloating):
        raise ValueError(f"{name} must hold numbers, got {array.dtype}.")
    return array


# --- noise -----------------------------------------------------------------------------


def add_noise(images, level, rng=None):
    """A noisy copy of ``images``: Gaussian noise with standard deviation ``level``, clipped.

    The noise model of the course (lessons 12 and 14): every pixel gets its own
    independent draw from a normal distribution with mean 0 and standard deviation
    ``level``, and the result is clipped back to the pixel range [0, 1]::

        noisy = clip(images + level * rng.standard_normal(images.shape), 0, 1)

    ``level`` is measured in units of the pixel range, so level 0.3 is "30 % noise"
    in Goncharov & Nesterenya's table.  It is a number, or one number per image
    (shape ``(n,)``).
    ``images`` are floats in [0, 1] (divide ``uint8`` pixels by 255 first), of any
    shape ``(n, ...)``; they are not changed.  ``rng`` is a NumPy ``Generator`` or
    an integer seed; ``None`` means a fresh generator with the course seed (42), so
    the same call always gives the same noise.  For a single ``level`` the values
    are exactly ``np.random.default_rng(seed).normal(0, level, images.shape)`` added
    and clipped.  The result has the input's floating dtype (float32 stays float32).

    >>> noisy = add_noise(np.zeros((2, 28, 28)), 0.3, rng=0)
    >>> noisy.shape, bool(noisy.min() >= 0), bool(noisy.max() <= 1)
    ((2, 28, 28), True, True)
    """
    images = _images(images)
    if not np.issubdtype(images.dtype, np.floating):
        raise ValueError(
            f"add_noise() expects floating-point pixels in [0, 1], got {images.dtype}; "
            "divide uint8 images by 255 first."
        )
    if images.min() < 0 or images.max() > 1:
        raise ValueError(
            f"add_noise() expects pixels in [0, 1], got values from {images.min():.3g} to "
            f"{images.max():.3g}; divide uint8 images by 255 first."
        )
    level = np.asarray(level, dtype=float)
    if level.ndim == 1 and len(level) == len(images):
        level = level.reshape((len(images),) + (1,) * (images.ndim - 1))
    elif level.ndim != 0:
        raise ValueError(
            f"level must be a number or one number per image (shape ({len(images)},)), "
            f"got shape {level.shape}."
        )
    if not np.all(np.isfinite(level)) or np.any(level < 0):
        raise ValueError(f"level must be a non-negative standard deviation, got {level.ravel()}.")
    if rng is None:
        rng = config.rng()
    elif isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        rng = config.rng(int(rng))
    elif not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a NumPy Generator (np.random.default_rng(seed)) or a seed, got "
            f"{type(rng).__name__}."
        )
    noisy = images + level * rng.standard_normal(images.shape)
    return np.clip(noisy, 0.0, 1.0).astype(images.dtype)


# --- errors ----------------------------------------------------------------------------


def reconstruction_error(originals, reconstructions):
    """The mean squared error of each image: ``mean((original - reconstruction)**2)``.

    Both arrays have the same shape ``(n, ...)`` (rows of 784 pixels or 28x28
    images); the result has shape ``(n,)``, one number per image.  Its mean over
    the images is the ``"mse"`` loss Keras reports.

    >>> reconstruction_error(np.zeros((2, 4)), np.array([[0, 0, 0, 2.0], [1, 1, 1, 1]]))
    array([1., 1.])
    """
    originals = _images(originals, "originals")
    reconstructions = _images(reconstructions, "reconstructions")
    if originals.shape != reconstructions.shape:
        if originals.size == reconstructions.size and len(originals) == len(reconstructions):
            reconstructions = reconstructions.reshape(originals.shape)
        else:
            raise ValueError(
                f"originals have shape {originals.shape} but reconstructions "
                f"{reconstructions.shape}: give one reconstruction per image, with the same pixels."
            )
    difference = originals.astype(float) - reconstructions.astype(float)
    return np.mean(difference.reshape(len(difference), -1) ** 2, axis=1)
