"""Adapting trained networks to new tasks: transfer learning (lesson 15).

* the famous pretrained networks, counted: :func:`vgg_layers` and :func:`alexnet_layers`
  give their parameters layer by layer from the convolution and dense-layer formulas
  (no weights are built), :func:`layer_rows_table` prints them, :data:`ILSVRC_TOP5`
  holds the ImageNet competition's winning errors;
* ImageNet weights from ``keras.applications``: :func:`load_pretrained` downloads them
  when it can and otherwise says why in one line and returns ``None``, so the lesson
  goes on with its own network; :func:`imagenet_top` classifies photos with them;
* the new task with few labels: :func:`few_labels` (``k`` examples of each class,
  relabelled ``0, 1, ...``);
* the network as a feature extractor: :func:`feature_extractor`, :func:`transfer_model`
  (a copy of the trained layers, frozen, and a new head), :func:`parameter_counts`,
  :func:`pca_2d`, :func:`draw_projections`;
* the experiment: :func:`compare_strategies` trains a network from scratch, a new head
  on frozen features, and a fine-tuned one on the same few labels, for several label
  counts and seeds; :func:`results_table` and :func:`draw_comparison` (the widget's
  figure, pure: arrays in, figure out) show the result.

Keras is imported inside the functions that need it, so ``import helpers`` stays light.
"""

import contextlib
import io
import re
import socket

import numpy as np

from helpers import data
from helpers.convolution import conv_params, dense_params

