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
* the kernels of the seeds: :data:`KERNELS` (identity, box blur, edge, sharpen, Sobel);
* pictures: :func:`draw_window` (one output number, worked out),
  :func:`draw_convolution`, :func:`kernel_figure` (the kernel explorer's figure),
  :func:`draw_kernel_gallery`;
* Keras builders (Keras is imported inside them, so ``import helpers`` stays light):
  :func:`lenet5`, :func:`small_cnn`, and :func:`layer_table`, a plain summary.
"""

from typing import NamedTuple

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

#: The 3x3 kernels of the lecture: seed 000's box blur, edge detection and
#: sharpening, seed 003's Sobel kernel (horizontal changes) and its transpose.
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


#: AlexNet's five convolutions and three overlapping max-poolings (seed 001), 227x227x3 in.
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


def _whole(name, value, smallest):
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < smallest:
        kind = {0: "a non-negative whole number", 1: "a positive whole number"}.get(
            smallest, f"a whole number of at least {smallest}"
        )
        raise ValueError(f"{name} must be {kind}, got {value!r}.")
    return int(value)


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
    n, f = _whole("n (the input size)", n, 1), _whole("f (the filter size)", f, 1)
    padding = _whole("padding", padding, 0)
    stride = _whole("stride", stride, 1)
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
    f, c_in, c_out = (_whole(k, v, 1) for k, v in (("f", f), ("c_in", c_in), ("c_out", c_out)))
    return f * f * c_in * c_out + (c_out if bias else 0)


def dense_params(n_in, n_out, bias=True):
    """Trainable numbers of a Dense layer: ``n_in * n_out`` weights, plus ``n_out`` biases.

    >>> dense_params(1024, 1024, bias=False)
    1048576
    """
    n_in, n_out = _whole("n_in", n_in, 1), _whole("n_out", n_out, 1)
    return n_in * n_out + (n_out if bias else 0)


# --- convolution and pooling in NumPy ------------------------------------------------


def _grey_and_kernel(image, kernel, stride, padding):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(
            "Expected a grey image and a kernel, both 2-D arrays, got shapes "
            f"{image.shape} and {kernel.shape}."
        )
    stride, padding = _whole("stride", stride, 1), _whole("padding", padding, 0)
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


def _batch(x, name):
    """``x`` as a 4-D batch (n, height, width, channels) and a function that undoes it."""
    x = np.asarray(x, dtype=float)
    if x.ndim == 2:
        return x[None, :, :, None], lambda y: y[0, :, :, 0]
    if x.ndim == 3:
        return x[None], lambda y: y[0]
    if x.ndim == 4:
        return x, lambda y: y
    raise ValueError(
        f"{name} expects images of shape (height, width), (height, width, channels) or "
        f"(n, height, width, channels), got shape {x.shape}."
    )


def conv_layer(x, kernels, bias=None, stride=1, padding=0):
    """A convolution layer like ``keras.layers.Conv2D`` (no activation), in NumPy.

    ``x`` has shape ``(height, width, C_in)`` or ``(n, height, width, C_in)``;
    ``kernels`` has Keras's shape ``(F, F, C_in, C_out)`` and ``bias`` shape ``(C_out,)``.
    Each output channel ``k`` is ``sum_c conv2d(x[..., c], kernels[..., c, k]) + bias[k]``.
    """
    kernels = np.asarray(kernels, dtype=float)
    x4, undo = _batch(x, "conv_layer()")
    if x4.ndim != 4 or np.ndim(x) == 2:
        raise ValueError(f"conv_layer() expects channels last, got shape {np.shape(x)}.")
    if kernels.ndim != 4 or kernels.shape[2] != x4.shape[-1]:
        raise ValueError(
            f"conv_layer() expects kernels of shape (F, F, {x4.shape[-1]}, C_out) for input "
            f"with {x4.shape[-1]} channels, got {kernels.shape}."
        )
    stride, padding = _whole("stride", stride, 1), _whole("padding", padding, 0)
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
    size = _whole("size", size, 1)
    stride = size if stride is None else _whole("stride", stride, 1)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}.")
    x4, undo = _batch(x, "pool2d()")
    if size > x4.shape[1] or size > x4.shape[2]:
        raise ValueError(f"A {size}x{size} window does not fit in images of shape {np.shape(x)}.")
    windows = sliding_window_view(x4, (size, size), axis=(1, 2))[:, ::stride, ::stride]
    reduce = np.max if mode == "max" else np.mean
    return undo(reduce(windows, axis=(-2, -1)))


# --- pictures -----------------------------------------------------------------------


def _figure(width, height):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _grid(ax, values, left, title, box=None, cmap="Greys"):
    """Draw a matrix cell by cell, top-left corner at x = ``left``, numbers written in.

    ``box = (row, col, height, width)`` is marked in red.  Returns the x just right of it.
    """
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    values = np.asarray(values, dtype=float) + 0.0  # + 0.0 turns -0 into 0
    colour = colormaps[cmap]
    low, high = values.min(), values.max()
    if cmap == "coolwarm":  # zero in the middle of the colour scale
        low, high = -max(abs(low), abs(high), 1e-9), max(abs(low), abs(high), 1e-9)
    norm = Normalize(low, high if high > low else low + 1)
    fmt = "{:g}" if np.all(values == np.round(values)) else "{:.2f}"
    for (i, j), value in np.ndenumerate(values):
        face = colour(0.15 + 0.5 * norm(value))
        ax.add_patch(Rectangle((left + j, i), 1, 1, fc=face, ec="0.4", lw=0.8))
        ax.text(left + j + 0.5, i + 0.5, fmt.format(value), ha="center", va="center", fontsize=10)
    if box is not None:
        row, col, height, width = box
        ax.add_patch(Rectangle((left + col, row), width, height, fill=False, ec="red", lw=2.5))
    ax.text(left + values.shape[1] / 2, -0.3, title, ha="center", va="bottom", fontsize=10)
    return left + values.shape[1]


def draw_window(image, kernel, row=0, col=0):
    """How one output number is made: the window at (``row``, ``col``), the kernel, the sum.

    The image with the window marked, the kernel, and the output (stride 1, no padding)
    with the number being computed marked, all at the same scale; the sum is written below.
    """
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    out = conv2d(image, kernel)
    if not (0 <= row < out.shape[0] and 0 <= col < out.shape[1]):
        raise ValueError(f"The output has shape {out.shape}; there is no position ({row}, {col}).")
    fh, fw = kernel.shape
    window = image[row : row + fh, col : col + fw] + 0.0
    kernel = kernel + 0.0
    height = max(image.shape[0], fh)
    width = image.shape[1] + fw + out.shape[1] + 3
    fig = _figure(0.62 * width + 0.6, 0.62 * height + 1.3)
    ax = fig.subplots()
    right = _grid(ax, image, 0, f"input X, {image.shape[0]}x{image.shape[1]}", (row, col, fh, fw))
    ax.text(right + 0.75, height / 2, "∗", ha="center", va="center", fontsize=18)
    right = _grid(ax, kernel, right + 1.5, f"kernel K, {fh}x{fw}", cmap="coolwarm")
    ax.text(right + 0.75, height / 2, "=", ha="center", va="center", fontsize=18)
    _grid(ax, out, right + 1.5, f"output Y, {out.shape[0]}x{out.shape[1]}", (row, col, 1, 1))
    ax.set_xlim(-0.2, width + 0.2)
    ax.set_ylim(height + 0.2, -1.2)
    ax.set_aspect("equal")
    ax.set_axis_off()
    terms = " + ".join(
        f"{x:g}·{k:g}" if k >= 0 else f"{x:g}·({k:g})"
        for x, k in zip(window.ravel(), kernel.ravel(), strict=True)
    )
    fig.supxlabel(f"Y[{row}, {col}] = {terms} = {out[row, col]:g}", fontsize=9)
    return fig


def _shown(result, kernel):
    """How to show a convolution's result: ``(picture, vmin, vmax, label)``."""
    if abs(kernel.sum()) < 1e-9:  # an edge detector: strength of the response
        picture = np.abs(result)
        return picture, 0.0, max(float(np.percentile(picture, 99.5)), 1e-9), "|output|"
    return result, 0.0, 255.0, "output (clipped to 0..255)"


def draw_convolution(image, kernel, title=None):
    """Input, kernel (its numbers) and output of ``conv2d(image, kernel, padding=1)`` side by side.

    The image is grey, 0..255.  Kernels that add up to 0 (edge detectors) give
    positive and negative answers: their absolute value is shown, bright = strong edge.
    """
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    result = conv2d(image, kernel, padding=kernel.shape[0] // 2)
    picture, vmin, vmax, label = _shown(result, kernel)
    aspect = image.shape[0] / image.shape[1]
    fig = _figure(10.5, 3.6 * aspect + 0.9)
    left, middle, right = fig.subplots(1, 3, width_ratios=[4, 1.4, 4])
    left.imshow(image, cmap="gray", vmin=0, vmax=255)
    left.set_title(f"input {image.shape[0]}x{image.shape[1]}", fontsize=10)
    left.set_axis_off()
    size = kernel.shape[0]
    _grid(middle, kernel, 0, "kernel", cmap="coolwarm")
    middle.set_xlim(-0.2, size + 0.2)
    middle.set_ylim(size + 0.2, -1.2)
    middle.set_aspect("equal")
    middle.set_axis_off()
    right.imshow(picture, cmap="gray", vmin=vmin, vmax=vmax)
    right.set_title(label, fontsize=10)
    right.set_axis_off()
    if title:
        fig.suptitle(title)
    return fig


def kernel_figure(kernel="sobel x", image="photo", images=None):
    """The kernel explorer's figure: the kernel named ``kernel`` applied to ``images[image]``.

    ``images`` maps names to grey images (0..255); bind it with ``functools.partial``
    and the explorer's dropdowns choose ``kernel`` (a name of :data:`KERNELS`) and ``image``.
    """
    if not images:
        raise ValueError("kernel_figure() needs images={'name': grey image, ...} to choose from.")
    if kernel not in KERNELS:
        raise ValueError(f"Unknown kernel {kernel!r}; choose one of {', '.join(KERNELS)}.")
    if image not in images:
        raise ValueError(f"Unknown image {image!r}; choose one of {', '.join(images)}.")
    return draw_convolution(images[image], KERNELS[kernel], title=f"{kernel} on the {image}")


def draw_kernel_gallery(images, kernels=None):
    """Every kernel (columns) on every image (rows, named on the left).

    ``images`` maps names to grey images (0..255); ``kernels`` maps names to kernels
    (default: :data:`KERNELS`).  Each output has the input's size (zero padding).
    """
    kernels = KERNELS if kernels is None else kernels
    if not images or not kernels:
        raise ValueError("draw_kernel_gallery() needs at least one image and one kernel.")
    fig = _figure(2.0 * len(kernels), 2.0 * len(images) + 0.4)
    axes = np.asarray(fig.subplots(len(images), len(kernels), squeeze=False))
    for r, (image_name, image) in enumerate(images.items()):
        image = np.asarray(image, dtype=float)
        for c, (kernel_name, kernel) in enumerate(kernels.items()):
            kernel = np.asarray(kernel, dtype=float)
            result = conv2d(image, kernel, padding=kernel.shape[0] // 2)
            picture, vmin, vmax, _ = _shown(result, kernel)
            ax = axes[r, c]
            ax.imshow(picture, cmap="gray", vmin=vmin, vmax=vmax)
            ax.set_axis_off()
            if r == 0:
                ax.set_title(kernel_name, fontsize=10)
            if c == 0:
                ax.text(
                    -0.06,
                    0.5,
                    image_name,
                    rotation=90,
                    ha="right",
                    va="center",
                    transform=ax.transAxes,
                    fontsize=10,
                )
    return fig


# --- Keras ----------------------------------------------------------------------------


def lenet5():
    """LeNet-5 (LeCun et al., 1998) in Keras, uncompiled: 32x32x1 in, 10 classes out.

    C1: 6 filters 5x5 -> S2: 2x2 average pooling -> C3: 16 filters 5x5 -> S4: pooling ->
    C5: 120 units -> F6: 84 units -> 10 softmax outputs, tanh activations.  (The original
    connects C3 to only some of S2's maps and ends in RBF units; this is the usual
    modern reading of it.)
    """
    import keras

    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(32, 32, 1)),
            layers.Conv2D(6, 5, activation="tanh", name="C1"),
            layers.AveragePooling2D(2, name="S2"),
            layers.Conv2D(16, 5, activation="tanh", name="C3"),
            layers.AveragePooling2D(2, name="S4"),
            layers.Flatten(name="flatten"),
            layers.Dense(120, activation="tanh", name="C5"),
            layers.Dense(84, activation="tanh", name="F6"),
            layers.Dense(10, activation="softmax", name="output"),
        ],
        name="LeNet-5",
    )


