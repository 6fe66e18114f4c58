"""Wrong answers, shortcuts and honest variants for assignment a14 (convolutional autoencoders).

Shortcuts tried here: the course's helpers, a library where the task says NumPy, more
training than the task's budget.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # Rows repeated but not columns: (n, H, W, C) -> (n, 2H, W, C).
    "upsample_one_axis_only": {
        "upsample": """\
def upsample2d(x, size=2):
    x = np.asarray(x)
    rows = size if np.ndim(size) == 0 else size[0]
    return np.repeat(x, rows, axis=1)
""",
    },
    # Trained to reproduce the noisy input instead of the clean image.
    "trained_noisy_to_noisy": {
        "train": """\
def train_conv_denoiser(model, x_clean, level=0.3, epochs=5, seed=0):
    noisy = add_noise(x_clean, level, rng=seed)
    return model.fit(noisy, noisy, epochs=epochs, batch_size=32, verbose=0)
""",
    },
    # The threshold on the wrong side: small reconstruction errors flagged as anomalies.
    "flags_below_the_threshold": {
        "threshold": """\
def choose_threshold(normal_scores, false_alarm_rate=0.05):
    return float(np.quantile(np.asarray(normal_scores, dtype=float), 1.0 - false_alarm_rate))


def flag_anomalies(scores, threshold):
    return np.asarray(scores, dtype=float) < threshold
""",
    },
}

SHORTCUTS = {
    # The lecture's helper does the size arithmetic.
    "output_size_from_the_course_helpers": {
        "cells": {
            "output_size": """\
def transposed_output_size(n, f, stride=1, padding=0):
    return int(helpers.conv_autoencoders.transposed_output_size(n, f, stride, padding))
""",
        },
        "loses": ["test_output_size"],
    },
    # Keras's UpSampling2D where the task asks for NumPy.
    "upsample_from_keras": {
        "cells": {
            "upsample": """\
def upsample2d(x, size=2):
    x = np.asarray(x)
    return np.asarray(keras.layers.UpSampling2D(size)(x)).astype(x.dtype)
""",
        },
        "loses": ["test_upsample"],
    },
    # The lecture's convolutional autoencoder (pooling, transposed convolutions), ready-made.
    "autoencoder_from_the_course_helpers": {
        "cells": {
            "build_model": """\
def build_conv_autoencoder(seed=0):
    return helpers.conv_autoencoders.conv_autoencoder(seed=seed)
""",
        },
        "loses": ["test_build_model"],
    },
    # Twice the training budget: a second fit with the same arguments (the History of the
    # last one still says 5 epochs).
    "train_twice_the_budget": {
        "cells": {
            "train": """\
def train_conv_denoiser(model, x_clean, level=0.3, epochs=5, seed=0):
    noisy = add_noise(x_clean, level, rng=seed)
    model.fit(noisy, x_clean, epochs=epochs, batch_size=32, verbose=0)
    return model.fit(noisy, x_clean, epochs=epochs, batch_size=32, verbose=0)
""",
        },
        "loses": ["test_train"],
    },
    # Lesson 12's reconstruction_error scores the images.
    "scores_from_the_course_helpers": {
        "cells": {
            "scores": """\
def anomaly_scores(model, images):
    return helpers.autoencoders.reconstruction_error(images, model.predict(images, verbose=0))
""",
        },
        "loses": ["test_scores"],
    },
    # np.quantile where the task asks for the quantile by hand (the task before its redesign).
    "threshold_from_np_quantile": {
        "cells": {
            "threshold": """\
def choose_threshold(normal_scores, false_alarm_rate=0.05):
    return float(np.quantile(np.asarray(normal_scores, dtype=float), 1.0 - false_alarm_rate))


def flag_anomalies(scores, threshold):
    return np.asarray(scores, dtype=float) > threshold
""",
        },
        "loses": ["test_threshold"],
    },
}

HONEST = {
    # Up-sampling by indexing with integer division instead of np.repeat.
    "upsample_by_index_arithmetic": {
        "upsample": """\
def upsample2d(x, size=2):
    x = np.asarray(x)
    r, k = (int(size), int(size)) if np.isscalar(size) else (int(size[0]), int(size[1]))
    rows = np.arange(x.shape[1] * r) // r
    cols = np.arange(x.shape[2] * k) // k
    return x[:, rows][:, :, cols].copy()
""",
    },
    # The scores with np.square and a mean over a tuple of axes.
    "scores_with_axis_tuple": {
        "scores": """\
def anomaly_scores(model, images):
    images = np.asarray(images, dtype=np.float64)
    output = np.asarray(model.predict(images, verbose=0), dtype=np.float64).reshape(images.shape)
    return np.square(images - output).mean(axis=tuple(range(1, images.ndim)))
""",
    },
    # The quantile from the sorted scores with np.interp at position (n - 1)(1 - rate).
    "threshold_with_interp": {
        "threshold": """\
def choose_threshold(normal_scores, false_alarm_rate=0.05):
    ordered = sorted(float(s) for s in normal_scores)
    position = (len(ordered) - 1) * (1 - false_alarm_rate)
    return float(np.interp(position, np.arange(len(ordered)), ordered))


def flag_anomalies(scores, threshold):
    return np.array([score > threshold for score in np.ravel(scores)], dtype=bool)
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "flags_below_the_threshold": ["test_threshold"],
    "trained_noisy_to_noisy": ["test_train"],
    "upsample_one_axis_only": ["test_upsample"],
}
