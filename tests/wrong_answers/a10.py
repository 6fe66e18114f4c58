"""Wrong answers, shortcuts and honest variants for assignment a10 (digging deeper).

Shortcuts tried here: the course's helpers or Keras where tasks 1-5 say NumPy, a
"repaired" network without the hidden layers whose faults the task is about.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # The velocity added to the weights: the ball rolls uphill.
    "momentum_sign_error": {
        "momentum": """\
def momentum_step(w, v, grad, learning_rate, momentum=0.9):
    w, v, grad = (np.asarray(a, dtype=float) for a in (w, v, grad))
    new_v = momentum * v + learning_rate * grad
    return w + new_v, new_v
""",
    },
    # Divided by the running mean of the squares itself, not by its square root.
    "rmsprop_without_sqrt": {
        "rmsprop": """\
def rmsprop_step(w, s, grad, learning_rate, rho=0.9, eps=1e-8):
    w, s, grad = (np.asarray(a, dtype=float) for a in (w, s, grad))
    new_s = rho * s + (1 - rho) * grad**2
    return w - learning_rate * grad / (new_s + eps), new_s
""",
    },
    # Adam without the bias correction 1 / (1 - beta**t).
    "adam_without_bias_correction": {
        "adam": """\
def adam_step(w, m, v, t, grad, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
    w, m, v, grad = (np.asarray(a, dtype=float) for a in (w, m, v, grad))
    new_m = beta1 * m + (1 - beta1) * grad
    new_v = beta2 * v + (1 - beta2) * grad**2
    return w - learning_rate * new_m / (np.sqrt(new_v) + eps), new_m, new_v
""",
    },
    # He initialization with the number of outputs instead of inputs.
    "he_with_fan_out": {
        "init": """\
def init_std(fan_in, fan_out, scheme):
    if scheme == "xavier":
        return float(np.sqrt(2 / (fan_in + fan_out)))
    if scheme == "he":
        return float(np.sqrt(2 / fan_out))
    raise ValueError(f"Unknown scheme {scheme!r}: expected 'xavier' or 'he'.")


def init_weights(fan_in, fan_out, scheme, seed=0):
    generator = np.random.default_rng(seed)
    return generator.normal(0.0, init_std(fan_in, fan_out, scheme), size=(fan_in, fan_out))
""",
    },
    # ReLU and He initialization, but the learning rate of 5 left as it was.
    "fixed_model_keeps_the_bad_learning_rate": {
        "fixed_model": """\
def build_fixed_model(seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu", kernel_initializer="he_normal"),
            keras.layers.Dense(128, activation="relu", kernel_initializer="he_normal"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=5.0),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
    },
}

