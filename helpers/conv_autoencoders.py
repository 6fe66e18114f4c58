"""Convolutional autoencoders: going up again, U-Net, and anomalies (lesson 14).

Lesson 13 made images *smaller* (convolutions with a stride, pooling); a
convolutional autoencoder must also make them *larger* again.  This module holds
the NumPy versions of the two ways Keras does that, so the lecture can check them
against the Keras layers, and the pieces of the lesson's experiments:

* going up: :func:`upsample_nearest` (``keras.layers.UpSampling2D``),
  :func:`conv_transpose2d` and :func:`conv_transpose_layer`
  (``keras.layers.Conv2DTranspose``), :func:`conv_matrix` (a convolution as a
  matrix, whose transpose is the transposed convolution), and the sizes:
  :func:`transposed_output_size`, :func:`walk_sizes` with :data:`CONV_AE_STEPS`;
* Keras builders (Keras is imported inside them): :func:`conv_autoencoder` (with or
  without U-Net skip connections), :func:`conv1d_autoencoder` (for windows of a time
  series) and :func:`quiet_warm_up`;
* anomalies: :func:`step_series` (seed 004's series with steps),
  :func:`sliding_windows`, :func:`find_events`, :func:`letter_images` (letters
  drawn by hand, images a digit model has never seen), :func:`detection_report`,
  :func:`roc_curve` and :func:`roc_auc`;
* pictures, each a new ``matplotlib.figure.Figure``: :func:`draw_transposed_conv`,
  :func:`draw_unet`, :func:`draw_denoising_rows` (the noise explorer's figure),
  :func:`draw_series_errors`, :func:`draw_threshold` and :func:`threshold_figure` (the
  threshold explorer's figure), and :func:`draw_roc`.

Everything but the Keras builders is NumPy and matplotlib, so the explorers redraw
without TensorFlow.
"""

import numbers
from typing import NamedTuple

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from helpers import autoencoders
from helpers.convolution import output_size

# --- checking inputs -----------------------------------------------------------------


def _whole(name, value, smallest=1):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < smallest:
        kind = "a positive whole number" if smallest == 1 else f"a whole number >= {smallest}"
        raise ValueError(f"{name} must be {kind}, got {value!r}.")
    return int(value)


