"""Wrong answers, shortcuts and honest variants for assignment a12 (autoencoders).

Shortcuts tried here: the course's helpers, a library where the task says NumPy, more
training than the task's budget.
What each table holds and how the suite grades it: README.md beside this file.
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

SHORTCUTS = {
    # The lecture's noise model does the work (same values: it draws from default_rng(seed) too).
    "noise_from_the_course_helpers": {
        "cells": {
            "add_noise": """\
def add_noise(images, level, seed=0):
    images = np.asarray(images, dtype=np.float32)
    return helpers.autoencoders.add_noise(images, level, rng=seed).astype(np.float32)
""",
        },
        "loses": ["test_add_noise"],
    },
    # scikit-learn's PCA where the task asks for the SVD in NumPy.
    "pca_from_sklearn": {
        "cells": {
            "pca": """\
def pca_reconstruct(X, k):
    from sklearn.decomposition import PCA

    X = np.asarray(X, dtype=float)
    pca = PCA(k, svd_solver="full").fit(X)
    return pca.inverse_transform(pca.transform(X))
""",
        },
        "loses": ["test_pca"],
    },
    # The lecture's reconstruction_error, which also raises ValueError on different shapes.
    "reconstruction_error_from_the_course_helpers": {
        "cells": {
            "reconstruction_error": """\
def reconstruction_error(originals, reconstructions):
    return helpers.autoencoders.reconstruction_error(originals, reconstructions)
""",
        },
        "loses": ["test_reconstruction_error"],
    },
    # The lecture's builder makes the same 784 -> 256 -> 64 -> 256 -> 784 network.
    "autoencoder_from_the_course_helpers": {
        "cells": {
            "build_model": """\
def build_denoising_autoencoder(code_size=64, seed=0):
    autoencoder, encoder, _ = helpers.autoencoders.dense_autoencoder(
        code_size, hidden=(256,), input_shape=(784,), learning_rate=0.003, seed=seed
    )
    return autoencoder, encoder
""",
        },
        "loses": ["test_build_model"],
    },
    # Twice the training budget: a second fit with the same arguments (the History of the
    # last one still says 10 epochs).
    "train_twice_the_budget": {
        "cells": {
            "train": """\
def train_denoiser(autoencoder, x_clean, level=0.3, epochs=10, seed=0):
    noisy = add_noise(x_clean, level, seed)
    autoencoder.fit(noisy, x_clean, epochs=epochs, batch_size=128, verbose=0)
    return autoencoder.fit(noisy, x_clean, epochs=epochs, batch_size=128, verbose=0)
""",
        },
        "loses": ["test_train"],
    },
    # scikit-learn measures the errors.
    "curve_from_sklearn": {
        "cells": {
            "curve": """\
def denoising_curve(autoencoder, images, levels, seed=0):
    from sklearn.metrics import mean_squared_error

    images = np.asarray(images, dtype=float)
    noisy_mse, denoised_mse = [], []
    for level in levels:
        noisy = add_noise(images, level, seed)
        output = np.asarray(autoencoder.predict(noisy, verbose=0), dtype=float)
        noisy_mse.append(mean_squared_error(images, noisy))
        denoised_mse.append(mean_squared_error(images, output))
    return np.array(noisy_mse), np.array(denoised_mse)
""",
        },
        "loses": ["test_curve"],
    },
}

HONEST = {
    # The noise as level times standard normal draws, clipped with minimum and maximum.
    "noise_scaled_standard_normal": {
        "add_noise": """\
def add_noise(images, level, seed=0):
    generator = np.random.default_rng(seed)
    noise = generator.normal(0.0, level, size=np.shape(images))
    return np.minimum(np.maximum(np.asarray(images) + noise, 0.0), 1.0).astype("float32")
""",
    },
    # PCA from the eigenvectors of the covariance matrix instead of the SVD.
    "pca_from_the_covariance": {
        "pca": """\
def pca_reconstruct(X, k):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    centered = X - mu
    values, vectors = np.linalg.eigh(centered.T @ centered)
    top = vectors[:, np.argsort(values)[::-1][:k]]
    return mu + centered @ top @ top.T
""",
    },
    # fit with keyword arguments.
    "train_with_keywords": {
        "train": """\
def train_denoiser(autoencoder, x_clean, level=0.3, epochs=10, seed=0):
    return autoencoder.fit(
        x=add_noise(x_clean, level, seed=seed), y=x_clean, batch_size=128, epochs=epochs, verbose=0
    )
""",
    },
    # The errors as plain NumPy means, without reconstruction_error.
    "curve_with_numpy_means": {
        "curve": """\
def denoising_curve(autoencoder, images, levels, seed=0):
    clean = np.asarray(images, dtype=np.float64)
    results = np.zeros((2, len(levels)))
    for i, level in enumerate(levels):
        noisy = np.asarray(add_noise(images, level, seed), dtype=np.float64)
        output = np.asarray(autoencoder.predict(noisy, verbose=0), dtype=np.float64)
        results[0, i] = np.mean((noisy - clean) ** 2)
        results[1, i] = np.mean((output.reshape(clean.shape) - clean) ** 2)
    return results[0], results[1]
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "noise_not_clipped": ["test_add_noise"],
    "pca_without_centering": ["test_pca"],
    "trained_noisy_to_noisy": ["test_train"],
}