SHORTCUTS = {
    # The lecture's update rule does the step.
    "momentum_from_the_course_helpers": {
        "cells": {
            "momentum": """\
def momentum_step(w, v, grad, learning_rate, momentum=0.9):
    new_w, state = helpers.deeper.momentum_update(
        np.asarray(w, dtype=float), np.asarray(grad, dtype=float), {"v": v}, learning_rate, momentum
    )
    return new_w, state["v"]
""",
        },
        "loses": ["test_momentum"],
    },
    "rmsprop_from_the_course_helpers": {
        "cells": {
            "rmsprop": """\
def rmsprop_step(w, s, grad, learning_rate, rho=0.9, eps=1e-8):
    new_w, state = helpers.deeper.rmsprop_update(
        np.asarray(w, dtype=float), np.asarray(grad, dtype=float), {"s": s}, learning_rate, rho, eps
    )
    return new_w, state["s"]
""",
        },
        "loses": ["test_rmsprop"],
    },
    "adam_from_the_course_helpers": {
        "cells": {
            "adam": """\
def adam_step(w, m, v, t, grad, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
    state = {"t": t - 1, "m": m, "v": v}
    new_w, state = helpers.deeper.adam_update(
        np.asarray(w, dtype=float), np.asarray(grad, dtype=float), state, learning_rate,
        beta1, beta2, eps,
    )
    return new_w, state["m"], state["v"]
""",
        },
        "loses": ["test_adam"],
    },
    # The lecture's initialization: its std and its network of normal weights.
    "init_from_the_course_helpers": {
        "cells": {
            "init": """\
def init_std(fan_in, fan_out, scheme):
    return helpers.deeper.init_std(fan_in, fan_out, scheme)


def init_weights(fan_in, fan_out, scheme, seed=0):
    return helpers.deeper.init_network([fan_in, fan_out], scheme, seed=seed)[0][0]
""",
        },
        "loses": ["test_init"],
    },
    # Keras's EarlyStopping callback, fed the curve by hand, decides when to stop.
    "early_stopping_from_keras": {
        "cells": {
            "early_stopping": """\
import keras


def early_stopping(val_losses, patience):
    class Run:
        stop_training = False

    run = Run()
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    stopper.set_model(run)
    stopper.on_train_begin()
    for epoch, loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": float(loss)})
        if run.stop_training:
            return stopper.best_epoch + 1, epoch + 1
    return stopper.best_epoch + 1, len(val_losses)
""",
        },
        "loses": ["test_early_stopping"],
    },
    # No hidden layers at all: a linear classifier (softmax regression) trained with Adam
    # passes the accuracy bound without repairing the deep network's faults.
    "fixed_model_without_hidden_layers": {
        "cells": {
            "fixed_model": """\
def build_fixed_model(seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential(
        [keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
        },
        "loses": ["test_fixed_model"],
    },
}

HONEST = {
    # Adam written with in-place updates on copies and the bias correction folded into
    # the step size; He/Xavier from one formula; early stopping with NumPy's running
    # minimum; a repaired network with LeakyReLU layers and SGD with momentum.
    "adam_with_folded_correction": {
        "adam": """\
def adam_step(w, m, v, t, grad, learning_rate, beta1=0.9, beta2=0.999, eps=1e-8):
    import numpy as np

    g = np.array(grad, dtype=float)
    m = beta1 * np.array(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.array(v, dtype=float) + (1 - beta2) * np.square(g)
    w = np.array(w, dtype=float)
    w -= learning_rate * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return w, m, v
""",
    },
    "init_from_one_formula": {
        "init": """\
def init_std(fan_in, fan_out, scheme):
    fans = {"xavier": (fan_in + fan_out) / 2, "he": fan_in / 2}
    if scheme not in fans:
        raise ValueError(f"unknown scheme {scheme}")
    return float((1 / fans[scheme]) ** 0.5)


def init_weights(fan_in, fan_out, scheme, seed=0):
    std = init_std(fan_in, fan_out, scheme)
    return np.random.default_rng(seed).normal(size=(fan_in, fan_out), scale=std)
""",
    },
    "early_stopping_from_the_running_minimum": {
        "early_stopping": """\
def early_stopping(val_losses, patience):
    losses = np.asarray(val_losses, dtype=float)
    best = np.minimum.accumulate(losses)
    improved = np.concatenate([[True], losses[1:] < best[:-1]])
    last_improvement = 0
    for epoch in range(len(losses)):
        if improved[epoch]:
            last_improvement = epoch
        elif epoch - last_improvement >= patience:
            return int(np.argmin(losses[: epoch + 1])) + 1, epoch + 1
    return int(np.argmin(losses)) + 1, len(losses)
""",
    },
    "fixed_model_with_leaky_relu_layers": {
        "fixed_model": """\
def build_fixed_model(seed=0):
    import keras

    keras.utils.set_random_seed(seed)
    inputs = keras.Input(shape=(784,))
    x = keras.layers.Dense(64, kernel_initializer=keras.initializers.HeNormal())(inputs)
    x = keras.layers.LeakyReLU(negative_slope=0.1)(x)
    x = keras.layers.Dense(64, kernel_initializer=keras.initializers.HeNormal())(x)
    x = keras.layers.LeakyReLU(negative_slope=0.1)(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "adam_without_bias_correction": ["test_adam"],
    "fixed_model_keeps_the_bad_learning_rate": ["test_fixed_model"],
    "he_with_fan_out": ["test_init"],
    "momentum_sign_error": ["test_momentum"],
    "rmsprop_without_sqrt": ["test_rmsprop"],
}
