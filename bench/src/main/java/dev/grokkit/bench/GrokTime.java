package dev.grokkit.bench;

import dev.grokkit.analysis.GrokkingTimes;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import dev.grokkit.train.Stop;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * End to end: wall time until modular addition groks, the setup of
 * notebooks/scripts/modadd-grokking.jsh (x+y mod 59, 40% train, embedding MLP d 64, hidden 256,
 * full-batch AdamW lr 3e-3, wd 1, betas 0.9/0.98; train and test evaluated every 50 steps; stop
 * at test accuracy 0.99). environment/peer/grok_modadd.py is the same run in PyTorch. Prints one
 * JSON line.
 */
@Command(name = "GrokTime",
        description = "Wall time until x+y mod 59 groks (test accuracy 0.99); prints one JSON line.")
public final class GrokTime implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", description = "split and initialization seed, >= 0 (default ${DEFAULT-VALUE})")
    private long seed = 0;

    public static void main(String[] args) {
        System.exit(Arguments.execute(new GrokTime(), args));
    }

    @Override
    public Integer call() {
        Arguments.nonNegative(spec, "--seed", seed);
        var data = ModularArithmetic.builder().modulus(59).operation(Operation.ADD).trainFraction(0.4).seed(seed)
                .form(ModularArithmetic.Form.PAIRS).build();
        Experiment experiment = Experiment.builder().data(data)
                .model(Models.embeddingMlp().embeddingDim(64).hidden(256))
                .optimizer(Optimizers.adamW().learningRate(3e-3).weightDecay(1.0).betas(0.9, 0.98))
                .steps(20_000).fullBatch().seed(seed).logEvery(50).quiet()
                .stopWhen(Stop.testAccuracyAtLeast(0.99))
                .build();
        long start = System.nanoTime();
        try (Run run = experiment.run()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            GrokkingTimes times = run.grokking();
            System.out.println(String.format(Locale.ROOT,
                    "{\"seed\": %d, \"threads\": %d, \"memorization_step\": %d, \"grokking_step\": %d, "
                            + "\"steps\": %d, \"seconds\": %.3f}",
                    seed, Grokkit.threads(), times.memorizationStep(), times.grokkingStep(), run.steps(), seconds));
        }
        return 0;
    }
}
