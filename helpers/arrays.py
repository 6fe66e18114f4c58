"""Broadcasting, worked out and drawn: how NumPy fits two arrays of different shapes.

NumPy adds (multiplies, compares, ...) arrays of different shapes by the
**broadcasting rule**: line the shapes up from the right, treat a missing axis
as size 1, and in every axis the two sizes must be equal or one of them 1; an
array of size 1 along an axis is repeated to the other's size.

* :func:`broadcast_steps` applies the rule axis by axis, so you can read it;
* :func:`broadcast_shape` gives the shape of the result (or the error);
* :func:`draw_broadcast` draws two small arrays, their stretched copies and
  their sum, the picture behind the lecture's broadcasting explorer.

>>> broadcast_shape((3, 1), (4,))
(3, 4)
"""

import textwrap

import numpy as np

# Shapes offered by the lecture's explorer, as (label, shape) pairs for a dropdown.
SHAPE_CHOICES = [
    (str(shape), shape)
    for shape in [(1,), (3,), (4,), (3, 1), (1, 4), (4, 1), (3, 4), (4, 3), (2, 4)]
]

_COLOURS = {"A": "#4c72b0", "B": "#dd8452", "A + B": "#55a868"}
_ERROR_COLOUR = "#c44e52"


def _as_shape(shape, name="shape"):
    """``shape`` as a tuple of positive whole numbers; a clear error otherwise."""
    if isinstance(shape, int | np.integer) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        sizes = tuple(shape)
    except TypeError:
        raise TypeError(f"{name} must be a tuple of sizes such as (3, 4), got {shape!r}.") from None
    if not sizes or any(
        isinstance(s, bool) or not isinstance(s, int | np.integer) or s < 1 for s in sizes
    ):
        raise ValueError(
            f"{name} must be a non-empty tuple of positive whole numbers, got {shape!r}."
        )
    return tuple(int(s) for s in sizes)


def broadcast_steps(a_shape, b_shape):
    """The broadcasting rule, one axis at a time, from the last axis to the first.

    Returns a list of ``(axis, size_a, size_b, size_result)`` tuples.  ``axis``
    counts from the right (-1 is the last axis); a size is ``None`` where that
    array has no such axis (it counts as 1); ``size_result`` is ``None`` where
    the two sizes differ and neither is 1, so the shapes do not broadcast.

    >>> broadcast_steps((3, 1), (4,))
    [(-1, 1, 4, 4), (-2, 3, None, 3)]
    """
    a_shape, b_shape = _as_shape(a_shape, "a_shape"), _as_shape(b_shape, "b_shape")
    steps = []
    for k in range(1, max(len(a_shape), len(b_shape)) + 1):
        a = a_shape[-k] if k <= len(a_shape) else None
        b = b_shape[-k] if k <= len(b_shape) else None
        a_size, b_size = a or 1, b or 1
        if a_size == b_size or b_size == 1:
            result = a_size
        elif a_size == 1:
            result = b_size
        else:
            result = None
        steps.append((-k, a, b, result))
    return steps


def broadcast_shape(a_shape, b_shape):
    """The shape of ``a + b`` for arrays ``a``, ``b`` of these shapes (NumPy's rule).

    Raises ``ValueError`` naming the first axis, from the right, whose sizes
    do not fit.

    >>> broadcast_shape((4, 3), (3,))
    (4, 3)
    >>> broadcast_shape((3,), (4,))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    ValueError: shapes (3,) and (4,) do not broadcast: on axis -1 the sizes 3 and 4 differ ...
    """
    steps = broadcast_steps(a_shape, b_shape)
    for axis, a, b, result in steps:
        if result is None:
            raise ValueError(
                f"shapes {tuple(a_shape)} and {tuple(b_shape)} do not broadcast: on axis {axis} "
                f"the sizes {a} and {b} differ and neither is 1."
            )
    return tuple(result for *_, result in reversed(steps))


def rule_table(a_shape, b_shape):
    """The steps of :func:`broadcast_steps` as a small text table, one line per axis.

    >>> print(rule_table((3, 1), (4,)))
    axis   A   B   A + B
      -1   1   4   4
      -2   3   -   3
    """
    lines = ["axis   A   B   A + B"]
    for axis, a, b, result in broadcast_steps(a_shape, b_shape):
        cells = ["-" if size is None else str(size) for size in (a, b)]
        outcome = "no fit" if result is None else str(result)
        lines.append(f"{axis:>4}   {cells[0]:<3} {cells[1]:<3} {outcome}")
    return "\n".join(lines)


def _as_grid(shape):
    """A shape of one or two axes as (rows, columns): a vector is drawn as one row."""
    return (1, shape[0]) if len(shape) == 1 else shape


