package dev.grokkit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.ensemble.MemberStack;
import dev.grokkit.ensemble.StackPlan;
import dev.grokkit.ensemble.StackRunner;
import dev.grokkit.hessian.LossHessian;
import dev.grokkit.hessian.ProbeVectors;
import dev.grokkit.info.Ksg;
import dev.grokkit.info.MatrixEntropy;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.Losses;
import dev.grokkit.model.ModelSpec;
import dev.grokkit.model.Models;
import dev.grokkit.optim.OptimizerSpec;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.TrainingStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** The workloads of docs/benchmarks.md, built from the toolkit's own parts. */
public final class Workloads {

    private static final Map<String, Workload> ALL = new LinkedHashMap<>();

    static {
        add(matmulPeak());
        add(omnigrokMlp());
        add(modAddMlp());
        add(modAddTransformer());
        add(hvp());
        add(hvpFirst());
        add(matrixEntropy());
        add(ksg());
        add(ensembleModAdd());
        add(ensembleModAddLoop());
    }

    private Workloads() {}

    private static void add(Workload w) {
        ALL.put(w.name(), w);
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Workload named(String name) {
        Workload w = ALL.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no workload '" + name + "'; workloads: " + names());
        }
        return w;
    }

    /** The machine's fp32 matmul rate through libtorch: one 512 x 512 x 512 product, 2 n^3 FLOPs. */
    static Workload matmulPeak() {
        return new Simple("matmul-peak", 2.0 * 512 * 512 * 512, 10, m -> {
            NDArray a = m.randomUniform(0, 1, new Shape(512, 512));
            NDArray b = m.randomUniform(0, 1, new Shape(512, 512));
            return () -> a.matMul(b).close();
        });
    }

    /** One AdamW step (lr 1e-3, wd 0.01) of Omnigrok's MLP 784-200-200-10, init x8, MSE, batch 200. */
    static Workload omnigrokMlp() {
        double flops = 3 * 2.0 * 200 * (784 * 200 + 200 * 200 + 200 * 10);
        return new Simple("omnigrok-mlp", flops, 20, m -> {
            float[] x = m.randomUniform(0, 1, new Shape(200 * 784)).toFloatArray();
            int[] y = m.randomInteger(0, 10, new Shape(200), DataType.INT32).toIntArray();
            Examples batch = Examples.ofFeatures(x, new Shape(784), y, 10);
            return step(m, batch, Models.mlp().hidden(200, 200).initScale(8),
                    Optimizers.adamW().learningRate(1e-3).weightDecay(0.01), Losses.mse());
        });
    }

    /** One full-batch AdamW step on 30% of pairs mod 97: shared embedding 128, 256 -> 512 ReLU -> 97. */
    static Workload modAddMlp() {
        int n = (int) (0.3 * 97 * 97);
        double flops = 3 * 2.0 * n * (256 * 512 + 512 * 97);
        return new Simple("modadd-mlp", flops, 20, m -> {
            Dataset data = modAdd(97, ModularArithmetic.Form.PAIRS);
            return step(m, data.train(), Models.embeddingMlp().embeddingDim(128).hidden(512),
                    Optimizers.adamW().learningRate(1e-3).weightDecay(1.0).betas(0.9, 0.98), Losses.crossEntropy());
        });
    }

    /** One full-batch AdamW step of Nanda et al.'s 1-layer transformer on 30% of pairs mod 113. */
    static Workload modAddTransformer() {
        int n = (int) (0.3 * 113 * 113);
        double perToken = 2.0 * 128 * (3 * 128 + 128 + 512 + 512);
        double flops = 3 * n * (3 * perToken + 2.0 * 128 * 113);
        return new Simple("modadd-transformer", flops, 10, m -> {
            Dataset data = modAdd(113, ModularArithmetic.Form.TOKENS);
            return step(m, data.train(), Models.transformer().layers(1).dModel(128).heads(4).dMlp(512),
                    Optimizers.adamW().learningRate(1e-3).weightDecay(1.0).betas(0.9, 0.98), Losses.crossEntropy());
        });
    }

