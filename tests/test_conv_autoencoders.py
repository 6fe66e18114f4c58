import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import conv_autoencoders as cae
from helpers.convolution import conv2d
from helpers.exercises import lesson14

RNG = np.random.default_rng(14)


# --- sizes -------------------------------------------------------------------------------


def test_transposed_output_size_formula_and_keras_paddings():
    assert cae.transposed_output_size(7, 3, stride=2) == 15
    assert cae.transposed_output_size(7, 3, stride=2, padding=1) == 13
    assert cae.transposed_output_size(7, 4, stride=2, padding=1) == 14
    assert cae.transposed_output_size(2, 3, 2) == 5
    assert cae.transposed_output_size(7, 3, 2, "same") == 14
    assert cae.transposed_output_size(7, 3, 2, "valid") == 15
    assert cae.transposed_output_size(3, 1, 2, "valid") == 6  # narrower kernel than stride
    for n, f, s, p in [(7, 3, 2, 1), (5, 3, 1, 1), (14, 4, 2, 1)]:
        assert lesson14.transposed_size(n, f, s, p) == cae.transposed_output_size(n, f, s, p)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1, 1, 1, 1), "crops everything"),
        ((0, 3, 1, 0), "n \\(the input size\\) must be a positive whole number"),
        ((4, 3, 0, 0), "stride must be a positive whole number"),
        ((4, 3, 1, -1), "padding must be"),
    ],
)
def test_transposed_output_size_refuses_nonsense(args, message):
    with pytest.raises(ValueError, match=message):
        cae.transposed_output_size(*args)


def test_transposed_output_size_refuses_a_fractional_kernel():
    with pytest.raises(TypeError, match="f \\(the kernel size\\) must be a positive whole number"):
        cae.transposed_output_size(4, 3.0, 1, 0)


def test_walk_sizes_goes_down_and_up_again():
    sizes = cae.walk_sizes(28)
    assert sizes == [28, 28, 14, 14, 7, 7, 14, 14, 28, 28, 28]
    assert len(sizes) == len(cae.CONV_AE_STEPS) + 1
    steps = [
        cae.Step("up", "upsample", 2),
        cae.Step("conv valid", "conv", 3, 1, "valid"),
        cae.Step("strided same", "conv", 3, 2, "same"),
        cae.Step("transpose p=1", "transpose", 4, 2, 1),
    ]
    assert cae.walk_sizes(7, steps) == [7, 14, 12, 6, 12]
    with pytest.raises(ValueError, match="Unknown step kind"):
        cae.walk_sizes(7, [cae.Step("?", "dense", 3)])


# --- going up ------------------------------------------------------------------------------


def test_upsample_nearest_repeats_pixels_into_blocks():
    x = np.array([[1, 2], [3, 4]])
    expected = np.array([[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]])
    assert np.array_equal(cae.upsample_nearest(x), expected)
    batch = RNG.normal(size=(2, 3, 4, 5))
    up = cae.upsample_nearest(batch, (2, 3))
    assert up.shape == (2, 6, 12, 5)
    assert np.array_equal(up[:, ::2, ::3], batch)
    assert np.array_equal(cae.upsample_nearest(batch[0], 1), batch[0])
    for case in lesson14.EXERCISES["l14_upsample"][0]:
        assert np.array_equal(cae.upsample_nearest(*case), lesson14.upsample(*case))
    with pytest.raises(ValueError, match="size must be"):
        cae.upsample_nearest(x, (2, 2, 2))
    with pytest.raises(ValueError, match="size\\[0\\] must be a positive"):
        cae.upsample_nearest(x, 0)
    with pytest.raises(ValueError, match="expects an image"):
        cae.upsample_nearest(np.zeros(4))


