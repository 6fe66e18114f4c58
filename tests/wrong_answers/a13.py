"""Plausible wrong answers to assignment a13 (convolutional neural networks); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a13/a13_cnn.ipynb`` to the full
source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
