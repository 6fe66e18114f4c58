"""The famous pretrained networks, counted layer by layer, and their ImageNet weights."""

import contextlib
import io
import re
import socket
import urllib.error

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


def alexnet_layers(two_gpus=True):
    """AlexNet (Krizhevsky et al., 2012): rows ``(layer, output shape, parameters)``.

    As published (``two_gpus=True``) the network was split over two GPUs: conv2, conv4
    and conv5 see only the half of the previous layer's channels on their own GPU (48,
    192 and 192 channels), conv3 and the dense layers see all.  That is where the famous
    "60 million parameters" come from.  With ``two_gpus=False``, the usual single-GPU
    version of lesson 13: every convolution sees all the channels (62.4 million).
    """
    seen = 2 if two_gpus else 1  # a split layer sees half of the channels
    rows = [("input", (227, 227, 3), 0)]
    convs = [  # name, output size, F, channels seen, filters
        ("conv1", 55, 11, 3, 96),
        ("conv2", 27, 5, 96 // seen, 256),
        ("conv3", 13, 3, 256, 384),
        ("conv4", 13, 3, 384 // seen, 384),
        ("conv5", 13, 3, 384 // seen, 256),
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


#: Errors that mean the download server could not be reached (no network, a firewall).
_NO_CONNECTION = (ConnectionError, TimeoutError, socket.gaierror, urllib.error.URLError)


def _reason(error):
    """Why ``error`` happened, in a short line: its innermost cause, without long addresses.

    When that cause is a failed connection, the line says so in words, as
    :mod:`helpers.data` does, instead of repeating the system's error code.
    """
    while (error.__cause__ or error.__context__) is not None:
        error = error.__cause__ or error.__context__
    if isinstance(error, _NO_CONNECTION):
        return "no connection to its download server"
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
