"""LeNet-5 and a small CNN in Keras, and a model's layer table (lesson 13)."""

from helpers.validate import check_count

# --- Keras ----------------------------------------------------------------------------


def lenet5():
    """LeNet-5 (LeCun et al., 1998) in Keras, uncompiled: 32x32x1 in, 10 classes out.

    C1: 6 filters 5x5 -> S2: 2x2 average pooling -> C3: 16 filters 5x5 -> S4: pooling ->
    C5: 120 units -> F6: 84 units -> 10 softmax outputs, tanh activations.  (The original
    connects C3 to only some of S2's maps and ends in RBF units; this is the usual
    modern reading of it.)
    """
    import keras

    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(32, 32, 1)),
            layers.Conv2D(6, 5, activation="tanh", name="C1"),
            layers.AveragePooling2D(2, name="S2"),
            layers.Conv2D(16, 5, activation="tanh", name="C3"),
            layers.AveragePooling2D(2, name="S4"),
            layers.Flatten(name="flatten"),
            layers.Dense(120, activation="tanh", name="C5"),
            layers.Dense(84, activation="tanh", name="F6"),
            layers.Dense(10, activation="softmax", name="output"),
        ],
        name="LeNet-5",
    )


def small_cnn(num_classes=10, filters=(8, 16), input_shape=(28, 28, 1), seed=None):
    """The lecture's small CNN for digits, **compiled** and ready for ``fit``.

    ``Conv2D(filters[0], 3x3, relu)`` "conv1" -> ``MaxPooling2D(2)`` "pool1" ->
    ``Conv2D(filters[1], 3x3, relu)`` "conv2" -> ``MaxPooling2D(2)`` "pool2" ->
    ``Flatten`` "flatten" -> ``Dense(num_classes, softmax)`` "output"; compiled with
    Adam (learning rate 0.001), the loss ``sparse_categorical_crossentropy`` (integer
    labels) and the metric ``accuracy``.  Inputs are images scaled to 0..1 with a
    channel axis, shape ``(n, 28, 28, 1)``.  With the defaults it has 5,258 parameters.
    ``seed`` (optional) seeds Keras first, so the initial weights repeat.  The layers
    have the names above: ``model.get_layer("flatten").output`` is the feature vector
    (400 numbers with the defaults) that transfer learning reuses; to freeze layers,
    set ``layer.trainable = False`` and compile again.
    """
    import keras

    num_classes = check_count(num_classes, "num_classes", 2)
    filters = tuple(filters)
    if len(filters) != 2:
        raise ValueError(f"filters must be two numbers (conv1, conv2), got {filters!r}.")
    for k, count in enumerate(filters, start=1):
        check_count(count, f"filters[{k - 1}]", 1)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input(shape=tuple(input_shape)),
            layers.Conv2D(filters[0], 3, activation="relu", name="conv1"),
            layers.MaxPooling2D(2, name="pool1"),
            layers.Conv2D(filters[1], 3, activation="relu", name="conv2"),
            layers.MaxPooling2D(2, name="pool2"),
            layers.Flatten(name="flatten"),
            layers.Dense(num_classes, activation="softmax", name="output"),
        ],
        name="small_cnn",
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def layer_table(model):
    """A plain, reproducible summary: one line per layer with its kind, output shape, parameters."""
    lines = [f"{'layer':10} {'kind':18} {'output shape':18} {'parameters':>10}"]
    for layer in model.layers:
        shape = "(" + ", ".join("None" if d is None else str(d) for d in layer.output.shape) + ")"
        kind = type(layer).__name__
        lines.append(f"{layer.name:10} {kind:18} {shape:18} {layer.count_params():>10,}")
    lines.append(f"{'total':48} {model.count_params():>10,}")
    return "\n".join(lines)
