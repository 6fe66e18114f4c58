"""Validation curves: one hyper-parameter, scores across cross-validation folds (lesson 07)."""

from dataclasses import dataclass

import numpy as np

# --- validation curves ---------------------------------------------------------


@dataclass(frozen=True)
class ValidationCurve:
    """Scores of one estimator as one hyper-parameter changes.

    ``train_scores`` and ``validation_scores`` have one row per value of the
    hyper-parameter and one column per cross-validation fold.
    """

    param_name: str
    values: np.ndarray
    train_scores: np.ndarray
    validation_scores: np.ndarray

    @property
    def train_mean(self):
        """Mean training score for each value."""
        return self.train_scores.mean(axis=1)

    @property
    def validation_mean(self):
        """Mean validation score for each value."""
        return self.validation_scores.mean(axis=1)

    @property
    def train_std(self):
        """Standard deviation of the training score over the folds, for each value."""
        return self.train_scores.std(axis=1)

    @property
    def validation_std(self):
        """Standard deviation of the validation score over the folds, for each value."""
        return self.validation_scores.std(axis=1)

    @property
    def best_index(self):
        """Index of the value with the highest mean validation score (the first, on ties)."""
        return int(np.argmax(self.validation_mean))

    @property
    def best_value(self):
        """The value with the highest mean validation score."""
        return self.values[self.best_index]

    def nearest_index(self, value):
        """Index of the computed value closest to ``value`` (on a log scale when all are > 0)."""
        value = float(value)
        values = self.values.astype(float)
        if np.all(values > 0) and value > 0:
            distance = np.abs(np.log(values) - np.log(value))
        else:
            distance = np.abs(values - value)
        return int(np.argmin(distance))


def validation_curve_data(estimator, X, y, param_name, values, cv=5, scoring=None, n_jobs=None):
    """Cross-validated training and validation scores for each value of one hyper-parameter.

    A thin, checked wrapper of :func:`sklearn.model_selection.validation_curve`.
    ``param_name`` is a name from ``estimator.get_params()``, such as
    ``"svc__gamma"`` for the step ``"svc"`` of a pipeline; ``values`` are the
    values to try, as numbers.  Returns a :class:`ValidationCurve`.
    Compute it once and draw it as often as you like.
    """
    from sklearn.model_selection import validation_curve

    if not hasattr(estimator, "get_params") or not hasattr(estimator, "fit"):
        raise TypeError(
            "validation_curve_data() expects a scikit-learn estimator (something with fit and "
            f"get_params), got {type(estimator).__name__}."
        )
    known = estimator.get_params()
    if param_name not in known:
        raise ValueError(
            f"{type(estimator).__name__} has no parameter {param_name!r}; it has "
            f"{', '.join(sorted(known))}."
        )
    values = np.asarray(values)
    if values.ndim != 1 or len(values) < 2:
        raise ValueError(
            f"values must be a 1-D list of at least two values to try, got shape {values.shape}."
        )
    if not np.issubdtype(values.dtype, np.number):
        raise ValueError(f"values must be numbers, got {values.dtype}.")
    train, validation = validation_curve(
        estimator,
        X,
        y,
        param_name=param_name,
        param_range=values,
        cv=cv,
        scoring=scoring,
        n_jobs=n_jobs,
    )
    return ValidationCurve(param_name, values, np.asarray(train), np.asarray(validation))


def draw_validation_curve(curve, value=None, log_scale=None, title=None, ylabel="accuracy"):
    """Draw the training and validation curves of ``curve``, marking ``value``.

    The lines are the mean scores over the folds, the shaded bands one standard
    deviation either side.  ``value`` (optional) is marked by a vertical line at
    the nearest computed value, with its two scores written in the corner; a
    star marks the best validation score.  ``log_scale`` defaults to a log axis
    when all values are positive and span more than a factor of 20.
    Returns a :class:`matplotlib.figure.Figure`.
    """
    from matplotlib.figure import Figure

    if not isinstance(curve, ValidationCurve):
        raise TypeError(
            "draw_validation_curve() expects what validation_curve_data() returns, got "
            f"{type(curve).__name__}."
        )
    x = curve.values.astype(float)
    if log_scale is None:
        log_scale = bool(np.all(x > 0) and x.max() / x.min() > 20)
    fig = Figure(figsize=(7, 3.6))
    ax = fig.subplots()
    for mean, std, label, style in (
        (curve.train_mean, curve.train_std, "training", "o-"),
        (curve.validation_mean, curve.validation_std, "validation", "s-"),
    ):
        (line,) = ax.plot(x, mean, style, ms=4, label=label)
        ax.fill_between(x, mean - std, mean + std, color=line.get_color(), alpha=0.2)
    best = curve.best_index
    ax.plot(x[best], curve.validation_mean[best], "*", ms=14, color="C2", label="best validation")
    if value is not None:
        i = curve.nearest_index(value)
        ax.axvline(x[i], color="0.3", ls="--", lw=1)
        ax.text(
            0.02,
            0.04,
            f"{curve.param_name} = {x[i]:.3g}\n"
            f"training   {curve.train_mean[i]:.3f}\n"
            f"validation {curve.validation_mean[i]:.3f}",
            transform=ax.transAxes,
            family="monospace",
            fontsize=9,
            va="bottom",
            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.9},
        )
    if log_scale:
        ax.set_xscale("log")
    ax.set(
        xlabel=curve.param_name,
        ylabel=ylabel,
        ylim=(min(0.0, float(curve.validation_mean.min()) - 0.05), 1.02),
        title=title or f"Validation curve over {curve.param_name}",
    )
    ax.grid(alpha=0.3)
    ax.legend(loc="center")
    fig.tight_layout()
    return fig
