import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import transfer
from helpers.exercises import lesson15
from helpers.transfer import experiment

RNG = np.random.default_rng(15)


# --- the famous networks, counted ---------------------------------------------------------


def test_vgg_counts_match_the_published_totals():
    vgg16 = transfer.vgg_layers("VGG16")
    assert sum(row[2] for row in vgg16) == 138_357_544
    assert sum(row[2] for row in transfer.vgg_layers("VGG19")) == 143_667_240
    names = [row[0] for row in vgg16]
    assert names[:3] == ["input", "block1_conv1", "block1_conv2"]
    assert names[-3:] == ["fc1", "fc2", "predictions"]
    assert dict((row[0], row[1]) for row in vgg16)["block5_pool"] == (7, 7, 512)
    convolutions = sum(row[2] for row in vgg16 if "conv" in row[0])
    assert convolutions == 14_714_688  # keras.applications.VGG16(include_top=False)
    assert sum(row[2] for row in transfer.vgg_layers("VGG16", classes=2)) == (
        138_357_544 - 4_097_000 + 4096 * 2 + 2
    )
    with pytest.raises(ValueError, match="Unknown VGG 'VGG11'"):
        transfer.vgg_layers("VGG11")


def test_alexnet_has_its_sixty_million_parameters():
    rows = transfer.alexnet_layers()
    assert sum(row[2] for row in rows) == 60_965_224
    shapes = {name: shape for name, shape, _ in rows}
    assert shapes["conv1"] == (55, 55, 96) and shapes["pool5"] == (6, 6, 256)
    table = transfer.layer_rows_table(rows)
    assert table.splitlines()[-1].split()[-1] == "60,965,224"
    assert "conv2" in table
    one_gpu = transfer.alexnet_layers(two_gpus=False)  # lesson 13's version
    assert sum(row[2] for row in one_gpu) == 62_378_344
    assert dict((name, count) for name, _, count in one_gpu)["conv4"] == (9 * 384 + 1) * 384


def test_ilsvrc_errors_fall_year_by_year():
    errors = [error for _, error in transfer.ILSVRC_TOP5.values()]
    assert list(transfer.ILSVRC_TOP5) == list(range(2010, 2018))
    assert errors == sorted(errors, reverse=True)
    assert transfer.ILSVRC_TOP5[2012][0] == "AlexNet"


# --- ImageNet weights: the fallback --------------------------------------------------------


def test_offline_the_pretrained_network_is_none_with_one_clear_line(monkeypatch, capsys):
    monkeypatch.setenv("DLCOURSE_OFFLINE", "1")

    def builder(**kwargs):
        raise AssertionError("offline, nothing may be downloaded")

    assert transfer.load_pretrained("MobileNetV2", builder=builder) is None
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("ImageNet weights for MobileNetV2 could not be downloaded")
    assert "DLCOURSE_OFFLINE=1" in lines[0] and "fallback" in lines[0]


def test_a_failed_download_is_reported_and_the_timeout_restored(monkeypatch, capsys):
    import socket

    monkeypatch.delenv("DLCOURSE_OFFLINE", raising=False)
    seen = {}

    def builder(weights, **kwargs):
        seen["timeout"], seen["weights"], seen["kwargs"] = (
            socket.getdefaulttimeout(),
            weights,
            kwargs,
        )
        raise OSError("https://example.org/weights.h5: [Errno -3] Temporary failure " * 5)

    before = socket.getdefaulttimeout()
    assert transfer.load_pretrained("ResNet50", timeout=3, builder=builder, pooling="avg") is None
    assert seen == {"timeout": 3, "weights": "imagenet", "kwargs": {"pooling": "avg"}}
    assert socket.getdefaulttimeout() == before
    line = capsys.readouterr().out.strip()
    assert "\n" not in line and line.startswith("ImageNet weights for ResNet50")
    assert "<address> [Errno -3] Temporary failure" in line and "..." in line  # shortened
    # (The download itself needs the internet and cannot be tested here.)