def _pair(name, value):
    """An int or a pair of ints (rows, columns), each positive, as a pair."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = (value, value)
    try:
        rows, cols = value
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be a whole number or a pair (rows, columns), got {value!r}."
        ) from None
    return _whole(f"{name}[0]", rows), _whole(f"{name}[1]", cols)


def _padding(padding):
    if padding in ("valid", "same"):
        return padding
    return _whole("padding", padding, 0)


def _batch(x, name):
    """``x`` as a batch (n, height, width, channels) and a function that undoes it."""
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.number):
        raise ValueError(f"{name} expects numbers, got an array of {x.dtype}.")
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


# --- sizes ---------------------------------------------------------------------------


def transposed_output_size(n, f, stride=1, padding=0):
    """The output size of a transposed convolution along one axis: ``(n - 1) s - 2p + f``.

    Each of the ``n`` input positions stamps an ``f``-wide copy of the kernel onto the
    output, ``stride`` apart: the stamps cover ``(n - 1) s + f`` positions, and
    ``padding`` crops ``p`` of them from each end.  It undoes the size arithmetic of a
    convolution: a convolution with the same ``f``, ``s``, ``p`` maps this size back to
    ``n``.  Keras's ``padding="same"`` gives ``n * stride``; ``padding="valid"`` is
    ``p = 0`` (and at least ``n * stride``, when the kernel is narrower than the stride).

    >>> transposed_output_size(7, 3, stride=2, padding=1)
    13
    >>> transposed_output_size(7, 3, stride=2, padding="same")
    14
    """
    n, f, stride = (
        _whole("n (the input size)", n),
        _whole("f (the kernel size)", f),
        _whole("stride", stride),
    )
    padding = _padding(padding)
    if padding == "same":
        return n * stride
    if padding == "valid":
        return (n - 1) * stride + max(f, stride)
    size = (n - 1) * stride - 2 * padding + f
    if size < 1:
        raise ValueError(
            f"Padding {padding} crops everything: (n - 1)*s - 2p + f = ({n} - 1)*{stride} "
            f"- 2*{padding} + {f} = {size}."
        )
    return size


class Step(NamedTuple):
    """One layer of a size chain: ``kind`` is "conv", "pool", "transpose" or "upsample"."""

    name: str
    kind: str
    size: int
    stride: int = 1
    padding: object = "same"


#: The spatial steps of :func:`conv_autoencoder`: 28 -> 14 -> 7 -> 14 -> 28.
CONV_AE_STEPS = (
    Step("enc1: Conv2D 3x3, same", "conv", 3),
    Step("pool1: MaxPooling2D 2x2", "pool", 2, 2, 0),
    Step("enc2: Conv2D 3x3, same", "conv", 3),
    Step("pool2: MaxPooling2D 2x2", "pool", 2, 2, 0),
    Step("code: Conv2D 3x3, same", "conv", 3),
    Step("up2: Conv2DTranspose 3x3, stride 2, same", "transpose", 3, 2),
    Step("dec2: Conv2D 3x3, same", "conv", 3),
    Step("up1: Conv2DTranspose 3x3, stride 2, same", "transpose", 3, 2),
    Step("dec1: Conv2D 3x3, same", "conv", 3),
    Step("pixels: Conv2D 3x3, same", "conv", 3),
)


def step_size(n, step):
    """The size after one :class:`Step` (``"same"`` convolutions keep ``n`` at stride 1)."""
    if step.kind in ("conv", "pool"):
        if step.padding == "same":
            if step.stride != 1:
                return -(-n // step.stride)
            return output_size(n, step.size, padding=(step.size - 1) // 2)
        padding = 0 if step.padding == "valid" else step.padding
        return output_size(n, step.size, padding=padding, stride=step.stride)
    if step.kind == "transpose":
        return transposed_output_size(n, step.size, step.stride, step.padding)
    if step.kind == "upsample":
        return n * step.size
    raise ValueError(f"Unknown step kind {step.kind!r}: conv, pool, transpose or upsample.")


def walk_sizes(n, steps=CONV_AE_STEPS):
    """The size after each step of ``steps``, the input ``n`` first.

    >>> walk_sizes(28)
    [28, 28, 14, 14, 7, 7, 14, 14, 28, 28, 28]
    """
    sizes = [_whole("n", n)]
    for step in steps:
        sizes.append(step_size(sizes[-1], step))
    return sizes


# --- going up in NumPy ----------------------------------------------------------------


def upsample_nearest(x, size=2):
    """Nearest-neighbour up-sampling, what ``keras.layers.UpSampling2D(size)`` computes.

    Every pixel becomes a ``size`` x ``size`` block of copies of itself (``size`` may be
    a pair ``(rows, columns)``).  ``x`` is an image ``(height, width)``, an image with
    channels ``(height, width, C)`` or a batch ``(n, height, width, C)``; the result has
    the same number of dimensions and no new information: it is only bigger.

    >>> upsample_nearest(np.array([[1, 2], [3, 4]]))
    array([[1, 1, 2, 2],
           [1, 1, 2, 2],
           [3, 3, 4, 4],
           [3, 3, 4, 4]])
    """
    rows, cols = _pair("size", size)
    x4, undo = _batch(x, "upsample_nearest()")
    return undo(np.repeat(np.repeat(x4, rows, axis=1), cols, axis=2))


def _crop_same(full, n, f, stride, axis):
    """Keras's "same" transposed convolution: the central ``n * stride`` of the stamps."""
    total = (n - 1) * stride + f - n * stride
    if total < 0:  # the kernel is narrower than the stride: zeros at the end
        widths = [(0, 0)] * full.ndim
        widths[axis] = (0, -total)
        return np.pad(full, widths)
    start = total // 2
    return np.take(full, np.arange(start, start + n * stride), axis=axis)


def conv_transpose2d(x, kernel, stride=1, padding="valid"):
    """A transposed convolution of one grey image, in NumPy: scatter and add.

    Each input pixel ``x[i, j]`` stamps the kernel, scaled by its value, onto the
    output at ``(i * stride, j * stride)``; where stamps overlap they add up::

        Y[i*s + u, j*s + v] += x[i, j] * K[u, v]

    The stamps cover ``(n - 1) s + f`` pixels on each axis.  ``padding`` is Keras's
    ``"valid"`` (keep them all) or ``"same"`` (keep the central ``n * s``), or a whole
    number ``p`` that crops ``p`` from every side (the formula
    ``(n - 1) s - 2p + f``).  The kernel is not flipped, matching
    ``keras.layers.Conv2DTranspose`` (:func:`conv_transpose_layer`).

    >>> conv_transpose2d(np.array([[1.0, 2.0]]), np.ones((2, 2)), stride=1)
    array([[1., 3., 2.],
           [1., 3., 2.]])
    """
    x, kernel = np.asarray(x, dtype=float), np.asarray(kernel, dtype=float)
    if x.ndim != 2 or kernel.ndim != 2:
        raise ValueError(
            "conv_transpose2d() expects a grey image and a kernel, both 2-D arrays, got "
            f"shapes {x.shape} and {kernel.shape}."
        )
    stride, padding = _whole("stride", stride), _padding(padding)
    (n1, n2), (f1, f2) = x.shape, kernel.shape
    full = np.zeros(((n1 - 1) * stride + f1, (n2 - 1) * stride + f2))
    for i in range(n1):
        for j in range(n2):
            full[i * stride : i * stride + f1, j * stride : j * stride + f2] += x[i, j] * kernel
    if padding == "same":
        return _crop_same(_crop_same(full, n1, f1, stride, 0), n2, f2, stride, 1)
    if padding == "valid":
        extra = (max(stride - f1, 0), max(stride - f2, 0))
        return np.pad(full, ((0, extra[0]), (0, extra[1])))
    if 2 * padding >= min(full.shape):
        raise ValueError(f"Padding {padding} crops the whole {full.shape} output away.")
    return full[padding : full.shape[0] - padding, padding : full.shape[1] - padding]


