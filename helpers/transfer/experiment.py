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


def _accuracy(model, x, y):
    """The share of ``x`` that ``model`` classifies as ``y``.

    The model is called directly: ``predict`` would trace a new graph for every new
    number of images (and warn about it), and here the validation sets vary with ``k``.
    """
    predicted = np.argmax(np.asarray(model(x, training=False)), axis=1)
    return float(np.mean(predicted == y))


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
    """Train the three :data:`STRATEGIES` on the same few labels; validation curves, test once.

    For each number ``k`` of ``labels_per_class`` and each seed, ``2 * k`` examples of
    each class of ``y_new`` (labels ``0 .. C-1``) are drawn with :func:`few_labels`: in
    each class the first ``k`` train, the other ``k`` are set aside for validation.  On
    the training images each strategy trains for ``epochs`` epochs of
    ``batches_per_epoch`` batches each (so every ``k`` gets the same number of steps; the
    examples are shuffled every epoch):

    * **from scratch**: the network of :func:`transfer_model`, all layers trainable and
      initialized at random as Keras does (learning rate ``learning_rates[0]``);
    * **frozen features**: :func:`transfer_model`: the pretrained layers frozen, only the
      new head learns, starting from zeros (``learning_rates[1]``);
    * **fine-tuned**: the frozen run's network after half the epochs, then every layer
      unfrozen for the other half, with the small ``learning_rates[2]``.

    The accuracy on the validation images is measured before training and every
    ``every`` epochs (the learning curves); the test set (``x_test``, ``y_test``) is
    used once per run, after training.  To be quick, each network is compiled once and
    restarted with new weights and a fresh optimizer for every run, and ``every`` epochs
    go to Keras as one.  Returns plain NumPy data: a dict with ``labels_per_class``,
    ``seeds``, ``epochs`` (when the validation accuracy was measured: 0, every,
    2 * every, ...), ``validation``, ``{strategy: array (len(labels_per_class),
    len(seeds), len(epochs))}``, and ``test``, ``{strategy: array
    (len(labels_per_class), len(seeds))}``.
    """
    import keras

    x_new, y_new = np.asarray(x_new), np.asarray(y_new)
    x_test, y_test = np.asarray(x_test), np.asarray(y_test)
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
    shape = (len(labels_per_class), len(seeds))
    validation = {name: np.zeros((*shape, checks + 1)) for name in STRATEGIES}
    test = {name: np.zeros(shape) for name in STRATEGIES}

    def train(model, data, generator, n_checks):
        """``n_checks`` times: ``every`` epochs on ``data``, then the validation accuracy."""
        x, y, x_val, y_val = data
        scores = []
        for _ in range(n_checks):
            order = np.concatenate([generator.permutation(len(x)) for _ in range(every)])
            batch_size = len(x) // batches_per_epoch
            model.fit(x[order], y[order], batch_size=batch_size, shuffle=False, verbose=0)
            scores.append(_accuracy(model, x_val, y_val))
        return scores

    for i, k in enumerate(labels_per_class):
        for j, seed in enumerate(seeds):
            x_labelled, y_labelled = few_labels(x_new, y_new, classes, 2 * k, seed=seed)
            training = np.arange(len(y_labelled)) % (2 * k) < k  # in each class: the first k
            data = (x_labelled[training], y_labelled[training])  # train on these ...
            data += (x_labelled[~training], y_labelled[~training])  # ... validate on these
            keras.utils.set_random_seed(seed)
            _restart(scratch, states["scratch"], keras.models.clone_model(scratch).get_weights())
            before = [_accuracy(scratch, *data[2:])]
            validation["from scratch"][i, j] = before + train(
                scratch, data, config.rng(seed), checks
            )
            _restart(frozen, states["frozen"], start)
            head_only = [_accuracy(frozen, *data[2:])]
            head_only += train(frozen, data, config.rng(seed), checks // 2)
            _restart(tuned, states["tuned"], frozen.get_weights())
            validation["frozen features"][i, j] = head_only + train(
                frozen, data, config.rng(k), checks // 2
            )
            validation["fine-tuned"][i, j] = head_only + train(
                tuned, data, config.rng(k), checks // 2
            )
            for name, model in zip(STRATEGIES, (scratch, frozen, tuned), strict=True):
                test[name][i, j] = _accuracy(model, x_test, y_test)  # once, after training
    return {
        "labels_per_class": list(labels_per_class),
        "seeds": list(seeds),
        "epochs": list(range(0, epochs + 1, every)),
        "validation": validation,
        "test": test,
    }


def _check_results(results):
    """The label counts, the epochs measured, the validation and the test arrays, checked."""
    try:
        labels, epochs, validation, test = (
            results["labels_per_class"],
            results["epochs"],
            results["validation"],
            results["test"],
        )
    except (TypeError, KeyError) as error:
        raise ValueError(
            "Expected the dict that compare_strategies() returns, with 'labels_per_class', "
            "'epochs', 'validation' and 'test'."
        ) from error
    curves, finals = {}, {}
    for name in STRATEGIES:
        values = np.asarray(validation.get(name, []), dtype=float)
        if values.ndim != 3 or values.shape[0] != len(labels) or values.shape[2] != len(epochs):
            raise ValueError(
                f"validation[{name!r}] must be an array (labels per class, seeds, measurements) "
                f"of shape ({len(labels)}, seeds, {len(epochs)}), got shape {values.shape}."
            )
        final = np.asarray(test.get(name, []), dtype=float)
        if final.shape != values.shape[:2]:
            raise ValueError(
                f"test[{name!r}] must be an array (labels per class, seeds) of shape "
                f"{values.shape[:2]}, got shape {final.shape}."
            )
        curves[name], finals[name] = values, final
    return list(labels), list(epochs), curves, finals


def results_table(results):
    """Test accuracy after training, mean over the seeds (lowest-highest), per label count."""
    labels, _, _, test = _check_results(results)
    header = f"{'labels per class':>16}" + "".join(f"{name:>22}" for name in STRATEGIES)
    lines = [header]
    for i, k in enumerate(labels):
        cells = []
        for name in STRATEGIES:
            final = test[name][i]
            cells.append(f"{final.mean():.3f} ({final.min():.2f}-{final.max():.2f})")
        lines.append(f"{k:>16}" + "".join(f"{cell:>22}" for cell in cells))
    return "\n".join(lines)


COLOURS = {"from scratch": "tab:gray", "frozen features": "tab:blue", "fine-tuned": "tab:orange"}


def draw_comparison(labels_per_class, results):
    """The widget's figure: accuracy against labels per class, and the learning curves at one count.

    Left: the test accuracy of each strategy after training (mean over the seeds, the
    band from the lowest to the highest) against the number of labels per class, the
    chosen count marked.  Right: the validation accuracy during training with
    ``labels_per_class`` labels per class (mean over the seeds); the dotted line marks
    where fine-tuning unfreezes.  One legend above both panels names the colours.
    """
    labels, epochs, validation, test = _check_results(results)
    if labels_per_class not in labels:
        raise ValueError(f"labels_per_class must be one of {labels}, got {labels_per_class!r}.")
    i = labels.index(labels_per_class)
    fig = figure(10.5, 4.2)
    left, right = fig.subplots(1, 2)
    for name in STRATEGIES:
        final = test[name]
        colour = COLOURS[name]
        left.plot(labels, final.mean(axis=1), "o-", color=colour, label=name)
        left.fill_between(labels, final.min(axis=1), final.max(axis=1), color=colour, alpha=0.15)
        right.plot(epochs, validation[name][i].mean(axis=0), "o-", ms=3, color=colour, label=name)
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
        ylabel="validation accuracy",
        ylim=(0, 1),
        title=f"Learning curves, {labels_per_class} labels per class",
    )
    for ax in (left, right):
        ax.grid(alpha=0.3)
    fig.legend(*left.get_legend_handles_labels(), loc="outside upper center", ncols=3)
    return fig


