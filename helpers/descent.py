"""Derivatives, least squares and gradient descent (lesson 04).

Pure functions: each takes arrays and returns arrays (or a matplotlib
``Figure``) and changes nothing else, so the lecture's step-size explorer
and the tests call the very same code.

* derivatives by finite differences: :func:`numerical_derivative` and
  :func:`numerical_gradient` (from :mod:`helpers.nn`, reachable here too);
* Chirkova's bowl ``Q(w1, w2) = w1**2 + 5 * w2**2``: :func:`quadratic`,
  :func:`quadratic_gradient`, :func:`contraction_factors`, :func:`step_regime`;
* gradient descent that returns its whole path: :func:`gradient_descent`;
* least squares for a polynomial: :func:`polynomial_design_matrix`,
  :func:`fit_polynomial` (the normal equation), :func:`standardize`;
* pictures: :func:`plot_path` (contours plus a path, on given axes; from
  :mod:`helpers.plots`, shared with lesson 10),
  :func:`draw_descent` (the explorer's figure), :func:`draw_regimes`.
"""

import numpy as np

from helpers.nn import numerical_gradient  # noqa: F401  (lesson 04 calls descent.numerical_gradient)
from helpers.plots import plot_path

#: Where Chirkova starts gradient descent on Q, and its step.
START = (-1.0, 0.25)
STEP = 0.01

#: The second derivatives of Q along w1 and w2: Q = (2 w1**2 + 10 w2**2) / 2.
Q_CURVATURES = (2.0, 10.0)


def _vector(values, name):
    array = np.asarray(values, dtype=float)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D sequence of numbers, got shape {array.shape}."
        )
    return array


def numerical_derivative(f, x, h=1e-5):
    """The derivative of ``f`` at ``x`` by the central difference ``(f(x+h) - f(x-h)) / 2h``.

    >>> round(numerical_derivative(lambda x: x**3, 2.0), 6)
    12.0
    """
    if not h > 0:
        raise ValueError(f"The step h must be positive, got {h!r}.")
    return (f(x + h) - f(x - h)) / (2 * h)


def quadratic(w):
    """Chirkova's bowl ``Q(w1, w2) = w1**2 + 5 * w2**2``.

    ``w`` holds (w1, w2) in its last axis, so one point gives a number and a
    grid of shape (..., 2) gives the values on the grid (for contour plots).
    """
    w = np.asarray(w, dtype=float)
    if w.shape[-1:] != (2,):
        raise ValueError(f"quadratic() expects (w1, w2) in the last axis, got shape {w.shape}.")
    return w[..., 0] ** 2 + 5 * w[..., 1] ** 2


def quadratic_gradient(w):
    """The gradient of Q: ``(dQ/dw1, dQ/dw2) = (2 * w1, 10 * w2)``."""
    w = np.asarray(w, dtype=float)
    if w.shape[-1:] != (2,):
        raise ValueError(
            f"quadratic_gradient() expects (w1, w2) in the last axis, got shape {w.shape}."
        )
    return np.stack([2 * w[..., 0], 10 * w[..., 1]], axis=-1)


def contraction_factors(step, curvatures=Q_CURVATURES):
    """How much one step multiplies each coordinate of a quadratic bowl: ``1 - step * c``.

    On ``Q = w1**2 + 5 * w2**2`` a gradient step is ``w1 -> (1 - 2 step) w1`` and
    ``w2 -> (1 - 10 step) w2``; descent converges when every factor lies in (-1, 1).
    """
    return 1 - step * np.asarray(curvatures, dtype=float)


def gradient_descent(gradient, start, step, n_steps, stop=None):
    """Run ``w <- w - step * gradient(w)`` and return the whole path.

    Parameters
    ----------
    gradient : callable
        ``gradient(w)`` returns the gradient at the 1-D array ``w``.
    start : sequence of float
        The starting point.
    step : float
        The step size (learning rate), positive.
    n_steps : int
        The most steps to take.
    stop : callable, optional
        ``stop(w)`` returns True when ``w`` is good enough; the descent then ends early.

    Returns
    -------
    numpy.ndarray of shape (steps taken + 1, len(start))
        Row 0 is ``start``, row k the point after k steps.

    >>> gradient_descent(quadratic_gradient, START, 0.01, 2).round(4)
    array([[-1.    ,  0.25  ],
           [-0.98  ,  0.225 ],
           [-0.9604,  0.2025]])
    """
    if not callable(gradient):
        raise TypeError(f"gradient must be a function of w, got {type(gradient).__name__}.")
    if not step > 0:
        raise ValueError(f"The step must be positive, got {step!r}.")
    if isinstance(n_steps, bool) or not isinstance(n_steps, int | np.integer) or n_steps < 0:
        raise ValueError(f"n_steps must be a whole number >= 0, got {n_steps!r}.")
    w = _vector(start, "start").copy()
    path = [w.copy()]
    for _ in range(n_steps):
        if stop is not None and stop(w):
            break
        g = np.asarray(gradient(w), dtype=float)
        if g.shape != w.shape:
            raise ValueError(f"gradient(w) returned shape {g.shape}; expected {w.shape}.")
        w = w - step * g
        path.append(w.copy())
    return np.array(path)


