"""Autoencoders: compress images to a few numbers and rebuild them (lesson 12).

Lesson 14 compares its convolutional autoencoder with the dense one built here,
on the same data and the same noise, so these four functions are the shared
ground:

* :func:`add_noise` -- the course's noise model: Gaussian noise of standard
  deviation ``level`` added to every pixel, then clipped to [0, 1];
* :func:`dense_autoencoder` -- a compiled Keras ``(autoencoder, encoder, decoder)``
  triple, 784 -> 256 -> 64 -> 256 -> 784 by default;
* :func:`reconstruction_error` -- the mean squared error of each image;
* :func:`show_reconstructions` -- originals above, reconstructions below (seed 002).

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

import numbers

import numpy as np

#: The noise levels of seed 002's table: 0 %, 10 %, ..., 50 % of the pixel range.
NOISE_LEVELS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)

# --- checking inputs -----------------------------------------------------------------


def _images(images, name="images"):
    """A float array of at least 2 dimensions (a batch), or a ValueError in words."""
    array = np.asarray(images)
    if array.ndim < 2 or len(array) == 0:
        raise ValueError(
            f"{name} must be a non-empty batch of images, shape (n, 784) or (n, 28, 28), "
            f"got shape {array.shape}."
        )
    if not np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.complexfloating):
        raise ValueError(f"{name} must hold numbers, got {array.dtype}.")
    return array


def _square(images):
    """Rows of ``side * side`` pixels as ``side x side`` images; images are left alone."""
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(
                f"Cannot show rows of {images.shape[1]} pixels as square images; "
                "pass images of shape (n, height, width)."
            )
        return images.reshape(len(images), side, side)
    if images.ndim == 4 and images.shape[-1] == 1:
        return images[..., 0]
    return images


# --- noise -----------------------------------------------------------------------------


def add_noise(images, level, rng=None):
    """A noisy copy of ``images``: Gaussian noise with standard deviation ``level``, clipped.

    The noise model of the course (lessons 12 and 14): every pixel gets its own
    independent draw from a normal distribution with mean 0 and standard deviation
    ``level``, and the result is clipped back to the pixel range [0, 1]::

        noisy = clip(images + level * rng.standard_normal(images.shape), 0, 1)

    ``level`` is measured in units of the pixel range, so level 0.3 is "30 % noise"
    in seed 002's table.  It is a number, or one number per image (shape ``(n,)``).
    ``images`` are floats in [0, 1] (divide ``uint8`` pixels by 255 first), of any
    shape ``(n, ...)``; they are not changed.  ``rng`` is a NumPy ``Generator`` or
    an integer seed; ``None`` means a fresh generator with the course seed (42), so
    the same call always gives the same noise.  For a single ``level`` the values
    are exactly ``np.random.default_rng(seed).normal(0, level, images.shape)`` added
    and clipped.  The result has the input's floating dtype (float32 stays float32).

    >>> noisy = add_noise(np.zeros((2, 28, 28)), 0.3, rng=0)
    >>> noisy.shape, bool(noisy.min() >= 0), bool(noisy.max() <= 1)
    ((2, 28, 28), True, True)
    """
    images = _images(images)
    if not np.issubdtype(images.dtype, np.floating):
        raise ValueError(
            f"add_noise() expects floating-point pixels in [0, 1], got {images.dtype}; "
            "divide uint8 images by 255 first."
        )
    if images.min() < 0 or images.max() > 1:
        raise ValueError(
            f"add_noise() expects pixels in [0, 1], got values from {images.min():.3g} to "
            f"{images.max():.3g}; divide uint8 images by 255 first."
        )
    level = np.asarray(level, dtype=float)
    if level.ndim == 1 and len(level) == len(images):
        level = level.reshape((len(images),) + (1,) * (images.ndim - 1))
    elif level.ndim != 0:
        raise ValueError(
            f"level must be a number or one number per image (shape ({len(images)},)), "
            f"got shape {level.shape}."
        )
    if not np.all(np.isfinite(level)) or np.any(level < 0):
        raise ValueError(f"level must be a non-negative standard deviation, got {level.ravel()}.")
    if rng is None:
        from helpers.config import rng as course_rng

        rng = course_rng()
    elif isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        rng = np.random.default_rng(int(rng))
    elif not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a NumPy Generator (np.random.default_rng(seed)) or a seed, got "
            f"{type(rng).__name__}."
        )
    noisy = images + level * rng.standard_normal(images.shape)
    return np.clip(noisy, 0.0, 1.0).astype(images.dtype)


# --- errors ----------------------------------------------------------------------------


def reconstruction_error(originals, reconstructions):
    """The mean squared error of each image: ``mean((original - reconstruction)**2)``.

    Both arrays have the same shape ``(n, ...)`` (rows of 784 pixels or 28x28
    images); the result has shape ``(n,)``, one number per image.  Its mean over
    the images is the ``"mse"`` loss Keras reports.

    >>> reconstruction_error(np.zeros((2, 4)), np.array([[0, 0, 0, 2.0], [1, 1, 1, 1]]))
    array([1., 1.])
    """
    originals = _images(originals, "originals")
    reconstructions = _images(reconstructions, "reconstructions")
    if originals.shape != reconstructions.shape:
        if originals.size == reconstructions.size and len(originals) == len(reconstructions):
            reconstructions = reconstructions.reshape(originals.shape)
        else:
            raise ValueError(
                f"originals have shape {originals.shape} but reconstructions "
                f"{reconstructions.shape}: give one reconstruction per image, with the same pixels."
            )
    difference = originals.astype(float) - reconstructions.astype(float)
    return np.mean(difference.reshape(len(difference), -1) ** 2, axis=1)


# --- PCA --------------------------------------------------------------------------------


def pca(X, n_components=None):
    """Principal component analysis: the singular value decomposition of the centered data.

    ``X`` is an ``(n, d)`` array, one example a row.  Returns ``(mean, components,
    explained_variance_ratio)``: the mean row ``(d,)``; the principal directions as
    the rows of ``components`` ``(k, d)`` (orthonormal, the direction of greatest
    variance first; each flipped so that its largest entry is positive, which makes
    the signs reproducible); and the fraction of the variance each of *all*
    ``min(n, d)`` directions explains (its sum is 1).  ``n_components=None`` keeps all.
    With more rows than columns it takes the eigenvectors of the ``d x d`` matrix
    ``(X - mean).T @ (X - mean)`` (the SVD's ``V``; its eigenvalues are the ``s**2``),
    which is several times faster for thousands of images.

    >>> mean, components, ratio = pca(np.array([[0.0, 0], [2, 2], [4, 4]]))
    >>> mean.tolist(), np.round(ratio, 6).tolist()
    ([2.0, 2.0], [1.0, 0.0])
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError(
            f"pca() expects a 2-D array with at least two rows (examples), got shape {X.shape}."
        )
    limit = min(X.shape)
    if n_components is None:
        n_components = limit
    if isinstance(n_components, bool) or not isinstance(n_components, numbers.Integral):
        raise ValueError(f"n_components must be a whole number, got {n_components!r}.")
    if not 1 <= n_components <= limit:
        raise ValueError(f"n_components must lie in 1..{limit}, got {n_components}.")
    mean = X.mean(axis=0)
    centered = X - mean
    if len(X) >= X.shape[1]:
        # Many rows: the eigenvectors of the d x d matrix centered.T @ centered are the
        # SVD's V and its eigenvalues the s**2, at a fraction of the cost.
        variance, vectors = np.linalg.eigh(centered.T @ centered)
        order = np.argsort(variance)[::-1]
        variance, vt = np.clip(variance[order], 0.0, None), vectors[:, order].T
    else:
        _, singular, vt = np.linalg.svd(centered, full_matrices=False)
        variance = singular**2
    largest = np.abs(vt).argmax(axis=1)
    vt = vt * np.sign(vt[np.arange(len(vt)), largest])[:, None]
    total = variance.sum()
    ratio = variance / total if total > 0 else np.zeros_like(variance)
    return mean, vt[:n_components], ratio


def pca_reconstruct(X, mean, components):
    """Project ``X`` onto the PCA components and map back: ``mean + (X - mean) V^T V``.

    ``components`` holds orthonormal rows ``V`` (``(k, d)``, from :func:`pca`); the
    codes are ``Z = (X - mean) V^T`` (``k`` numbers per example) and the
    reconstruction ``mean + Z V`` has the shape of ``X``.
    """
    X = np.asarray(X, dtype=float)
    components = np.atleast_2d(np.asarray(components, dtype=float))
    mean = np.asarray(mean, dtype=float)
    if X.ndim != 2 or components.shape[1] != X.shape[1] or mean.shape != (X.shape[1],):
        raise ValueError(
            f"pca_reconstruct() expects X (n, d), mean (d,) and components (k, d) with the same "
            f"d, got {X.shape}, {mean.shape} and {components.shape}."
        )
    return mean + (X - mean) @ components.T @ components


def principal_angles(A, B):
    """The principal angles, in degrees, between the subspaces spanned by the rows of A and B.

    0 degrees for each direction the two subspaces share, 90 for a direction of one
    that is orthogonal to the other.  ``A`` is ``(k, d)`` and ``B`` is ``(m, d)``; the
    rows need not be orthonormal (they are orthonormalized first).  Returns
    ``min(k, m)`` angles, smallest first.

    >>> principal_angles([[1.0, 0, 0], [0, 1, 0]], [[1.0, 1, 0]]).round(6).tolist()
    [0.0]
    """
    A, B = np.atleast_2d(np.asarray(A, dtype=float)), np.atleast_2d(np.asarray(B, dtype=float))
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError(
            f"principal_angles() expects two arrays of rows of the same length, got shapes "
            f"{A.shape} and {B.shape}."
        )
    qa, _ = np.linalg.qr(A.T)
    qb, _ = np.linalg.qr(B.T)
    cosines = np.linalg.svd(qa.T @ qb, compute_uv=False)
    return np.degrees(np.arccos(np.clip(cosines, -1.0, 1.0)))


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


_ACTIVATIONS = {
    "linear": lambda z: z,
    None: lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
}


def forward(stack, x):
    """Run rows ``x`` (shape ``(n, inputs)`` or ``(inputs,)``) through a :func:`dense_stack`."""
    x = np.asarray(x, dtype=float)
    single = x.ndim == 1
    x = np.atleast_2d(x)
    for W, b, activation in stack:
        if activation not in _ACTIVATIONS:
            raise ValueError(
                f"forward() knows the activations {sorted(k for k in _ACTIVATIONS if k)}, "
                f"got {activation!r}."
            )
        if x.shape[1] != W.shape[0]:
            raise ValueError(f"A layer expects {W.shape[0]} inputs, got {x.shape[1]}.")
        x = _ACTIVATIONS[activation](x @ W + b)
    return x[0] if single else x


# --- tables and pictures ------------------------------------------------------------------


def accuracy_table(levels, accuracies):
    """Seed 002's table as text: one row per noise level, one column per model.

    ``accuracies`` maps a model's name to its accuracy at each of ``levels``.
    """
    levels = list(levels)
    if not accuracies or any(len(v) != len(levels) for v in accuracies.values()):
        raise ValueError("accuracy_table() expects one accuracy per noise level for every model.")
    names = list(accuracies)
    widths = [max(len(name), 6) for name in names]
    header = "noise (%)  " + "  ".join(f"{n:>{w}}" for n, w in zip(names, widths, strict=True))
    lines = [header]
    for i, level in enumerate(levels):
        cells = [f"{accuracies[n][i]:>{w}.4f}" for n, w in zip(names, widths, strict=True)]
        lines.append(f"{level * 100:9.0f}  " + "  ".join(cells))
    return "\n".join(lines)


def draw_accuracy_vs_noise(levels, accuracies, title="Accuracy under noise"):
    """Accuracy against noise level (in %), one line per model (seed 002's table, drawn)."""
    from matplotlib.figure import Figure

    levels = np.asarray(levels, dtype=float)
    if not accuracies or any(len(v) != len(levels) for v in accuracies.values()):
        raise ValueError(
            "draw_accuracy_vs_noise() expects one accuracy per noise level for every model."
        )
    fig = Figure(figsize=(6.5, 3.8))
    ax = fig.subplots()
    for marker, (name, values) in zip("osD^v<>", accuracies.items(), strict=False):
        ax.plot(levels * 100, values, marker + "-", label=name)
    ax.set(xlabel="noise level (% of the pixel range)", ylabel="test accuracy", title=title)
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    return fig


def draw_architecture(sizes, title="A dense autoencoder"):
    """The layer sizes of a network as bars: the hourglass shape of an autoencoder."""
    from matplotlib.figure import Figure

    sizes = list(sizes)
    if len(sizes) < 2 or any(not isinstance(s, numbers.Integral) or s < 1 for s in sizes):
        raise ValueError(f"draw_architecture() expects two or more layer sizes, got {sizes!r}.")
    smallest = int(np.argmin(sizes))
    fig = Figure(figsize=(1.3 * len(sizes) + 1, 3.2))
    ax = fig.subplots()
    colours = [
        "C1" if i == smallest else ("C0" if i < smallest else "C2") for i in range(len(sizes))
    ]
    ax.bar(range(len(sizes)), sizes, width=0.55, color=colours, bottom=-np.array(sizes) / 2)
    for i, size in enumerate(sizes):
        ax.text(i, size / 2 + max(sizes) * 0.03, str(size), ha="center", fontsize=10)
    names = ["input"] + ["hidden"] * (len(sizes) - 2) + ["output"]
    names[smallest] = "code"
    ax.set_xticks(range(len(sizes)), names)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_ylim(-max(sizes) * 0.55, max(sizes) * 0.65)
    ax.set_title(f"{title}: encoder (blue), code (orange), decoder (green)", fontsize=10)
    fig.tight_layout()
    return fig


def show_reconstructions(
    originals,
    reconstructions,
    n=10,
    noisy=None,
    labels=None,
    title=None,
    errors=True,
    row_names=("original", "noisy input", "reconstruction"),
):
    """Originals above, reconstructions below (seed 002's picture); a Figure.

    Shows the first ``n`` images.  ``noisy`` (optional) adds the network's noisy
    input as a middle row.  ``labels`` (optional) titles the originals; with
    ``errors=True`` each reconstruction is titled with its mean squared error.
    Images are rows of pixels (``(n, 784)``) or images (``(n, 28, 28)``).
    """
    from matplotlib.figure import Figure

    originals = _square(_images(originals, "originals"))
    reconstructions = _square(_images(reconstructions, "reconstructions"))
    rows = [originals]
    if noisy is not None:
        rows.append(_square(_images(noisy, "noisy")))
    rows.append(reconstructions)
    if any(r.shape != originals.shape for r in rows):
        raise ValueError(
            "show_reconstructions() expects the same number and size of images in every row, "
            f"got shapes {[r.shape for r in rows]}."
        )
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a positive whole number, got {n!r}.")
    n = min(n, len(originals))
    names = [row_names[0]] + ([row_names[1]] if noisy is not None else []) + [row_names[2]]
    mse = reconstruction_error(originals[:n], reconstructions[:n])
    fig = Figure(figsize=(1.15 * n + 1.2, 1.5 * len(rows) + 0.5))
    axes = fig.subplots(len(rows), n, squeeze=False)
    for r, (row, name) in enumerate(zip(rows, names, strict=True)):
        for i in range(n):
            ax = axes[r, i]
            ax.imshow(row[i], cmap="gray", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            if r == 0 and labels is not None:
                ax.set_title(str(labels[i]), fontsize=9)
            if r == len(rows) - 1 and errors:
                ax.set_title(f"{mse[i]:.3f}", fontsize=8)
        axes[r, 0].set_ylabel(name, fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def draw_image_rows(fig, rows):
    """Draw ``rows`` (a list of ``(name, images)``) as a grid on ``fig``, one row each.

    The first row is the reference (the clean images); every image below it is
    titled with its mean squared error against the reference image above it, and
    every row is labelled with its name and its mean error.
    """
    reference = rows[0][1]
    n = len(reference)
    axes = fig.subplots(len(rows), n, squeeze=False)
    for r, (name, images) in enumerate(rows):
        errors = reconstruction_error(reference, images)
        for i in range(n):
            ax = axes[r, i]
            ax.imshow(images[i], cmap="gray", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            if r:
                ax.set_title(f"{errors[i]:.3f}", fontsize=8)
        axes[r, 0].set_ylabel(name if r == 0 else f"{name}\nMSE {errors.mean():.3f}", fontsize=8)


def draw_denoising(noise_level, levels, originals, noisy, plain, denoised, n=6):
    """The noise explorer's figure: clean, noisy, plain-autoencoder and denoised rows.

    ``noisy``, ``plain`` and ``denoised`` are precomputed at each of ``levels``:
    arrays of shape ``(len(levels), n_images, ...)``; the row closest to
    ``noise_level`` is shown.  Each output image is titled with its mean squared
    error against the clean image, and each row with the mean over the images.
    """
    from matplotlib.figure import Figure

    levels = np.asarray(levels, dtype=float)
    originals = _square(_images(originals, "originals"))
    stacks = {"noisy input": noisy, "plain autoencoder": plain, "denoising autoencoder": denoised}
    for name, stack in stacks.items():
        stack = np.asarray(stack)
        if stack.shape[:2] != (len(levels), len(originals)):
            raise ValueError(
                f"{name}: expected one batch of {len(originals)} images for each of the "
                f"{len(levels)} levels, got shape {stack.shape}."
            )
    k = int(np.argmin(np.abs(levels - noise_level)))
    n = min(n, len(originals))
    rows = [("clean", originals[:n])] + [
        (name, _square(np.asarray(stack[k]))[:n]) for name, stack in stacks.items()
    ]
    fig = Figure(figsize=(1.2 * n + 1.6, 5.6))
    draw_image_rows(fig, rows)
    fig.suptitle(f"noise level {levels[k]:.0%} (std {levels[k]:.2f}); titles: MSE against clean")
    fig.tight_layout()
    return fig


def latent_grid(decoder_stack, z1_values, z2_values, side=28):
    """Decode every point of a grid of 2-D codes: an array ``(len(z2), len(z1), side, side)``.

    Row ``i``, column ``j`` is the image decoded from the code ``(z1_values[j],
    z2_values[i])``, with :func:`forward` (no TensorFlow).
    """
    z1_values, z2_values = np.asarray(z1_values, float), np.asarray(z2_values, float)
    z1, z2 = np.meshgrid(z1_values, z2_values)
    codes = np.column_stack([z1.ravel(), z2.ravel()])
    images = forward(decoder_stack, codes)
    return images.reshape(len(z2_values), len(z1_values), side, side)


def draw_latent(z1, z2, decoder_stack, codes, labels):
    """The latent-space explorer's figure: the 2-D codes of digits and one decoded point.

    Left: every code of ``codes`` (shape ``(n, 2)``) coloured by its digit, with a
    star at ``(z1, z2)``.  Right: the image the decoder (a :func:`dense_stack`)
    makes from that point.
    """
    from matplotlib.figure import Figure

    codes, labels = np.asarray(codes, dtype=float), np.asarray(labels)
    if codes.ndim != 2 or codes.shape[1] != 2 or len(labels) != len(codes):
        raise ValueError(
            f"draw_latent() expects codes of shape (n, 2) and n labels, got {codes.shape} "
            f"and {labels.shape}."
        )
    image = forward(decoder_stack, np.array([z1, z2], dtype=float))
    side = int(round(np.sqrt(image.size)))
    fig = Figure(figsize=(9, 4))
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
    points = left.scatter(
        codes[:, 0], codes[:, 1], c=labels, cmap="tab10", s=5, vmin=-0.5, vmax=9.5
    )
    left.plot([z1], [z2], "k*", markersize=16, markerfacecolor="white")
    fig.colorbar(points, ax=left, ticks=range(10), label="digit")
    left.set(xlabel="code $z_1$", ylabel="code $z_2$", title="codes of the test digits")
    right.imshow(image.reshape(side, side), cmap="gray", vmin=0, vmax=1)
    right.set_title(f"decoded from ({z1:.1f}, {z2:.1f})")
    right.axis("off")
    fig.tight_layout()
    return fig
