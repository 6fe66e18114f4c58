"""Wrong answers, shortcuts and honest variants for assignment a09 (Keras).

Shortcuts tried here: the course's helpers, Keras counting the parameters or computing
the loss the task asks for by hand, extra training beyond the epochs asked, a model
copied in memory instead of loaded from its file.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # Flattened and one-hot encoded, but the pixels are left at 0-255.
    "pixels_not_scaled": {
        "prepare_data": """\
def prepare_data(images, labels):
    images = np.asarray(images)
    X = images.reshape(len(images), 784).astype("float32")
    Y = keras.utils.to_categorical(np.asarray(labels), 10)
    return X, Y
""",
    },
    # A sigmoid on the output layer: ten independent yes/no answers, not a distribution.
    "sigmoid_output_layer": {
        "build_model": """\
def build_model():
    return keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="sigmoid"),
        ]
    )


def count_parameters(sizes):
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
""",
    },
    # The sparse loss (for integer labels) with one-hot targets.
    "sparse_loss_with_one_hot_targets": {
        "compile_model": """\
def compile_model(model, learning_rate=0.1):
    model.compile(
        loss="sparse_categorical_crossentropy",
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        metrics=["accuracy"],
    )
    return model


def cross_entropy(Y, P):
    return float(-np.mean(np.sum(np.asarray(Y) * np.log(np.asarray(P)), axis=1)))
""",
    },
    # Trained on everything, with no validation split (and the default batch size).
    "no_validation_split": {
        "train_model": """\
def train_model(model, X, Y, epochs=5):
    return model.fit(X, Y, epochs=epochs, verbose=0)
""",
    },
}

SHORTCUTS = {
    # The lecture's helpers prepare the images and encode the labels.
    "prepare_data_from_the_course_helpers": {
        "cells": {
            "prepare_data": """\
def prepare_data(images, labels):
    X = helpers.keras_intro.prepare_images(images)
    Y = helpers.keras_intro.one_hot(np.asarray(labels))
    return X, Y
""",
        },
        "loses": ["test_prepare_data"],
    },
    # The parameters counted by the course's helper.
    "parameters_counted_by_the_course_helpers": {
        "cells": {
            "build_model": """\
def build_model():
    return keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


def count_parameters(sizes):
    return helpers.keras_intro.dense_parameter_count(list(sizes))
""",
        },
        "loses": ["test_build_model"],
    },
    # Keras computes the loss the task asks for in NumPy.
    "cross_entropy_from_keras": {
        "cells": {
            "compile_model": """\
def compile_model(model, learning_rate=0.1):
    model.compile(
        loss="categorical_crossentropy",
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        metrics=["accuracy"],
    )
    return model


def cross_entropy(Y, P):
    return float(keras.losses.CategoricalCrossentropy()(Y, P))
""",
        },
        "loses": ["test_compile_model"],
    },
    # Extra training before the asked-for fit: 20 more epochs on all the data (the
    # validation part included), so the accuracy bound is easy.
    "train_model_with_extra_epochs": {
        "cells": {
            "train_model": """\
def train_model(model, X, Y, epochs=5):
    model.fit(X, Y, batch_size=32, epochs=20, verbose=0)
    return model.fit(X, Y, batch_size=32, epochs=epochs, validation_split=0.1, verbose=0)
""",
        },
        "loses": ["test_train_model"],
    },
    # The file is written, but the "loaded" model is a copy made in memory.
    "save_and_load_copies_in_memory": {
        "cells": {
            "save_and_load": """\
def save_and_load(model, path):
    path = str(path)
    if not path.endswith(".keras"):
        raise ValueError(f"save the model to a .keras file, got {path!r}")
    model.save(path)
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    return copy
""",
        },
        "loses": ["test_save_and_load"],
    },
    # The lecture's helper prepares the raw images.
    "predict_digits_with_the_course_helpers": {
        "cells": {
            "predict_digits": """\
def predict_digits(model, images):
    X = helpers.keras_intro.prepare_images(images)
    return model.predict(X, verbose=0).argmax(axis=1)
""",
        },
        "loses": ["test_predict_digits"],
    },
}

HONEST = {
    # One-hot by indexing an identity matrix; the count and the loss written with other
    # NumPy calls; saving with keras.saving; predicting with the student's own
    # prepare_data.
    "other_numpy_and_keras_calls": {
        "prepare_data": """\
def prepare_data(images, labels):
    X = np.array(images, dtype=np.float32).reshape(-1, 28 * 28) / np.float32(255)
    Y = np.eye(10, dtype=np.float32)[np.asarray(labels)]
    return X, Y
""",
        "build_model": """\
import keras


def build_model():
    model = keras.Sequential()
    model.add(keras.Input(shape=(784,)))
    model.add(keras.layers.Dense(128, activation="relu"))
    model.add(keras.layers.Dense(10, activation="softmax"))
    return model


def count_parameters(sizes):
    total = 0
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        total += (fan_in + 1) * fan_out
    return total
""",
        "compile_model": """\
def compile_model(model, learning_rate=0.1):
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate),
        loss=keras.losses.CategoricalCrossentropy(),
        metrics=["accuracy"],
    )
    return model


def cross_entropy(Y, P):
    picked = np.log(np.asarray(P))[np.asarray(Y) == 1]
    return -float(picked.sum()) / len(P)
""",
        "save_and_load": """\
def save_and_load(model, path):
    import keras

    if not os.fspath(path).endswith(".keras"):
        raise ValueError("only .keras files")
    keras.saving.save_model(model, path)
    return keras.saving.load_model(path)
""",
        "predict_digits": """\
def predict_digits(model, images):
    X, _ = prepare_data(images, np.zeros(len(images), dtype=int))
    return np.argmax(model.predict(X, verbose=0), axis=-1)
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "no_validation_split": ["test_train_model"],
    "pixels_not_scaled": ["test_predict_digits", "test_prepare_data", "test_train_model"],
    "sigmoid_output_layer": ["test_build_model"],
    "sparse_loss_with_one_hot_targets": [
        "test_compile_model",
        "test_predict_digits",
        "test_train_model",
    ],
}
