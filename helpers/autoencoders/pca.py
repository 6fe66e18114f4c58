"""Principal component analysis by hand: the linear autoencoder of lesson 12."""

import numbers

import numpy as np

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
