"""Plausible wrong answers to assignment a12 (autoencoders); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a12/a12_autoencoders.ipynb`` to the
full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
"""

WRONG_ANSWERS = {
    # The noise added but not clipped: pixels below 0 and above 1.
    "noise_not_clipped": {
        "add_noise": """\
def add_noise(images, level, seed=0):
    images = np.asarray(images, dtype=float)
    noise = np.random.default_rng(seed).normal(0.0, level, size=images.shape)
    return (images + noise).astype(np.float32)
""",
    },
    # PCA without subtracting the mean: the SVD of the raw pixels.
    "pca_without_centering": {
        "pca": """\
def pca_reconstruct(X, k):
    X = np.asarray(X, dtype=float)
    _, _, vt = np.linalg.svd(X, full_matrices=False)
    components = vt[:k]
    return X @ components.T @ components
""",
    },
    # Trained to reproduce the noisy input instead of the clean image.
    "trained_noisy_to_noisy": {
        "train": """\
def train_denoiser(autoencoder, x_clean, level=0.3, epochs=10, seed=0):
    noisy = add_noise(x_clean, level, seed)
    return autoencoder.fit(noisy, noisy, epochs=epochs, batch_size=128, verbose=0)
""",
    },
}
