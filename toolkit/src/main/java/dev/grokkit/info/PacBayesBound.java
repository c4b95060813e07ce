package dev.grokkit.info;

/**
 * The entropy-gap paper's Theorem 3.4, a PAC-Bayes bound built on the Laplace posterior of its
 * Theorem 3.3, evaluated from the eigenvalues lambda_i of the Hessian H of the mean training loss
 * at the trained parameters theta*. Its formulas were lost in extraction; this is our
 * reconstruction from the proof's ingredients (the KL between two Gaussians, a Gaussian prior, a
 * posterior covariance from the Hessian, a second-order expected training loss):
 *
 * <pre>
 *   prior      P = N(mu, s2 I)                     (mu fixed before training, e.g. the initialization)
 *   posterior  Q = N(theta*, (m H + I / s2)^-1)    (Theorem 3.3 with m training examples)
 *   x_i = m s2 lambda_i                            (negative lambda_i clipped to 0: the theorem assumes H > 0)
 *   KL(Q || P) = d^2 / (2 s2) + 1/2 sum_i [ ln(1 + x_i) - x_i / (1 + x_i) ],   d = ||theta* - mu||
 *   E_Q[L_train] ~ L_train(theta*) + 1/2 tr(H Sigma_Q) = L_train(theta*) + 1/(2m) sum_i x_i / (1 + x_i)
 *   L_test <= E_Q[L_train] + sqrt( (KL + ln(2 sqrt(m) / delta)) / (2m) )   with probability >= 1 - delta
 * </pre>
 *
 * The last line is McAllester's bound in Maurer's form, valid for a loss in [0, 1]; for an
 * unbounded loss such as cross-entropy the evaluation is the paper's heuristic, not a guarantee.
 * At a fixed trace (sharpness) T, lambda_i = T p_i, so the spectrum enters only through its shape
 * p: for large x_i the KL's sum is about (n/2) [ln(m s2 T / n) - KL(u || p)] - n/2, for small x_i
 * about (m s2 T)^2 / 4 sum_i p_i^2.
 *
 * @param priorVariance s2
 * @param divergence KL(Q || P)
 * @param spectralDivergence its Hessian part, 1/2 sum_i [ln(1 + x_i) - x_i / (1 + x_i)] (the rest is d^2 / (2 s2))
 * @param curvature 1/(2m) sum_i x_i / (1 + x_i), the expected rise of the training loss under Q
 * @param complexity the square-root term
 * @param bound L_train(theta*) + curvature + complexity
 */
public record PacBayesBound(double priorVariance, double divergence, double spectralDivergence, double curvature, double complexity, double bound) {

    /**
     * The bound at one prior variance.
     *
     * @param eigenvalues the Hessian's eigenvalues (all of them; negative ones count as 0)
     * @param distance ||theta* - mu||
     * @param examples m, the training set size
     * @param trainLoss L_train(theta*)
     * @param delta the failure probability, in (0, 1)
     */
    public static PacBayesBound of(double[] eigenvalues, double distance, long examples, double priorVariance,
            double trainLoss, double delta) {
        if (examples < 1 || !(priorVariance > 0) || !(distance >= 0) || !(delta > 0 && delta < 1)
                || !Double.isFinite(trainLoss) || eigenvalues.length == 0) {
            throw new IllegalArgumentException("need examples >= 1, priorVariance > 0, distance >= 0, delta in (0, 1), "
                    + "a finite training loss and at least one eigenvalue");
        }
        double logTerms = 0;
        double ratios = 0;
        for (double lambda : eigenvalues) {
            if (!Double.isFinite(lambda)) {
                throw new IllegalArgumentException("eigenvalues must be finite, got " + lambda);
            }
            double x = examples * priorVariance * Math.max(lambda, 0);
            logTerms += Math.log1p(x) - x / (1 + x);
            ratios += x / (1 + x);
        }
        double divergence = distance * distance / (2 * priorVariance) + 0.5 * logTerms;
        double curvature = ratios / (2.0 * examples);
        double complexity = Math.sqrt((divergence + Math.log(2 * Math.sqrt(examples) / delta)) / (2.0 * examples));
        return new PacBayesBound(priorVariance, divergence, 0.5 * logTerms, curvature, complexity, trainLoss + curvature + complexity);
    }

    /**
     * The smallest bound over prior variances fixed in advance, each evaluated at confidence
     * delta / K for K variances (a union bound), so the minimum holds with probability 1 - delta.
     */
    public static PacBayesBound best(double[] eigenvalues, double distance, long examples, double[] priorVariances,
            double trainLoss, double delta) {
        if (priorVariances.length == 0) {
            throw new IllegalArgumentException("need at least one prior variance");
        }
        PacBayesBound best = null;
        for (double s2 : priorVariances) {
            PacBayesBound b = of(eigenvalues, distance, examples, s2, trainLoss, delta / priorVariances.length);
            if (best == null || b.bound < best.bound) {
                best = b;
            }
        }
        return best;
    }
}
