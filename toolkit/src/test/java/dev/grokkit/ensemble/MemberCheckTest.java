package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.data.Dataset;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.InputNoise;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Experiments that cannot be stacked are refused before anything is built, naming the member and the setting. */
class MemberCheckTest {

    private static Experiment.Builder member(long seed) {
        return EnsembleTest.modAdd(seed, Optimizers.adamW().learningRate(1e-2));
    }

    /** The message of the refusal of member 0 and member 1 changed by {@code change}. */
    private static String refusal(UnaryOperator<Experiment.Builder> change) {
        List<Experiment> members = List.of(member(0).build(), change.apply(member(1)).build());
        return assertThrows(IllegalArgumentException.class, () -> Ensemble.of(members)).getMessage();
    }

    private static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing in: " + message);
        }
    }

    @Test
    void membersThatComputeDifferentlyAreRefusedNamingTheSetting() {
        assertNames(refusal(b -> b.model(Models.embeddingMlp().embeddingDim(8).hidden(32))),
                "member 1", "seed 1", "model", "hidden [32]", "hidden [16]");
        assertNames(refusal(b -> b.optimizer(Optimizers.adamW().learningRate(2e-2))), "member 1", "optimizer");
        assertNames(refusal(b -> b.steps(61)), "member 1", "steps 61");
        assertNames(refusal(b -> b.precision("float32")), "member 1", "precision float32");
        Dataset larger = ModularArithmetic.builder().modulus(13).operation(Operation.ADD).trainFraction(0.6).seed(1)
                .build();
        assertNames(refusal(b -> b.data(larger)), "member 1", "training-set size");
    }

    @Test
    void settingsAnEnsembleCannotHonourAreRefused() {
        assertNames(refusal(b -> b.batchSize(10)), "seed 1", "batch size 10", "full batch");
        assertNames(refusal(b -> b.optimizer(Optimizers.sgld().learningRate(1e-2))), "seed 1", "SGLD");
        assertNames(refusal(b -> b.inputNoise(InputNoise.constant(0.1))), "seed 1", "input noise");
    }

    @Test
    void noMembersAndANullExperimentAreRefused() {
        assertNames(assertThrows(IllegalArgumentException.class, () -> Ensemble.of(List.of())).getMessage(),
                "at least one");
        assertNames(assertThrows(IllegalArgumentException.class,
                () -> Ensemble.of(List.of(1L, 2L), seed -> seed == 2 ? null : member(seed).build())).getMessage(),
                "null for 2");
    }

    @Test
    void aTransformerHasNoStackedFormAndIsRefusedBeforeTraining() {
        Dataset tokens = ModularArithmetic.builder().modulus(13).operation(Operation.ADD).trainFraction(0.5).seed(0)
                .form(ModularArithmetic.Form.TOKENS).build();
        Experiment transformer = Experiment.builder().data(tokens)
                .model(Models.transformer().layers(1).dModel(16).heads(2).dMlp(32))
                .optimizer(Optimizers.adamW()).steps(5).fullBatch().quiet().build();
        String message = assertThrows(IllegalArgumentException.class,
                () -> Ensemble.of(List.of(transformer, transformer)).run()).getMessage();
        assertNames(message, "stage", "has no stacked form");
    }
}
