"""Dense autoencoders in Keras, and a trained one run in NumPy (lesson 12)."""

import numbers

import numpy as np

from helpers import nn

# --- Keras models -----------------------------------------------------------------------


def _sizes(hidden):
    if hidden is None:
        return ()
    if isinstance(hidden, numbers.Integral) and not isinstance(hidden, bool):
        hidden = (hidden,)
    sizes = tuple(hidden)
    if any(isinstance(s, bool) or not isinstance(s, numbers.Integral) or s < 1 for s in sizes):
        raise ValueError(
            f"hidden must be a layer size or a sequence of layer sizes (positive whole "
            f"numbers), got {hidden!r}."
        )
    return tuple(int(s) for s in sizes)


def dense_autoencoder(
    code_size=64,
    hidden=(256,),
    input_shape=(28, 28),
    activation="relu",
    output_activation="sigmoid",
    loss="mse",
    learning_rate=0.002,
    seed=None,
):
    """A dense (fully connected) autoencoder: ``(autoencoder, encoder, decoder)``, compiled.

    The **encoder** flattens an image of ``input_shape`` (28x28, or 784 for rows)
    and passes it through ``Dense`` layers of the sizes in ``hidden`` (activation
    ``activation``) to a ``Dense(code_size)`` layer without activation: the code.
    The **decoder** mirrors it: ``hidden`` in reverse, then ``Dense(pixels,
    output_activation)`` reshaped to ``input_shape``.  The sigmoid output keeps the
    pixels in [0, 1], like the images.  With the defaults:
    784 -> 256 -> **64** -> 256 -> 784, 12.25 times fewer numbers in the code
    than in the image.

    The **autoencoder** is ``decoder(encoder(image))`` (the three models share their
    layers: training one trains all), compiled with Adam at ``learning_rate`` and
    ``loss`` (``"mse"``: the mean squared error of the pixels).  ``hidden=()``,
    ``activation=None`` and ``output_activation=None`` give a *linear* autoencoder,
    the network version of PCA.  ``seed`` (optional) seeds Keras first, so the
    same seed gives the same initial weights.  Keras is imported here, not when
    ``helpers`` is.
    """
    import keras

    sizes = _sizes(hidden)
    if isinstance(code_size, bool) or not isinstance(code_size, numbers.Integral) or code_size < 1:
        raise ValueError(f"code_size must be a positive whole number, got {code_size!r}.")
    if isinstance(input_shape, numbers.Integral):
        input_shape = (input_shape,)
    input_shape = tuple(int(s) for s in input_shape)
    pixels = int(np.prod(input_shape))
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers

    encoder_layers = [keras.Input(shape=input_shape)]
    if len(input_shape) > 1:
        encoder_layers.append(layers.Flatten())
    encoder_layers += [layers.Dense(units, activation=activation) for units in sizes]
    encoder_layers.append(layers.Dense(code_size, name="code"))
    encoder = keras.Sequential(encoder_layers, name="encoder")

    decoder_layers = [keras.Input(shape=(code_size,))]
    decoder_layers += [layers.Dense(units, activation=activation) for units in reversed(sizes)]
    decoder_layers.append(layers.Dense(pixels, activation=output_activation, name="pixels"))
    if len(input_shape) > 1:
        decoder_layers.append(layers.Reshape(input_shape))
    decoder = keras.Sequential(decoder_layers, name="decoder")

    images = keras.Input(shape=input_shape)
    autoencoder = keras.Model(images, decoder(encoder(images)), name="autoencoder")
    autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return autoencoder, encoder, decoder


def dense_stack(model):
    """The ``Dense`` layers of a Keras model as NumPy: a list of ``(W, b, activation)``.

    Nested models (an autoencoder's encoder and decoder) are walked in order;
    ``Flatten``/``Reshape``/``Input`` layers carry no weights and are skipped.
    ``activation`` is the name Keras uses (``"relu"``, ``"sigmoid"``, ``"linear"``).
    :func:`forward` runs the stack, so a figure can decode without TensorFlow.
    """
    stack = []
    for layer in getattr(model, "layers", []):
        if hasattr(layer, "layers"):
            stack += dense_stack(layer)
        elif type(layer).__name__ == "Dense":
            W, b = (np.asarray(w, dtype=float) for w in layer.get_weights())
            stack.append((W, b, layer.get_config()["activation"]))
    if not stack:
        raise ValueError(f"dense_stack() found no Dense layers in {type(model).__name__}.")
    return stack


#: The Keras activations :func:`forward` runs ("linear" is none at all).
_KNOWN = ("linear", "relu", "sigmoid", "tanh")


def forward(stack, x):
    """Run rows ``x`` (shape ``(n, inputs)`` or ``(inputs,)``) through a :func:`dense_stack`."""
    x = np.asarray(x, dtype=float)
    single = x.ndim == 1
    x = np.atleast_2d(x)
    for W, b, activation in stack:
        if activation not in _KNOWN + (None,):
            raise ValueError(
                f"forward() knows the activations {sorted(_KNOWN)}, got {activation!r}."
            )
        if x.shape[1] != W.shape[0]:
            raise ValueError(f"A layer expects {W.shape[0]} inputs, got {x.shape[1]}.")
        z = x @ W + b
        x = z if activation in ("linear", None) else nn.activation(activation, z)
    return x[0] if single else x
