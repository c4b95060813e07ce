// The README's tour, runnable as written: environment/jshell notebooks/scripts/tour.jsh
import dev.grokkit.data.*;
import dev.grokkit.model.*;
import dev.grokkit.optim.*;
import dev.grokkit.probe.*;
import dev.grokkit.train.*;
import dev.grokkit.viz.*;

var data = ModularArithmetic.builder().modulus(31).operation(Operation.ADD).
        trainFraction(0.6).seed(0).form(ModularArithmetic.Form.PAIRS).build();
var run = Experiment.builder().data(data).
        model(Models.embeddingMlp().embeddingDim(64).hidden(256)).
        optimizer(Optimizers.adamW().learningRate(3e-3).weightDecay(1.0).betas(0.9, 0.98)).
        steps(3000).fullBatch().seed(0).logSchedule(LogSchedule.logSpaced(10).or(LogSchedule.every(50))).
        probes(Probes.weightNorm(), Probes.gradientNorm()).
        stopWhen(Stop.testAccuracyAtLeast(0.99)).
        build().run();
var history = run.history();                 // a Tablesaw Table: step, train_loss, train_acc, test_loss, test_acc, weight_norm, grad_norm
System.out.println(history.last(5));
System.out.println("FINDING: " + run.grokking());     // memorization and grokking steps at accuracy 0.99
var chart = Charts.lines(history, "step", "train_acc", "test_acc").logX().   // an XChart XYChart
        mark(run.grokking().grokkingStep(), "t_grok");                      // a vertical line at the grokking step
run.close();
/exit