def test_a_successful_builder_is_returned_and_its_chatter_hidden(monkeypatch, capsys):
    monkeypatch.delenv("DLCOURSE_OFFLINE", raising=False)

    def builder(weights):
        print("Downloading data from https://example.org ... [=====>] 100%")
        return ("net", weights)

    assert transfer.load_pretrained("X", builder=builder) == ("net", "imagenet")
    assert (
        capsys.readouterr().out
        == "ImageNet weights for X: loaded (they are kept in ~/.keras/models).\n"
    )


def test_the_reason_is_the_innermost_cause():
    try:
        try:
            raise OSError("[Errno -2] Name or service not known")
        except OSError as inner:
            raise RuntimeError("URL fetch failure on https://example.org/a.h5") from inner
    except RuntimeError as error:
        assert transfer._reason(error) == "[Errno -2] Name or service not known"


def test_a_failed_connection_is_said_in_words_not_an_error_code():
    import socket

    try:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except OSError as inner:
            raise RuntimeError("URL fetch failure on https://example.org/a.h5") from inner
    except RuntimeError as error:
        assert transfer._reason(error) == "no connection to its download server"


# --- the new task ----------------------------------------------------------------------


def test_few_labels_takes_k_of_each_class_and_relabels():
    y = np.array([7, 5, 9, 5, 6, 7, 8, 9, 5, 6, 6, 8, 7, 9, 8, 5])
    x = np.arange(len(y)) * 10
    x_few, y_few = transfer.few_labels(x, y, [5, 6, 7, 8, 9], 2)
    assert x_few.tolist() == [10, 30, 40, 90, 0, 50, 60, 110, 20, 70]
    assert y_few.tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    x_few, y_few = transfer.few_labels(x, y, [9, 5], 3, seed=1)
    assert y_few.tolist() == [0, 0, 0, 1, 1, 1]
    assert set(x_few[:3] // 10) <= set(np.flatnonzero(y == 9)) and len(set(x_few)) == 6
    again = transfer.few_labels(x, y, [9, 5], 3, seed=1)[0]
    assert np.array_equal(x_few, again)
    first = transfer.few_labels(x, y, [5, 6, 7, 8, 9], 2)[0] // 10
    assert np.array_equal(lesson15.first_k_per_class(y, 2, [5, 6, 7, 8, 9]), first)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.arange(4), np.array([1, 1, 2, 2]), [1, 2], 3), "Class 1 has 2 examples, fewer than k"),
        ((np.arange(4), np.array([1, 1, 2, 2]), [1], 0), "k \\(examples per class\\) must be"),
        ((np.arange(3), np.array([1, 1, 2, 2]), [1], 1), "as long as each other"),
    ],
)
def test_few_labels_refuses_what_it_cannot_do(args, message):
    with pytest.raises(ValueError, match=message):
        transfer.few_labels(*args)


# --- features ------------------------------------------------------------------------------


def test_pca_2d_matches_the_variance_and_is_sign_stable():
    points = RNG.normal(size=(200, 5)) * np.array([5.0, 2.0, 1.0, 0.5, 0.1])
    projected, share = transfer.pca_2d(points)
    assert projected.shape == (200, 2)
    centred = points - points.mean(axis=0)
    eigen = np.sort(np.linalg.eigvalsh(np.cov(centred.T)))[::-1]
    assert np.allclose(share, eigen[:2] / eigen.sum())
    assert np.allclose(projected.var(axis=0, ddof=1), eigen[:2])
    again, _ = transfer.pca_2d(-points)  # the mirror image: same directions, flipped points
    assert np.allclose(again, -projected)
    with pytest.raises(ValueError, match="2-D array"):
        transfer.pca_2d(np.zeros(5))


def test_draw_projections_makes_one_panel_each():
    points = RNG.normal(size=(30, 2))
    labels = np.repeat([5, 6, 7], 10)
    fig = transfer.draw_projections({"a": (points, labels), "b": (points, labels - 5)})
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["5", "6", "7"]
    with pytest.raises(ValueError, match="expected \\(n, 2\\) points"):
        transfer.draw_projections({"a": (points[:5], labels)})