#: VGG's configurations D (16 weight layers) and E (19): the output channels of its
#: 3x3 convolutions (padding 1, stride 1), "M" for a 2x2 max pooling with stride 2.
VGG_CONFIGS = {
    "VGG16": (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M")
    + (512, 512, 512, "M"),
    "VGG19": (64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M")
    + (512, 512, 512, 512, "M"),
}

#: Top-5 error (%) of the winning entry of the ImageNet challenge (ILSVRC), by year,
#: as reported by the challenge (Russakovsky et al., 2015) and the winners' papers.
ILSVRC_TOP5 = {
    2010: ("NEC-UIUC", 28.2),
    2011: ("XRCE", 25.8),
    2012: ("AlexNet", 16.4),
    2013: ("ZFNet (Clarifai)", 11.7),
    2014: ("GoogLeNet (Inception)", 6.7),
    2015: ("ResNet", 3.6),
    2016: ("Trimps-Soushen", 3.0),
    2017: ("SENet", 2.3),
}

#: The three ways to learn the new task that :func:`compare_strategies` compares.
STRATEGIES = ("from scratch", "frozen features", "fine-tuned")


# --- the famous networks, counted -----------------------------------------------------


def vgg_layers(name="VGG16", input_size=224, channels=3, classes=1000):
    """VGG16 or VGG19 layer by layer: rows ``(layer, output shape, parameters)``.

    The layers are named as in ``keras.applications`` (``block1_conv1``, ...,
    ``fc1``, ``fc2``, ``predictions``).  Every convolution is 3x3 with a bias, so it
    has ``(3 * 3 * C_in + 1) * C_out`` parameters; the three dense layers at the end
    have ``(n_in + 1) * n_out``.  Nothing is built: this is arithmetic.

    >>> sum(row[2] for row in vgg_layers("VGG16"))
    138357544
    """
    if name not in VGG_CONFIGS:
        raise ValueError(f"Unknown VGG {name!r}; choose one of {', '.join(VGG_CONFIGS)}.")
    size, c_in, block, conv = input_size, channels, 1, 0
    rows = [("input", (size, size, c_in), 0)]
    for entry in VGG_CONFIGS[name]:
        if entry == "M":
            size //= 2
            rows.append((f"block{block}_pool", (size, size, c_in), 0))
            block, conv = block + 1, 0
        else:
            conv += 1
            rows.append(
                (f"block{block}_conv{conv}", (size, size, entry), conv_params(3, c_in, entry))
            )
            c_in = entry
    flat = size * size * c_in
    rows.append(("flatten", (flat,), 0))
    for layer, (n_in, n_out) in zip(
        ("fc1", "fc2", "predictions"), ((flat, 4096), (4096, 4096), (4096, classes)), strict=True
    ):
        rows.append((layer, (n_out,), dense_params(n_in, n_out)))
    return rows


def alexnet_layers():
    """AlexNet (Krizhevsky et al., 2012) as published: rows ``(layer, output shape, parameters)``.

    The network was split over two GPUs: conv2, conv4 and conv5 see only the half of
    the previous layer's channels on their own GPU (48, 192 and 192 channels), conv3
    and the dense layers see all.  That is where the famous "60 million parameters"
    come from.
    """
    rows = [("input", (227, 227, 3), 0)]
    convs = [  # name, output size, F, channels seen, filters
        ("conv1", 55, 11, 3, 96),
        ("conv2", 27, 5, 48, 256),
        ("conv3", 13, 3, 256, 384),
        ("conv4", 13, 3, 192, 384),
        ("conv5", 13, 3, 192, 256),
    ]
    for name, size, f, c_in, c_out in convs:
        rows.append((name, (size, size, c_out), conv_params(f, c_in, c_out)))
        if name in ("conv1", "conv2", "conv5"):
            pooled = (size - 3) // 2 + 1  # 3x3 max pooling, stride 2
            rows.append((f"pool{name[-1]}", (pooled, pooled, c_out), 0))
    for name, (n_in, n_out) in zip(
        ("fc6", "fc7", "fc8"), ((6 * 6 * 256, 4096), (4096, 4096), (4096, 1000)), strict=True
    ):
        rows.append((name, (n_out,), dense_params(n_in, n_out)))
    return rows


def layer_rows_table(rows):
    """The rows of :func:`vgg_layers` or :func:`alexnet_layers` as a plain table with a total."""
    lines = [f"{'layer':14} {'output shape':16} {'parameters':>12}"]
    for name, shape, count in rows:
        shape_text = " x ".join(str(d) for d in shape)
        lines.append(f"{name:14} {shape_text:16} {count:>12,}")
    lines.append(f"{'total':31} {sum(row[2] for row in rows):>12,}")
    return "\n".join(lines)


# --- ImageNet weights -----------------------------------------------------------------


@contextlib.contextmanager
def _socket_timeout(seconds):
    """Make every new network connection give up after ``seconds`` (restored afterwards)."""
    saved = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(saved)


def _reason(error):
    """Why ``error`` happened, in a short line: its innermost cause, without long addresses."""
    while (error.__cause__ or error.__context__) is not None:
        error = error.__cause__ or error.__context__
    text = " ".join(str(error).split()) or type(error).__name__
    text = re.sub(r"https?://\S+", "<address>", text)
    return text if len(text) <= 120 else text[:117] + "..."


def load_pretrained(name="MobileNetV2", timeout=10, builder=None, **kwargs):
    """A ``keras.applications`` network with ImageNet weights, or ``None`` if they cannot be had.

    Unless ``DLCOURSE_OFFLINE=1``, this calls ``keras.applications.<name>(weights="imagenet",
    **kwargs)``, which downloads the weights once into ``~/.keras/models`` (14 MB for
    MobileNetV2); every network connection gives up after ``timeout`` seconds.  It prints
    one line: that the weights are loaded, or why they could not be and that the lesson
    goes on with its own digit CNN (and then returns ``None``).  ``builder`` replaces
    ``keras.applications.<name>`` (the tests use it).
    """
    if builder is None:
        import keras

        builder = getattr(keras.applications, name, None)
        if builder is None:
            raise ValueError(f"keras.applications has no network called {name!r}.")
    if data.is_offline():
        reason = f"{data.OFFLINE_ENV}=1 turns downloads off"
    else:
        try:  # Keras prints download messages and a progress bar: keep them out
            with _socket_timeout(timeout), contextlib.redirect_stdout(io.StringIO()):
                model = builder(weights="imagenet", **kwargs)
        except Exception as error:  # no network, a firewall, a full disk: say it, go on
            reason = _reason(error)
        else:
            print(f"ImageNet weights for {name}: loaded (they are kept in ~/.keras/models).")
            return model
    print(
        f"ImageNet weights for {name} could not be downloaded ({reason}); "
        "using the fallback: the digit CNN pre-trained below."
    )
    return None


def center_square(images, size=224):
    """Cut the largest centred square out of each image and resize it to ``size x size``."""
    import keras

    images = np.asarray(images, dtype="float32")
    if images.ndim != 4:
        raise ValueError(f"Expected colour images (n, height, width, 3), got shape {images.shape}.")
    height, width = images.shape[1:3]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    square = images[:, top : top + side, left : left + side]
    return np.asarray(keras.ops.image.resize(square, (size, size)))


def imagenet_top(model, photos, name="MobileNetV2", top=3, timeout=10):
    """The ``top`` ImageNet classes a ``keras.applications`` model sees in each photo.

    ``photos`` are colour images 0..255 of any size; each is cut to a centred square,
    resized to 224 x 224 and prepared with the network's own ``preprocess_input``.
    Returns one list of ``(class name, probability)`` a photo.  The class names come
    from ``decode_predictions``, which downloads a small file the first time.
    """
    import importlib

    modules = {
        "MobileNetV2": "mobilenet_v2",
        "ResNet50": "resnet50",
        "VGG16": "vgg16",
        "VGG19": "vgg19",
        "InceptionV3": "inception_v3",
    }
    if name not in modules:
        raise ValueError(f"imagenet_top() knows {', '.join(modules)}, not {name!r}.")
    module = importlib.import_module(f"keras.applications.{modules[name]}")
    size = model.input_shape[1] or 224
    x = module.preprocess_input(center_square(photos, size))
    probabilities = model.predict(x, verbose=0)
    with _socket_timeout(timeout):
        decoded = module.decode_predictions(probabilities, top=top)
    return [[(label, float(p)) for _, label, p in row] for row in decoded]


# --- the new task -----------------------------------------------------------------------


def few_labels(x, y, classes, k, seed=None):
    """``k`` examples of each class in ``classes``, relabelled ``0, 1, ...`` in that order.

    Returns ``(x_few, y_few)``, class by class.  With ``seed=None`` the first ``k``
    examples of each class are taken, in the order they come; with a seed, ``k`` drawn
    at random (without replacement) by ``numpy.random.default_rng(seed)``.  Raises
    ``ValueError`` when a class has fewer than ``k`` examples.

    >>> few_labels(np.arange(8), np.array([5, 6, 5, 7, 6, 5, 7, 6]), [5, 6], 2)
    (array([0, 2, 1, 4]), array([0, 0, 1, 1]))
    """
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise ValueError(f"x and y must be as long as each other, got {len(x)} and {len(y)}.")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"k (examples per class) must be a positive whole number, got {k!r}.")
    generator = None if seed is None else np.random.default_rng(seed)
    picked = []
    for label in classes:
        found = np.flatnonzero(y == label)
        if len(found) < k:
            raise ValueError(f"Class {label!r} has {len(found)} examples, fewer than k = {k}.")
        picked.append(found[:k] if generator is None else generator.choice(found, k, replace=False))
    index = np.concatenate(picked)
    return x[index], np.repeat(np.arange(len(classes)), k)


# --- the network as a feature extractor ---------------------------------------------------


def feature_extractor(model, layer="flatten"):
    """A Keras model that maps the inputs of ``model`` to the outputs of its layer ``layer``.

    It shares the layers (and so the weights) of ``model``; nothing is copied.
    """
    import keras

    return keras.Model(model.inputs[0], model.get_layer(layer).output, name=f"{layer}_features")


def transfer_model(
    pretrained, num_classes, layer="flatten", seed=None, frozen=True, head_init="zeros"
):
    """A copy of ``pretrained`` up to ``layer``, frozen, with a new softmax head: not compiled.

    The copy (``keras.models.clone_model`` and the same weights) leaves ``pretrained``
    untouched.  The new ``Dense(num_classes, softmax)`` layer is called "new_head"; its
    weights start at ``head_init`` (zeros: every class equally likely at first; a
    Keras initializer name such as "glorot_uniform" for random weights, seeded by
    ``seed``).  With ``frozen=True`` every layer but the head has ``trainable = False``.
    """
    import keras

    if seed is not None:
        keras.utils.set_random_seed(seed)
    base = keras.models.clone_model(pretrained)
    base.set_weights(pretrained.get_weights())
    features = base.get_layer(layer).output
    head = keras.layers.Dense(
        num_classes, activation="softmax", kernel_initializer=head_init, name="new_head"
    )(features)
    model = keras.Model(base.inputs[0], head, name="transfer")
    for each in model.layers[:-1]:
        each.trainable = not frozen
    return model


def parameter_counts(model):
    """``{"trainable": ..., "non-trainable": ...}``: the numbers training may change, and not."""
    return {
        "trainable": int(sum(np.prod(w.shape) for w in model.trainable_weights)),
        "non-trainable": int(sum(np.prod(w.shape) for w in model.non_trainable_weights)),
    }


def trainable_table(model):
    """One line per layer: its parameters and whether training may change them."""
    lines = [f"{'layer':10} {'kind':12} {'parameters':>10}  trainable"]
    for layer in model.layers:
        if not layer.weights:
            continue
        kind = type(layer).__name__
        lines.append(f"{layer.name:10} {kind:12} {layer.count_params():>10,}  {layer.trainable}")
    counts = parameter_counts(model)
    lines.append(f"trainable {counts['trainable']:,}, non-trainable {counts['non-trainable']:,}")
    return "\n".join(lines)


def pca_2d(features):
    """Project ``features`` (n, d) onto their two main directions (PCA by SVD, in NumPy).

    Returns ``(points, explained)``: the (n, 2) coordinates and the share of the
    variance each direction explains.  Each direction's sign is chosen so that its
    largest component is positive, so the picture does not flip from run to run.
    """
    features = np.asarray(features, dtype=float)
    if features.ndim != 2 or len(features) < 3:
        raise ValueError(
            f"pca_2d() expects a 2-D array (samples, features) with 3 or more rows, got shape "
            f"{features.shape}."
        )
    centred = features - features.mean(axis=0)
    _, singular, directions = np.linalg.svd(centred, full_matrices=False)
    directions = directions[:2]
    signs = np.sign(directions[np.arange(2), np.argmax(np.abs(directions), axis=1)])
    directions = directions * signs[:, None]
    explained = singular[:2] ** 2 / np.sum(singular**2)
    return centred @ directions.T, explained


def _figure(width, height):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def draw_projections(panels):
    """Scatter plots side by side, one per ``{title: (points, labels)}``, coloured by label.

    ``points`` has shape (n, 2) (from :func:`pca_2d`) and ``labels`` one class per point;
    each panel has its own legend.
    """
    if not panels:
        raise ValueError("draw_projections() needs at least one {title: (points, labels)}.")
    fig = _figure(4.3 * len(panels), 4.0)
    axes = np.atleast_1d(fig.subplots(1, len(panels)))
    for ax, (title, (points, labels)) in zip(axes, panels.items(), strict=True):
        points, labels = np.asarray(points), np.asarray(labels)
        if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(labels):
            raise ValueError(
                f"{title!r}: expected (n, 2) points and n labels, got shapes {points.shape} "
                f"and {labels.shape}."
            )
        for label in np.unique(labels):
            mine = labels == label
            ax.scatter(*points[mine].T, s=9, alpha=0.6, label=str(label))
        ax.set(title=title, xlabel="direction 1", ylabel="direction 2")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.legend(title="digit", markerscale=2, fontsize=8, loc="best")
    return fig


# --- the experiment ---------------------------------------------------------------------------


def _restorable(model, learning_rate):
    """Compile ``model`` with Adam and return the optimizer's initial state, to restore later."""
    import keras

    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.optimizer.build(model.trainable_variables)
    return [v.numpy() for v in model.optimizer.variables]


def _restart(model, optimizer_state, weights):
    """Give ``model`` new weights and a fresh optimizer, without compiling it again."""
    model.set_weights(weights)
    for variable, value in zip(model.optimizer.variables, optimizer_state, strict=True):
        variable.assign(value)


def compare_strategies(
    pretrained,
    x_new,
    y_new,
    x_test,
    y_test,
    labels_per_class=(5, 10, 20, 50),
    seeds=(0, 1, 2),
    epochs=12,
    every=2,
    batches_per_epoch=5,
    learning_rates=(1e-3, 1e-2, 1e-4),
    layer="flatten",
):
    """Train the three :data:`STRATEGIES` on the same few labels; return their test accuracy.

    For each number ``k`` of ``labels_per_class`` and each seed, ``k`` examples of each
    class of ``y_new`` (labels ``0 .. C-1``) are drawn with :func:`few_labels`.  On them,
    each strategy trains for ``epochs`` epochs of ``batches_per_epoch`` batches each (so
    every ``k`` gets the same number of steps; the examples are shuffled every epoch):

    * **from scratch**: the network of :func:`transfer_model`, all layers trainable and
      initialized at random as Keras does (learning rate ``learning_rates[0]``);
    * **frozen features**: :func:`transfer_model`: the pretrained layers frozen, only the
      new head learns, starting from zeros (``learning_rates[1]``);
    * **fine-tuned**: the frozen run's network after half the epochs, then every layer
      unfrozen for the other half, with the small ``learning_rates[2]``.

    The test accuracy is measured before training and every ``every`` epochs.  To be
    quick, each network is compiled once and restarted with new weights and a fresh
    optimizer for every run, and ``every`` epochs go to Keras as one.  Returns plain
    NumPy data: a dict with ``labels_per_class``, ``seeds``, ``epochs`` (when accuracy
    was measured: 0, every, 2 * every, ...) and ``accuracy``, ``{strategy: array
    (len(labels_per_class), len(seeds), len(epochs))}``.
    """
    import keras

    x_new, y_new = np.asarray(x_new), np.asarray(y_new)
    classes = np.unique(y_new)
    if not np.array_equal(classes, np.arange(len(classes))):
        raise ValueError(f"y_new must hold the labels 0, 1, ..., C-1, got {classes.tolist()}.")
    if epochs % (2 * every):
        raise ValueError(
            f"epochs ({epochs}) must be a multiple of 2 * every ({2 * every}): fine-tuning "
            "starts halfway, at a measurement."
        )
    scratch_lr, head_lr, tune_lr = learning_rates
    frozen = transfer_model(pretrained, len(classes), layer, seed=0)
    tuned = transfer_model(pretrained, len(classes), layer, seed=0, frozen=False)
    scratch = transfer_model(pretrained, len(classes), layer, 0, False, "glorot_uniform")
    states = {
        "frozen": _restorable(frozen, head_lr),
        "tuned": _restorable(tuned, tune_lr),
        "scratch": _restorable(scratch, scratch_lr),
    }
    start = frozen.get_weights()  # the pretrained layers and a head of zeros
    checks = epochs // every
    shape = (len(labels_per_class), len(seeds), checks + 1)
    accuracy = {name: np.zeros(shape) for name in STRATEGIES}

    def test_accuracy(model):
        predicted = np.argmax(model.predict_on_batch(x_test), axis=1)
        return float(np.mean(predicted == y_test))

    def train(model, x, y, generator, n_checks):
        """``n_checks`` times: ``every`` epochs of training, then the test accuracy."""
        scores = []
        for _ in range(n_checks):
            order = np.concatenate([generator.permutation(len(x)) for _ in range(every)])
            batch_size = len(x) // batches_per_epoch
            model.fit(x[order], y[order], batch_size=batch_size, shuffle=False, verbose=0)
            scores.append(test_accuracy(model))
        return scores

    for i, k in enumerate(labels_per_class):
        for j, seed in enumerate(seeds):
            x, y = few_labels(x_new, y_new, classes, k, seed=seed)
            keras.utils.set_random_seed(seed)
            _restart(scratch, states["scratch"], keras.models.clone_model(scratch).get_weights())
            rng = np.random.default_rng
            before = [test_accuracy(scratch)]
            accuracy["from scratch"][i, j] = before + train(scratch, x, y, rng(seed), checks)
            _restart(frozen, states["frozen"], start)
            head_only = [test_accuracy(frozen)] + train(frozen, x, y, rng(seed), checks // 2)
            _restart(tuned, states["tuned"], frozen.get_weights())
            accuracy["frozen features"][i, j] = head_only + train(frozen, x, y, rng(k), checks // 2)
            accuracy["fine-tuned"][i, j] = head_only + train(tuned, x, y, rng(k), checks // 2)
    return {
        "labels_per_class": list(labels_per_class),
        "seeds": list(seeds),
        "epochs": list(range(0, epochs + 1, every)),
        "accuracy": accuracy,
    }


def _check_results(results):
    """The label counts, the epochs measured and the accuracy arrays of ``results``, checked."""
    try:
        labels, epochs, accuracy = (
            results["labels_per_class"],
            results["epochs"],
            results["accuracy"],
        )
    except (TypeError, KeyError) as error:
        raise ValueError(
            "Expected the dict that compare_strategies() returns, with 'labels_per_class', "
            "'epochs' and 'accuracy'."
        ) from error
    arrays = {}
    for name in STRATEGIES:
        values = np.asarray(accuracy.get(name, []), dtype=float)
        if values.ndim != 3 or values.shape[0] != len(labels) or values.shape[2] != len(epochs):
            raise ValueError(
                f"accuracy[{name!r}] must be an array (labels per class, seeds, measurements) "
                f"of shape ({len(labels)}, seeds, {len(epochs)}), got shape {values.shape}."
            )
        arrays[name] = values
    return list(labels), list(epochs), arrays


def results_table(results):
    """Final test accuracy: mean over the seeds (lowest-highest), one row per label count."""
    labels, _, accuracy = _check_results(results)
    header = f"{'labels per class':>16}" + "".join(f"{name:>22}" for name in STRATEGIES)
    lines = [header]
    for i, k in enumerate(labels):
        cells = []
        for name in STRATEGIES:
            final = accuracy[name][i, :, -1]
            cells.append(f"{final.mean():.3f} ({final.min():.2f}-{final.max():.2f})")
        lines.append(f"{k:>16}" + "".join(f"{cell:>22}" for cell in cells))
    return "\n".join(lines)


COLOURS = {"from scratch": "tab:gray", "frozen features": "tab:blue", "fine-tuned": "tab:orange"}


def draw_comparison(labels_per_class, results):
    """The widget's figure: accuracy against labels per class, and the learning curves at one count.

    Left: the final test accuracy of each strategy (mean over the seeds, the band from
    the lowest to the highest) against the number of labels per class, the chosen count
    marked.  Right: the test accuracy during training with ``labels_per_class`` labels per
    class (mean over the seeds); the dotted line marks where fine-tuning unfreezes.
    """
    labels, epochs, accuracy = _check_results(results)
    if labels_per_class not in labels:
        raise ValueError(f"labels_per_class must be one of {labels}, got {labels_per_class!r}.")
    i = labels.index(labels_per_class)
    fig = _figure(10.5, 3.9)
    left, right = fig.subplots(1, 2)
    for name in STRATEGIES:
        final = accuracy[name][:, :, -1]
        colour = COLOURS[name]
        left.plot(labels, final.mean(axis=1), "o-", color=colour, label=name)
        left.fill_between(labels, final.min(axis=1), final.max(axis=1), color=colour, alpha=0.15)
        right.plot(epochs, accuracy[name][i].mean(axis=0), "o-", ms=3, color=colour, label=name)
    left.axvline(labels_per_class, color="black", lw=1, ls="--")
    left.set_xscale("log")
    left.set_xticks(labels, [str(k) for k in labels])
    left.minorticks_off()
    left.set(
        xlabel="labels per class (log scale)",
        ylabel="test accuracy after training",
        title="How many labels do we need?",
    )
    right.axvline(epochs[-1] / 2, color="tab:orange", lw=1, ls=":")
    right.set(
        xlabel="epoch",
        ylabel="test accuracy",
        ylim=(0, 1),
        title=f"Learning curves, {labels_per_class} labels per class",
    )
    for ax in (left, right):
        ax.grid(alpha=0.3)
    right.legend(loc="lower right")
    return fig
