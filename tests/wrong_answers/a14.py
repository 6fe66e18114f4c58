"""Plausible wrong answers to assignment a14 (convolutional autoencoders); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a14/a14_conv_autoencoders.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