def test_conv_transpose2d_stamps_and_adds():
    out = cae.conv_transpose2d(np.array([[1.0, 2.0]]), np.ones((2, 2)))
    assert np.array_equal(out, [[1, 3, 2], [1, 3, 2]])
    x, kernel = np.array([[1, 2], [3, 4]]), np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])
    out = cae.conv_transpose2d(x, kernel, stride=2)
    assert out.shape == (5, 5) and out[2, 2] == 1 + 2 + 3 + 4  # all four stamps overlap there
    assert cae.conv_transpose2d(x, kernel, 2, "same").shape == (4, 4)
    assert np.array_equal(cae.conv_transpose2d(x, kernel, 2, 1), out[1:-1, 1:-1])
    checker = cae.conv_transpose2d(np.ones((4, 4)), np.ones((3, 3)), stride=2)
    assert set(np.unique(checker)) == {1.0, 2.0, 4.0}, "uneven overlaps: a checkerboard"
    assert cae.conv_transpose2d(np.ones((3, 3)), np.ones((1, 1)), 2, "same").shape == (6, 6)
    with pytest.raises(ValueError, match="both 2-D arrays"):
        cae.conv_transpose2d(np.ones((1, 2, 2)), kernel)
    with pytest.raises(ValueError, match="crops the whole"):
        cae.conv_transpose2d(x, kernel, 2, 3)


def test_conv_matrix_transpose_is_the_transposed_convolution():
    kernel = RNG.normal(size=(3, 3))
    for shape, stride in [((5, 5), 2), ((6, 4), 1), ((7, 7), 2)]:
        image = RNG.normal(size=shape)
        C = cae.conv_matrix(kernel, shape, stride)
        forward = conv2d(image, kernel, stride=stride)
        assert C.shape == (forward.size, image.size)
        assert np.allclose(C @ image.ravel(), forward.ravel())
        y = RNG.normal(size=forward.shape)
        back = cae.conv_transpose2d(y, kernel, stride)[: shape[0], : shape[1]]
        assert np.allclose((C.T @ y.ravel()).reshape(shape), back)
    with pytest.raises(ValueError, match="does not fit"):
        cae.conv_matrix(np.ones((3, 3)), (2, 2))


def test_conv_transpose_layer_sums_channels_and_adds_bias():
    x = RNG.normal(size=(3, 3, 2))
    kernels = RNG.normal(size=(3, 3, 4, 2))
    bias = RNG.normal(size=4)
    out = cae.conv_transpose_layer(x, kernels, bias, stride=2)
    assert out.shape == (7, 7, 4)
    expected = sum(cae.conv_transpose2d(x[:, :, c], kernels[:, :, 1, c], 2) for c in range(2))
    assert np.allclose(out[:, :, 1], expected + bias[1])
    with pytest.raises(ValueError, match="\\(F, F, C_out, 2\\)"):
        cae.conv_transpose_layer(x, RNG.normal(size=(3, 3, 2, 4)))
    with pytest.raises(ValueError, match="channels last"):
        cae.conv_transpose_layer(x[:, :, 0], kernels)


# --- series, letters, scores ----------------------------------------------------------------


