"""Neurons, perceptrons and a small multi-layer perceptron in NumPy (lesson 08).

Everything a neural network does, written out by hand so that it can be read:

* data: the truth tables of AND, OR and XOR (:func:`truth_table`) and four 2-D
  toy sets, circles, moons, XOR and a spiral (:func:`make_data`);
* the threshold neuron and its two oldest learning rules, Hebb's correlation rule
  ``w += eta * x * y`` (:func:`train_hebb`) and Rosenblatt's error-correction rule
  ``w += eta * (y - y_hat) * x`` (:func:`train_perceptron`); :func:`step`,
  :func:`best_line_accuracy`;
* activation functions and their derivatives (:data:`ACTIVATIONS`,
  :func:`activation`, :func:`activation_derivative`), softmax and cross-entropy
  (:func:`softmax`, :func:`cross_entropy`) and :func:`relative_error` come from
  :mod:`helpers.nn` and are reachable here under the same names;
* the computational graph of Chirkova's ``Q = w1**2 * w2**2``: :func:`square_product`,
  :func:`square_product_graph`;
* a one-hidden-layer perceptron (MLP): :func:`init_mlp`, :func:`mlp_forward`,
  :func:`mlp_loss`, :func:`mlp_backward`, :func:`train_mlp` (full-batch, online or
  mini-batch), :class:`TrainedMLP`, and the check of backprop against the numerical
  gradient, :func:`gradient_check` (per parameter) and :func:`flat_gradient_check`;
* pictures: :func:`draw_activations`, :func:`draw_playground` (the playground widget's
  figure; its computation is :func:`playground_run`).

Every function is pure: the same arguments give the same result (all randomness is
seeded), inputs are never changed, and figures are new ``matplotlib.figure.Figure``
objects (nothing is left open in pyplot).
"""

from helpers.nn import (  # noqa: F401  (lesson 08 calls them as perceptron.<name>)
    ACTIVATIONS,
    activation,
    activation_derivative,
    activation_pair,
    cross_entropy,
    relative_error,
    sigmoid,
    softmax,
)
from helpers.perceptron.mlp import (  # noqa: F401
    TrainedMLP,
    flat_gradient_check,
    gradient_check,
    init_mlp,
    mlp_backward,
    mlp_forward,
    mlp_loss,
    square_product,
    square_product_graph,
    train_mlp,
)
from helpers.perceptron.neuron import (  # noqa: F401
    PLAYGROUND_DATASETS,
    TRUTH_TABLES,
    best_line_accuracy,
    draw_activations,
    make_data,
    step,
    train_hebb,
    train_perceptron,
    truth_table,
)
from helpers.perceptron.playground import (  # noqa: F401
    draw_playground,
    draw_square_product_graph,
    playground_run,
)

__all__ = [
    "best_line_accuracy",
    "draw_activations",
    "draw_playground",
    "draw_square_product_graph",
    "flat_gradient_check",
    "gradient_check",
    "init_mlp",
    "make_data",
    "mlp_backward",
    "mlp_forward",
    "mlp_loss",
    "PLAYGROUND_DATASETS",
    "playground_run",
    "square_product",
    "square_product_graph",
    "step",
    "train_hebb",
    "train_mlp",
    "train_perceptron",
    "TrainedMLP",
    "truth_table",
    "TRUTH_TABLES",
]
