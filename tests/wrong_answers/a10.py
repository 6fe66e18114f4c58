"""Plausible wrong answers to assignment a10 (digging deeper); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a10/a10_digging_deeper.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
