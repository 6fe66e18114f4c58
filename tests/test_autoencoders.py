"""Lesson 12's helpers: noise, errors, PCA, the dense autoencoder and the figures."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import autoencoders as ae


def digits(n=5, seed=0):
    """Fake digit images in [0, 1]: a dark background with a bright bar."""
    images = np.zeros((n, 28, 28), dtype=np.float32)
    generator = np.random.default_rng(seed)
    for i in range(n):
        column = generator.integers(5, 23)
        images[i, 4:24, column : column + 3] = generator.uniform(0.6, 1.0)
    return images


# --- add_noise ---------------------------------------------------------------------------


def test_add_noise_is_clipped_gaussian_with_std_level():
    clean = np.full((200, 28, 28), 0.5, dtype=np.float32)
    noisy = ae.add_noise(clean, 0.1, rng=1)
    assert noisy.shape == clean.shape and noisy.dtype == np.float32
    assert noisy.min() >= 0 and noisy.max() <= 1
    assert abs((noisy - clean).std() - 0.1) < 0.002 and abs((noisy - clean).mean()) < 0.002
    assert np.all(clean == 0.5), "the input is not changed"
    # exactly numpy's normal(0, level) draws, added and clipped
    expected = np.clip(clean + np.random.default_rng(1).normal(0.0, 0.1, clean.shape), 0, 1)
    assert np.allclose(noisy, expected, atol=1e-7)
    # on a black image half the draws are clipped to 0: mean level * 0.3989 (half-normal)
    dark = ae.add_noise(np.zeros((100, 784)), 0.3, rng=np.random.default_rng(2))
    assert abs(dark.mean() - 0.3 / np.sqrt(2 * np.pi)) < 0.003
    assert abs((dark == 0).mean() - 0.5) < 0.01


def test_add_noise_seeds_levels_and_per_image_levels():
    clean = digits()
    assert np.array_equal(ae.add_noise(clean, 0.2, rng=3), ae.add_noise(clean, 0.2, rng=3))
    assert not np.array_equal(ae.add_noise(clean, 0.2, rng=3), ae.add_noise(clean, 0.2, rng=4))
    assert np.array_equal(ae.add_noise(clean, 0.2), ae.add_noise(clean, 0.2)), "default seed"
    assert np.array_equal(ae.add_noise(clean, 0.0, rng=0), clean)
    per_image = ae.add_noise(clean, np.array([0.0, 0.0, 0.5, 0.5, 0.0]), rng=0)
    assert np.array_equal(per_image[[0, 1, 4]], clean[[0, 1, 4]])
    assert not np.array_equal(per_image[2], clean[2])
    errors = [
        ae.reconstruction_error(clean, ae.add_noise(clean, s, rng=0)).mean()
        for s in ae.NOISE_LEVELS
    ]
    assert errors[0] == 0 and all(a < b for a, b in zip(errors, errors[1:], strict=False))


@pytest.mark.parametrize(
    ("images", "level", "rng", "message"),
    [
        (np.zeros((2, 28, 28), dtype=np.uint8), 0.1, 0, "divide uint8"),
        (np.full((2, 4), 255.0), 0.1, 0, r"pixels in \[0, 1\]"),
        (np.zeros(5), 0.1, 0, "batch of images"),
        (np.zeros((2, 4)), -0.1, 0, "non-negative"),
        (np.zeros((2, 4)), [0.1, 0.2, 0.3], 0, "one number per image"),
    ],
)
def test_add_noise_rejects_bad_input(images, level, rng, message):
    with pytest.raises(ValueError, match=message):
        ae.add_noise(images, level, rng)


def test_add_noise_rejects_a_bad_generator():
    with pytest.raises(TypeError, match="Generator"):
        ae.add_noise(np.zeros((2, 4)), 0.1, rng="seed")


# --- errors and PCA ----------------------------------------------------------------------------


def test_reconstruction_error_is_per_image_mse():
    a = digits(4)
    b = a.copy()
    b[1] += 0.5
    errors = ae.reconstruction_error(a, b)
    assert errors.shape == (4,)
    assert np.allclose(errors, [0, 0.25, 0, 0])
    assert np.allclose(ae.reconstruction_error(a, b.reshape(4, 784)), errors), "rows or images"
    with pytest.raises(ValueError, match="one reconstruction per image"):
        ae.reconstruction_error(a, b[:3])


def test_pca_matches_scikit_learn():
    from sklearn.decomposition import PCA

    X = np.random.default_rng(5).normal(size=(60, 8)) @ np.diag([5, 4, 3, 2, 1, 0.5, 0.2, 0.1])
    mean, components, ratio = ae.pca(X, 3)
    reference = PCA(3).fit(X)
    assert components.shape == (3, 8) and ratio.shape == (8,)
    assert np.allclose(mean, reference.mean_)
    assert np.allclose(np.abs(components), np.abs(reference.components_), atol=1e-8)
    assert np.allclose(ratio[:3], reference.explained_variance_ratio_)
    assert np.isclose(ratio.sum(), 1)
    assert np.allclose(components @ components.T, np.eye(3), atol=1e-10), "orthonormal rows"
    assert np.all(components[np.arange(3), np.abs(components).argmax(axis=1)] > 0), "signs fixed"
    reconstruction = ae.pca_reconstruct(X, mean, components)
    expected = reference.inverse_transform(reference.transform(X))
    assert np.allclose(reconstruction, expected)
    wide = X[:5]  # fewer rows than columns: the SVD route
    w_mean, w_components, w_ratio = ae.pca(wide, 4)
    w_reference = PCA(4).fit(wide)
    assert w_ratio.shape == (5,) and np.allclose(w_ratio[:4], w_reference.explained_variance_ratio_)
    assert np.allclose(np.abs(w_components), np.abs(w_reference.components_), atol=1e-8)
    full = ae.pca(X)[1]
    assert np.allclose(ae.pca_reconstruct(X, mean, full), X), "all components: exact"
    with pytest.raises(ValueError, match="n_components"):
        ae.pca(X, 9)
    with pytest.raises(ValueError, match="2-D array"):
        ae.pca(np.zeros(5))
    with pytest.raises(ValueError, match="same"):
        ae.pca_reconstruct(X, mean, components[:, :5])


def test_principal_angles():
    assert np.allclose(ae.principal_angles([[1.0, 0, 0], [0, 1, 0]], [[0, 2.0, 0], [3, 1, 0]]), 0)
    assert np.allclose(ae.principal_angles([[1.0, 0, 0]], [[0, 0, 1.0]]), 90)
    assert np.allclose(ae.principal_angles([[1.0, 0]], [[1.0, 1.0]]), 45)
    angles = ae.principal_angles(np.eye(4)[:2], np.eye(4)[1:3])
    assert np.allclose(angles, [0, 90])
    with pytest.raises(ValueError, match="same length"):
        ae.principal_angles(np.eye(3), np.eye(4))


# --- figures and tables -------------------------------------------------------------------------


def test_show_reconstructions_draws_two_or_three_rows():
    a = digits(12)
    fig = ae.show_reconstructions(a, a * 0.5, n=10, labels=list(range(12)), title="t")
    assert isinstance(fig, Figure) and len(fig.axes) == 20
    assert fig.axes[0].get_title() == "0"
    assert fig.axes[10].get_title() == f"{ae.reconstruction_error(a[:1], a[:1] * 0.5)[0]:.3f}"
    fig = ae.show_reconstructions(a.reshape(12, 784), a, n=4, noisy=a)
    assert len(fig.axes) == 12 and fig.axes[4].get_ylabel() == "noisy input"
    with pytest.raises(ValueError, match="same number"):
        ae.show_reconstructions(a, a[:5])
    with pytest.raises(ValueError, match="square"):
        ae.show_reconstructions(np.zeros((2, 10)), np.zeros((2, 10)))


def test_draw_denoising_picks_the_nearest_level():
    clean = digits(4)
    levels = [0.0, 0.25, 0.5]
    noisy = np.stack([ae.add_noise(clean, s, rng=0) for s in levels])
    fig = ae.draw_denoising(0.3, levels, clean, noisy, noisy * 0.5, np.stack([clean] * 3), n=3)
    assert isinstance(fig, Figure) and len(fig.axes) == 12
    assert "25%" in fig._suptitle.get_text()
    assert fig.axes[9].get_ylabel().endswith("MSE 0.000"), "the perfect denoiser's row"
    with pytest.raises(ValueError, match="each of the 3 levels"):
        ae.draw_denoising(0.0, levels, clean, noisy[:2], noisy, noisy)


def test_accuracy_table_and_plot():
    accuracies = {"perceptron": [0.9, 0.5], "deep network": [0.95, 0.6]}
    table = ae.accuracy_table([0.0, 0.5], accuracies)
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["noise", "(%)"] and "deep network" in lines[0]
    assert lines[2].split() == ["50", "0.5000", "0.6000"]
    fig = ae.draw_accuracy_vs_noise([0.0, 0.5], accuracies)
    assert isinstance(fig, Figure) and len(fig.axes[0].lines) == 2
    panels = {"trained on clean": accuracies, "trained on noisy": {"perceptron": [0.8, 0.7]}}
    fig = ae.draw_accuracy_vs_noise([0.0, 0.5], panels, title="two")
    assert [len(ax.lines) for ax in fig.axes] == [2, 1]
    assert [ax.get_title() for ax in fig.axes] == list(panels) and fig.get_suptitle() == "two"
    with pytest.raises(ValueError, match="one accuracy per noise level"):
        ae.draw_accuracy_vs_noise([0.0, 0.5], {"a": accuracies, "b": {"x": [0.1]}})
    with pytest.raises(ValueError, match="one accuracy per noise level"):
        ae.accuracy_table([0.0], accuracies)
    fig = ae.draw_architecture([784, 256, 64, 256, 784])
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][2] == "code"


def test_latent_grid_and_explorer_use_the_numpy_decoder():
    generator = np.random.default_rng(0)
    stack = [
        (generator.normal(size=(2, 8)), np.zeros(8), "relu"),
        (generator.normal(size=(8, 16)), np.zeros(16), "sigmoid"),
    ]
    grid = ae.latent_grid(stack, [-1, 0, 1], [0, 2], side=4)
    assert grid.shape == (2, 3, 4, 4)
    assert np.allclose(grid[1, 0].ravel(), ae.forward(stack, [-1.0, 2.0]))
    codes = generator.normal(size=(30, 2))
    fig = ae.draw_latent(0.5, -0.5, stack, codes, np.arange(30) % 10)
    assert isinstance(fig, Figure)
    assert "(0.5, -0.5)" in fig.axes[1].get_title()
    with pytest.raises(ValueError, match="shape \\(n, 2\\)"):
        ae.draw_latent(0, 0, stack, codes[:, :1], np.arange(30))
    with pytest.raises(ValueError, match="expects 2 inputs"):
        ae.forward(stack, np.zeros((1, 3)))
    with pytest.raises(ValueError, match="knows the activations"):
        ae.forward([(np.eye(2), np.zeros(2), "gelu")], np.zeros(2))


# --- Keras ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def keras():
    from helpers.training import import_tensorflow

    import_tensorflow(quiet=True)
    import keras

    return keras


def test_dense_autoencoder_shapes_and_numpy_copy(keras):
    autoencoder, encoder, decoder = ae.dense_autoencoder(code_size=8, hidden=(32,), seed=0)
    assert autoencoder.input_shape == (None, 28, 28) and autoencoder.output_shape == (None, 28, 28)
    assert encoder.output_shape == (None, 8) and decoder.input_shape == (None, 8)
    assert autoencoder.loss == "mse" and autoencoder.optimizer is not None
    sizes = [784 * 32 + 32, 32 * 8 + 8, 8 * 32 + 32, 32 * 784 + 784]
    assert autoencoder.count_params() == sum(sizes)
    images = digits(3)
    out = autoencoder.predict(images, verbose=0)
    assert out.min() >= 0 and out.max() <= 1, "sigmoid output"
    codes = encoder.predict(images, verbose=0)
    assert np.allclose(decoder.predict(codes, verbose=0), out, atol=1e-5), "shared layers"
    stack = ae.dense_stack(autoencoder)
    assert [a for _, _, a in stack] == ["relu", "linear", "relu", "sigmoid"]
    assert np.allclose(ae.forward(stack, images.reshape(3, -1)), out.reshape(3, -1), atol=1e-5)
    again = ae.dense_autoencoder(code_size=8, hidden=(32,), seed=0)[0]
    assert all(
        np.array_equal(a, b)
        for a, b in zip(again.get_weights(), autoencoder.get_weights(), strict=True)
    ), "the same seed gives the same weights"


def test_linear_autoencoder_from_rows(keras):
    linear, encoder, decoder = ae.dense_autoencoder(
        code_size=4, hidden=(), input_shape=(784,), activation=None, output_activation=None
    )
    assert linear.input_shape == (None, 784) and linear.output_shape == (None, 784)
    assert linear.count_params() == 784 * 4 + 4 + 4 * 784 + 784
    assert [a for _, _, a in ae.dense_stack(linear)] == ["linear", "linear"]
    with pytest.raises(ValueError, match="code_size"):
        ae.dense_autoencoder(code_size=0)
    with pytest.raises(ValueError, match="hidden"):
        ae.dense_autoencoder(hidden=(32, -1))
