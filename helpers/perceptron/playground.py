"""The playground widget's computation and the pictures of lesson 08."""

import numpy as np

from helpers.perceptron.mlp import square_product_graph, train_mlp
from helpers.perceptron.neuron import make_data

# --- the playground widget ---------------------------------------------------------------


def playground_run(dataset="xor", hidden=8, activation="tanh", epochs=300, step=0.5, seed=0):
    """The playground's computation: train a network on a 200-point toy set.

    Returns ``(X, y, model, losses)``: the data (:func:`make_data`), the trained
    :class:`TrainedMLP` and the loss curve (full-batch training, see :func:`train_mlp`).
    """
    X, y = make_data(dataset, n_samples=200, seed=seed)
    model, losses = train_mlp(
        X, y, hidden=hidden, activation_name=activation, epochs=epochs, step_size=step, seed=seed
    )
    return X, y, model, losses


def draw_playground(dataset="xor", hidden=8, activation="tanh", epochs=300, step=0.5, seed=0):
    """The playground: decision regions of a small trained network, and its loss curve.

    Left, the plane coloured by the network's probability of class 1 (the black line is
    the decision boundary) with the 200 training points; right, the training loss
    after each epoch of full-batch gradient descent.
    """
    from matplotlib.figure import Figure

    from helpers import classifiers

    X, y, model, losses = playground_run(dataset, hidden, activation, epochs, step, seed)
    fig = Figure(figsize=(9.5, 3.9), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1.1, 1])
    classifiers.draw_decision_regions(
        model,
        X,
        y,
        ax=left,
        resolution=80,
        title=f"{dataset}: {hidden} hidden {activation} units, "
        f"training accuracy {model.score(X, y):.2f}",
    )
    right.plot(np.arange(len(losses)), losses, color="C3")
    right.set(xlabel="epoch", ylabel="cross-entropy (training set)", ylim=(0, None))
    right.set_title(f"loss {losses[0]:.3f} -> {losses[-1]:.3f} after {epochs} epochs", fontsize=10)
    right.grid(alpha=0.3)
    return fig


def draw_square_product_graph(w1=2.0, w2=3.0):
    """The computational graph of ``Q = w1**2 * w2**2``: forward values and backward gradients.

    Each box is a value; black numbers are the forward pass, red ones (under the boxes)
    the derivative of Q with respect to that value, found backwards by the chain rule.
    """
    from matplotlib.figure import Figure

    g = square_product_graph(w1, w2)
    nodes = {  # name: (box label, x, y, forward value, dQ/d(value))
        "w1": ("w1", 0.0, 1.0, w1, g["dQ/dw1"]),
        "w2": ("w2", 0.0, -1.0, w2, g["dQ/dw2"]),
        "z1": ("square: z1 = w1²", 1.6, 1.0, g["z1"], g["dQ/dz1"]),
        "z2": ("square: z2 = w2²", 1.6, -1.0, g["z2"], g["dQ/dz2"]),
        "Q": ("product: Q = z1·z2", 3.3, 0.0, g["Q"], 1.0),
    }
    fig = Figure(figsize=(8, 3.2), layout="constrained")
    ax = fig.subplots()
    for start, end in [("w1", "z1"), ("w2", "z2"), ("z1", "Q"), ("z2", "Q")]:
        (x0, y0), (x1, y1) = nodes[start][1:3], nodes[end][1:3]
        ax.annotate(
            "",
            xy=(x1 - 0.55, y1),
            xytext=(x0 + 0.55, y0),
            arrowprops={"arrowstyle": "-|>", "color": "0.3", "lw": 1.2},
        )
    for name, (label, x, y, value, grad) in nodes.items():
        ax.text(
            x,
            y,
            f"{label}\n{value:g}",
            ha="center",
            va="center",
            fontsize=10,
            bbox={"boxstyle": "round,pad=0.4", "fc": "#dbe9f6", "ec": "0.3"},
        )
        ax.text(x, y - 0.5, f"∂Q/∂{name} = {grad:g}", ha="center", va="top", color="C3")
    ax.set(xlim=(-0.7, 4.1), ylim=(-1.9, 1.6))
    ax.axis("off")
    ax.set_title("forward pass: values (black) →     ← backward pass: gradients (red)")
    return fig
