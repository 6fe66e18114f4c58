"""Training pictures of lesson 11: curves per epoch, a live plot, a grid's heat map."""

import functools

import numpy as np

from helpers.plots import training_curves

# --- training pictures ----------------------------------------------------------------


def draw_history(history, metrics=("loss", "accuracy"), epochs=None, best_epoch=None, title=None):
    """Training (and validation) curves per epoch, one panel a metric.

    :func:`helpers.plots.training_curves` draws them (``epochs`` fixes the x axis,
    ``best_epoch`` draws a dotted line); here metrics missing from the history are
    left out, and an empty history gives one empty panel, as a live plot starts.
    """
    values = getattr(history, "history", history)
    if not isinstance(values, dict):
        raise TypeError(
            "Expected a Keras History (what model.fit returns) or a dict such as "
            f"{{'loss': [...]}}, got {type(history).__name__}."
        )
    if isinstance(metrics, str):
        metrics = [metrics]
    shown = [m for m in metrics if m in values] or list(metrics[:1])
    values = {**{m: [] for m in shown}, **values}
    return training_curves(values, shown, title, epochs=epochs, best_epoch=best_epoch)


def _in_notebook():
    """True inside a Jupyter kernel (where ``display`` reaches a notebook)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


@functools.cache
def _live_plot_class():
    import time

    import keras

    class LivePlot(keras.callbacks.Callback):
        """Redraws the training curves after every epoch; keeps the last figure."""

        def __init__(self, metrics, title, min_interval):
            super().__init__()
            self.metrics, self.title, self.min_interval = tuple(metrics), title, min_interval
            self.on_train_begin()

        def on_train_begin(self, logs=None):
            self.history, self.figure, self._handle = {}, None, None
            self._drawn, self._last = 0, -float("inf")

        def on_epoch_end(self, epoch, logs=None):
            for key, value in (logs or {}).items():
                self.history.setdefault(key, []).append(float(value))
            # Drawing takes a fraction of a second: skip it when epochs are faster.
            if _in_notebook() and time.monotonic() - self._last >= self.min_interval:
                self._show(self._draw(self.params.get("epochs")))

        def on_train_end(self, logs=None):
            # The final picture, its x-axis fitted to the epochs actually run
            # (fewer than planned when early stopping ended training).
            run = max((len(v) for v in self.history.values()), default=0)
            if self.figure is None or self._drawn != run or run != self.params.get("epochs"):
                figure = self._draw(None)
                if _in_notebook():
                    self._show(figure)
                self.figure = figure

        def _draw(self, epochs):
            self._drawn = max((len(v) for v in self.history.values()), default=0)
            return draw_history(self.history, self.metrics, epochs=epochs, title=self.title)

        def _show(self, figure):
            from IPython.display import Image, display

            from helpers.widgets import figure_png

            self.figure = figure
            picture = Image(data=figure_png(figure), format="png")
            if self._handle is None:
                self._handle = display(picture, display_id=True)
            else:
                self._handle.update(picture)
            self._last = time.monotonic()

    return LivePlot


def live_plot(metrics=("loss", "accuracy"), title=None, min_interval=1.0):
    """A Keras callback that draws the training curves live, updated after each epoch.

    Pass it to ``fit(..., callbacks=[live_plot()])``.  In a notebook the picture
    below the cell is redrawn after every epoch (one picture, updated in place;
    at most once every ``min_interval`` seconds, so that fast epochs are not
    slowed down by drawing); elsewhere (a script, the tests) nothing is shown.
    Either way, after training the callback's ``figure`` holds the final picture
    and its ``history`` the numbers.
    """
    if isinstance(metrics, str):
        metrics = [metrics]
    if not metrics:
        raise ValueError("live_plot() needs at least one metric to draw, e.g. 'loss'.")
    if not isinstance(min_interval, int | float) or min_interval < 0:
        raise ValueError(f"min_interval must be a number of seconds >= 0, got {min_interval!r}.")
    return _live_plot_class()(metrics, title, min_interval)


def draw_grid(scores, learning_rates, widths, title="validation accuracy"):
    """A heat map of a hyper-parameter grid: ``scores[i, j]`` for rate ``i`` and width ``j``.

    Each cell shows its score; the best cell is outlined.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    scores = np.asarray(scores, dtype=float)
    if scores.shape != (len(learning_rates), len(widths)):
        raise ValueError(
            f"Expected scores of shape ({len(learning_rates)}, {len(widths)}), one per learning "
            f"rate (row) and width (column), got {scores.shape}."
        )
    fig = Figure(figsize=(1.3 * len(widths) + 2.2, 0.75 * len(learning_rates) + 1.4))
    ax = fig.subplots()
    image = ax.imshow(scores, cmap="viridis", aspect="auto")
    for (i, j), value in np.ndenumerate(scores):
        dark = value < np.nanmin(scores) + 0.6 * (np.nanmax(scores) - np.nanmin(scores))
        ax.text(j, i, f"{value:.3f}", ha="center", va="center", color="white" if dark else "black")
    best = np.unravel_index(np.nanargmax(scores), scores.shape)
    ax.add_patch(
        Rectangle((best[1] - 0.5, best[0] - 0.5), 1, 1, fill=False, edgecolor="C3", linewidth=3)
    )
    ax.set(
        xticks=np.arange(len(widths)),
        xticklabels=[str(w) for w in widths],
        yticks=np.arange(len(learning_rates)),
        yticklabels=[f"{r:g}" for r in learning_rates],
        xlabel="hidden units per layer",
        ylabel="learning rate",
        title=title,
    )
    fig.colorbar(image, ax=ax)
    fig.tight_layout()
    return fig