def polynomial_design_matrix(x, degree):
    """The matrix with columns ``1, x, x**2, ..., x**degree`` (lowest power first).

    >>> polynomial_design_matrix([1.0, 2.0, 3.0], 2)
    array([[1., 1., 1.],
           [1., 2., 4.],
           [1., 3., 9.]])
    """
    x = _vector(x, "x")
    if isinstance(degree, bool) or not isinstance(degree, int | np.integer) or degree < 0:
        raise ValueError(f"degree must be a whole number >= 0, got {degree!r}.")
    return x[:, None] ** np.arange(degree + 1)


def fit_polynomial(x, y, degree):
    """Least-squares coefficients ``a0, a1, ..., a_degree`` by the normal equation.

    Solves ``X.T @ X @ a = X.T @ y`` for the design matrix ``X`` of
    :func:`polynomial_design_matrix`.  (``numpy.polyfit`` gives the same
    numbers, highest power first.)
    """
    X = polynomial_design_matrix(x, degree)
    y = _vector(y, "y")
    if len(y) != len(X):
        raise ValueError(f"x has {len(X)} values but y has {len(y)}; give one y per x.")
    if len(y) <= degree:
        raise ValueError(f"A degree-{degree} polynomial needs more than {degree} points.")
    return np.linalg.solve(X.T @ X, X.T @ y)


def standardize(X):
    """Centre and scale each column: ``(X - mean) / std``; returns ``(Z, mean, std)``.

    ``std`` is the population standard deviation (ddof=0).  A constant column
    cannot be scaled and raises ValueError.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"standardize() expects a 2-D array (rows, features), got {X.shape}.")
    mean, std = X.mean(axis=0), X.std(axis=0)
    if np.any(std == 0):
        raise ValueError(f"Column(s) {np.flatnonzero(std == 0).tolist()} are constant.")
    return (X - mean) / std, mean, std


_Q_WINDOW = ((-1.2, 1.2), (-0.6, 0.6))


def step_regime(step, curvatures=Q_CURVATURES):
    """What gradient descent with this step does on a quadratic bowl, in a few words.

    Every step multiplies each coordinate by its factor ``1 - step * c``
    (:func:`contraction_factors`).  If every factor has size below 1, descent
    converges ("slowly" when the largest size is above 0.9) and zig-zags when a
    factor is negative.  A factor of size exactly 1 (the factor -1, at
    ``step = 2 / c``) neither shrinks nor grows its coordinate: it flips sign
    forever at the same size.  A factor of size above 1 makes descent diverge.

    >>> step_regime(0.01)
    'converges slowly'
    >>> step_regime(0.2)
    'oscillates forever at the same size'
    >>> step_regime(0.21)
    'diverges'
    """
    if not step > 0:
        raise ValueError(f"The step must be positive, got {step!r}.")
    factors = contraction_factors(step, curvatures)
    worst = np.abs(factors).max()
    if np.isclose(worst, 1.0, rtol=0, atol=1e-9):
        return "oscillates forever at the same size"
    if worst > 1:
        return "diverges"
    verdict = "converges slowly" if worst > 0.9 else "converges fast"
    return verdict + (", zig-zags" if factors.min() < 0 else "")


def draw_descent(step=STEP, n_steps=50, start=START):
    """The step-size explorer's figure: the path on Q's contours and Q after each step.

    Pure: the same arguments always give the same figure, and nothing else changes.
    """
    from matplotlib.figure import Figure

    path = gradient_descent(quadratic_gradient, start, step, n_steps)
    values = quadratic(path)
    factors = contraction_factors(step)
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    left, right = fig.subplots(1, 2)
    plot_path(left, quadratic, path, *_Q_WINDOW)
    left.set_aspect("equal")
    left.set_title(f"step {step:.3f}: {step_regime(step)}")
    style = ".-" if n_steps <= 60 else "-"
    right.semilogy(np.arange(len(values)), values, style, color="C3", label="$Q(w_k)$")
    right.axhline(values[0], color="0.6", lw=0.8, ls="--", label="$Q$ at the start")
    right.legend(fontsize=8)
    right.set(
        xlabel="step k",
        ylabel="$Q(w_k)$ (log scale)",
        title=f"per step: $w_1$ x {factors[0]:.2f}, $w_2$ x {factors[1]:.2f}",
    )
    right.grid(alpha=0.3)
    return fig


def draw_regimes(steps=(0.01, 0.15, 0.21), n_steps=30, start=START):
    """Three paths on Q's contours side by side: a small, a good and a too-large step."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4 * len(steps), 2.6), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(steps)))
    for ax, step in zip(axes, steps, strict=True):
        path = gradient_descent(quadratic_gradient, start, step, n_steps)
        plot_path(ax, quadratic, path, *_Q_WINDOW)
        ax.set_aspect("equal")
        ax.set_title(f"step {step}: {step_regime(step)}")
    return fig
