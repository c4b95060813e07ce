package dev.grokkit.optim;

import static dev.grokkit.optim.Steps.assertTrajectory;

import ai.djl.ndarray.types.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule runs in float32 too: the weight stays float32 and follows the float64 run closely. */
class OptimizerPrecisionTest {

    static Stream<OptimizerSpec> specs() {
        return Stream.of(
                Optimizers.sgd().learningRate(0.1).momentum(0.9).weightDecay(5e-4),
                Optimizers.adam().learningRate(1e-2).weightDecay(0.1),
                Optimizers.adamW().learningRate(1e-2).weightDecay(1.0),
                Optimizers.lion().learningRate(0.01).weightDecay(0.5),
                Optimizers.tanhLion().learningRate(0.01).temperature(0.5),
                Optimizers.sgld().learningRate(0.1).weightDecay(0.1).temperature(0));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void float32FollowsFloat64(OptimizerSpec spec) {
        double[] w0 = SgdOptimizerTest.W0;
        double[][] grads = SgdOptimizerTest.GRADS;
        // Steps.run asserts the weight keeps its type after every update
        double[][] single = Steps.run(spec.build(), w0, grads, DataType.FLOAT32);
        assertTrajectory(Steps.run(spec.build(), w0, grads), single, 1e-6);
    }
}
