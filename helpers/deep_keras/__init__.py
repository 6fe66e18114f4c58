"""Deeper networks with Keras: schedules, model graphs, live plots and grids (lesson 11).

* learning-rate schedules, as pure functions of the epoch (counted from 0, as
  Keras counts): :func:`step_decay`, :func:`exponential_decay`,
  :func:`cosine_decay`, and :func:`schedule_values`, which gives a whole
  schedule as an array;
* why schedules help: :func:`noisy_descent`, gradient descent with noisy
  gradients on a quadratic, and :func:`draw_schedule`, the schedule explorer's
  figure;
* a model as a graph: :func:`layer_graph` (one row a layer, with the layers
  that feed it), :func:`describe_graph` (the rows as a text table) and
  :func:`draw_graph` (boxes and arrows, no ``pydot`` or ``graphviz`` needed);
* training pictures: :func:`draw_history` (curves per epoch, the best epoch
  marked), :func:`live_plot` (a Keras callback that redraws them after every
  epoch) and :func:`draw_grid` (the heat map of a hyper-parameter grid).

Importing this module does not import TensorFlow: only :func:`layer_graph`
(which reads a Keras model) and :func:`live_plot` (a Keras callback) need it.
Figures are new ``matplotlib.figure.Figure`` objects, so nothing is left open
in pyplot.
"""

from helpers.deep_keras.curves import (  # noqa: F401
    draw_grid,
    draw_history,
    live_plot,
)
from helpers.deep_keras.graphs import (  # noqa: F401
    describe_graph,
    draw_graph,
    graph_depths,
    layer_graph,
)
from helpers.deep_keras.schedules import (  # noqa: F401
    CURVATURES,
    SCHEDULES,
    cosine_decay,
    draw_schedule,
    exponential_decay,
    noisy_descent,
    schedule_values,
    step_decay,
)

__all__ = [
    "cosine_decay",
    "CURVATURES",
    "describe_graph",
    "draw_graph",
    "draw_grid",
    "draw_history",
    "draw_schedule",
    "exponential_decay",
    "graph_depths",
    "layer_graph",
    "live_plot",
    "noisy_descent",
    "schedule_values",
    "SCHEDULES",
    "step_decay",
]
