"""Convolutional autoencoders: going up again, U-Net, and anomalies (lesson 14).

Lesson 13 made images *smaller* (convolutions with a stride, pooling); a
convolutional autoencoder must also make them *larger* again.  This module holds
the NumPy versions of the two ways Keras does that, so the lecture can check them
against the Keras layers, and the pieces of the lesson's experiments:

* going up: :func:`upsample_nearest` (``keras.layers.UpSampling2D``),
  :func:`conv_transpose2d` and :func:`conv_transpose_layer`
  (``keras.layers.Conv2DTranspose``), :func:`conv_matrix` (a convolution as a
  matrix, whose transpose is the transposed convolution), and the sizes:
  :func:`transposed_output_size`, :func:`walk_sizes` with :data:`CONV_AE_STEPS`;
* Keras builders (Keras is imported inside them): :func:`conv_autoencoder` (with or
  without U-Net skip connections), :func:`conv1d_autoencoder` (for windows of a time
  series) and :func:`quiet_warm_up`;
* anomalies: :func:`step_series` (the series with steps of Nikonorov 2023),
  :func:`sliding_windows`, :func:`find_events`, :func:`letter_images` (letters
  drawn by hand, images a digit model has never seen); scoring them against a
  threshold (:func:`detection_report`, :func:`roc_curve`, :func:`roc_auc`) is
  :mod:`helpers.thresholds`, reachable here under the same names;
* pictures, each a new ``matplotlib.figure.Figure``: :func:`draw_transposed_conv`,
  :func:`draw_unet`, :func:`draw_denoising_rows` (the noise explorer's figure),
  :func:`draw_series_errors`, :func:`threshold_figure` (the threshold explorer's
  figure) and :func:`draw_roc`.

One module per part: :mod:`.going_up`, :mod:`.models`, :mod:`.anomalies`,
:mod:`.drawing`; this package gathers their names, so ``cae.conv_transpose2d`` works.

Everything but the Keras builders is NumPy and matplotlib, so the explorers redraw
without TensorFlow.
"""

from helpers.conv_autoencoders.anomalies import (
    LETTERS,
    find_events,
    letter_images,
    sliding_windows,
    step_series,
    stroke_image,
)
from helpers.conv_autoencoders.drawing import (
    draw_denoising_rows,
    draw_roc,
    draw_series_errors,
    draw_transposed_conv,
    draw_unet,
    threshold_figure,
)
from helpers.conv_autoencoders.going_up import (
    CONV_AE_STEPS,
    Step,
    conv_matrix,
    conv_transpose2d,
    conv_transpose_layer,
    step_size,
    transposed_output_size,
    upsample_nearest,
    walk_sizes,
)
from helpers.conv_autoencoders.models import conv1d_autoencoder, conv_autoencoder, quiet_warm_up
from helpers.thresholds import detection_report, roc_auc, roc_curve

__all__ = [
    "CONV_AE_STEPS",
    "LETTERS",
    "Step",
    "conv1d_autoencoder",
    "conv_autoencoder",
    "conv_matrix",
    "conv_transpose2d",
    "conv_transpose_layer",
    "detection_report",
    "draw_denoising_rows",
    "draw_roc",
    "draw_series_errors",
    "draw_transposed_conv",
    "draw_unet",
    "find_events",
    "letter_images",
    "quiet_warm_up",
    "roc_auc",
    "roc_curve",
    "sliding_windows",
    "step_series",
    "step_size",
    "stroke_image",
    "threshold_figure",
    "transposed_output_size",
    "upsample_nearest",
    "walk_sizes",
]