def test_step_series_windows_and_events():
    plain = cae.step_series(500, rng=3)
    stepped = cae.step_series(500, {200: 1.5}, rng=3)
    assert np.allclose(stepped[:200], plain[:200]) and np.allclose(stepped[200:], plain[200:] + 1.5)
    assert np.array_equal(cae.step_series(50), cae.step_series(50)), "the course seed by default"
    with pytest.raises(ValueError, match="outside the series"):
        cae.step_series(100, {100: 1.0})
    windows = cae.sliding_windows(stepped, 32, step=2)
    assert windows.shape == ((500 - 32) // 2 + 1, 32)
    assert np.allclose(windows.mean(axis=1), 0)
    raw = cae.sliding_windows(stepped, 32, center=False)
    assert np.array_equal(raw[5], stepped[5:37])
    with pytest.raises(ValueError, match="at least 32 samples"):
        cae.sliding_windows(np.zeros(10), 32)
    errors = np.zeros(100)
    errors[[10, 11, 12, 30, 31, 80]] = [1, 3, 2, 1, 1, 5]
    assert cae.find_events(errors, 0.5, width=8) == [11 + 4, 30 + 4, 80 + 4]
    assert cae.find_events(errors, 0.5, width=20) == [11 + 10, 80 + 10]
    assert cae.find_events(errors, 10, width=8) == []


def test_pca_on_windows_finds_the_steps():
    from helpers.autoencoders import pca, pca_reconstruct, reconstruction_error

    train = cae.sliding_windows(cae.step_series(2000, rng=1), 32)
    steps = {300: 1.0, 700: -0.6}
    test = cae.sliding_windows(cae.step_series(1000, steps, rng=2), 32)
    mean, components, _ = pca(train)

    def errors(w):
        return reconstruction_error(w, pca_reconstruct(w, mean, components[:4]))

    events = cae.find_events(errors(test), 1.5 * errors(train).max(), 32)
    assert len(events) == 2
    assert all(abs(e - p) <= 8 for e, p in zip(events, steps, strict=True))


def test_letter_images_are_soft_strokes_in_the_unit_range():
    images, names = cae.letter_images(12, rng=5)
    assert images.shape == (12, 28, 28) and images.dtype == np.float32
    assert images.min() >= 0 and images.max() == 1
    assert set(names) <= set(cae.LETTERS) and len(names) == 12
    again, _ = cae.letter_images(12, rng=5)
    assert np.array_equal(images, again)
    ring = np.concatenate([images[:, 0], images[:, -1], images[:, :, 0], images[:, :, -1]])
    assert ring.max() == 0, "a black border, like MNIST"
    only_t, names = cae.letter_images(3, letters="T", rng=0)
    assert names == ["T", "T", "T"]
    with pytest.raises(ValueError, match="Unknown letters"):
        cae.letter_images(2, letters="S")
    bar = cae.stroke_image([[(0.0, 0.5), (1.0, 0.5)]], box=(4, 4, 20, 20))
    assert bar[14, 4:24].min() == 1.0 and bar[2].max() == 0.0


def test_detection_report_and_roc():
    normal, odd = np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.35, 0.5])
    report = cae.detection_report(normal, odd, 0.32)
    assert (report["tp"], report["fp"], report["fn"], report["tn"]) == (2, 1, 0, 3)
    assert report["precision"] == pytest.approx(2 / 3) and report["recall"] == 1.0
    assert report["false_alarm_rate"] == 0.25
    assert cae.detection_report(normal, odd, 1.0)["precision"] == 0.0  # nothing flagged
    fpr, tpr, thresholds = cae.roc_curve(normal, odd)
    assert (fpr[0], tpr[0]) == (0, 0) and (fpr[-1], tpr[-1]) == (1, 1)
    assert np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0)
    assert cae.roc_auc(normal, odd) == pytest.approx(np.trapezoid(tpr, fpr))
    assert cae.roc_auc([0.1, 0.2, 0.3], [0.25, 0.4]) == pytest.approx(5 / 6)
    assert cae.roc_auc([1, 2], [3, 4]) == 1.0 and cae.roc_auc([1, 1], [1, 1]) == 0.5
    with pytest.raises(ValueError, match="normal must be"):
        cae.roc_auc([], [1.0])


# --- pictures --------------------------------------------------------------------------------


