"""Lesson 11 exercises: reference answers and the cases they are checked on."""

import math


def step_decay(epoch, initial_lr, drop, epochs_per_drop):
    """The learning rate of epoch `epoch` (counted from 0).

    initial_lr * drop ** (epoch // epochs_per_drop)
    """
    return float(initial_lr * drop ** (epoch // epochs_per_drop))


def steps_per_epoch(n_samples, batch_size, validation_split):
    """Mini-batches per epoch of fit(...) on n_samples with this batch size and validation split."""
    n_train = math.floor(n_samples * (1 - validation_split))
    return math.ceil(n_train / batch_size)


EXERCISES = {
    "step_decay": (
        [
            (0, 0.1, 0.5, 10),
            (9, 0.1, 0.5, 10),
            (10, 0.1, 0.5, 10),
            (25, 0.1, 0.5, 10),
            (7, 0.01, 0.1, 3),
            (4, 1.0, 0.9, 1),
        ],
        step_decay,
    ),
    "steps_per_epoch": (
        [
            (3000, 64, 0.0),
            (1000, 100, 0.0),
            (4000, 200, 0.2),
            (1000, 32, 0.1),
            (60000, 128, 0.2),
            (10, 64, 0.0),
        ],
        steps_per_epoch,
    ),
}
