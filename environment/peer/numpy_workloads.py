"""The NumPy / SciPy workloads of docs/benchmarks.md, in float64. Each workload function builds
its data and returns the op that workloads.py times; WORKLOADS names them with their warm-up ops.
The caller sizes the BLAS threads before importing this module."""
import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma

VERSION = "numpy " + np.__version__


def matrix_entropy():
    """Von Neumann entropy -sum(l log l) of the eigenvalues l of Zn Zn^T / n, Zn the rows of
    1000 x 200 Gaussian features Z scaled to unit l2 norm (n = 1000, so the trace is 1)."""
    z = np.random.default_rng(0).standard_normal((1000, 200))

    def entropy():
        zn = z / np.linalg.norm(z, axis=1, keepdims=True)
        eigenvalues = np.linalg.eigvalsh(zn @ zn.T / len(zn))
        eigenvalues = eigenvalues[eigenvalues > 0]
        return -np.sum(eigenvalues * np.log(eigenvalues))

    return entropy


def neighbors_within(points, radius):
    """For each point, how many other points lie within its radius (max-norm, inclusive)."""
    return cKDTree(points).query_ball_point(points, radius, p=np.inf, return_length=True) - 1


def ksg():
    """Kraskov et al.'s estimator (algorithm 1, k = 3, max-norm) of I(X;Y) for n = 2000 samples
    of 4-d Gaussian X and Y = 0.8 X + 0.6 noise."""
    rng = np.random.default_rng(0)
    n, k = 2000, 3
    x = rng.standard_normal((n, 4))
    y = 0.8 * x + 0.6 * rng.standard_normal((n, 4))

    def mutual_information():
        joint = np.hstack([x, y])
        # Distance to the k-th neighbor in the joint space; the nearest hit is the point itself.
        eps = cKDTree(joint).query(joint, k + 1, p=np.inf)[0][:, -1]
        # The marginals count neighbors strictly closer than eps.
        closer = np.nextafter(eps, 0)
        nx, ny = neighbors_within(x, closer), neighbors_within(y, closer)
        return digamma(k) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))

    return mutual_information


# workload -> (warm-up ops, function returning the op)
WORKLOADS = {
    "matrix-entropy": (2, matrix_entropy),
    "ksg": (1, ksg),
}