def conv_transpose_layer(x, kernels, bias=None, stride=1, padding="valid"):
    """``keras.layers.Conv2DTranspose`` (no activation) in NumPy, with channels.

    ``x`` is ``(height, width, C_in)`` or a batch ``(n, height, width, C_in)``;
    ``kernels`` has Keras's shape for this layer, ``(F, F, C_out, C_in)`` (note: the
    output channels come *before* the input channels, the other way round from
    ``Conv2D``), and ``bias`` has shape ``(C_out,)``.  Output channel ``o`` is
    ``sum_c conv_transpose2d(x[..., c], kernels[:, :, o, c]) + bias[o]``.
    """
    kernels = np.asarray(kernels, dtype=float)
    x4, undo = _batch(x, "conv_transpose_layer()")
    if np.ndim(x) == 2:
        raise ValueError(f"conv_transpose_layer() expects channels last, got shape {np.shape(x)}.")
    if kernels.ndim != 4 or kernels.shape[3] != x4.shape[-1]:
        raise ValueError(
            f"conv_transpose_layer() expects kernels of shape (F, F, C_out, {x4.shape[-1]}) for "
            f"an input with {x4.shape[-1]} channels, got {kernels.shape}."
        )
    c_out = kernels.shape[2]
    out = []
    for image in x4.astype(float):
        maps = [
            sum(
                conv_transpose2d(image[:, :, c], kernels[:, :, o, c], stride, padding)
                for c in range(image.shape[-1])
            )
            for o in range(c_out)
        ]
        out.append(np.stack(maps, axis=-1))
    out = np.stack(out)
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)
    return undo(out)


def conv_matrix(kernel, input_shape, stride=1):
    """A convolution (no padding) as a matrix ``C``: ``conv(x).ravel() == C @ x.ravel()``.

    Row ``r`` of ``C`` holds the kernel's weights at the pixels that output number ``r``
    reads.  Its transpose ``C.T`` maps the small output back to the input's shape:
    ``(C.T @ y.ravel()).reshape(input_shape)`` is ``conv_transpose2d(y, kernel,
    stride)`` -- which is where the transposed convolution gets its name.
    """
    kernel = np.asarray(kernel, dtype=float)
    height, width = _pair("input_shape", tuple(input_shape))
    stride = _whole("stride", stride)
    f1, f2 = kernel.shape
    rows, cols = (height - f1) // stride + 1, (width - f2) // stride + 1
    if rows < 1 or cols < 1:
        raise ValueError(f"A {f1}x{f2} kernel does not fit in an input of shape {input_shape}.")
    matrix = np.zeros((rows * cols, height * width))
    for i in range(rows):
        for j in range(cols):
            window = np.zeros((height, width))
            window[i * stride : i * stride + f1, j * stride : j * stride + f2] = kernel
            matrix[i * cols + j] = window.ravel()
    return matrix


# --- Keras ----------------------------------------------------------------------------