def _draw_grid(ax, values, real, colour, title):
    """Draw a 2-D array as coloured cells, row 0 on top; where ``real`` is False, repeats."""
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            ax.add_patch(_cell(j, i, colour, real[i, j]))
            ax.text(
                j + 0.5,
                i + 0.5,
                f"{values[i, j]:g}",
                ha="center",
                va="center",
                fontsize=11,
                color="white" if real[i, j] else "0.4",
                fontweight="bold" if real[i, j] else "normal",
            )
    size = max(rows, cols, 4)  # the same cell size in every panel
    ax.set_xlim(-0.1, size + 0.1)
    ax.set_ylim(size + 0.1, -0.1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=10)


def _cell(x, y, colour, real):
    from matplotlib.patches import Rectangle

    if real:
        return Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="white", linewidth=2)
    return Rectangle(
        (x, y), 1, 1, facecolor=colour, alpha=0.18, edgecolor=colour, linewidth=1, linestyle="--"
    )


def operands(a_shape, b_shape):
    """The two small example arrays the explorer adds: A = 10, 20, ... and B = 0, 1, 2, ...

    >>> a, b = operands((3, 1), (4,))
    >>> a.ravel().tolist(), b.tolist()
    ([0, 10, 20], [0, 1, 2, 3])
    """
    a_shape, b_shape = _as_shape(a_shape, "a_shape"), _as_shape(b_shape, "b_shape")
    a = 10 * np.arange(int(np.prod(a_shape))).reshape(a_shape)
    b = np.arange(int(np.prod(b_shape))).reshape(b_shape)
    return a, b


def _stretched(x, shape):
    """``x`` broadcast to the 2-D ``shape``, and a mask of the cells that are its own."""
    rows, cols = shape
    grid = x.reshape(_as_grid(x.shape))
    values = np.broadcast_to(grid, shape)
    own_rows = np.arange(rows) < grid.shape[0]
    own_cols = np.arange(cols) < grid.shape[1]
    return values, own_rows[:, None] & own_cols[None, :]


def draw_broadcast(a_shape=(3, 1), b_shape=(4,)):
    """Draw ``A + B`` for arrays of one or two axes: the operands, their repeats, the sum.

    Solid cells hold an array's own numbers; faint dashed cells are the copies
    that broadcasting makes (NumPy never stores them).  When the shapes do not
    fit, the third panel shows the error instead.  Returns a matplotlib Figure.
    """
    from matplotlib.figure import Figure

    a_shape, b_shape = _as_shape(a_shape, "a_shape"), _as_shape(b_shape, "b_shape")
    if len(a_shape) > 2 or len(b_shape) > 2:
        raise ValueError(
            f"draw_broadcast() draws arrays of one or two axes, got shapes {a_shape} and "
            f"{b_shape}; use broadcast_steps() for more."
        )
    a, b = operands(a_shape, b_shape)
    fig = Figure(figsize=(11, 3.4), layout="constrained")
    axes = fig.subplots(1, 4, width_ratios=[1, 1, 1, 0.8])
    try:
        result_shape = broadcast_shape(a_shape, b_shape)
    except ValueError:
        result_shape = None

    if result_shape is None:
        for ax, name, x in ((axes[0], "A", a), (axes[1], "B", b)):
            grid = x.reshape(_as_grid(x.shape))
            own = np.ones(grid.shape, dtype=bool)
            _draw_grid(ax, grid, own, _COLOURS[name], f"{name}: shape {x.shape}")
        try:
            a + b
        except ValueError as error:  # NumPy's own words
            message = textwrap.fill(str(error).strip(), width=26)
        axes[2].axis("off")
        axes[2].set_title("A + B", fontsize=10)
        axes[2].text(
            0.5,
            0.6,
            f"ValueError:\n{message}",
            ha="center",
            va="center",
            color=_ERROR_COLOUR,
            fontsize=10,
            transform=axes[2].transAxes,
        )
        verdict = "shapes do not\nbroadcast"
    else:
        grid_shape = _as_grid(result_shape)
        for ax, name, x in ((axes[0], "A", a), (axes[1], "B", b)):
            values, own = _stretched(x, grid_shape)
            _draw_grid(ax, values, own, _COLOURS[name], f"{name}: shape {x.shape} → {result_shape}")
        total = (a + b).reshape(grid_shape)
        own = np.ones(grid_shape, dtype=bool)
        _draw_grid(axes[2], total, own, _COLOURS["A + B"], f"A + B: shape {result_shape}")
        verdict = f"result shape\n{result_shape}"
    rule = axes[3]
    rule.axis("off")
    rule.set_title("the rule, from the right", fontsize=10)
    rule.text(0.0, 0.95, rule_table(a_shape, b_shape), family="monospace", fontsize=10, va="top")
    rule.text(
        0.0,
        0.35,
        verdict,
        fontsize=11,
        va="top",
        color=_ERROR_COLOUR if result_shape is None else "black",
    )
    return fig
