package dev.grokkit.spark;

import dev.grokkit.train.Experiment;
import java.io.Serializable;
import java.util.function.Function;

/**
 * The experiment of each sweep point, in a form Spark can ship to executors: a named class whose
 * fields are data (sizes, rates, a seed), or a lambda capturing only such data. It builds the
 * dataset and experiment on the executor, so nothing heavy crosses the network. Being a
 * {@link Function}, the same factory also drives a local {@link dev.grokkit.train.Sweep}.
 */
@FunctionalInterface
public interface SweepFactory<T> extends Function<T, Experiment>, Serializable {
}