def conv_autoencoder(
    filters=16,
    code_channels=4,
    skip_connections=False,
    learning_rate=0.005,
    loss="binary_crossentropy",
    seed=None,
):
    """The lecture's convolutional autoencoder for 28x28x1 images, **compiled**.

    Encoder: ``enc1`` Conv2D(filters) -> ``pool1`` MaxPooling2D(2) -> ``enc2``
    Conv2D(filters) -> ``pool2`` MaxPooling2D(2) -> ``code`` Conv2D(code_channels): a
    code of 7 x 7 x ``code_channels`` numbers.  Decoder: ``up2`` Conv2DTranspose(filters,
    stride 2) -> ``dec2`` Conv2D(filters) -> ``up1`` Conv2DTranspose(filters, stride 2)
    -> ``dec1`` Conv2D(filters) -> ``pixels`` Conv2D(1, sigmoid).  All kernels are 3x3
    with ``padding="same"``, ReLU everywhere but the sigmoid output, so sizes go
    28 -> 14 -> 7 -> 14 -> 28 (:data:`CONV_AE_STEPS`).

    ``skip_connections=True`` makes it a small **U-Net**: ``keras.layers.Concatenate``
    joins ``up2`` with ``enc2`` (``skip2``) and ``up1`` with ``enc1`` (``skip1``), so the
    decoder also sees the encoder's full-resolution feature maps.  Compiled with Adam
    at ``learning_rate`` and ``loss`` (the binary cross-entropy of lesson 12: with a
    sigmoid output it keeps learning where the squared error would stall).  ``seed``
    (optional) seeds Keras first, so the initial weights repeat.
    """
    import keras

    filters = _whole("filters", filters)
    code_channels = _whole("code_channels", code_channels)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers

    def conv(count, name, activation="relu"):
        return layers.Conv2D(count, 3, padding="same", activation=activation, name=name)

    def up(name):
        return layers.Conv2DTranspose(
            filters, 3, strides=2, padding="same", activation="relu", name=name
        )

    images = keras.Input(shape=(28, 28, 1), name="image")
    enc1 = conv(filters, "enc1")(images)
    enc2 = conv(filters, "enc2")(layers.MaxPooling2D(2, name="pool1")(enc1))
    code = conv(code_channels, "code")(layers.MaxPooling2D(2, name="pool2")(enc2))
    x = up("up2")(code)
    if skip_connections:
        x = layers.Concatenate(name="skip2")([x, enc2])
    x = up("up1")(conv(filters, "dec2")(x))
    if skip_connections:
        x = layers.Concatenate(name="skip1")([x, enc1])
    pixels = conv(1, "pixels", activation="sigmoid")(conv(filters, "dec1")(x))
    name = "unet" if skip_connections else "conv_autoencoder"
    model = keras.Model(images, pixels, name=name)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return model


def conv1d_autoencoder(width=32, filters=8, code_channels=2, learning_rate=0.005, seed=None):
    """A small 1-D convolutional autoencoder for windows of ``width`` samples, compiled.

    ``(width, 1)`` -> Conv1D(filters, 5) -> MaxPooling1D(2) -> Conv1D(code_channels, 5)
    -> MaxPooling1D(2) (a code of ``width / 4`` x ``code_channels`` numbers) ->
    Conv1DTranspose(filters, 5, stride 2) -> Conv1DTranspose(filters, 5, stride 2) ->
    Conv1D(1, 5) with no activation (the windows are not pixels in [0, 1]).  "same"
    padding, ReLU, Adam, the mean squared error.  ``width`` must be divisible by 4.
    """
    import keras

    width = _whole("width", width)
    if width % 4:
        raise ValueError(f"width must be divisible by 4 (two poolings), got {width}.")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input(shape=(width, 1)),
            layers.Conv1D(filters, 5, padding="same", activation="relu"),
            layers.MaxPooling1D(2),
            layers.Conv1D(code_channels, 5, padding="same", activation="relu"),
            layers.MaxPooling1D(2),
            layers.Conv1DTranspose(filters, 5, strides=2, padding="same", activation="relu"),
            layers.Conv1DTranspose(filters, 5, strides=2, padding="same", activation="relu"),
            layers.Conv1D(1, 5, padding="same"),
        ],
        name="conv1d_autoencoder",
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    return model


def quiet_warm_up():
    """Train a tiny up-sampling network for one step with TensorFlow's C++ log silenced.

    On CPUs without AVX-512, TensorFlow logs one line ("oneDNN supports DT_INT32 only
    on platforms with AVX-512 ...") the first time it trains certain networks with
    ``UpSampling2D``.  It is harmless, but it lands on the standard error of whatever
    cell trains first, and nbgrader scores a test cell that writes there 0.  Calling
    this once, early, gets that line out of the way.  Returns nothing.
    """
    import os
    import sys

    import keras

    sys.stderr.flush()
    saved, silent = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(silent, 2)
        layers = keras.layers
        tiny = keras.Sequential(
            [
                keras.Input(shape=(8, 8, 1)),
                layers.Conv2D(2, 3, strides=2, padding="same"),
                layers.UpSampling2D(2),
                layers.Conv2D(1, 3, padding="same"),
            ]
        )
        tiny.compile(optimizer="adam", loss="mse")
        batch = np.zeros((2, 8, 8, 1), dtype="float32")
        tiny.fit(batch, batch, epochs=1, verbose=0)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(silent)