    /**
     * One Hessian-vector product with a fresh Rademacher v (entries +-1), returning v^T H v, of the
     * MSE loss of the MLP 784-200-200-10 (default init) on 1000 uniform inputs with one-hot targets:
     * H v through the public operator ({@link LossHessian#apply}), its vector in and out included.
     * The parameters do not change between ops, so after the warm-up each op is a product through
     * the kept gradient graph, as Lanczos, power iteration and Hutchinson see it.
     */
    static Workload hvp() {
        return hvp("hvp", false);
    }

    /**
     * The same product as the first one at new parameters: each op a fresh LossHessian (closed
     * after), so it also builds the gradient and its graph (a forward pass and a create_graph
     * backward). The peer's hvp op does this at every op.
     */
    static Workload hvpFirst() {
        return hvp("hvp-first", true);
    }

    private static Workload hvp(String name, boolean freshEachOp) {
        return new Simple(name, Double.NaN, 3, m -> {
            float[] x = m.randomUniform(0, 1, new Shape(1000 * 784)).toFloatArray();
            int[] y = m.randomInteger(0, 10, new Shape(1000), DataType.INT32).toIntArray();
            Examples batch = Examples.ofFeatures(x, new Shape(784), y, 10);
            Grokkit.seed(0);
            GrokModel model = Models.mlp().hidden(200, 200).build(batch, DataType.FLOAT32, m);
            NDArray inputs = batch.inputs(m, DataType.FLOAT32);
            NDArray labels = batch.labelArray(m);
            LossHessian kept = LossHessian.of(model, Losses.mse(), inputs, labels);
            Random random = new Random(0);
            return () -> {
                double[] v = ProbeVectors.rademacher(kept.dimension(), random); // as Hutchinson and SLQ draw theirs
                double[] hv;
                if (freshEachOp) {
                    try (LossHessian fresh = LossHessian.of(model, Losses.mse(), inputs, labels)) {
                        hv = fresh.apply(v);
                    }
                } else {
                    hv = kept.apply(v);
                }
                double quadraticForm = 0;
                for (int i = 0; i < v.length; i++) {
                    quadraticForm += v[i] * hv[i];
                }
                if (!Double.isFinite(quadraticForm)) {
                    throw new IllegalStateException("v^T H v is " + quadraticForm);
                }
            };
        });
    }

    /** Von Neumann entropy of the Gram matrix / n of 1000 row-normalized 200-d Gaussian features (float64). */
    static Workload matrixEntropy() {
        return new Simple("matrix-entropy", Double.NaN, 2, m -> {
            double[][] z = gaussian(new Random(0), 1000, 200);
            return () -> MatrixEntropy.linearKernelEntropy(z, 1);
        });
    }

    /** KSG (algorithm 1, k = 3, max-norm) estimate of I(X;Y), n = 2000, 4-d X, Y = 0.8 X + 0.6 noise. */
    static Workload ksg() {
        return new Simple("ksg", Double.NaN, 1, m -> {
            Random random = new Random(0);
            double[][] x = gaussian(random, 2000, 4);
            double[][] noise = gaussian(random, 2000, 4);
            double[][] y = new double[2000][4];
            for (int i = 0; i < 2000; i++) {
                for (int j = 0; j < 4; j++) {
                    y[i][j] = 0.8 * x[i][j] + 0.6 * noise[i][j];
                }
            }
            Ksg estimator = Ksg.algorithm1();
            return () -> estimator.mutualInformation(x, y);
        });
    }

    /** The ensemble workloads' members: K = 16, each x+y mod 59 on its own random 40% of the pairs. */
    private static final int ENSEMBLE_MEMBERS = 16;
    private static final int ENSEMBLE_MODULUS = 59;

    /** One member-step's FLOPs: the table projected through the first layer (2 x 59 x 64 x 256 twice), 256 -> 59 on n rows; x3. */
    private static double ensembleMemberFlops() {
        int n = (int) (0.4 * ENSEMBLE_MODULUS * ENSEMBLE_MODULUS);
        return 3 * 2.0 * (2 * ENSEMBLE_MODULUS * 64 * 256 + n * 256 * ENSEMBLE_MODULUS);
    }