def test_figures_are_built_without_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    levels = (0.0, 0.3)
    clean = RNG.uniform(size=(4, 28, 28, 1))
    stacks = {"noisy": np.stack([clean, clean * 0.5]), "model": np.stack([clean, clean])}
    normal, odd = RNG.lognormal(-4, 0.3, 50), RNG.lognormal(-3, 0.3, 20)
    figures = [
        cae.draw_transposed_conv([[1, 2], [3, 4]], np.ones((3, 3))),
        cae.draw_unet(),
        cae.draw_unet(skip_connections=False),
        cae.draw_denoising_rows(0.25, levels, clean, stacks, n=3),
        cae.draw_series_errors(np.zeros(100), {"a": np.ones(69)}, 32, [50], {"a": 2.0}),
        cae.draw_series_errors(np.zeros(100), np.ones(69), 32),
        cae.threshold_figure(0.03, "m", {"m": (normal, odd)}, "letters"),
        cae.draw_roc({"m": (normal, odd)}),
    ]
    assert all(isinstance(fig, Figure) for fig in figures)
    assert plt.get_fignums() == before
    title = figures[3]._suptitle.get_text()
    assert "30%" in title, "the level closest to the slider is shown"
    left, right = figures[6].axes[:2]
    assert left.get_title().startswith("m: ") and left.get_xscale() == "log"
    assert "threshold 0.03" in [t.get_text() for t in left.get_legend().get_texts()]
    assert right.get_title().startswith("precision")
    with pytest.raises(ValueError, match="expected images for each"):
        cae.draw_denoising_rows(0.0, levels, clean, {"bad": clean})
    with pytest.raises(ValueError, match="Unknown model"):
        cae.threshold_figure(0.03, "x", {"m": (normal, odd)})
    with pytest.raises(ValueError, match="log scale needs positive scores and threshold"):
        cae.threshold_figure(0.0, "m", {"m": (normal, odd)})
    with pytest.raises(ValueError, match="unknown models"):
        cae.draw_series_errors(np.zeros(100), {"a": np.ones(69)}, 32, thresholds={"b": 1.0})
    with pytest.raises(ValueError, match="at most 3x3"):
        cae.draw_transposed_conv(np.ones((4, 4)), np.ones((3, 3)))


# --- Keras -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def keras():
    from helpers.training import import_tensorflow

    import_tensorflow(quiet=True)
    import keras

    return keras


def test_numpy_layers_match_keras(keras):
    x = RNG.normal(size=(2, 3, 4, 2)).astype("float32")
    theirs = np.asarray(keras.layers.UpSampling2D((2, 3))(x))
    assert np.array_equal(cae.upsample_nearest(x, (2, 3)), theirs)
    for f, stride, padding in [(3, 2, "valid"), (3, 2, "same"), (4, 2, "same"), (2, 3, "valid")]:
        kernels = RNG.normal(size=(f, f, 3, 2)).astype("float32")
        bias = RNG.normal(size=3).astype("float32")
        layer = keras.layers.Conv2DTranspose(3, f, strides=stride, padding=padding)
        layer.build(x.shape)
        layer.set_weights([kernels, bias])
        theirs = np.asarray(layer(x))
        ours = cae.conv_transpose_layer(x, kernels, bias, stride, padding)
        assert ours.shape == theirs.shape, (f, stride, padding)
        assert np.allclose(ours, theirs, atol=1e-4), (f, stride, padding)
        assert ours.shape[1] == cae.transposed_output_size(3, f, stride, padding)


def test_conv_autoencoder_and_unet(keras):
    model = cae.conv_autoencoder(seed=0)
    unet = cae.conv_autoencoder(skip_connections=True, seed=0)
    assert model.count_params() == 10_757 and unet.count_params() == 15_365
    assert model.input_shape == unet.output_shape == (None, 28, 28, 1)
    assert [layer.output.shape[1] for layer in model.layers] == cae.walk_sizes(28)
    assert [layer.name for layer in unet.layers if "skip" in layer.name] == ["skip2", "skip1"]
    assert model.loss == "binary_crossentropy" and model.optimizer is not None
    out = np.asarray(model(RNG.uniform(size=(2, 28, 28, 1)).astype("float32")))
    assert out.shape == (2, 28, 28, 1) and 0 <= out.min() and out.max() <= 1
    again = cae.conv_autoencoder(seed=0)
    assert all(
        np.array_equal(a, b) for a, b in zip(model.get_weights(), again.get_weights(), strict=True)
    )
    with pytest.raises(ValueError, match="filters must be"):
        cae.conv_autoencoder(filters=0)


def test_conv1d_autoencoder_and_quiet_warm_up(keras, capfd):
    model = cae.conv1d_autoencoder(width=16, seed=0)
    assert model.input_shape == model.output_shape == (None, 16, 1)
    with pytest.raises(ValueError, match="divisible by 4"):
        cae.conv1d_autoencoder(width=18)
    capfd.readouterr()
    cae.quiet_warm_up()
    assert capfd.readouterr().err == "", "the warm-up writes nothing to standard error"