# --- time series with steps -------------------------------------------------------------


def step_series(n, steps=None, noise=0.1, rng=None):
    """A series of ``n`` samples, regular waves plus noise, with level **steps** (seed 004).

    The normal behaviour is ``sin(2 pi t / 16) + 0.5 sin(2 pi t / 7)`` plus Gaussian
    noise of standard deviation ``noise``; ``steps`` maps a position ``t0`` to a jump
    ``h``: from ``t0`` on the whole series is ``h`` higher (a step, the anomaly of seed
    004's example).  ``rng`` is a NumPy Generator or a seed (``None``: the course seed).
    """
    n = _whole("n", n)
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        rng = np.random.default_rng(42 if rng is None else int(rng))
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
    width, step = _whole("width", width), _whole("step", step)
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
    width, step = _whole("width", width), _whole("step", step)
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
    n = _whole("n", n)
    letters = list(LETTERS if letters is None else letters)
    unknown = [letter for letter in letters if letter not in LETTERS]
    if unknown or not letters:
        raise ValueError(f"Unknown letters {unknown}; choose from {''.join(LETTERS)}.")
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        rng = np.random.default_rng(42 if rng is None else int(rng))
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


# --- scores, thresholds and ROC ------------------------------------------------------------


def _scores(values, name):
    values = np.asarray(values, dtype=float).ravel()
    if len(values) == 0 or not np.all(np.isfinite(values)):
        raise ValueError(f"{name} must be a non-empty list of finite scores.")
    return values


def detection_report(normal, odd, threshold):
    """Flag every score above ``threshold`` as an anomaly; count what that gets right.

    ``normal`` are the scores (reconstruction errors) of normal examples, ``odd`` those
    of anomalies.  Returns a dict with the counts ``tp`` (odd, flagged), ``fn`` (odd,
    missed), ``fp`` (normal, flagged: false alarms), ``tn``, and ``precision`` =
    tp / (tp + fp) (1.0 when nothing is flagged), ``recall`` = tp / (tp + fn) and
    ``false_alarm_rate`` = fp / (fp + tn).
    """
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    tp, fp = int(np.sum(odd > threshold)), int(np.sum(normal > threshold))
    fn, tn = len(odd) - tp, len(normal) - fp
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / len(odd),
        "false_alarm_rate": fp / len(normal),
    }


def roc_curve(normal, odd):
    """The ROC curve of the rule "anomaly if score > t", over every threshold t.

    Returns ``(false_alarm_rate, recall, thresholds)``, from the strictest threshold
    (nothing flagged: the point (0, 0)) to the loosest (everything flagged: (1, 1)).
    """
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    thresholds = np.concatenate([[np.inf], np.unique(np.concatenate([normal, odd]))[::-1]])
    thresholds[1:] = np.nextafter(thresholds[1:], -np.inf)  # "> t" flags the score itself
    fpr = np.array([np.mean(normal > t) for t in thresholds])
    tpr = np.array([np.mean(odd > t) for t in thresholds])
    return fpr, tpr, thresholds


def roc_auc(normal, odd):
    """The area under the ROC curve: the chance that a random anomaly scores higher than a
    random normal example (ties count one half).  1 is perfect, 0.5 is guessing.

    >>> roc_auc([0.1, 0.2, 0.3], [0.25, 0.4])
    0.8333333333333334
    """
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    higher = (odd[:, None] > normal[None, :]).mean()
    ties = (odd[:, None] == normal[None, :]).mean()
    return float(higher + 0.5 * ties)


# --- pictures ------------------------------------------------------------------------------


def _figure(width, height, **kwargs):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), **kwargs)


def _numbers(ax, values, left, top, title, cmap="Blues", scale=None):
    """Draw a small matrix cell by cell with its numbers; return the x right of it."""
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    values = np.asarray(values, dtype=float) + 0.0
    scale = scale or max(float(np.abs(values).max()), 1e-9)
    colour = colormaps[cmap]
    for (i, j), value in np.ndenumerate(values):
        face = colour(0.1 + 0.6 * abs(value) / scale) if value else "white"
        ax.add_patch(Rectangle((left + j, top + i), 1, 1, fc=face, ec="0.5", lw=0.6))
        if value:
            text = f"{value:g}" if value == round(value) else f"{value:.1f}"
            ax.text(left + j + 0.5, top + i + 0.5, text, ha="center", va="center", fontsize=8)
    ax.text(left + values.shape[1] / 2, top - 0.3, title, ha="center", va="bottom", fontsize=9)
    return left + values.shape[1]


