"""The Keras builders of lesson 14 (Keras is imported inside each function)."""

import numpy as np

from helpers.validate import check_count

# --- Keras ----------------------------------------------------------------------------


def conv_autoencoder(
    filters=16,
    code_channels=4,
    skip_connections=False,
    learning_rate=0.005,
    loss="binary_crossentropy",
    seed=None,
):
    """The lecture's convolutional autoencoder for 28x28x1 images, **compiled**.

    Encoder: ``enc1`` Conv2D(filters) -> ``pool1`` MaxPooling2D(2) -> ``enc2``
    Conv2D(filters) -> ``pool2`` MaxPooling2D(2) -> ``code`` Conv2D(code_channels): a
    code of 7 x 7 x ``code_channels`` numbers.  Decoder: ``up2`` Conv2DTranspose(filters,
    stride 2) -> ``dec2`` Conv2D(filters) -> ``up1`` Conv2DTranspose(filters, stride 2)
    -> ``dec1`` Conv2D(filters) -> ``pixels`` Conv2D(1, sigmoid).  All kernels are 3x3
    with ``padding="same"``, ReLU everywhere but the sigmoid output, so sizes go
    28 -> 14 -> 7 -> 14 -> 28 (:data:`CONV_AE_STEPS`).

    ``skip_connections=True`` makes it a small **U-Net**: ``keras.layers.Concatenate``
    joins ``up2`` with ``enc2`` (``skip2``) and ``up1`` with ``enc1`` (``skip1``), so the
    decoder also sees the encoder's full-resolution feature maps.  Compiled with Adam
    at ``learning_rate`` and ``loss`` (the binary cross-entropy of lesson 12: with a
    sigmoid output it keeps learning where the squared error would stall).  ``seed``
    (optional) seeds Keras first, so the initial weights repeat.
    """
    import keras

    filters = check_count(filters, "filters")
    code_channels = check_count(code_channels, "code_channels")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers

    def conv(count, name, activation="relu"):
        return layers.Conv2D(count, 3, padding="same", activation=activation, name=name)

    def up(name):
        return layers.Conv2DTranspose(
            filters, 3, strides=2, padding="same", activation="relu", name=name
        )

    images = keras.Input(shape=(28, 28, 1), name="image")
    enc1 = conv(filters, "enc1")(images)
    enc2 = conv(filters, "enc2")(layers.MaxPooling2D(2, name="pool1")(enc1))
    code = conv(code_channels, "code")(layers.MaxPooling2D(2, name="pool2")(enc2))
    x = up("up2")(code)
    if skip_connections:
        x = layers.Concatenate(name="skip2")([x, enc2])
    x = up("up1")(conv(filters, "dec2")(x))
    if skip_connections:
        x = layers.Concatenate(name="skip1")([x, enc1])
    pixels = conv(1, "pixels", activation="sigmoid")(conv(filters, "dec1")(x))
    name = "unet" if skip_connections else "conv_autoencoder"
    model = keras.Model(images, pixels, name=name)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return model


def conv1d_autoencoder(width=32, filters=8, code_channels=2, learning_rate=0.005, seed=None):
    """A small 1-D convolutional autoencoder for windows of ``width`` samples, compiled.

    ``(width, 1)`` -> Conv1D(filters, 5) -> MaxPooling1D(2) -> Conv1D(code_channels, 5)
    -> MaxPooling1D(2) (a code of ``width / 4`` x ``code_channels`` numbers) ->
    Conv1DTranspose(filters, 5, stride 2) -> Conv1DTranspose(filters, 5, stride 2) ->
    Conv1D(1, 5) with no activation (the windows are not pixels in [0, 1]).  "same"
    padding, ReLU, Adam, the mean squared error.  ``width`` must be divisible by 4.
    """
    import keras

    width = check_count(width, "width")
    if width % 4:
        raise ValueError(f"width must be divisible by 4 (two poolings), got {width}.")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input(shape=(width, 1)),
            layers.Conv1D(filters, 5, padding="same", activation="relu"),
            layers.MaxPooling1D(2),
            layers.Conv1D(code_channels, 5, padding="same", activation="relu"),
            layers.MaxPooling1D(2),
            layers.Conv1DTranspose(filters, 5, strides=2, padding="same", activation="relu"),
            layers.Conv1DTranspose(filters, 5, strides=2, padding="same", activation="relu"),
            layers.Conv1D(1, 5, padding="same"),
        ],
        name="conv1d_autoencoder",
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    return model


def quiet_warm_up():
    """Train a tiny up-sampling network for one step with TensorFlow's C++ log silenced.

    On CPUs without AVX-512, TensorFlow logs one line ("oneDNN supports DT_INT32 only
    on platforms with AVX-512 ...") the first time it trains certain networks with
    ``UpSampling2D``.  It is harmless, but it lands on the standard error of whatever
    cell trains first, and nbgrader scores a test cell that writes there 0.  Calling
    this once, early, gets that line out of the way.  Returns nothing.
    """
    import os
    import sys

    import keras

    sys.stderr.flush()
    saved, silent = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(silent, 2)
        layers = keras.layers
        tiny = keras.Sequential(
            [
                keras.Input(shape=(8, 8, 1)),
                layers.Conv2D(2, 3, strides=2, padding="same"),
                layers.UpSampling2D(2),
                layers.Conv2D(1, 3, padding="same"),
            ]
        )
        tiny.compile(optimizer="adam", loss="mse")
        batch = np.zeros((2, 8, 8, 1), dtype="float32")
        tiny.fit(batch, batch, epochs=1, verbose=0)
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(silent)
