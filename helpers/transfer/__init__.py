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
* a pretrained network that ships with the course: :func:`digits_0_4_weights`, the
  small CNN trained on the digits 0-4 by :func:`train_digits_0_4` (assignment 15);
* the experiment: :func:`compare_strategies` trains a network from scratch, a new head
  on frozen features, and a fine-tuned one on the same few labels, for several label
  counts and seeds (learning curves on validation images set aside from the labelled
  ones, the test set once at the end); :func:`results_table` and :func:`draw_comparison`
  (the widget's figure, pure: arrays in, figure out) show the result; :func:`fine_tuning_gain`
  compares a trained head on frozen features with the same network fine-tuned.

Keras is imported inside the functions that need it, so ``import helpers`` stays light.
"""

from helpers.transfer.experiment import (  # noqa: F401
    COLOURS,
    compare_strategies,
    draw_comparison,
    fine_tuning_gain,
    results_table,
)
from helpers.transfer.features import (  # noqa: F401
    draw_projections,
    feature_extractor,
    few_labels,
    parameter_counts,
    pca_2d,
    trainable_table,
    transfer_model,
)
from helpers.transfer.networks import (  # noqa: F401
    ILSVRC_TOP5,
    STRATEGIES,
    VGG_CONFIGS,
    _reason,
    alexnet_layers,
    center_square,
    imagenet_top,
    layer_rows_table,
    load_pretrained,
    vgg_layers,
)
from helpers.transfer.pretrained import digits_0_4_weights, train_digits_0_4  # noqa: F401

__all__ = [
    "alexnet_layers",
    "center_square",
    "COLOURS",
    "compare_strategies",
    "digits_0_4_weights",
    "draw_comparison",
    "draw_projections",
    "feature_extractor",
    "few_labels",
    "fine_tuning_gain",
    "ILSVRC_TOP5",
    "imagenet_top",
    "layer_rows_table",
    "load_pretrained",
    "parameter_counts",
    "pca_2d",
    "results_table",
    "STRATEGIES",
    "train_digits_0_4",
    "trainable_table",
    "transfer_model",
    "VGG_CONFIGS",
    "vgg_layers",
]
