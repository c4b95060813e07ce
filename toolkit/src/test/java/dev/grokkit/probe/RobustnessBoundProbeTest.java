package dev.grokkit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.analysis.RobustnessBound;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.ModularArithmetic.Form;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.hessian.DenseHessian;
import dev.grokkit.hessian.Hutchinson;
import dev.grokkit.hessian.LossHessian;
import dev.grokkit.info.Features;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.model.NamedParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Theorem 3.2's probe on a small embedding MLP against a direct computation of each quantity. */
class RobustnessBoundProbeTest {

    private final ModularArithmetic task = ModularArithmetic.builder().modulus(7).form(Form.PAIRS).task();
    private final Dataset data = task.split(0.6, 1);

    @Test
    void columnsAreItsAccessorsAndValuesMatchADirectComputation() {
        RobustnessBoundProbe probe = Probes.robustnessBound("embedding").batch(20)
                .hutchinson(Hutchinson.withDefaults().maxSamples(400));
        assertEquals(List.of(probe.trace(), probe.traceStdErr(), probe.weightSqNorm(), probe.minInputSqNorm(),
                probe.nearestMin(), probe.nearestMedian(), probe.radius(), probe.guaranteedAccuracy(), probe.inputGradientSq(),
                probe.inputGradientSqStdErr(), probe.lemmaBound()), probe.columns());
        assertEquals("bound:radius:embedding", probe.radius());
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            Grokkit.seed(3);
            GrokModel model = Models.embeddingMlp().embeddingDim(4).hidden(16).build(data.train(), DataType.FLOAT64, manager);
            ProbeContext context = new ProbeContext(model, Losses.crossEntropy(), data, data.train().inputs(manager, model.dtype()),
                    data.train().labelArray(manager), data.test().inputs(manager, model.dtype()), data.test().labelArray(manager),
                    5, 10, 1000);
            double[] m = probe.measure(context);

            NDArray x = context.inputs(ProbeContext.Split.TRAIN);
            NDArray y = context.labels(ProbeContext.Split.TRAIN);
            double trace = DenseHessian.of(LossHessian.of(model, Losses.crossEntropy(), x.get("0:20"), y.get("0:20"))).trace();
            assertEquals(trace, m[0], 4 * m[1]);
            double w2 = 0;
            for (NamedParameter p : model.trainableParameters()) {
                for (double v : p.array().toDoubleArray()) {
                    w2 += v * v;
                }
            }
            assertEquals(w2, m[2], 1e-9 * w2);
            double[][] train = Features.rows(context.activations(ProbeContext.Split.TRAIN).get("embedding"));
            double[][] test = Features.rows(context.activations(ProbeContext.Split.TEST).get("embedding"));
            assertEquals(RobustnessBound.minSquaredNorm(train), m[3], 0);
            double[] nearest = RobustnessBound.nearestDistances(train, test);
            assertEquals(nearest[0], m[4], 0);
            assertEquals(nearest[nearest.length / 2], m[5], 0);
            double eps = RobustnessBound.radius(train.length, m[2], m[0], m[3], 0);
            assertEquals(eps, m[6], 0);
            assertEquals(RobustnessBound.coveredFraction(nearest, eps), m[7], 0);
            var gradients = InputJacobian.meanSquaredNorm(model, "embedding",
                    context.activations(ProbeContext.Split.TRAIN).get("embedding"), 10, 5);
            assertEquals(gradients.value(), m[8], 0);
            assertEquals(gradients.standardError(), m[9], 0);
            assertEquals(m[2] * m[0] / m[3], m[10], 0);
        }
    }

    @Test
    void perturbedInformationColumnsAreItsAccessors() {
        PerturbedInformationProbe p = Probes.perturbedInformation("embedding", "logits", 0.5);
        assertEquals(List.of(p.pmi(), p.pe(), p.mid(), p.ed()), p.columns());
        assertEquals("pmi:embedding:logits:0.5", p.pmi());
    }
}
