import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import convolution as conv
from helpers.exercises import lesson13

RNG = np.random.default_rng(13)


def test_output_size_formula_and_the_seed_examples():
    assert conv.output_size(227, 11, 0, 4) == 55
    assert conv.output_size(55, 3, 0, 2) == 27
    assert conv.output_size(27, 5, 2, 1) == 27
    assert conv.output_size(32, 5) == 28
    for n in (5, 28, 32):
        assert conv.output_size(n, 3, padding=1, stride=1) == n  # Trifonov (2020): F=3, p=1, s=1
    assert conv.output_size(np.int64(7), 3, 0, 2) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((6, 3, 0, 2), r"\(6 \+ 2\*0 - 3\) / 2 \+ 1 = 2.5 is not a whole number"),
        ((4, 5, 0, 1), "does not fit in an input of size 4"),
        ((0, 3, 0, 1), "n \\(the input size\\) must be a positive whole number"),
        ((8, 3, -1, 1), "padding must be a non-negative whole number"),
        ((8, 3, 0, 0), "stride must be a positive whole number"),
    ],
)
def test_output_size_refuses_what_does_not_fit(args, message):
    with pytest.raises(ValueError, match=message):
        conv.output_size(*args)


def test_output_size_refuses_a_fractional_filter():
    with pytest.raises(TypeError, match="f \\(the filter size\\) must be a positive whole number"):
        conv.output_size(8, 2.0, 0, 1)


def test_alexnet_chain_and_its_flattened_size():
    sizes = conv.size_chain(227, conv.ALEXNET)
    assert sizes == [227, 55, 27, 27, 13, 13, 13, 13, 6]
    channels = [layer.channels for layer in conv.ALEXNET if layer.channels]
    assert sizes[-1] ** 2 * channels[-1] == 9216


def test_parameter_counts():
    assert conv.dense_params(1024, 1024, bias=False) == 1_048_576
    assert conv.dense_params(784, 128) == 100_480
    assert conv.conv_params(5, 3, 6) == 456
    assert conv.conv_params(5, 6, 10) == 1510
    assert conv.conv_params(3, 1, 8, bias=False) == 72
    with pytest.raises(ValueError, match="c_in must be a positive whole number"):
        conv.conv_params(3, 0, 8)


def test_kernels_of_the_source_decks():
    k = conv.KERNELS
    assert list(k) == ["identity", "box blur", "edge", "sharpen", "sobel x", "sobel y"]
    assert all(kernel.shape == (3, 3) for kernel in k.values())
    assert k["box blur"].sum() == pytest.approx(1.0)
    assert k["sharpen"].sum() == 1 and k["edge"].sum() == 0 and k["sobel x"].sum() == 0
    np.testing.assert_array_equal(k["sharpen"], k["identity"] + k["edge"])
    np.testing.assert_array_equal(k["sobel y"], k["sobel x"].T)


def test_urfu_2017_window_gives_minus_63():
    patch = np.array([[221, 198, 149], [205, 147, 173], [149, 170, 222]])
    kernel = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    assert conv.conv2d(patch, kernel).tolist() == [[-63.0]]
    assert lesson13.convolve_at(patch, kernel, 0, 0) == -63.0