def fine_tuning_gain(
    pretrained,
    x,
    y,
    x_test,
    y_test,
    head_epochs=8,
    tune_epochs=8,
    learning_rate=1e-4,
    batch_size=20,
    seed=0,
):
    """Test accuracy with frozen features and after fine-tuning, on the same budget.

    A new head (:func:`transfer_model`) is trained on the frozen features of
    ``pretrained`` for ``head_epochs`` epochs (Adam, 1e-2).  From there two copies go
    on for ``tune_epochs`` more epochs on the same batches: **frozen features** keeps
    training the head alone (Adam, 1e-2); **fine-tuned** unfreezes every layer and
    trains them all with Adam at the small ``learning_rate``.  ``y`` holds the labels
    ``0 .. C-1``.  The test set is used once per copy, at the end.  Returns
    ``{"frozen features": accuracy, "fine-tuned": accuracy}``.
    """
    import keras

    y = np.asarray(y)
    classes = np.unique(y)
    if not np.array_equal(classes, np.arange(len(classes))):
        raise ValueError(f"y must hold the labels 0, 1, ..., C-1, got {classes.tolist()}.")
    model = transfer_model(pretrained, len(classes), seed=seed)
    _restorable(model, 1e-2)
    model.fit(x, y, epochs=head_epochs, batch_size=batch_size, verbose=0)
    scores = {}
    for name, rate in [("frozen features", 1e-2), ("fine-tuned", learning_rate)]:
        copy = transfer_model(pretrained, len(classes), frozen=name == "frozen features")
        copy.set_weights(model.get_weights())
        _restorable(copy, rate)
        keras.utils.set_random_seed(seed)  # the same order of batches for both copies
        copy.fit(x, y, epochs=tune_epochs, batch_size=batch_size, verbose=0)
        scores[name] = _accuracy(copy, x_test, np.asarray(y_test))
    return scores
