"""Deeper networks with Keras: schedules, model graphs, live plots and grids (lesson 11).

* learning-rate schedules, as pure functions of the epoch (counted from 0, as
  Keras counts): :func:`step_decay`, :func:`exponential_decay`,
  :func:`cosine_decay`, and :func:`schedule_values`, which gives a whole
  schedule as an array;
* why schedules help: :func:`noisy_descent`, gradient descent with noisy
  gradients on a quadratic, and :func:`draw_schedule`, the schedule explorer's
  figure;
* a model as a graph: :func:`layer_graph` (one row a layer, with the layers
  that feed it), :func:`describe_graph` (the rows as a text table) and
  :func:`draw_graph` (boxes and arrows, no ``pydot`` or ``graphviz`` needed);
* training pictures: :func:`draw_history` (curves per epoch, the best epoch
  marked), :func:`live_plot` (a Keras callback that redraws them after every
  epoch) and :func:`draw_grid` (the heat map of a hyper-parameter grid).

Importing this module does not import TensorFlow: only :func:`layer_graph`
(which reads a Keras model) and :func:`live_plot` (a Keras callback) need it.
Figures are new ``matplotlib.figure.Figure`` objects, so nothing is left open
in pyplot.
"""

import functools
import math

import numpy as np

# --- learning-rate schedules --------------------------------------------------------


def _check_epoch(epoch):
    if isinstance(epoch, bool) or not isinstance(epoch, int | np.integer) or epoch < 0:
        raise ValueError(
            f"epoch must be a whole number from 0 (Keras counts epochs from 0), got {epoch!r}."
        )


def _check_positive(name, value):
    if isinstance(value, bool) or not isinstance(value, int | float | np.number) or value <= 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}.")


