"""Autoencoders: compress images to a few numbers and rebuild them (lesson 12).

Lesson 14 compares its convolutional autoencoder with the dense one built here,
on the same data and the same noise, so these four functions are the shared
ground:

* :func:`add_noise` -- the course's noise model: Gaussian noise of standard
  deviation ``level`` added to every pixel, then clipped to [0, 1];
* :func:`dense_autoencoder` -- a compiled Keras ``(autoencoder, encoder, decoder)``
  triple, 784 -> 256 -> 64 -> 256 -> 784 by default;
* :func:`reconstruction_error` -- the mean squared error of each image;
* :func:`show_reconstructions` -- originals above, reconstructions below
  (after Goncharov & Nesterenya).

The rest:

* PCA by hand: :func:`pca` (mean, components and explained variance from an SVD),
  :func:`pca_reconstruct`, :func:`principal_angles` (how far apart two subspaces are);
* a trained Keras network in NumPy: :func:`dense_stack` takes the weights out,
  :func:`forward` runs them, so the widgets draw without TensorFlow;
* tables and pictures: :func:`accuracy_table`, :func:`draw_accuracy_vs_noise`,
  :func:`draw_architecture`, :func:`draw_denoising` (the noise explorer's figure, its
  rows drawn by :func:`draw_image_rows`),
  :func:`latent_grid` and :func:`draw_latent` (the latent-space explorer's figure).

Only :func:`dense_autoencoder` and :func:`dense_stack` touch Keras (imported
inside them); everything else is NumPy and matplotlib, and every figure is a new
``matplotlib.figure.Figure``, so nothing is left open in pyplot.
"""

from helpers.autoencoders.drawing import (  # noqa: F401
    accuracy_table,
    draw_accuracy_vs_noise,
    draw_architecture,
    draw_denoising,
    draw_image_rows,
    draw_latent,
    latent_grid,
    show_reconstructions,
)
from helpers.autoencoders.models import (  # noqa: F401
    dense_autoencoder,
    dense_stack,
    forward,
)
from helpers.autoencoders.noise import (  # noqa: F401
    NOISE_LEVELS,
    add_noise,
    reconstruction_error,
)
from helpers.autoencoders.pca import (  # noqa: F401
    pca,
    pca_reconstruct,
    principal_angles,
)

__all__ = [
    "accuracy_table",
    "add_noise",
    "dense_autoencoder",
    "dense_stack",
    "draw_accuracy_vs_noise",
    "draw_architecture",
    "draw_denoising",
    "draw_image_rows",
    "draw_latent",
    "forward",
    "latent_grid",
    "NOISE_LEVELS",
    "pca",
    "pca_reconstruct",
    "principal_angles",
    "reconstruction_error",
    "show_reconstructions",
]
