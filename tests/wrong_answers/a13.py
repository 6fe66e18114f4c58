"""Wrong answers, shortcuts and honest variants for assignment a13 (convolutional networks).

Shortcuts tried here: the course's helpers, Keras where the task says NumPy, a network
that is not convolutional.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # The "+ 1" of the formula forgotten: one position too few (a 3x3 kernel on 28 -> 25).
    "output_size_off_by_one": {
        "output_size": """\
def conv_output_size(n, f, p=0, s=1):
    span = n + 2 * p - f
    if span < 0 or span % s != 0:
        raise ValueError("the kernel does not fit")
    return span // s
""",
    },
    # The window moves one pixel at a time whatever the stride: a stride-1 output.
    "conv2d_ignores_the_stride": {
        "conv2d": """\
def conv2d(image, kernel, stride=1):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    f1, f2 = kernel.shape
    rows, cols = image.shape[0] - f1 + 1, image.shape[1] - f2 + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(image[i : i + f1, j : j + f2] * kernel)
    return out
""",
    },
    # Average pooling instead of max pooling.
    "pooling_takes_the_mean": {
        "max_pool": """\
def max_pool2d(x, size=2, stride=None):
    x = np.asarray(x, dtype=float)
    stride = size if stride is None else stride
    n, height, width, channels = x.shape
    rows, cols = (height - size) // stride + 1, (width - size) // stride + 1
    out = np.zeros((n, rows, cols, channels))
    for i in range(rows):
        for j in range(cols):
            window = x[:, i * stride : i * stride + size, j * stride : j * stride + size, :]
            out[:, i, j, :] = window.mean(axis=(1, 2))
    return out
""",
    },
}

SHORTCUTS = {
    # The lecture's helper does the arithmetic.
    "output_size_from_the_course_helpers": {
        "cells": {
            "output_size": """\
def conv_output_size(n, f, p=0, s=1):
    return int(helpers.convolution.output_size(n, f, padding=p, stride=s))
""",
        },
        "loses": ["test_output_size"],
    },
    # The lecture's helper convolves.
    "conv2d_from_the_course_helpers": {
        "cells": {
            "conv2d": """\
def conv2d(image, kernel, stride=1):
    return helpers.convolution.conv2d(image, kernel, stride=stride)
""",
        },
        "loses": ["test_conv2d"],
    },
    # Keras's Conv2D, through the notebook's own reference function.
    "conv_layer_from_keras": {
        "cells": {
            "conv_layer": """\
def conv_layer(x, kernels, bias, stride=1, padding=0):
    x = np.pad(np.asarray(x, dtype=float), ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    return keras_conv(x, kernels, bias, stride=stride)
""",
        },
        "loses": ["test_conv_layer"],
    },
    # Keras's MaxPooling2D, through the notebook's own reference function.
    "max_pool_from_keras": {
        "cells": {
            "max_pool": """\
def max_pool2d(x, size=2, stride=None):
    return keras_max_pool(x, size, stride)
""",
        },
        "loses": ["test_max_pool"],
    },
    # Keras counts the parameters.
    "conv_params_from_keras": {
        "cells": {
            "conv_params": """\
def conv_params(f, c_in, c_out):
    layer = keras.layers.Conv2D(c_out, f)
    layer.build((None, 32, 32, c_in))
    return layer.count_params()
""",
        },
        "loses": ["test_conv_params"],
    },
    # A 1x1 "convolution" before a dense network: it passes the accuracy bound, but no
    # filter ever looks at two neighbouring pixels and nothing is pooled.
    "build_cnn_that_is_not_convolutional": {
        "cells": {
            "build_cnn": """\
def build_cnn(seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(1, 1),
            keras.layers.Flatten(),
            keras.layers.Dense(48, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.003),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
        },
        "loses": ["test_build_cnn"],
    },
}

HONEST = {
    # Windows from NumPy's sliding_window_view and one einsum: vectorized, still by hand.
    "conv2d_with_sliding_windows": {
        "conv2d": """\
def conv2d(image, kernel, stride=1):
    import numpy as np

    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijkl,kl->ij", windows[::stride, ::stride], kernel)
""",
    },
    # Pooling from the same windows, on all images and channels at once.
    "max_pool_with_sliding_windows": {
        "max_pool": """\
def max_pool2d(x, size=2, stride=None):
    stride = size if stride is None else stride
    x = np.asarray(x, dtype=float)
    windows = np.lib.stride_tricks.sliding_window_view(x, (size, size), axis=(1, 2))
    return windows[:, ::stride, ::stride].max(axis=(-2, -1))
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "conv2d_ignores_the_stride": ["test_conv2d", "test_conv_layer"],
    "output_size_off_by_one": ["test_output_size"],
    "pooling_takes_the_mean": ["test_max_pool"],
}
