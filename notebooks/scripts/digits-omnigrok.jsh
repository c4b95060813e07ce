// Omnigrok's delayed generalization on the bundled 8x8 digits (run: environment/jshell notebooks/scripts/digits-omnigrok.jsh).
// Liu et al.'s recipe: an MLP whose initial weights are scaled by 8, MSE on one-hot targets,
// AdamW lr 1e-3 with weight decay, batch 200, float64. The large initial norm lets the network
// memorize its 1,000 training images while test accuracy lags; weight decay then shrinks the
// norm and test accuracy climbs long after training accuracy reached 1.
// The script exits with status 1 if that does not happen, so a test can run it.
import dev.grokkit.data.*;
import dev.grokkit.model.*;
import dev.grokkit.optim.*;
import dev.grokkit.probe.*;
import dev.grokkit.train.*;
import dev.grokkit.viz.*;
import java.nio.file.*;

var data = ImageSets.digits(1000, 0).flatten();
var run = Experiment.builder().data(data).
        model(Models.mlp().hidden(200, 200).initScale(8)).
        optimizer(Optimizers.adamW().learningRate(1e-3).weightDecay(0.1)).
        loss(Losses.mse()).precision("float64").
        steps(10000).batchSize(200).seed(0).logEvery(100).
        probes(Probes.weightNorm()).
        build().run();
var times = run.grokking(1.0);
var history = run.history();
double testAtMemorization = history.values("test_acc")[(int) (times.memorizationStep() / 100)];
System.out.println(run);
System.out.printf("FINDING: digits, 1000 train images, MLP 64-200-200-10 init x8, MSE, AdamW lr 1e-3 wd 0.1, batch 200, float64: train acc 1.00 at step %d with test acc %.3f; test acc %.3f at step %d; weight norm %.1f -> %.1f; %.0f s%n",
        times.memorizationStep(), testAtMemorization, history.last("test_acc"), run.steps(),
        history.values("weight_norm")[0], history.last("weight_norm"), run.seconds());
var out = System.getenv("GROKKIT_OUT");
if (out != null) {
    Files.createDirectories(Path.of(out));
    history.save(Path.of(out, "digits-omnigrok.csv"));
    Charts.lines(history, "step", "train_acc", "test_acc").logX().title("digits, init x8").savePng(Path.of(out, "digits-omnigrok.png"));
}
boolean delayed = times.memorized() && history.last("test_acc") >= testAtMemorization + 0.05 &&
        history.last("weight_norm") < history.values("weight_norm")[0];
run.close();
if (!delayed) {
    System.out.println("NO DELAYED GENERALIZATION: " + times);
    System.exit(1);
}
/exit
