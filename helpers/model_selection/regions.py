"""One hyper-parameter seen in the plane: decision regions that refit as it changes (lesson 07)."""

from dataclasses import dataclass

import numpy as np

# --- one hyper-parameter, seen in the plane -------------------------------------------


@dataclass(frozen=True)
class DecisionRegions:
    """What a classifier fitted at one hyper-parameter value does in a 2-D plane.

    ``labels[i, j]`` is the class it predicts at the point ``(xs[j], ys[i])``;
    ``train_accuracy`` and ``validation_accuracy`` are its scores on the points it
    was fitted on and on held-out points; ``support_share`` is the share of the
    training points that became support vectors (``None`` for other models).
    """

    value: float
    xs: np.ndarray
    ys: np.ndarray
    labels: np.ndarray
    train_accuracy: float
    validation_accuracy: float
    support_share: float | None


class RegionExplorer:
    """Decision regions of one estimator as one hyper-parameter changes, in the plane.

    ``regions(value)`` fits a fresh copy of ``estimator`` with ``param_name = value``
    on ``(X_fit, y_fit)``, scores it there and on ``(X_val, y_val)``, and predicts on
    a ``resolution`` x ``resolution`` grid (``axis_labels`` name the plane's axes,
    ``class_title`` heads the legend); each value is computed once and cached,
    so a slider that comes back to a value redraws at once.  ``draw(value)`` is the
    widget's pure drawing function.

    >>> explorer = RegionExplorer(SVC(), "gamma", X_fit, y_fit, X_val, y_val)  # doctest: +SKIP
    >>> explorer.draw(1.0)  # doctest: +SKIP
    """

    def __init__(
        self,
        estimator,
        param_name,
        X_fit,
        y_fit,
        X_val,
        y_val,
        resolution=120,
        axis_labels=("$x_1$", "$x_2$"),
        class_title="class",
    ):
        from helpers.classifiers import plane_limits
        from helpers.validate import check_count, check_points

        if not hasattr(estimator, "get_params") or not hasattr(estimator, "predict"):
            raise TypeError(
                "RegionExplorer expects a scikit-learn classifier (with fit, predict and "
                f"get_params), got {type(estimator).__name__}."
            )
        if param_name not in estimator.get_params():
            raise ValueError(f"{type(estimator).__name__} has no parameter {param_name!r}.")
        self.X_fit, self.X_val = check_points(X_fit, "X_fit"), check_points(X_val, "X_val")
        self.y_fit, self.y_val = np.asarray(y_fit), np.asarray(y_val)
        if self.y_fit.shape != (len(self.X_fit),) or self.y_val.shape != (len(self.X_val),):
            raise ValueError("y_fit and y_val must hold one label per point of X_fit and X_val.")
        self.estimator, self.param_name = estimator, param_name
        self.resolution = check_count(resolution, "resolution", 2)
        x_min, x_max, y_min, y_max = plane_limits(np.vstack([self.X_fit, self.X_val]))
        self.xs = np.linspace(x_min, x_max, self.resolution)
        self.ys = np.linspace(y_min, y_max, self.resolution)
        self.classes = np.unique(np.concatenate([self.y_fit, self.y_val]))
        self.axis_labels, self.class_title = tuple(axis_labels), class_title
        self._cache = {}

    def regions(self, value):
        """The :class:`DecisionRegions` at ``param_name = value`` (computed once per value)."""
        key = round(float(value), 12)
        if key not in self._cache:
            self._cache[key] = self._compute(key)
        return self._cache[key]

    def _compute(self, value):
        from sklearn.base import clone

        model = clone(self.estimator).set_params(**{self.param_name: value})
        model.fit(self.X_fit, self.y_fit)
        gx, gy = np.meshgrid(self.xs, self.ys)
        labels = model.predict(np.c_[gx.ravel(), gy.ravel()]).reshape(gx.shape)
        support = getattr(model, "support_", None)
        return DecisionRegions(
            value=value,
            xs=self.xs,
            ys=self.ys,
            labels=labels,
            train_accuracy=float(model.score(self.X_fit, self.y_fit)),
            validation_accuracy=float(model.score(self.X_val, self.y_val)),
            support_share=None if support is None else len(support) / len(self.X_fit),
        )

    def draw_on(self, ax, value, points="validation"):
        """Regions at ``value`` on ``ax``, with the ``"training"`` or ``"validation"`` points."""
        from matplotlib.colors import BoundaryNorm, ListedColormap

        if points not in ("training", "validation"):
            raise ValueError(f"points must be 'training' or 'validation', got {points!r}.")
        regions = self.regions(value)
        colours = ListedColormap([f"C{i % 10}" for i in range(len(self.classes))])
        norm = BoundaryNorm(np.arange(len(self.classes) + 1) - 0.5, len(self.classes))
        index = np.searchsorted(self.classes, regions.labels)
        ax.pcolormesh(self.xs, self.ys, index, cmap=colours, norm=norm, alpha=0.35, shading="auto")
        X, y = (self.X_fit, self.y_fit) if points == "training" else (self.X_val, self.y_val)
        accuracy = regions.train_accuracy if points == "training" else regions.validation_accuracy
        ax.scatter(
            *X.T,
            c=np.searchsorted(self.classes, y),
            cmap=colours,
            norm=norm,
            s=9,
            edgecolors="k",
            linewidths=0.3,
        )
        ax.set(
            xlim=(self.xs[0], self.xs[-1]),
            ylim=(self.ys[0], self.ys[-1]),
            xlabel=self.axis_labels[0],
            ylabel=self.axis_labels[1],
            title=f"{points} points: accuracy {accuracy:.2f}",
        )
        return ax

    def add_legend(self, ax):
        """A legend on ``ax`` with the colour of each class, headed ``class_title``."""
        from matplotlib.patches import Patch

        handles = [
            Patch(color=f"C{i % 10}", alpha=0.6, label=str(c)) for i, c in enumerate(self.classes)
        ]
        return ax.legend(handles=handles, title=self.class_title, loc="upper right", fontsize=8)

    def draw(self, value):
        """Two panels at ``value``: the regions with the training, then the validation points."""
        from matplotlib.figure import Figure

        regions = self.regions(value)
        fig = Figure(figsize=(10, 4.4), layout="constrained")
        axes = fig.subplots(1, 2)
        for ax, points in zip(axes, ("training", "validation"), strict=True):
            self.draw_on(ax, value, points)
        self.add_legend(axes[0])
        note = (
            ""
            if regions.support_share is None
            else f", {regions.support_share:.0%} of the training points are support vectors"
        )
        fig.suptitle(f"{self.param_name} = {regions.value:.3g}{note}")
        return fig