@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", [0, 1, 2])
def test_vectorized_conv2d_equals_the_loops(stride, padding):
    image, kernel = RNG.normal(size=(9, 11)), RNG.normal(size=(3, 2))
    fast = conv.conv2d(image, kernel, stride, padding)
    slow = conv.conv2d_loops(image, kernel, stride, padding)
    expected = ((9 + 2 * padding - 3) // stride + 1, (11 + 2 * padding - 2) // stride + 1)
    assert fast.shape == slow.shape == expected
    np.testing.assert_allclose(fast, slow)


def test_conv2d_small_example_and_identity():
    image = np.arange(16.0).reshape(4, 4)
    np.testing.assert_array_equal(conv.conv2d(image, np.ones((3, 3))), [[45, 54], [81, 90]])
    np.testing.assert_array_equal(conv.conv2d(image, conv.KERNELS["identity"], padding=1), image)
    # not flipped: a kernel with a single 1 at the top left picks the top-left neighbour
    pick = np.zeros((3, 3))
    pick[0, 0] = 1
    np.testing.assert_array_equal(conv.conv2d(image, pick), image[:2, :2])


def test_conv2d_refuses_bad_shapes():
    with pytest.raises(ValueError, match="both 2-D arrays"):
        conv.conv2d(np.zeros((4, 4, 3)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="does not fit"):
        conv.conv2d(np.zeros((2, 5)), np.ones((3, 3)))


def test_conv_layer_sums_over_channels_and_adds_the_bias():
    x = RNG.normal(size=(2, 8, 7, 3))
    kernels, bias = RNG.normal(size=(3, 3, 3, 4)), RNG.normal(size=4)
    out = conv.conv_layer(x, kernels, bias, stride=2, padding=1)
    assert out.shape == (2, 4, 4, 4)
    for n, k in [(0, 0), (1, 3)]:
        expected = sum(conv.conv2d(x[n, :, :, c], kernels[:, :, c, k], 2, 1) for c in range(3))
        np.testing.assert_allclose(out[n, :, :, k], expected + bias[k])
    single = conv.conv_layer(x[0], kernels)
    assert single.shape == (6, 5, 4)
    with pytest.raises(ValueError, match=r"kernels of shape \(F, F, 3, C_out\)"):
        conv.conv_layer(x, kernels[:, :, :2])
    with pytest.raises(ValueError, match="channels last"):
        conv.conv_layer(x[0, :, :, 0], kernels)


def test_pool2d_trifonov_example_average_and_leftovers():
    x = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])
    np.testing.assert_array_equal(conv.pool2d(x), [[6, 8], [3, 4]])
    np.testing.assert_array_equal(conv.pool2d(x, mode="avg"), [[3.25, 5.25], [2, 2]])
    seven = np.arange(49.0).reshape(7, 7)
    np.testing.assert_array_equal(conv.pool2d(seven), [[8, 10, 12], [22, 24, 26], [36, 38, 40]])
    assert conv.pool2d(seven, size=3, stride=2).shape == (3, 3)
    batch = RNG.normal(size=(2, 6, 6, 3))
    pooled = conv.pool2d(batch)
    assert pooled.shape == (2, 3, 3, 3)
    np.testing.assert_array_equal(pooled[1, :, :, 2], conv.pool2d(batch[1, :, :, 2]))
    assert conv.pool2d(batch[0]).shape == (3, 3, 3)
    with pytest.raises(ValueError, match="'max' or 'avg'"):
        conv.pool2d(x, mode="sum")
    with pytest.raises(ValueError, match="does not fit"):
        conv.pool2d(x, size=5)


def test_edge_strength_exercise_matches_conv2d():
    image = RNG.integers(0, 255, size=(6, 7))
    gx = conv.conv2d(image, conv.KERNELS["sobel x"])
    gy = conv.conv2d(image, conv.KERNELS["sobel y"])
    np.testing.assert_allclose(lesson13.edge_strength(image), np.hypot(gx, gy))


def test_drawings_are_figures_and_check_their_input():
    image = RNG.integers(0, 255, size=(20, 30)).astype(float)
    images = {"noise": image, "step": np.repeat([[0.0] * 10 + [255.0] * 10], 12, axis=0)}
    for name in conv.KERNELS:
        assert isinstance(conv.kernel_figure(name, "noise", images), Figure)
    assert isinstance(conv.draw_convolution(image, conv.KERNELS["edge"], title="t"), Figure)
    assert isinstance(conv.draw_kernel_gallery(images), Figure)
    fig = conv.draw_window(np.arange(20).reshape(4, 5), conv.KERNELS["sobel x"], 1, 2)
    assert isinstance(fig, Figure) and "= -8" in fig.get_supxlabel()
    with pytest.raises(ValueError, match="Unknown kernel 'blur'"):
        conv.kernel_figure("blur", "noise", images)
    with pytest.raises(ValueError, match="Unknown image 'cat'"):
        conv.kernel_figure("edge", "cat", images)
    with pytest.raises(ValueError, match="needs images="):
        conv.kernel_figure("edge", "noise")
    with pytest.raises(ValueError, match="no position"):
        conv.draw_window(np.ones((4, 5)), np.ones((3, 3)), 2, 0)


def _cell_faces(fig):
    """The face colours of the cells ``draw_window`` drew, in drawing order."""
    from matplotlib.patches import Rectangle

    ax = fig.axes[0]
    return [p.get_facecolor() for p in ax.patches if isinstance(p, Rectangle) and p.get_fill()]


def test_draw_window_is_dark_for_small_and_bright_for_large_values():
    image = np.arange(20).reshape(4, 5)
    faces = _cell_faces(conv.draw_window(image, conv.KERNELS["sobel x"], 1, 2))
    brightness = [np.mean(face[:3]) for face in faces[: image.size]]
    assert np.all(np.diff(brightness) > 0), "larger input values must be drawn brighter"
    kernel_faces = faces[image.size : image.size + 9]
    red_minus_blue = [face[0] - face[2] for face in kernel_faces]
    signs = np.sign(conv.KERNELS["sobel x"].ravel())
    nonzero = signs != 0
    assert np.all(np.sign(red_minus_blue)[nonzero] == signs[nonzero]), "red +, blue -"
    assert np.all(np.abs(red_minus_blue)[~nonzero] < 0.05), "0 is neither red nor blue"