# --- the experiment's results and the widget's figure -----------------------------------------


def fake_results(labels=(5, 10, 20), seeds=2, measured=5):
    validation = {
        name: np.clip(0.2 + 0.1 * (i + 1) * np.linspace(0, 1, measured), 0, 1)
        * np.ones((len(labels), seeds, measured))
        for i, name in enumerate(transfer.STRATEGIES)
    }
    return {
        "labels_per_class": list(labels),
        "seeds": list(range(seeds)),
        "epochs": [3 * i for i in range(measured)],
        "validation": validation,
        "test": {name: values[..., -1] - 0.05 for name, values in validation.items()},
    }


def test_draw_comparison_is_pure_and_marks_the_chosen_count():
    results = fake_results()
    fig = transfer.draw_comparison(10, results)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    left, right = fig.axes
    assert any(list(line.get_xdata()) == [10, 10] for line in left.get_lines())
    curves = [line for line in right.get_lines() if line.get_label() in transfer.STRATEGIES]
    assert len(curves) == 3 and list(curves[0].get_xdata()) == [0, 3, 6, 9, 12]
    assert list(curves[2].get_ydata()) == pytest.approx([0.2, 0.275, 0.35, 0.425, 0.5])
    assert "10 labels per class" in right.get_title()
    assert left.get_ylabel() == "test accuracy after training"
    assert right.get_ylabel() == "validation accuracy"
    finals = [line for line in left.get_lines() if line.get_label() in transfer.STRATEGIES]
    assert list(finals[2].get_ydata()) == pytest.approx([0.45, 0.45, 0.45])  # the test scores
    # one legend for both panels, naming every colour
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(transfer.STRATEGIES)
    with pytest.raises(ValueError, match="labels_per_class must be one of"):
        transfer.draw_comparison(7, results)


def test_results_are_checked_and_tabulated():
    table = transfer.results_table(fake_results())
    lines = table.splitlines()
    assert len(lines) == 4 and "frozen features" in lines[0]
    assert lines[1].split()[0] == "5" and "0.250 (0.25-0.25)" in lines[1]  # the test scores
    broken = fake_results()
    broken["validation"]["fine-tuned"] = np.zeros((3, 2, 4))
    with pytest.raises(ValueError, match="validation\\['fine-tuned'\\] must be an array"):
        transfer.draw_comparison(5, broken)
    broken = fake_results()
    broken["test"]["frozen features"] = np.zeros((3, 2, 5))
    with pytest.raises(ValueError, match="test\\['frozen features'\\] must be an array"):
        transfer.results_table(broken)
    with pytest.raises(ValueError, match="Expected the dict that compare_strategies"):
        transfer.results_table({"labels_per_class": [5]})


# --- Keras: freezing, the transfer model, the experiment (one small run) ------------------------


@pytest.fixture(scope="module")
def keras_setup():
    import helpers

    helpers.training.import_tensorflow(quiet=True)
    import keras

    from helpers import convolution

    pretrained = convolution.small_cnn(num_classes=5, seed=0)
    return keras, pretrained


def test_transfer_model_copies_freezes_and_adds_a_zero_head(keras_setup):
    keras, pretrained = keras_setup
    model = transfer.transfer_model(pretrained, 3)
    assert model.output_shape == (None, 3)
    assert transfer.parameter_counts(model) == {"trainable": 400 * 3 + 3, "non-trainable": 1248}
    assert [layer.name for layer in model.layers][-2:] == ["flatten", "new_head"]
    assert np.all(model.get_layer("new_head").get_weights()[0] == 0)
    for name in ("conv1", "conv2"):
        ours, theirs = model.get_layer(name), pretrained.get_layer(name)
        assert ours is not theirs  # a copy ...
        pairs = zip(ours.get_weights(), theirs.get_weights(), strict=True)
        assert all(np.array_equal(a, b) for a, b in pairs)
    assert all(layer.trainable for layer in pretrained.layers)  # ... the original untouched
    table = transfer.trainable_table(model)
    assert "conv2      Conv2D            1,168  False" in table
    assert table.splitlines()[-1] == "trainable 1,203, non-trainable 1,248"
    unfrozen = transfer.transfer_model(pretrained, 5, frozen=False, head_init="glorot_uniform")
    assert transfer.parameter_counts(unfrozen) == {"trainable": 3253, "non-trainable": 0}
    assert np.any(unfrozen.get_layer("new_head").get_weights()[0] != 0)
    extractor = transfer.feature_extractor(pretrained)
    assert extractor.output_shape == (None, 400)


