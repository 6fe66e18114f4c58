"""Input checks shared by every helper: a wrong argument gets a sentence, not a traceback.

Modelled on scikit-learn's ``check_scalar``: each check takes the value and the name
the caller knows it by, returns the value as the type the helper works with, and
otherwise raises

* ``TypeError`` when the value is of the wrong kind (a string where a number was
  expected, ``True`` where a count was expected), and
* ``ValueError`` when it is of the right kind but out of range or not one of the
  choices,

with a message that says what was expected and what was given, e.g.
``epochs must be a positive whole number, got 0.``  Every check takes the value
first and its name second, as ``check_scalar`` does.

Lesson modules import these checks; none writes its own copy.  Only the standard
library is imported at the top (NumPy inside the one array check), so
:mod:`helpers.config` can use them and ``import helpers`` stays instant.
"""

import numbers

_KINDS = {  # target type -> how a sentence names it
    numbers.Integral: "a whole number",
    numbers.Real: "a number",
}


def _kind(target_type):
    return _KINDS.get(target_type, getattr(target_type, "__name__", str(target_type)))


def _wanted(target_type, min_val, max_val, include_min, include_max):
    """What a check expects, in words: "a positive whole number", "a number of at most 1"."""
    if max_val is None and min_val == 0 and target_type is numbers.Integral:
        return "a non-negative whole number" if include_min else "a positive whole number"
    if max_val is None and min_val == 1 and include_min and target_type is numbers.Integral:
        return "a positive whole number"
    if max_val is None and min_val == 0 and not include_min:
        return f"a positive {_kind(target_type).removeprefix('a ')}"
    bounds = _bounds(min_val, max_val, include_min, include_max)
    return f"{_kind(target_type)} {bounds}".strip()


def _bounds(min_val, max_val, include_min, include_max):
    parts = []
    if min_val is not None:
        parts.append(f"of at least {min_val}" if include_min else f"greater than {min_val}")
    if max_val is not None:
        parts.append(f"at most {max_val}" if include_max else f"less than {max_val}")
    return " and ".join(parts)


def check_scalar(
    x, name, target_type, *, min_val=None, max_val=None, include_min=True, include_max=True
):
    """Check that ``x`` is one number of ``target_type`` within the bounds; return it.

    ``target_type`` is ``numbers.Integral`` (a whole number), ``numbers.Real`` (any
    real number) or another type.  ``True`` and ``False`` are never accepted as
    numbers.  Raises ``TypeError`` for the wrong kind of value and ``ValueError`` for
    a value outside ``[min_val, max_val]`` (an open end with ``include_min=False`` or
    ``include_max=False``), each with a sentence naming ``name``.

    >>> check_scalar(3, "epochs", numbers.Integral, min_val=1)
    3
    >>> check_scalar(0, "epochs", numbers.Integral, min_val=1)
    Traceback (most recent call last):
    ...
    ValueError: epochs must be a positive whole number, got 0.
    """
    wanted = _wanted(target_type, min_val, max_val, include_min, include_max)
    if isinstance(x, bool) or not isinstance(x, target_type):
        raise TypeError(f"{name} must be {wanted}, got {x!r} ({type(x).__name__}).")
    too_small = min_val is not None and (x < min_val if include_min else x <= min_val)
    too_large = max_val is not None and (x > max_val if include_max else x >= max_val)
    if too_small or too_large or x != x:  # x != x catches NaN
        raise ValueError(f"{name} must be {wanted}, got {x!r}.")
    return x


def check_count(value, name, least=1):
    """A whole number of at least ``least`` (epochs, samples, a seed), returned as ``int``.

    >>> check_count(200, "n_samples", least=4)
    200
    """
    return int(check_scalar(value, name, numbers.Integral, min_val=least))


def check_positive(value, name):
    """A real number greater than 0 (a learning rate, a step), returned as ``float``."""
    return float(check_scalar(value, name, numbers.Real, min_val=0, include_min=False))


def check_points(X, name="X"):
    """Points in the plane: a non-empty float array of shape ``(n, 2)``.

    >>> check_points([[0, 1], [2, 3]]).shape
    (2, 2)
    """
    import numpy as np

    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        raise ValueError(
            f"{name} must be points in the plane, shape (n, 2) (an array of 2-D points), "
            f"got shape {X.shape}."
        )
    return X


def check_choice(value, name, choices):
    """``value`` if it is one of ``choices``; otherwise a ValueError listing them.

    >>> check_choice("tanh", "activation", ("sigmoid", "tanh"))
    'tanh'
    """
    if value not in choices:
        listed = ", ".join(str(c) for c in choices)
        raise ValueError(f"Unknown {name} {value!r}; expected one of {listed}.")
    return value


def check_level_stacks(stacks, levels, n_images):
    """Check that each of ``stacks`` (name -> array) holds ``n_images`` images per level.

    The explorers that slide over noise levels get, for every row they draw, one batch
    of images for each of ``levels``: an array of shape ``(len(levels), n_images, ...)``.
    """
    import numpy as np

    for name, stack in stacks.items():
        shape = np.shape(stack)
        if shape[:2] != (len(levels), n_images):
            raise ValueError(
                f"{name}: expected images for each of the {len(levels)} levels, one batch of "
                f"{n_images} images each: shape ({len(levels)}, {n_images}, ...), got {shape}."
            )


def check_grey_images(images, name):
    """A batch of grey images as a float array ``(n, height, width)``.

    Accepts ``(n, height, width)``, ``(n, height, width, 1)`` or rows of
    ``side * side`` pixels ``(n, side * side)``, as the lessons keep MNIST digits.
    """
    import numpy as np

    images = np.asarray(images, dtype=float)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(
                f"Cannot show rows of {images.shape[1]} pixels as square images; "
                "pass images of shape (n, height, width)."
            )
        images = images.reshape(len(images), side, side)
    if images.ndim != 3:
        raise ValueError(f"{name} must be a batch of grey images, got shape {images.shape}.")
    return images


def check_image_batch(x, name):
    """``x`` as a batch of images ``(n, height, width, channels)`` and a function undoing it.

    Accepts one grey image ``(height, width)``, one image with channels
    ``(height, width, channels)`` or a batch; the function returned turns a result of
    the same layout back into the caller's shape.  Pixels become floats.
    """
    import numpy as np

    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.number):
        raise TypeError(f"{name} expects numbers, got an array of {x.dtype}.")
    x = x.astype(float)
    if x.ndim == 2:
        return x[None, :, :, None], lambda y: y[0, :, :, 0]
    if x.ndim == 3:
        return x[None], lambda y: y[0]
    if x.ndim == 4:
        return x, lambda y: y
    raise ValueError(
        f"{name} expects an image (height, width), (height, width, channels) or a batch "
        f"(n, height, width, channels), got shape {x.shape}."
    )