def draw_transposed_conv(x, kernel, stride=2):
    """How a transposed convolution makes a bigger image: one stamp per input pixel.

    Left: the input ``x`` and the kernel.  Middle: each input pixel's stamp, its value
    times the kernel, placed ``stride`` apart in the output.  Right: their sum, the
    output (``padding="valid"``).  Meant for tiny inputs (2x2, 3x3).
    """
    x, kernel = np.asarray(x, dtype=float), np.asarray(kernel, dtype=float)
    if x.ndim != 2 or kernel.ndim != 2 or x.size > 9:
        raise ValueError("draw_transposed_conv() draws a small 2-D input (at most 3x3) and kernel.")
    stride = _whole("stride", stride)
    out = conv_transpose2d(x, kernel, stride)
    size = out.shape[0]
    fig = _figure(1.0 + 0.42 * (x.shape[1] + kernel.shape[1] + (x.size + 1) * (size + 1) + 4), 2.6)
    ax = fig.subplots()
    right = _numbers(ax, x, 0, 0, "input", "Oranges")
    right = _numbers(ax, kernel, right + 1, 0, "kernel", "Greens")
    right += 1.5
    scale = float(np.abs(out).max())
    for (i, j), value in np.ndenumerate(x):
        stamp = np.zeros_like(out)
        stamp[
            i * stride : i * stride + kernel.shape[0], j * stride : j * stride + kernel.shape[1]
        ] = value * kernel
        right = _numbers(
            ax, stamp, right, 0, f"{value:g} x kernel at ({i * stride}, {j * stride})", scale=scale
        )
        ax.text(
            right + 0.5,
            size / 2,
            "+" if (i, j) != (x.shape[0] - 1, x.shape[1] - 1) else "=",
            ha="center",
            va="center",
            fontsize=14,
        )
        right += 1
    _numbers(ax, out, right, 0, f"output {out.shape[0]}x{out.shape[1]}", scale=scale)
    ax.set_xlim(-0.3, right + size + 0.3)
    ax.set_ylim(size + 0.3, -1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.suptitle(
        f"Transposed convolution, stride {stride}: each input pixel stamps a scaled copy of the "
        "kernel; overlaps add up",
        fontsize=10,
    )
    return fig


def draw_unet(skip_connections=True, filters=16, code_channels=4):
    """The lecture's encoder-decoder as a diagram: down on the left, up on the right.

    Boxes are feature maps (height: their size, 28, 14 or 7; width: their channels),
    labelled ``size x size x channels``.  Blue arrows go down (2x2 max pooling, then a
    convolution), green arrows up (a transposed convolution, stride 2), black arrows are
    3x3 convolutions at the same size.  With ``skip_connections=True`` (a U-Net) grey
    arrows copy the encoder's maps across, and ``Concatenate`` puts them (grey boxes)
    next to the decoder's.  The layer names are those of :func:`conv_autoencoder`.
    """
    from matplotlib.patches import FancyArrowPatch, Rectangle

    filters, code_channels = _whole("filters", filters), _whole("code_channels", code_channels)
    fig = _figure(10, 4.4, layout="constrained")
    ax = fig.subplots()
    level_y, level_h = {0: 0.0, 1: -2.5, 2: -4.2}, {0: 2.4, 1: 1.3, 2: 0.7}
    sizes = {0: 28, 1: 14, 2: 7}

    def width(channels):
        return 0.06 + 0.02 * channels

    def box(x, level, channels, name, colour="#c6dbef", label=True):
        y, h = level_y[level], level_h[level]
        ax.add_patch(Rectangle((x, y - h / 2), width(channels), h, fc=colour, ec="0.3", lw=0.8))
        if label:
            size = sizes[level]
            ax.text(
                x + width(channels) / 2,
                y - h / 2 - 0.08,
                f"{name}\n{size}x{size}x{channels}",
                ha="center",
                va="top",
                fontsize=7.5,
            )
        return x + width(channels)

    def arrow(start, end, colour, dashed=False):
        ax.add_patch(
            FancyArrowPatch(
                start,
                end,
                arrowstyle="-|>",
                mutation_scale=10,
                color=colour,
                lw=1.3,
                linestyle="--" if dashed else "-",
                shrinkA=1,
                shrinkB=1,
            )
        )

    gap = 0.8
    right = box(0.0, 0, 1, "image", "white")
    arrow((right, 0), (right + gap, 0), "k")
    enc1_right = box(right + gap, 0, filters, "enc1")
    arrow((enc1_right, -1.0), (enc1_right + 1.0, level_y[1] + 0.3), "C0")
    enc2_right = box(enc1_right + 1.0, 1, filters, "enc2")
    arrow((enc2_right, level_y[1] - 0.45), (enc2_right + 1.0, level_y[2]), "C0")
    code_right = box(enc2_right + 1.0, 2, code_channels, "code", "#fdd0a2")
    x = code_right + 1.0
    if skip_connections:
        arrow((enc2_right, level_y[1] + 0.45), (x, level_y[1] + 0.45), "0.5", True)
        ax.text((enc2_right + x) / 2, level_y[1] + 0.5, "skip2", ha="center", fontsize=7.5)
        x = box(x, 1, filters, "", "0.85", label=False)
    arrow((code_right, level_y[2]), (x, level_y[1] - 0.45), "C2")
    right = box(x, 1, filters, "up2", "#c7e9c0")
    arrow((right, level_y[1]), (right + gap, level_y[1]), "k")
    right = box(right + gap, 1, filters, "dec2", "#c7e9c0")
    x = right + 1.0
    if skip_connections:
        arrow((enc1_right, 0.9), (x, 0.9), "0.5", True)
        ax.text((enc1_right + x) / 2, 0.95, "skip1", ha="center", fontsize=7.5)
        x = box(x, 0, filters, "", "0.85", label=False)
    arrow((right, level_y[1] + 0.45), (x, -1.0), "C2")
    right = box(x, 0, filters, "up1", "#c7e9c0")
    arrow((right, 0), (right + gap, 0), "k")
    right = box(right + gap, 0, filters, "dec1", "#c7e9c0")
    arrow((right, 0), (right + gap, 0), "k")
    right = box(right + gap, 0, 1, "pixels", "white")
    legend = "blue: pool, then conv (down)\ngreen: transposed conv (up)\nblack: 3x3 conv, same size"
    if skip_connections:
        legend += "\ngrey: skip, Concatenate"
    ax.text(0.0, level_y[2] - 0.6, legend, ha="left", va="bottom", fontsize=8)
    ax.set_xlim(-0.3, right + 0.3)
    ax.set_ylim(level_y[2] - 0.8, 1.4)
    ax.set_aspect("equal")
    ax.set_axis_off()
    title = (
        "U-Net: the same network with skip connections"
        if skip_connections
        else ("The convolutional autoencoder: every path goes through the 7x7 code")
    )
    ax.set_title(title, fontsize=10)
    return fig


def _square(images, name):
    images = np.asarray(images, dtype=float)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim == 2 and images.shape[1] == 784:
        images = images.reshape(-1, 28, 28)
    if images.ndim != 3:
        raise ValueError(f"{name} must be a batch of grey images, got shape {images.shape}.")
    return images


def draw_denoising_rows(noise_level, levels, clean, outputs, n=6):
    """The noise explorer's figure: clean digits, then one row per entry of ``outputs``.

    ``outputs`` maps a row name (``"noisy input"``, ``"dense"``, ``"conv"`` ...) to images
    computed beforehand at each of ``levels``: an array ``(len(levels), n_images, 28, 28)``
    (or with a channel axis).  The level closest to ``noise_level`` is shown; each image
    is titled with its mean squared error against the clean one, each row with the mean.
    """
    levels = np.asarray(levels, dtype=float)
    clean = _square(clean, "clean")
    if not outputs:
        raise ValueError("draw_denoising_rows() needs at least one row of outputs.")
    k = int(np.argmin(np.abs(levels - noise_level)))
    n = min(_whole("n", n), len(clean))
    rows = [("clean", clean[:n])]
    for name, stack in outputs.items():
        stack = np.asarray(stack)
        if stack.shape[:2] != (len(levels), len(clean)):
            raise ValueError(
                f"{name}: expected images for each of the {len(levels)} levels and "
                f"{len(clean)} images, shape ({len(levels)}, {len(clean)}, 28, 28), "
                f"got {stack.shape}."
            )
        rows.append((name, _square(stack[k], name)[:n]))
    fig = _figure(1.15 * n + 1.8, 1.25 * len(rows) + 0.6, layout="constrained")
    autoencoders.draw_image_rows(fig, rows)  # lesson 12's rows, with their errors
    fig.suptitle(f"noise level {levels[k]:.0%}; titles: MSE against the clean digit", fontsize=10)
    return fig


def draw_series_errors(series, errors, width, steps=(), thresholds=None):
    """A series (top) and the reconstruction error of each window, at its centre (bottom).

    ``errors`` maps a model's name to its window errors (a single array is named
    "reconstruction error"); ``steps`` are the true step positions (dashed red lines);
    ``thresholds`` maps the same names to a threshold, drawn dotted in the model's colour.
    """
    series = np.asarray(series, dtype=float)
    if not isinstance(errors, dict):
        errors = {"reconstruction error": errors}
    thresholds = thresholds or {}
    unknown = set(thresholds) - set(errors)
    if unknown:
        raise ValueError(
            f"Thresholds for unknown models {sorted(unknown)}; errors has {list(errors)}."
        )
    fig = _figure(10, 4.6, layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.1])
    top.plot(series, lw=0.8, color="0.2")
    top.set(ylabel="value", title="the series; dashed: where the steps are")
    for k, (name, values) in enumerate(errors.items()):
        values = np.asarray(values, dtype=float)
        centres = np.arange(len(values)) + width // 2
        bottom.plot(centres, values, lw=1.0, color=f"C{k}", label=name)
        if name in thresholds:
            bottom.axhline(thresholds[name], color=f"C{k}", lw=1.0, ls=":")
    for position in steps:
        for ax in (top, bottom):
            ax.axvline(position, color="C3", ls="--", lw=0.9)
    title = "error of each window" + ("; dotted: each model's threshold" if thresholds else "")
    bottom.set(xlabel="time step (window centre)", ylabel="error (MSE)", yscale="log", title=title)
    bottom.legend(fontsize=8, loc="upper left")
    for ax in (top, bottom):
        ax.grid(alpha=0.3)
    return fig


