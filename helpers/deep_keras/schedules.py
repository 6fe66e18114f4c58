"""Learning-rate schedules as pure functions of the epoch, and why they help (lesson 11)."""

import math

import numpy as np

from helpers import config
from helpers.validate import check_count, check_positive

# --- learning-rate schedules --------------------------------------------------------


def _check_epoch(epoch):
    check_count(epoch, "epoch (Keras counts epochs from 0)", 0)


def step_decay(epoch, initial_lr, drop=0.5, every=10):
    """Step decay: ``initial_lr * drop ** (epoch // every)``, a staircase.

    The learning rate stays at ``initial_lr`` for ``every`` epochs, then is
    multiplied by ``drop``, and so on.

    >>> [step_decay(e, 0.1, drop=0.5, every=2) for e in range(5)]
    [0.1, 0.1, 0.05, 0.05, 0.025]
    """
    _check_epoch(epoch)
    check_positive(initial_lr, "initial_lr")
    check_positive(drop, "drop")
    if isinstance(every, bool) or not isinstance(every, int | np.integer) or every < 1:
        raise ValueError(f"every must be a positive whole number of epochs, got {every!r}.")
    return float(initial_lr * drop ** (epoch // every))


def exponential_decay(epoch, initial_lr, rate=0.9):
    """Exponential decay: ``initial_lr * rate ** epoch``, a smooth curve.

    >>> round(exponential_decay(2, 0.1, rate=0.5), 6)
    0.025
    """
    _check_epoch(epoch)
    check_positive(initial_lr, "initial_lr")
    check_positive(rate, "rate")
    return float(initial_lr * rate**epoch)


def cosine_decay(epoch, initial_lr, total_epochs, min_lr=0.0):
    """Cosine decay from ``initial_lr`` at epoch 0 to ``min_lr`` at ``total_epochs``.

    ``min_lr + (initial_lr - min_lr) * (1 + cos(pi * epoch / total_epochs)) / 2``;
    after ``total_epochs`` it stays at ``min_lr``.

    >>> [round(cosine_decay(e, 1.0, 4), 4) for e in range(5)]
    [1.0, 0.8536, 0.5, 0.1464, 0.0]
    """
    _check_epoch(epoch)
    check_positive(initial_lr, "initial_lr")
    check_positive(total_epochs, "total_epochs")
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
    check_positive(initial_lr, "initial_lr")
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
    generator = config.rng(seed)
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