def step_decay(epoch, initial_lr, drop=0.5, every=10):
    """Step decay: ``initial_lr * drop ** (epoch // every)``, a staircase.

    The learning rate stays at ``initial_lr`` for ``every`` epochs, then is
    multiplied by ``drop``, and so on.

    >>> [step_decay(e, 0.1, drop=0.5, every=2) for e in range(5)]
    [0.1, 0.1, 0.05, 0.05, 0.025]
    """
    _check_epoch(epoch)
    _check_positive("initial_lr", initial_lr)
    _check_positive("drop", drop)
    if isinstance(every, bool) or not isinstance(every, int | np.integer) or every < 1:
        raise ValueError(f"every must be a positive whole number of epochs, got {every!r}.")
    return float(initial_lr * drop ** (epoch // every))


def exponential_decay(epoch, initial_lr, rate=0.9):
    """Exponential decay: ``initial_lr * rate ** epoch``, a smooth curve.

    >>> round(exponential_decay(2, 0.1, rate=0.5), 6)
    0.025
    """
    _check_epoch(epoch)
    _check_positive("initial_lr", initial_lr)
    _check_positive("rate", rate)
    return float(initial_lr * rate**epoch)


def cosine_decay(epoch, initial_lr, total_epochs, min_lr=0.0):
    """Cosine decay from ``initial_lr`` at epoch 0 to ``min_lr`` at ``total_epochs``.

    ``min_lr + (initial_lr - min_lr) * (1 + cos(pi * epoch / total_epochs)) / 2``;
    after ``total_epochs`` it stays at ``min_lr``.

    >>> [round(cosine_decay(e, 1.0, 4), 4) for e in range(5)]
    [1.0, 0.8536, 0.5, 0.1464, 0.0]
    """
    _check_epoch(epoch)
    _check_positive("initial_lr", initial_lr)
    _check_positive("total_epochs", total_epochs)
    if not 0 <= min_lr <= initial_lr:
        raise ValueError(f"min_lr must lie in [0, initial_lr], got {min_lr!r}.")
    progress = min(epoch, total_epochs) / total_epochs
    return float(min_lr + (initial_lr - min_lr) * (1 + math.cos(math.pi * progress)) / 2)


#: The schedules :func:`schedule_values` and the explorer know.
SCHEDULES = ("constant", "step", "exponential", "cosine")


def schedule_values(kind, epochs=40, initial_lr=0.1, final_fraction=0.01):
    """The learning rate of each epoch ``0 .. epochs - 1`` as an array.

    All decaying kinds end at the same place, ``final_fraction * initial_lr`` in
    the last epoch, so that only their shapes differ:

    * ``"constant"``: ``initial_lr`` throughout (``final_fraction`` is ignored);
    * ``"step"``: four equal stages, the rate multiplied by the same factor from
      one stage to the next (:func:`step_decay` with ``every = epochs / 4``);
    * ``"exponential"``: the same overall factor spread evenly over the epochs;
    * ``"cosine"``: a half cosine from ``initial_lr`` down to the final rate.

    >>> schedule_values("step", epochs=8, initial_lr=1.0, final_fraction=0.125).tolist()
    [1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125]
    """
    if kind not in SCHEDULES:
        raise ValueError(f"Unknown schedule {kind!r}; expected one of {', '.join(SCHEDULES)}.")
    if isinstance(epochs, bool) or not isinstance(epochs, int | np.integer) or epochs < 2:
        raise ValueError(f"epochs must be a whole number of at least 2, got {epochs!r}.")
    _check_positive("initial_lr", initial_lr)
    if not 0 < final_fraction <= 1:
        raise ValueError(f"final_fraction must lie in (0, 1], got {final_fraction!r}.")
    last = epochs - 1
    final = initial_lr * final_fraction
    if kind == "constant":
        values = [initial_lr] * epochs
    elif kind == "step":
        drop = final_fraction ** (1 / 3)
        values = [initial_lr * drop ** (e * 4 // epochs) for e in range(epochs)]
    elif kind == "exponential":
        rate = final_fraction ** (1 / last)
        values = [exponential_decay(e, initial_lr, rate=rate) for e in range(epochs)]
    else:
        values = [cosine_decay(e, initial_lr, last, min_lr=final) for e in range(epochs)]
    return np.array(values)


# --- why a schedule helps: noisy gradient descent ----------------------------------

#: The curvatures of the quadratic loss :func:`noisy_descent` minimizes.
CURVATURES = np.array([1.0, 4.0])


def noisy_descent(learning_rates, steps_per_epoch=10, noise=1.0, start=(3.0, 2.0), seed=0):
    """Gradient descent on ``L(w) = (w1**2 + 4 * w2**2) / 2`` with noisy gradients.

    Each step uses the gradient plus normal noise of standard deviation
    ``noise``, as a mini-batch gradient is the true one plus noise.  Epoch ``e``
    makes ``steps_per_epoch`` steps with the learning rate ``learning_rates[e]``.
    Returns the loss after every step (and at the start): an array of
    ``len(learning_rates) * steps_per_epoch + 1`` numbers.  The same ``seed``
    gives the same noise, so two schedules can be compared fairly.

    With a constant learning rate the loss falls and then jitters around a
    floor proportional to the learning rate; a decaying rate lowers the floor.
    """
    rates = np.asarray(learning_rates, dtype=float)
    if rates.ndim != 1 or len(rates) == 0 or np.any(rates <= 0):
        raise ValueError(
            "noisy_descent() expects a 1-D array of positive learning rates, one per epoch, "
            f"got {learning_rates!r}."
        )
    generator = np.random.default_rng(seed)
    w = np.array(start, dtype=float)
    losses = [0.5 * np.sum(CURVATURES * w**2)]
    for rate in np.repeat(rates, steps_per_epoch):
        gradient = CURVATURES * w + noise * generator.normal(size=w.shape)
        w = w - rate * gradient
        losses.append(0.5 * np.sum(CURVATURES * w**2))
    return np.array(losses)


def draw_schedule(kind="cosine", initial_lr=0.2, final_fraction=0.01, epochs=40):
    """The schedule explorer's figure: the learning rate per epoch and what it does.

    Left: the learning rate of each epoch for ``kind`` (and a constant rate for
    comparison).  Right: :func:`noisy_descent` with both, on the same noise; the
    loss per epoch (its mean over the epoch's steps), on a log scale.
    """
    from matplotlib.figure import Figure

    rates = schedule_values(kind, epochs, initial_lr, final_fraction)
    constant = schedule_values("constant", epochs, initial_lr)
    fig = Figure(figsize=(10, 3.4))
    left, right = fig.subplots(1, 2)
    epoch_axis = np.arange(epochs)
    left.plot(epoch_axis, constant, color="0.6", label="constant")
    if kind != "constant":
        left.plot(epoch_axis, rates, "o-", ms=3, color="C0", label=kind)
    left.set(
        xlabel="epoch",
        ylabel="learning rate",
        yscale="log",
        title=f"{kind} schedule, from {initial_lr:g}",
    )
    left.legend()
    left.grid(alpha=0.3)
    steps = 10
    runs = [(constant, "constant", "0.6")] + ([(rates, kind, "C0")] if kind != "constant" else [])
    for values, label, colour in runs:
        losses = noisy_descent(values, steps_per_epoch=steps)
        per_epoch = losses[1:].reshape(epochs, steps).mean(axis=1)
        right.plot(
            epoch_axis + 1,
            per_epoch,
            color=colour,
            label=f"{label}: {per_epoch[-1]:.3g} at the end",
        )
    right.set(
        xlabel="epoch",
        ylabel="loss (mean over the epoch)",
        yscale="log",
        title="noisy gradient descent on a quadratic",
    )
    right.legend()
    right.grid(alpha=0.3)
    fig.tight_layout()
    return fig


# --- a model as a graph --------------------------------------------------------------


def _history_names(node):
    """The names of the layers whose outputs appear in a config's inbound node."""
    if isinstance(node, dict):
        history = node.get("config", {}).get("keras_history") if "class_name" in node else None
        if history is not None:
            return [history[0]]
        return [name for value in node.values() for name in _history_names(value)]
    if isinstance(node, list | tuple):
        return [name for value in node for name in _history_names(value)]
    return []


def layer_graph(model):
    """One dict a layer of a Keras model, inputs included, in the model's order.

    Each row has ``name``, ``kind`` (the layer class), ``inputs`` (the names of
    the layers that feed it), ``shape`` (its output shape, ``None`` for the
    batch) and ``parameters``.  Works for ``Sequential`` models (each layer is
    fed by the one before) and functional ones (read from the model's config).
    """
    if not hasattr(model, "get_config") or not hasattr(model, "layers"):
        raise TypeError(f"layer_graph() expects a Keras model, got {type(model).__name__}.")
    entries = model.get_config().get("layers")
    if not entries:
        raise ValueError("layer_graph() needs a model built on a keras.Input (it has no layers).")
    layers = {layer.name: layer for layer in model.layers}
    rows, previous = [], None
    for entry in entries:
        config = entry["config"]
        name, kind = config["name"], entry["class_name"]
        if kind == "InputLayer":
            shape, parameters = tuple(config["batch_shape"]), 0
        else:
            layer = layers[name]
            shape, parameters = tuple(layer.output.shape), int(layer.count_params())
        if "inbound_nodes" in entry:
            inputs = _history_names(entry["inbound_nodes"])
        else:
            inputs = [previous] if previous is not None else []
        rows.append(
            {"name": name, "kind": kind, "inputs": inputs, "shape": shape, "parameters": parameters}
        )
        previous = name
    return rows


def _rows(graph):
    rows = layer_graph(graph) if hasattr(graph, "get_config") else list(graph)
    needed = {"name", "kind", "inputs", "shape", "parameters"}
    if not rows or not all(isinstance(r, dict) and needed <= set(r) for r in rows):
        raise ValueError(
            "Expected a Keras model or the rows of layer_graph(model): dicts with "
            f"{', '.join(sorted(needed))}."
        )
    return rows


def _shape_text(shape):
    return "(" + ", ".join("None" if s is None else str(s) for s in shape) + ")"


def describe_graph(graph):
    """A text table of a model's layers (a model or :func:`layer_graph`'s rows).

    One line a layer: its name, kind, output shape, parameters and the layers it
    reads from; then the total.
    """
    rows = _rows(graph)
    lines = [f"{'layer':<10} {'kind':<12} {'output shape':<13} {'parameters':>10}  inputs"]
    for row in rows:
        lines.append(
            f"{row['name']:<10} {row['kind']:<12} {_shape_text(row['shape']):<13} "
            f"{row['parameters']:>10,}  {', '.join(row['inputs']) or '-'}"
        )
    lines.append(f"{'total':<37} {sum(r['parameters'] for r in rows):>10,}")
    return "\n".join(lines)


def graph_depths(graph):
    """How far each layer is from the inputs: 0 for an input, else 1 + its deepest input."""
    rows = _rows(graph)
    depth = {}
    for row in rows:
        missing = [name for name in row["inputs"] if name not in depth]
        if missing:
            raise ValueError(f"Layer {row['name']!r} reads {missing[0]!r}, which comes later.")
        depth[row["name"]] = 1 + max((depth[n] for n in row["inputs"]), default=-1)
    return depth


def draw_graph(graph, title=None):
    """The model as boxes (layers) and arrows (tensors), inputs at the top.

    Each box shows the layer's name, kind, output shape and parameter count;
    ``keras.utils.plot_model`` draws the same but needs pydot and graphviz.
    """
    from matplotlib.figure import Figure

    rows = _rows(graph)
    depth = graph_depths(rows)
    levels = max(depth.values()) + 1
    by_level = [[r for r in rows if depth[r["name"]] == level] for level in range(levels)]
    width = max(len(level) for level in by_level)
    position = {}
    for level, members in enumerate(by_level):
        for i, row in enumerate(members):
            position[row["name"]] = ((i + 0.5) * width / len(members), -level)
    fig = Figure(figsize=(2.6 * width + 0.6, 1.05 * levels + 0.3))
    ax = fig.subplots()
    for row in rows:
        x, y = position[row["name"]]
        for name in row["inputs"]:
            x0, y0 = position[name]
            ax.annotate(
                "",
                xy=(x, y + 0.28),
                xytext=(x0, y0 - 0.28),
                arrowprops={"arrowstyle": "->", "color": "0.35"},
            )
        colour = "#dde8f5" if row["kind"] == "InputLayer" else "#f6f6f6"
        text = (
            f"{row['name']} · {row['kind']}\n"
            f"{_shape_text(row['shape'])} · {row['parameters']:,} params"
        )
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=8.5,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": colour, "edgecolor": "0.4"},
        )
    ax.set(xlim=(0, width), ylim=(-levels + 0.5, 0.5))
    ax.axis("off")
    if title:
        ax.set_title(title)
    return fig


# --- training pictures ----------------------------------------------------------------


def _history(history):
    values = getattr(history, "history", history)
    if not isinstance(values, dict):
        raise TypeError(
            "Expected a Keras History (what model.fit returns) or a dict such as "
            f"{{'loss': [...]}}, got {type(history).__name__}."
        )
    return values


def draw_history(history, metrics=("loss", "accuracy"), epochs=None, best_epoch=None, title=None):
    """Training (and validation) curves per epoch, one panel a metric.

    ``epochs`` fixes the x-axis to the planned number of epochs (so that a live
    plot grows from left to right); ``best_epoch`` (counted from 1) draws a
    dashed line there, e.g. where early stopping found the lowest validation
    loss.  Metrics missing from the history are left out; an empty history
    gives empty panels.
    """
    from matplotlib.figure import Figure

    values = _history(history)
    if isinstance(metrics, str):
        metrics = [metrics]
    shown = [m for m in metrics if m in values] or list(metrics[:1])
    fig = Figure(figsize=(4.6 * len(shown), 3.2))
    axes = np.atleast_1d(fig.subplots(1, len(shown)))
    for ax, metric in zip(axes, shown, strict=True):
        validation = values.get(f"val_{metric}", [])
        for key, style, label in [
            (metric, "o-", "training"),
            (f"val_{metric}", "s--", "validation"),
        ]:
            series = values.get(key, [])
            if len(series):
                label = label if len(validation) else None  # no legend for a single curve
                ax.plot(np.arange(1, len(series) + 1), series, style, ms=3, label=label)
        if best_epoch is not None:
            ax.axvline(best_epoch, color="C3", ls=":", label=f"best epoch {best_epoch}")
        if epochs:
            ax.set_xlim(0.5, epochs + 0.5)
        if metric in ("learning_rate", "lr"):
            ax.set_yscale("log")
        ax.set(xlabel="epoch", title=metric)
        ax.grid(alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


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
