"""Lesson 15's experiment: from scratch, frozen features or fine-tuned, on few labels."""

import numpy as np

from helpers import config
from helpers.plots import figure
from helpers.transfer.features import few_labels, transfer_model
from helpers.transfer.networks import STRATEGIES

# --- the experiment ---------------------------------------------------------------------------


def _restorable(model, learning_rate):
    """Compile ``model`` with Adam and return the optimizer's initial state, to restore later."""
    import keras

    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.optimizer.build(model.trainable_variables)
    return [v.numpy() for v in model.optimizer.variables]


def _restart(model, optimizer_state, weights):
    """Give ``model`` new weights and a fresh optimizer, without compiling it again."""
    model.set_weights(weights)
    for variable, value in zip(model.optimizer.variables, optimizer_state, strict=True):
        variable.assign(value)


def compare_strategies(
    pretrained,
    x_new,
    y_new,
    x_test,
    y_test,
    labels_per_class=(5, 10, 20, 50),
    seeds=(0, 1, 2),
    epochs=12,
    every=2,
    batches_per_epoch=5,
    learning_rates=(1e-3, 1e-2, 1e-4),
    layer="flatten",
):
    """Train the three :data:`STRATEGIES` on the same few labels; return their test accuracy.

    For each number ``k`` of ``labels_per_class`` and each seed, ``k`` examples of each
    class of ``y_new`` (labels ``0 .. C-1``) are drawn with :func:`few_labels`.  On them,
    each strategy trains for ``epochs`` epochs of ``batches_per_epoch`` batches each (so
    every ``k`` gets the same number of steps; the examples are shuffled every epoch):

    * **from scratch**: the network of :func:`transfer_model`, all layers trainable and
      initialized at random as Keras does (learning rate ``learning_rates[0]``);
    * **frozen features**: :func:`transfer_model`: the pretrained layers frozen, only the
      new head learns, starting from zeros (``learning_rates[1]``);
    * **fine-tuned**: the frozen run's network after half the epochs, then every layer
      unfrozen for the other half, with the small ``learning_rates[2]``.

    The test accuracy is measured before training and every ``every`` epochs.  To be
    quick, each network is compiled once and restarted with new weights and a fresh
    optimizer for every run, and ``every`` epochs go to Keras as one.  Returns plain
    NumPy data: a dict with ``labels_per_class``, ``seeds``, ``epochs`` (when accuracy
    was measured: 0, every, 2 * every, ...) and ``accuracy``, ``{strategy: array
    (len(labels_per_class), len(seeds), len(epochs))}``.
    """
    import keras

    x_new, y_new = np.asarray(x_new), np.asarray(y_new)
    classes = np.unique(y_new)
    if not np.array_equal(classes, np.arange(len(classes))):
        raise ValueError(f"y_new must hold the labels 0, 1, ..., C-1, got {classes.tolist()}.")
    if epochs % (2 * every):
        raise ValueError(
            f"epochs ({epochs}) must be a multiple of 2 * every ({2 * every}): fine-tuning "
            "starts halfway, at a measurement."
        )
    scratch_lr, head_lr, tune_lr = learning_rates
    frozen = transfer_model(pretrained, len(classes), layer, seed=0)
    tuned = transfer_model(pretrained, len(classes), layer, seed=0, frozen=False)
    scratch = transfer_model(pretrained, len(classes), layer, 0, False, "glorot_uniform")
    states = {
        "frozen": _restorable(frozen, head_lr),
        "tuned": _restorable(tuned, tune_lr),
        "scratch": _restorable(scratch, scratch_lr),
    }
    start = frozen.get_weights()  # the pretrained layers and a head of zeros
    checks = epochs // every
    shape = (len(labels_per_class), len(seeds), checks + 1)
    accuracy = {name: np.zeros(shape) for name in STRATEGIES}

    def test_accuracy(model):
        predicted = np.argmax(model.predict_on_batch(x_test), axis=1)
        return float(np.mean(predicted == y_test))

    def train(model, x, y, generator, n_checks):
        """``n_checks`` times: ``every`` epochs of training, then the test accuracy."""
        scores = []
        for _ in range(n_checks):
            order = np.concatenate([generator.permutation(len(x)) for _ in range(every)])
            batch_size = len(x) // batches_per_epoch
            model.fit(x[order], y[order], batch_size=batch_size, shuffle=False, verbose=0)
            scores.append(test_accuracy(model))
        return scores

    for i, k in enumerate(labels_per_class):
        for j, seed in enumerate(seeds):
            x, y = few_labels(x_new, y_new, classes, k, seed=seed)
            keras.utils.set_random_seed(seed)
            _restart(scratch, states["scratch"], keras.models.clone_model(scratch).get_weights())
            before = [test_accuracy(scratch)]
            accuracy["from scratch"][i, j] = before + train(scratch, x, y, config.rng(seed), checks)
            _restart(frozen, states["frozen"], start)
            head_only = [test_accuracy(frozen)] + train(frozen, x, y, config.rng(seed), checks // 2)
            _restart(tuned, states["tuned"], frozen.get_weights())
            accuracy["frozen features"][i, j] = head_only + train(
                frozen, x, y, config.rng(k), checks // 2
            )
            accuracy["fine-tuned"][i, j] = head_only + train(
                tuned, x, y, config.rng(k), checks // 2
            )
    return {
        "labels_per_class": list(labels_per_class),
        "seeds": list(seeds),
        "epochs": list(range(0, epochs + 1, every)),
        "accuracy": accuracy,
    }


def _check_results(results):
    """The label counts, the epochs measured and the accuracy arrays of ``results``, checked."""
    try:
        labels, epochs, accuracy = (
            results["labels_per_class"],
            results["epochs"],
            results["accuracy"],
        )
    except (TypeError, KeyError) as error:
        raise ValueError(
            "Expected the dict that compare_strategies() returns, with 'labels_per_class', "
            "'epochs' and 'accuracy'."
        ) from error
    arrays = {}
    for name in STRATEGIES:
        values = np.asarray(accuracy.get(name, []), dtype=float)
        if values.ndim != 3 or values.shape[0] != len(labels) or values.shape[2] != len(epochs):
            raise ValueError(
                f"accuracy[{name!r}] must be an array (labels per class, seeds, measurements) "
                f"of shape ({len(labels)}, seeds, {len(epochs)}), got shape {values.shape}."
            )
        arrays[name] = values
    return list(labels), list(epochs), arrays


def results_table(results):
    """Final test accuracy: mean over the seeds (lowest-highest), one row per label count."""
    labels, _, accuracy = _check_results(results)
    header = f"{'labels per class':>16}" + "".join(f"{name:>22}" for name in STRATEGIES)
    lines = [header]
    for i, k in enumerate(labels):
        cells = []
        for name in STRATEGIES:
            final = accuracy[name][i, :, -1]
            cells.append(f"{final.mean():.3f} ({final.min():.2f}-{final.max():.2f})")
        lines.append(f"{k:>16}" + "".join(f"{cell:>22}" for cell in cells))
    return "\n".join(lines)


COLOURS = {"from scratch": "tab:gray", "frozen features": "tab:blue", "fine-tuned": "tab:orange"}


def draw_comparison(labels_per_class, results):
    """The widget's figure: accuracy against labels per class, and the learning curves at one count.

    Left: the final test accuracy of each strategy (mean over the seeds, the band from
    the lowest to the highest) against the number of labels per class, the chosen count
    marked.  Right: the test accuracy during training with ``labels_per_class`` labels per
    class (mean over the seeds); the dotted line marks where fine-tuning unfreezes.
    """
    labels, epochs, accuracy = _check_results(results)
    if labels_per_class not in labels:
        raise ValueError(f"labels_per_class must be one of {labels}, got {labels_per_class!r}.")
    i = labels.index(labels_per_class)
    fig = figure(10.5, 3.9)
    left, right = fig.subplots(1, 2)
    for name in STRATEGIES:
        final = accuracy[name][:, :, -1]
        colour = COLOURS[name]
        left.plot(labels, final.mean(axis=1), "o-", color=colour, label=name)
        left.fill_between(labels, final.min(axis=1), final.max(axis=1), color=colour, alpha=0.15)
        right.plot(epochs, accuracy[name][i].mean(axis=0), "o-", ms=3, color=colour, label=name)
    left.axvline(labels_per_class, color="black", lw=1, ls="--")
    left.set_xscale("log")
    left.set_xticks(labels, [str(k) for k in labels])
    left.minorticks_off()
    left.set(
        xlabel="labels per class (log scale)",
        ylabel="test accuracy after training",
        title="How many labels do we need?",
    )
    right.axvline(epochs[-1] / 2, color="tab:orange", lw=1, ls=":")
    right.set(
        xlabel="epoch",
        ylabel="test accuracy",
        ylim=(0, 1),
        title=f"Learning curves, {labels_per_class} labels per class",
    )
    for ax in (left, right):
        ax.grid(alpha=0.3)
    right.legend(loc="lower right")
    return fig
