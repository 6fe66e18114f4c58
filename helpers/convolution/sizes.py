"""Kernels, layer sizes and parameter counts of convolutional networks (lesson 13)."""

from typing import NamedTuple

import numpy as np

from helpers.validate import check_count

#: The 3x3 kernels of the lecture: the UrFU (2017) box blur, edge detection and
#: sharpening, Chirkova's Sobel kernel (horizontal changes) and its transpose.
KERNELS = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=float),
    "box blur": np.full((3, 3), 1 / 9),
    "edge": np.array([[0, -1, 0], [-1, 4, -1], [0, -1, 0]], dtype=float),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float),
    "sobel x": np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype=float),
    "sobel y": np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]], dtype=float),
}


class Layer(NamedTuple):
    """One layer of a size chain: a filter (or pooling window) ``size``, its padding and stride.

    ``channels`` is the number of filters of a convolution, ``None`` for pooling
    (which keeps the number of channels).
    """

    name: str
    size: int
    padding: int = 0
    stride: int = 1
    channels: int | None = None


#: AlexNet's five convolutions and three overlapping max-poolings (Trifonov 2020),
#: 227x227x3 in.
ALEXNET = (
    Layer("conv1 11x11, stride 4", 11, 0, 4, 96),
    Layer("max pool 3x3, stride 2", 3, 0, 2),
    Layer("conv2 5x5, pad 2", 5, 2, 1, 256),
    Layer("max pool 3x3, stride 2", 3, 0, 2),
    Layer("conv3 3x3, pad 1", 3, 1, 1, 384),
    Layer("conv4 3x3, pad 1", 3, 1, 1, 384),
    Layer("conv5 3x3, pad 1", 3, 1, 1, 256),
    Layer("max pool 3x3, stride 2", 3, 0, 2),
)


def output_size(n, f, padding=0, stride=1):
    """The output size ``(N + 2p - F) / s + 1`` of a convolution or pooling along one axis.

    ``n`` is the input size, ``f`` the filter size, ``padding`` the zeros added on
    each side and ``stride`` the step.  Raises ``ValueError`` when the filter does
    not fit (it is larger than the padded input, or the steps do not end exactly at
    the border, so the formula gives no whole number).

    >>> output_size(227, 11, stride=4)
    55
    >>> output_size(32, 3, padding=1)
    32
    """
    n, f = check_count(n, "n (the input size)", 1), check_count(f, "f (the filter size)", 1)
    padding = check_count(padding, "padding", 0)
    stride = check_count(stride, "stride", 1)
    span = n + 2 * padding - f
    if span < 0:
        raise ValueError(
            f"A {f}x{f} filter does not fit in an input of size {n} with padding {padding}."
        )
    if span % stride:
        raise ValueError(
            f"A {f}x{f} filter with stride {stride} does not fit an input of size {n} with "
            f"padding {padding} evenly: ({n} + 2*{padding} - {f}) / {stride} + 1 = "
            f"{span / stride + 1:g} is not a whole number; change the padding or the stride."
        )
    return span // stride + 1


def size_chain(n, layers):
    """The spatial size after each layer of ``layers`` (a list of :class:`Layer`), input first.

    >>> size_chain(227, ALEXNET)
    [227, 55, 27, 27, 13, 13, 13, 13, 6]
    """
    sizes = [n]
    for layer in layers:
        sizes.append(output_size(sizes[-1], layer.size, layer.padding, layer.stride))
    return sizes


def conv_params(f, c_in, c_out, bias=True):
    """Trainable numbers of a convolution: ``F * F * C_in * C_out`` weights, plus ``C_out`` biases.

    >>> conv_params(5, 3, 6)
    456
    """
    f, c_in, c_out = (check_count(v, k, 1) for k, v in (("f", f), ("c_in", c_in), ("c_out", c_out)))
    return f * f * c_in * c_out + (c_out if bias else 0)


def dense_params(n_in, n_out, bias=True):
    """Trainable numbers of a Dense layer: ``n_in * n_out`` weights, plus ``n_out`` biases.

    >>> dense_params(1024, 1024, bias=False)
    1048576
    """
    n_in, n_out = check_count(n_in, "n_in", 1), check_count(n_out, "n_out", 1)
    return n_in * n_out + (n_out if bias else 0)