def test_compare_strategies_runs_and_returns_plain_arrays(keras_setup):
    _, pretrained = keras_setup
    x = RNG.uniform(size=(40, 28, 28, 1)).astype("float32")
    y = np.repeat(np.arange(4), 10)
    x_test, y_test = x[::5], y[::5]
    calls = []
    original = experiment._accuracy

    def counting(model, images, labels):
        calls.append(len(images))
        return original(model, images, labels)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(experiment, "_accuracy", counting)
        results = transfer.compare_strategies(
            pretrained, x, y, x_test, y_test, labels_per_class=(5,), seeds=(0,), epochs=2, every=1
        )
    assert results["epochs"] == [0, 1, 2] and results["labels_per_class"] == [5]
    for name in transfer.STRATEGIES:
        values, final = results["validation"][name], results["test"][name]
        assert isinstance(values, np.ndarray) and values.shape == (1, 1, 3)
        assert isinstance(final, np.ndarray) and final.shape == (1, 1)
        assert np.all((values >= 0) & (values <= 1)) and 0 <= final[0, 0] <= 1
    frozen, tuned = results["validation"]["frozen features"], results["validation"]["fine-tuned"]
    assert np.array_equal(frozen[..., :2], tuned[..., :2])  # the same run until halfway
    assert np.isclose(frozen[0, 0, 0], 0.25)  # a head of zeros guesses class 0: a quarter
    # 2 * 5 labelled images per class: 20 train, 20 validate at every measurement, and the
    # 8 test images are used once per strategy, at the end
    assert calls.count(len(x_test)) == 3 and calls.count(20) == 3 + 2 + 1 + 1
    with pytest.raises(ValueError, match="must be a multiple of 2 \\* every"):
        transfer.compare_strategies(pretrained, x, y, x, y, epochs=3, every=1)
    with pytest.raises(ValueError, match="y_new must hold the labels 0, 1"):
        transfer.compare_strategies(pretrained, x, y + 5, x, y)


def test_fine_tuning_gain_compares_two_copies_of_one_trained_head(keras_setup):
    _, pretrained = keras_setup
    before = [w.copy() for w in pretrained.get_weights()]
    x = RNG.uniform(size=(40, 28, 28, 1)).astype("float32")
    y = np.repeat(np.arange(4), 10)
    scores = transfer.fine_tuning_gain(pretrained, x, y, x[::5], y[::5], 1, 1, batch_size=10)
    assert list(scores) == ["frozen features", "fine-tuned"]
    assert all(0 <= value <= 1 for value in scores.values())
    # with no epochs after the head, both copies are the network with its trained head
    same = transfer.fine_tuning_gain(pretrained, x, y, x, y, 1, 0, batch_size=10)
    assert same["frozen features"] == same["fine-tuned"]
    assert all(np.array_equal(a, b) for a, b in zip(before, pretrained.get_weights(), strict=True))
    with pytest.raises(ValueError, match="y must hold the labels 0, 1"):
        transfer.fine_tuning_gain(pretrained, x, y + 5, x, y)


# --- the exercises --------------------------------------------------------------------------


def test_exercise_references():
    assert lesson15.conv_stack_params([64, 64], 3) == 38_720
    assert lesson15.conv_stack_params([8, 16], 1) == 80 + 1168
    vgg16_convs = lesson15.conv_stack_params(
        [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512], 3
    )
    assert vgg16_convs == 14_714_688
    assert lesson15.first_k_per_class([7, 5, 9, 5, 6, 7], 1, [5, 7]).tolist() == [1, 0]