def test_draw_window_draws_a_single_output_number_mid_grey():
    patch = np.array([[221, 198, 149], [205, 147, 173], [149, 170, 222]])
    faces = _cell_faces(conv.draw_window(patch, conv.KERNELS["sobel x"]))
    (output,) = faces[18:]  # 9 input cells, 9 kernel cells, then the 1x1 output
    darkest, brightest = (
        min(np.mean(f[:3]) for f in faces[:9]),
        max(np.mean(f[:3]) for f in faces[:9]),
    )
    assert darkest < np.mean(output[:3]) < brightest


def test_signed_maps_share_one_scale_centred_at_zero_with_a_colour_bar():
    maps = np.stack([np.full((3, 3), 2.0), np.full((3, 3), -1.0), np.zeros((3, 3))])
    fig = conv.draw_signed_maps(maps, labels=["a", "b", "c"], ncols=3)
    images = [ax.images[0] for ax in fig.axes if ax.images]
    assert len(images) == 3 and all(im.get_clim() == (-2.0, 2.0) for im in images)
    assert any(ax.get_label() == "<colorbar>" for ax in fig.axes)
    colours = [im.cmap(im.norm(im.get_array()[0, 0])) for im in images]
    assert colours[0][0] > colours[0][2] and colours[1][2] > colours[1][0], "red +, blue -"
    with pytest.raises(ValueError, match="shape \\(n, height, width\\)"):
        conv.draw_signed_maps(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="one per map"):
        conv.draw_signed_maps(maps, labels=["a"])


def test_kernel_gallery_wraps_kernels_into_rows_of_large_panels():
    photo = RNG.integers(0, 255, size=(40, 60)).astype(float)
    fig = conv.draw_kernel_gallery({"photo": photo}, ncols=3, size=4.0)
    assert tuple(fig.get_size_inches())[0] == pytest.approx(12.0)
    assert sum(1 for ax in fig.axes if ax.images) == len(conv.KERNELS)
    with pytest.raises(ValueError, match="ncols"):
        conv.draw_kernel_gallery({"photo": photo}, ncols=0)


@pytest.fixture(scope="module")
def keras():
    from helpers.training import import_tensorflow

    import_tensorflow(quiet=True)
    import keras

    return keras


def test_numpy_layers_equal_keras_layers(keras):
    x = RNG.normal(size=(2, 9, 9, 3)).astype("float32")
    kernels = RNG.normal(size=(3, 3, 3, 4)).astype("float32")
    bias = RNG.normal(size=4).astype("float32")
    for strides, padding, p in [(2, "valid", 0), (1, "same", 1)]:
        layer = keras.layers.Conv2D(4, 3, strides=strides, padding=padding)
        layer.build(x.shape)
        layer.set_weights([kernels, bias])
        ours = conv.conv_layer(x, kernels, bias, stride=strides, padding=p)
        np.testing.assert_allclose(np.asarray(layer(x)), ours, atol=1e-4)
    np.testing.assert_allclose(np.asarray(keras.layers.MaxPooling2D(2)(x)), conv.pool2d(x))
    np.testing.assert_allclose(
        np.asarray(keras.layers.AveragePooling2D(3, 2)(x)),
        conv.pool2d(x, 3, 2, "avg"),
        atol=1e-6,
    )


def test_small_cnn_and_lenet5(keras):
    model = conv.small_cnn(seed=0)
    assert model.count_params() == 5258
    assert model.optimizer is not None and model.output_shape == (None, 10)
    names = [layer.name for layer in model.layers]
    assert names == ["conv1", "pool1", "conv2", "pool2", "flatten", "output"]
    assert model.get_layer("flatten").output.shape[-1] == 400
    weights = conv.small_cnn(seed=0).get_layer("conv1").get_weights()[0]
    np.testing.assert_array_equal(weights, model.get_layer("conv1").get_weights()[0])
    other = conv.small_cnn(num_classes=5, filters=(4, 6), input_shape=(32, 32, 3))
    assert other.output_shape == (None, 5)
    assert other.count_params() == conv.conv_params(3, 3, 4) + conv.conv_params(
        3, 4, 6
    ) + conv.dense_params(6 * 6 * 6, 5)
    with pytest.raises(ValueError, match="two numbers"):
        conv.small_cnn(filters=(8,))
    lenet = conv.lenet5()
    assert lenet.count_params() == 61_706
    table = conv.layer_table(lenet)
    assert "(None, 28, 28, 6)" in table and "48,120" in table and table.endswith("61,706")