def draw_threshold(threshold, normal, odd, odd_label="anomalies"):
    """The threshold explorer's figure: the two histograms of scores and the threshold.

    Scores (reconstruction errors) of ``normal`` examples and of ``odd`` ones on a log
    scale, a vertical line at ``threshold``, and in the title what the rule "anomaly if
    score > threshold" gets: recall, precision and the false-alarm rate
    (:func:`detection_report`).
    """
    normal, odd = _scores(normal, "normal"), _scores(odd, "odd")
    if threshold <= 0:
        raise ValueError(f"threshold must be positive (errors are), got {threshold}.")
    report = detection_report(normal, odd, threshold)
    both = np.concatenate([normal, odd])
    low, high = max(both.min(), 1e-6), both.max()
    bins = np.geomspace(low, high * 1.0001, 40)
    fig = _figure(8, 3.6, layout="constrained")
    ax = fig.subplots()
    ax.hist(normal, bins=bins, alpha=0.6, label=f"normal ({len(normal)})", color="C0")
    ax.hist(odd, bins=bins, alpha=0.6, label=f"{odd_label} ({len(odd)})", color="C3")
    ax.axvline(threshold, color="k", lw=1.5)
    ax.set(xscale="log", xlabel="reconstruction error (MSE)", ylabel="images")
    ax.legend(fontsize=8)
    ax.set_title(
        f"threshold {threshold:.3g}: recall {report['recall']:.0%}, precision "
        f"{report['precision']:.0%}, false alarms {report['false_alarm_rate']:.1%}",
        fontsize=10,
    )
    return fig


