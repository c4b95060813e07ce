// Grokking on modular addition, end to end in JShell (run: environment/jshell notebooks/scripts/modadd-grokking.jsh).
// An embedding MLP memorizes 40% of the pairs (a, b) -> (a + b) mod 59 within ~100 steps and only
// generalizes to the other 60% thousands of steps later, under AdamW with weight decay 1.
// The script exits with status 1 if that does not happen, so a test can run it.
import dev.grokkit.data.*;
import dev.grokkit.model.*;
import dev.grokkit.optim.*;
import dev.grokkit.train.*;
import dev.grokkit.viz.*;
import java.nio.file.*;

var data = ModularArithmetic.builder().modulus(59).operation(Operation.ADD).trainFraction(0.4).seed(0).
        form(ModularArithmetic.Form.PAIRS).build();
var experiment = Experiment.builder().data(data).
        model(Models.embeddingMlp().embeddingDim(64).hidden(256)).
        optimizer(Optimizers.adamW().learningRate(3e-3).weightDecay(1.0).betas(0.9, 0.98)).
        steps(8000).fullBatch().seed(0).logEvery(50).
        stopWhen(Stop.testAccuracyAtLeast(0.99)).
        build();
var run = experiment.run();
var times = run.grokking();
var history = run.history();
double testAccAtMemorization = history.values("test_acc")[(int) (times.memorizationStep() / 50)];
System.out.println(run);
System.out.printf("FINDING: x+y mod 59, 40%% train, embedding MLP d=64 h=256, AdamW lr 3e-3 wd 1: train acc >= 0.99 at step %d while test acc was %.2f; test acc >= 0.99 at step %d; %.0f s%n",
        times.memorizationStep(), testAccAtMemorization, times.grokkingStep(), run.seconds());
var out = System.getenv("GROKKIT_OUT");
if (out != null) {
    Files.createDirectories(Path.of(out));
    history.save(Path.of(out, "modadd-grokking.csv"));
    Charts.lines(history, "step", "train_acc", "test_acc").logX().title("x+y mod 59").savePng(Path.of(out, "modadd-grokking.png"));
}
boolean grokked = times.memorized() && times.grokked() && testAccAtMemorization < 0.5 &&
        times.grokkingStep() >= 5 * times.memorizationStep();
run.close();
if (!grokked) {
    System.out.println("NOT GROKKED: " + times);
    System.exit(1);
}
/exit
