/**
 * Information-theoretic estimators, independent of models and training.
 *
 * <ul>
 *   <li>Matrix-based Renyi entropies of Gram matrices ({@link dev.grokkit.info.MatrixEntropy},
 *       {@link dev.grokkit.info.GramMatrix}; eigenvalues by ojAlgo's symmetric solver) and
 *       their autograd-friendly array form ({@link dev.grokkit.info.DifferentiableMatrixEntropy}).
 *   <li>k-nearest-neighbour estimators with the max-norm: {@link dev.grokkit.info.Ksg} for I(X; Y)
 *       and {@link dev.grokkit.info.KozachenkoLeonenko} for H(X) and continuous/discrete I(T; Y).
 *       Both are biased, and the bias grows with dimension and with the information itself
 *       (KSG, n = 1000, k = 3, rho = 0.8 per coordinate: +0.03 nats at d = 1, -0.45 of 2.04 at
 *       d = 4, -2.2 of 4.1 at d = 8); compress first ({@link dev.grokkit.info.WhitenedPca}).
 *   <li>Helpers: {@link dev.grokkit.info.Digamma}, {@link dev.grokkit.info.Features}.
 * </ul>
 *
 * All values are in nats. Features are double[n][d] matrices, one example per row.
 */
package dev.grokkit.info;