def threshold_figure(threshold, model, scores, odd_label="anomalies"):
    """The threshold explorer's figure for one of several models.

    ``scores`` maps a model's name to its pair ``(normal_scores, odd_scores)``;
    ``model`` picks one, and :func:`draw_threshold` draws it at ``threshold``.
    """
    if model not in scores:
        raise ValueError(f"Unknown model {model!r}; choose one of {', '.join(scores)}.")
    normal, odd = scores[model]
    fig = draw_threshold(threshold, normal, odd, odd_label)
    fig.axes[0].set_title(f"{model}: " + fig.axes[0].get_title(), fontsize=10)
    return fig


def draw_roc(curves):
    """ROC curves: ``curves`` maps a name to ``(normal_scores, odd_scores)``; AUC in the legend."""
    if not curves:
        raise ValueError("draw_roc() needs at least one (normal, odd) pair.")
    fig = _figure(4.8, 4.2, layout="constrained")
    ax = fig.subplots()
    for name, (normal, odd) in curves.items():
        fpr, tpr, _ = roc_curve(normal, odd)
        ax.plot(fpr, tpr, label=f"{name} (AUC {roc_auc(normal, odd):.3f})")
    ax.plot([0, 1], [0, 1], color="0.6", ls=":", label="guessing (AUC 0.5)")
    ax.set(xlabel="false-alarm rate", ylabel="recall (anomalies found)", title="ROC curves")
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(alpha=0.3)
    return fig
