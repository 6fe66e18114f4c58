"""Convolution and pooling in NumPy: the course's one home for these primitives."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from helpers.validate import check_count, check_image_batch

# --- convolution and pooling in NumPy ------------------------------------------------


def _grey_and_kernel(image, kernel, stride, padding):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(
            "Expected a grey image and a kernel, both 2-D arrays, got shapes "
            f"{image.shape} and {kernel.shape}."
        )
    stride, padding = check_count(stride, "stride", 1), check_count(padding, "padding", 0)
    if padding:
        image = np.pad(image, padding)
    if kernel.shape[0] > image.shape[0] or kernel.shape[1] > image.shape[1]:
        raise ValueError(
            f"A {kernel.shape[0]}x{kernel.shape[1]} kernel does not fit in an image of shape "
            f"{image.shape} (after padding)."
        )
    return image, kernel, stride


def conv2d_loops(image, kernel, stride=1, padding=0):
    """Convolve a grey image with a kernel, one output number at a time (slow, but plain).

    ``Y[i, j] = sum(X[i*s : i*s + F, j*s : j*s + F] * K)`` over the image padded with
    ``padding`` zeros; like Keras, a last window that would stick out is dropped.
    """
    image, kernel, stride = _grey_and_kernel(image, kernel, stride, padding)
    (height, width), (fh, fw) = image.shape, kernel.shape
    out = np.zeros(((height - fh) // stride + 1, (width - fw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = image[i * stride : i * stride + fh, j * stride : j * stride + fw]
            out[i, j] = np.sum(window * kernel)
    return out


def conv2d(image, kernel, stride=1, padding=0):
    """:func:`conv2d_loops`, vectorized: all windows at once with ``sliding_window_view``.

    >>> conv2d(np.arange(16.0).reshape(4, 4), np.ones((3, 3)))
    array([[45., 54.],
           [81., 90.]])
    """
    image, kernel, stride = _grey_and_kernel(image, kernel, stride, padding)
    windows = sliding_window_view(image, kernel.shape)[::stride, ::stride]
    return np.einsum("ijuv,uv->ij", windows, kernel)


def conv_layer(x, kernels, bias=None, stride=1, padding=0):
    """A convolution layer like ``keras.layers.Conv2D`` (no activation), in NumPy.

    ``x`` has shape ``(height, width, C_in)`` or ``(n, height, width, C_in)``;
    ``kernels`` has Keras's shape ``(F, F, C_in, C_out)`` and ``bias`` shape ``(C_out,)``.
    Each output channel ``k`` is ``sum_c conv2d(x[..., c], kernels[..., c, k]) + bias[k]``.
    """
    kernels = np.asarray(kernels, dtype=float)
    x4, undo = check_image_batch(x, "conv_layer()")
    if x4.ndim != 4 or np.ndim(x) == 2:
        raise ValueError(f"conv_layer() expects channels last, got shape {np.shape(x)}.")
    if kernels.ndim != 4 or kernels.shape[2] != x4.shape[-1]:
        raise ValueError(
            f"conv_layer() expects kernels of shape (F, F, {x4.shape[-1]}, C_out) for input "
            f"with {x4.shape[-1]} channels, got {kernels.shape}."
        )
    stride, padding = check_count(stride, "stride", 1), check_count(padding, "padding", 0)
    x4 = np.pad(x4, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    windows = sliding_window_view(x4, kernels.shape[:2], axis=(1, 2))[:, ::stride, ::stride]
    out = np.einsum("nijcuv,uvck->nijk", windows, kernels)
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)
    return undo(out)


def pool2d(x, size=2, stride=None, mode="max"):
    """Max (or average, ``mode="avg"``) pooling over ``size x size`` windows, ``stride`` apart.

    ``x`` is a grey image (height, width), an image with channels (height, width, C)
    or a batch (n, height, width, C); each channel is pooled on its own.  ``stride``
    defaults to ``size``; like Keras, rows and columns left over at the end are dropped.

    >>> pool2d(np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]))
    array([[6., 8.],
           [3., 4.]])
    """
    size = check_count(size, "size", 1)
    stride = size if stride is None else check_count(stride, "stride", 1)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}.")
    x4, undo = check_image_batch(x, "pool2d()")
    if size > x4.shape[1] or size > x4.shape[2]:
        raise ValueError(f"A {size}x{size} window does not fit in images of shape {np.shape(x)}.")
    windows = sliding_window_view(x4, (size, size), axis=(1, 2))[:, ::stride, ::stride]
    reduce = np.max if mode == "max" else np.mean
    return undo(reduce(windows, axis=(-2, -1)))
