"""Reference values for dev.grokkit.info tests, computed with NumPy/SciPy (Debian python3-numpy,
python3-scipy) on the data this script writes next to it. Run from this folder:
    python3 reference.py
It writes a.csv (40 x 6), b.csv (40 x 3), wide.csv (30 x 50), x.csv, y.csv (500 x 2 each) and
expected.csv (name,value)."""
import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma

rng = np.random.default_rng(2024)
a = rng.standard_normal((40, 6))
b = np.tanh(a[:, :3] @ rng.standard_normal((3, 3))) + 0.3 * rng.standard_normal((40, 3))
wide = rng.standard_normal((30, 50))
x = rng.standard_normal((500, 2))
y = 0.7 * x + 0.5 * rng.standard_normal((500, 2))


def linear(z):
    zn = z / np.linalg.norm(z, axis=1, keepdims=True)
    return zn @ zn.T


def gaussian(z, sigma):
    sq = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
    return np.exp(-sq / (2 * sigma * sigma))


def entropy(r, alpha):
    lam = np.linalg.eigvalsh(r / np.trace(r))
    # round-off: eigenvalues up to n * eps * max (numpy.linalg.matrix_rank's tolerance) are 0
    lam = lam[lam > len(lam) * np.finfo(float).eps * lam.max()]
    if alpha == 1:
        return float(-(lam * np.log(lam)).sum())
    return float(np.log((lam ** alpha).sum()) / (1 - alpha))


def mi(r1, r2, alpha):
    return entropy(r1, alpha) + entropy(r2, alpha) - entropy(r1 * r2, alpha)


def ksg1(x, y, k=3):
    n = len(x)
    xy = np.hstack([x, y])
    eps = cKDTree(xy).query(xy, k + 1, p=np.inf)[0][:, -1]
    # strict inequality: the largest radius below eps
    r = np.nextafter(eps, 0)
    nx = cKDTree(x).query_ball_point(x, r, p=np.inf, return_length=True) - 1
    ny = cKDTree(y).query_ball_point(y, r, p=np.inf, return_length=True) - 1
    return digamma(k) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))


def kl_entropy(x, k=3):
    n, d = x.shape
    c = np.cov(x, rowvar=False).reshape(d, d)
    lam, v = np.linalg.eigh(c)
    w = (x - x.mean(0)) @ v / np.sqrt(lam)
    eps = cKDTree(w).query(w, k + 1, p=np.inf)[0][:, -1]
    return digamma(n) - digamma(k) + d * np.log(2) + d * np.mean(np.log(eps)) + 0.5 * np.log(lam).sum()


def covariance_entropy(z, alpha):
    return entropy(np.cov(z, rowvar=False), alpha)


def effective_rank(z):
    s = np.linalg.svd(z, compute_uv=False)
    p = s / s.sum()
    return float(np.exp(-(p * np.log(p)).sum()))


ra, rb = linear(a), linear(b)
expected = {
    "H1_linear_a": entropy(ra, 1),
    "H2_linear_a": entropy(ra, 2),
    "H0.5_linear_a": entropy(ra, 0.5),
    "H3_linear_a": entropy(ra, 3),
    "H1_linear_wide": entropy(linear(wide), 1),
    "H1_gaussian_a_1.5": entropy(gaussian(a, 1.5), 1),
    "MI1_a_b": mi(ra, rb, 1),
    "MI2_a_b": mi(ra, rb, 2),
    "joint1_a_b": entropy(ra * rb, 1),
    "JS_a_b": entropy((ra + rb) / 2, 1) - (entropy(ra, 1) + entropy(rb, 1)) / 2,
    "covH1_a": covariance_entropy(a, 1),
    "erank_a": effective_rank(a),
    "ksg1_x_y": ksg1(x, y),
    "kl_x": kl_entropy(x),
    "kl_y": kl_entropy(y),
}
for name, z in [("a", a), ("b", b), ("wide", wide), ("x", x), ("y", y)]:
    np.savetxt(name + ".csv", z, delimiter=",", fmt="%.17g")
with open("expected.csv", "w") as f:
    for k, v in expected.items():
        f.write("%s,%.17g\n" % (k, v))
