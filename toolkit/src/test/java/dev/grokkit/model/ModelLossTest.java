package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.ModularArithmetic.Form;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.info.Features;
import dev.grokkit.info.GramMatrix;
import dev.grokkit.info.MatrixEntropy;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import java.nio.DoubleBuffer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelLossTest {

    private final ModularArithmetic task = ModularArithmetic.builder().modulus(7).form(Form.PAIRS).task();
    private final Dataset data = task.split(0.6, 1);
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private GrokModel model(long seed) {
        Grokkit.seed(seed);
        return Models.embeddingMlp().embeddingDim(4).hidden(16).build(data.train(), DataType.FLOAT64, manager);
    }

    /**
     * On the training set: loss = data - 0.3 I_2(layer; logits) with the model, and the data term
     * alone on logits (what histories report); the MI is positive, so the check can fail.
     */
    private void assertDataTermMinusInformation(GrokModel model, MatrixInformationLoss loss, Loss dataTerm, String layer) {
        NDArray x = data.train().inputs(manager, DataType.FLOAT64);
        NDArray y = data.train().labelArray(manager);
        Map<String, NDArray> taps = model.activations(x, false);
        double term = dataTerm.compute(taps.get("logits"), y).getDouble();
        double mi = MatrixEntropy.mutualInformation(GramMatrix.linear(Features.rows(taps.get(layer))),
                GramMatrix.linear(Features.rows(taps.get("logits"))), 2);
        assertTrue(mi > 0 && Double.isFinite(term), "mi " + mi + ", data term " + term);
        assertEquals(term - 0.3 * mi, loss.compute(model, x, y, false).getDouble(), 1e-10);
        assertEquals(term, loss.compute(taps.get("logits"), y).getDouble(), 1e-12, "histories report the data term");
    }

    @Test
    void matrixInformationLossIsCrossEntropyMinusLambdaTimesMatrixInformation() {
        try (GrokModel model = model(1)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            assertDataTermMinusInformation(model, MatrixInformationLoss.of(0.3, "embedding"), Losses.crossEntropy(),
                    "embedding");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MatrixInformationLoss.of(0.3, "input").compute(model, x, y, false));
            assertTrue(e.getMessage().startsWith("layer"), e.getMessage());
        }
    }

    @Test
    void matrixInformationLossOnAnotherDataTerm() {
        try (GrokModel model = model(1)) {
            MatrixInformationLoss loss = MatrixInformationLoss.of(0.3, "hidden1").dataTerm(Losses.mse());
            assertDataTermMinusInformation(model, loss, Losses.mse(), "hidden1");
            assertTrue(loss.name().startsWith("mse-0.3*I2(hidden1;logits)"), loss.name());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MatrixInformationLoss.of(0.3, "hidden1").dataTerm(GroupLawLoss.of(task)));
            assertTrue(e.getMessage().startsWith("data:"), e.getMessage());
        }
    }

    @Test
    void matrixInformationOnTheFirstExamplesOnly() {
        try (GrokModel model = model(1)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            Map<String, NDArray> taps = model.activations(x, false);
            double ce = Losses.crossEntropy().compute(taps.get("logits"), y).getDouble();
            double mi = MatrixEntropy.mutualInformation(GramMatrix.linear(Features.rows(taps.get("embedding").get("0:10"))),
                    GramMatrix.linear(Features.rows(taps.get("logits").get("0:10"))), 2);
            assertEquals(ce - 0.3 * mi, MatrixInformationLoss.of(0.3, "embedding").examples(10).compute(model, x, y, false)
                    .getDouble(), 1e-10);
            assertEquals(MatrixInformationLoss.of(0.3, "embedding").compute(model, x, y, false).getDouble(),
                    MatrixInformationLoss.of(0.3, "embedding").examples(100_000).compute(model, x, y, false).getDouble(),
                    1e-12, "more examples than the batch: all of them");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MatrixInformationLoss.of(0.3, "embedding").examples(1));
            assertTrue(e.getMessage().startsWith("examples:"), e.getMessage());
        }
    }

    @Test
    void commutativityPenaltyIsZeroExactlyForASymmetricModel() {
        try (GrokModel model = model(2)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            double ce = Losses.crossEntropy().compute(model.forward(x, false), y).getDouble();
            GroupLawLoss loss = GroupLawLoss.of(task).commutativity(5);
            assertTrue(loss.compute(model, x, y, false).getDouble() > ce + 1e-4, "an untrained model is not symmetric");
            // hidden weight [V, V]: f(a, b) = f(b, a).
            NDArray w = model.parameter("hidden1.weight").array();
            double[] values = w.toDoubleArray();
            for (int row = 0; row < 16; row++) {
                System.arraycopy(values, row * 8, values, row * 8 + 4, 4);
            }
            w.set(DoubleBuffer.wrap(values));
            ce = Losses.crossEntropy().compute(model.forward(x, false), y).getDouble();
            assertEquals(ce, loss.compute(model, x, y, false).getDouble(), 1e-12);
        }
    }

    /** The zero-identity and doubling terms are the group-law probe's losses, weighted. */
    @Test
    void lawTermsEqualTheGroupLawProbesLosses() {
        try (GrokModel model = model(4)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            double ce = Losses.crossEntropy().compute(model.forward(x, false), y).getDouble();
            var ctx = new dev.grokkit.probe.ProbeContext(model, Losses.crossEntropy(), data, x, y,
                    data.test().inputs(manager, DataType.FLOAT64), data.test().labelArray(manager), 0, 1, 1000);
            double[] laws = dev.grokkit.probe.Probes.groupLaws(task).measure(ctx);
            double value = GroupLawLoss.of(task).zeroIdentity(2).doubling(3).compute(model, x, y, false).getDouble();
            assertEquals(ce + 2 * laws[0] + 3 * laws[1], value, 1e-10);
            assertEquals(ce, GroupLawLoss.of(task).compute(model, x, y, false).getDouble(), 1e-12);
            assertThrows(IllegalArgumentException.class, () -> GroupLawLoss.of(task).doubling(-1));
        }
    }

    /** The training step runs the full objective: same seed, plain cross-entropy trains differently. */
    @Test
    void experimentsTrainWithModelLosses() {
        double plain = finalTrainLoss(Losses.crossEntropy());
        for (Loss loss : new Loss[] {MatrixInformationLoss.of(0.5, "embedding"), GroupLawLoss.of(task).commutativity(1).zeroIdentity(0.5).doubling(0.5)}) {
            double regularized = finalTrainLoss(loss);
            assertTrue(Math.abs(regularized - plain) > 1e-6, loss.name() + " trains like plain cross-entropy");
        }
    }

    private double finalTrainLoss(Loss loss) {
        Experiment e = Experiment.builder().data(data).model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.adamW().learningRate(1e-2).weightDecay(0.1)).loss(loss)
                .steps(60).logEvery(30).seed(3).quiet().build();
        try (Run run = e.run()) {
            double[] train = run.history().values("train_loss");
            assertTrue(train[train.length - 1] < 0.5 * train[0], loss.name() + ": " + java.util.Arrays.toString(train));
            return train[train.length - 1];
        }
    }
}
