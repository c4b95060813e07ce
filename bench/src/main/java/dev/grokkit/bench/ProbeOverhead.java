package dev.grokkit.bench;

import dev.grokkit.data.Dataset;
import dev.grokkit.data.ImageSets;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probe;
import dev.grokkit.probe.Probes;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What probing costs: the same Omnigrok-style run (digits, 1,000 training images, MLP 64-200-200-10
 * at init scale 8, MSE, AdamW, batch 200) once logging every 100 steps with the basic probes
 * (loss and accuracy on train and test, weight norm, gradient norm, logit statistics, dead
 * ReLUs) and once logging only at its first and last step. Runs alternate, and which goes first
 * alternates too, so a burst of load elsewhere falls on both; prints one JSON line with the median
 * wall times and, as the overhead, the median over rounds of the round's probed / bare - 1.
 */
@Command(name = "ProbeOverhead",
        description = "Wall time of a run probed every 100 steps against a bare one; prints one JSON line.")
public final class ProbeOverhead implements Callable<Integer> {

    private static final int WARM_UP_STEPS = 1000;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--steps", description = "steps of each run, >= 1 (default ${DEFAULT-VALUE})")
    private int steps = 2000;

    @Option(names = "--rounds", description = "probed and bare runs each, >= 1 (default ${DEFAULT-VALUE})")
    private int rounds = 5;

    public static void main(String[] args) {
        System.exit(Arguments.execute(new ProbeOverhead(), args));
    }

    @Override
    public Integer call() {
        Arguments.positive(spec, "--steps", steps);
        Arguments.positive(spec, "--rounds", rounds);
        Dataset data = ImageSets.digits().flatten();
        double[] probed = new double[rounds];
        double[] bare = new double[rounds];
        // warm-up of both kinds: the JVM compiles the training and probing paths
        seconds(data, WARM_UP_STEPS, 100, true);
        seconds(data, WARM_UP_STEPS, WARM_UP_STEPS, false);
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                probed[r] = seconds(data, steps, 100, true);
                bare[r] = seconds(data, steps, steps, false);
            } else {
                bare[r] = seconds(data, steps, steps, false);
                probed[r] = seconds(data, steps, 100, true);
            }
        }
        double withProbes = Timing.median(probed);
        double without = Timing.median(bare);
        System.out.println(String.format(Locale.ROOT,
                "{\"threads\": %d, \"steps\": %d, \"seconds_with_probes\": %.4f, \"seconds_without\": %.4f, "
                        + "\"overhead\": %.4f}",
                Grokkit.threads(), steps, withProbes, without, Timing.median(Timing.ratios(probed, bare)) - 1));
        return 0;
    }

    private static double seconds(Dataset data, int steps, int logEvery, boolean probes) {
        Probe[] basic = probes
                ? new Probe[] {Probes.weightNorm(), Probes.gradientNorm(), Probes.logitStats(),
                        Probes.deadRelu("hidden1", "hidden2")}
                : new Probe[0];
        Experiment experiment = Experiment.builder().data(data)
                .model(Models.mlp().hidden(200, 200).initScale(8))
                .optimizer(Optimizers.adamW().learningRate(1e-3).weightDecay(0.1)).loss(Losses.mse())
                .steps(steps).batchSize(200).seed(0).logEvery(logEvery).probes(basic).quiet()
                .build();
        long start = System.nanoTime();
        try (Run run = experiment.run()) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