    /**
     * One full-batch AdamW step (lr 3e-3, wd 1, betas 0.9/0.98) of all 16 members as an
     * {@code Ensemble} trains them: in the stacks of their {@link StackPlan}, stepped by its workers
     * (at two threads two workers on one thread each, stacks of one member; at one thread stacks of
     * one member in turn: a stack of 16 leaves the cache).
     */
    static Workload ensembleModAdd() {
        return new Simple("ensemble-modadd", ENSEMBLE_MEMBERS * ensembleMemberFlops(), 10, m -> {
            List<GrokModel> models = new ArrayList<>();
            List<Examples> splits = new ArrayList<>();
            for (int k = 0; k < ENSEMBLE_MEMBERS; k++) {
                splits.add(ensembleSplit(k));
                models.add(ensembleModel(k, splits.get(k), m));
            }
            StackPlan plan = StackPlan.of(models, splits.get(0).size());
            List<Runnable> stacks = new ArrayList<>();
            for (List<Integer> stack : plan.stacks(IntStream.range(0, ENSEMBLE_MEMBERS).boxed().toList())) {
                MemberStack members = new MemberStack(stack.stream().map(models::get).toList(),
                        stack.stream().map(k -> ensembleOptimizer().build()).toList(),
                        stack.stream().map(k -> splits.get(k).inputs(m, DataType.FLOAT32)).toList(),
                        stack.stream().map(k -> splits.get(k).labelArray(m)).toList(), ensembleOptimizer(),
                        Losses.crossEntropy(), m);
                stacks.add(members::step);
            }
            StackRunner runner = new StackRunner(plan); // its daemon workers end with the process
            return () -> runner.runAll(stacks);
        });
    }

    /** The same 16 members as separate models, each stepped by the ordinary training step, one after another. */
    static Workload ensembleModAddLoop() {
        return new Simple("ensemble-modadd-loop", ENSEMBLE_MEMBERS * ensembleMemberFlops(), 3, m -> {
            List<Runnable> steps = new ArrayList<>();
            for (int k = 0; k < ENSEMBLE_MEMBERS; k++) {
                Examples train = ensembleSplit(k);
                TrainingStep step = new TrainingStep(ensembleModel(k, train, m), ensembleOptimizer().build(),
                        Losses.crossEntropy());
                NDArray x = train.inputs(m, DataType.FLOAT32);
                NDArray y = train.labelArray(m);
                steps.add(() -> step.run(x, y, 0));
            }
            return () -> steps.forEach(Runnable::run);
        });
    }

    private static Examples ensembleSplit(int member) {
        return ModularArithmetic.builder().modulus(ENSEMBLE_MODULUS).operation(Operation.ADD).trainFraction(0.4)
                .seed(member).build().train();
    }

    private static GrokModel ensembleModel(int member, Examples train, NDManager m) {
        return Grokkit.seeded(member, () -> Models.embeddingMlp().embeddingDim(64).hidden(256)
                .build(train, DataType.FLOAT32, m));
    }

    private static OptimizerSpec ensembleOptimizer() {
        return Optimizers.adamW().learningRate(3e-3).weightDecay(1.0).betas(0.9, 0.98);
    }

    private static double[][] gaussian(Random random, int n, int d) {
        double[][] z = new double[n][d];
        for (double[] row : z) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return z;
    }

    private static Dataset modAdd(int p, ModularArithmetic.Form form) {
        return ModularArithmetic.builder().modulus(p).operation(Operation.ADD).trainFraction(0.3).seed(0)
                .form(form).build();
    }

    private static Runnable step(NDManager m, Examples batch, ModelSpec spec, OptimizerSpec optimizer, Loss loss) {
        Grokkit.seed(0);
        GrokModel model = spec.build(batch, DataType.FLOAT32, m);
        NDArray x = batch.inputs(m, DataType.FLOAT32);
        NDArray y = batch.labelArray(m);
        TrainingStep step = new TrainingStep(model, optimizer.build(), loss);
        return () -> step.run(x, y, 0);
    }

    /** A workload from its parts. */
    private record Simple(String name, double flopsPerOp, int warmup,
            java.util.function.Function<NDManager, Runnable> setUp) implements Workload {
        @Override
        public Runnable prepare(NDManager manager) {
            return setUp.apply(manager);
        }
    }
}