def small_cnn(num_classes=10, filters=(8, 16), input_shape=(28, 28, 1), seed=None):
    """The lecture's small CNN for digits, **compiled** and ready for ``fit``.

    ``Conv2D(filters[0], 3x3, relu)`` "conv1" -> ``MaxPooling2D(2)`` "pool1" ->
    ``Conv2D(filters[1], 3x3, relu)`` "conv2" -> ``MaxPooling2D(2)`` "pool2" ->
    ``Flatten`` "flatten" -> ``Dense(num_classes, softmax)`` "output"; compiled with
    Adam (learning rate 0.001), the loss ``sparse_categorical_crossentropy`` (integer
    labels) and the metric ``accuracy``.  Inputs are images scaled to 0..1 with a
    channel axis, shape ``(n, 28, 28, 1)``.  With the defaults it has 5,258 parameters.
    ``seed`` (optional) seeds Keras first, so the initial weights repeat.  The layers
    have the names above: ``model.get_layer("flatten").output`` is the feature vector
    (400 numbers with the defaults) that transfer learning reuses; to freeze layers,
    set ``layer.trainable = False`` and compile again.
    """
    import keras

    num_classes = _whole("num_classes", num_classes, 2)
    filters = tuple(filters)
    if len(filters) != 2:
        raise ValueError(f"filters must be two numbers (conv1, conv2), got {filters!r}.")
    for k, count in enumerate(filters, start=1):
        _whole(f"filters[{k - 1}]", count, 1)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input(shape=tuple(input_shape)),
            layers.Conv2D(filters[0], 3, activation="relu", name="conv1"),
            layers.MaxPooling2D(2, name="pool1"),
            layers.Conv2D(filters[1], 3, activation="relu", name="conv2"),
            layers.MaxPooling2D(2, name="pool2"),
            layers.Flatten(name="flatten"),
            layers.Dense(num_classes, activation="softmax", name="output"),
        ],
        name="small_cnn",
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def layer_table(model):
    """A plain, reproducible summary: one line per layer with its kind, output shape, parameters."""
    lines = [f"{'layer':10} {'kind':18} {'output shape':18} {'parameters':>10}"]
    for layer in model.layers:
        shape = "(" + ", ".join("None" if d is None else str(d) for d in layer.output.shape) + ")"
        kind = type(layer).__name__
        lines.append(f"{layer.name:10} {kind:18} {shape:18} {layer.count_params():>10,}")
    lines.append(f"{'total':48} {model.count_params():>10,}")
    return "\n".join(lines)
