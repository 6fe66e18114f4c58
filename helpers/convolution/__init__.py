"""Convolution by hand: kernels, output sizes, pooling, and small CNNs in Keras (lesson 13).

The NumPy functions are pure (arrays in, arrays out) and follow Keras's conventions,
so the lecture can check them against ``keras.layers.Conv2D`` and ``MaxPooling2D``:

* a **convolution** here is what deep-learning libraries compute, the
  cross-correlation ``Y[i, j] = sum_uv K[u, v] X[i*s + u, j*s + v]`` (the kernel is
  not flipped): :func:`conv2d_loops` (plain loops, to read), :func:`conv2d` (one
  grey image, vectorized) and :func:`conv_layer` (channels and many filters, a
  Keras ``Conv2D`` layer with a bias);
* sizes and counts: :func:`output_size` (``(N + 2p - F) / s + 1``, with an error
  when the filter does not fit), :func:`size_chain` and :data:`ALEXNET`,
  :func:`conv_params`, :func:`dense_params`;
* :func:`pool2d`: max or average pooling;
* the kernels of the source lectures (UrFU 2017, Chirkova): :data:`KERNELS` (identity,
  box blur, edge, sharpen, Sobel);
* pictures: :func:`draw_window` (one output number, worked out),
  :func:`draw_convolution`, :func:`kernel_figure` (the kernel explorer's figure),
  :func:`draw_kernel_gallery`, :func:`draw_signed_maps` (kernels and feature maps
  on one colour scale centred at 0);
* Keras builders (Keras is imported inside them, so ``import helpers`` stays light):
  :func:`lenet5`, :func:`small_cnn`, and :func:`layer_table`, a plain summary.
"""

from helpers.convolution.drawing import (  # noqa: F401
    draw_convolution,
    draw_kernel_gallery,
    draw_signed_maps,
    draw_window,
    kernel_figure,
)
from helpers.convolution.models import (  # noqa: F401
    layer_table,
    lenet5,
    small_cnn,
)
from helpers.convolution.ops import (  # noqa: F401
    conv2d,
    conv2d_loops,
    conv_layer,
    pool2d,
)
from helpers.convolution.sizes import (  # noqa: F401
    ALEXNET,
    KERNELS,
    Layer,
    conv_params,
    dense_params,
    output_size,
    size_chain,
)

__all__ = [
    "ALEXNET",
    "conv2d",
    "conv2d_loops",
    "conv_layer",
    "conv_params",
    "dense_params",
    "draw_convolution",
    "draw_kernel_gallery",
    "draw_signed_maps",
    "draw_window",
    "kernel_figure",
    "KERNELS",
    "Layer",
    "layer_table",
    "lenet5",
    "output_size",
    "pool2d",
    "size_chain",
    "small_cnn",
]
