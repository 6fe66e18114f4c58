"""Going up again in NumPy: sizes, nearest-neighbour up-sampling, transposed convolution.

The NumPy versions of ``keras.layers.UpSampling2D`` and ``Conv2DTranspose`` that
lesson 14 checks against Keras, and the sizes of its autoencoder's layers.
"""

import numbers
from typing import NamedTuple

import numpy as np

from helpers.convolution import output_size
from helpers.validate import check_count, check_image_batch

# --- checking inputs -----------------------------------------------------------------


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
    return check_count(rows, f"{name}[0]"), check_count(cols, f"{name}[1]")


def _padding(padding):
    if padding in ("valid", "same"):
        return padding
    return check_count(padding, "padding", 0)


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
        check_count(n, "n (the input size)"),
        check_count(f, "f (the kernel size)"),
        check_count(stride, "stride"),
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
    sizes = [check_count(n, "n")]
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
    x4, undo = check_image_batch(x, "upsample_nearest()")
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
    stride, padding = check_count(stride, "stride"), _padding(padding)
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
    x4, undo = check_image_batch(x, "conv_transpose_layer()")
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
    stride = check_count(stride, "stride")
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
