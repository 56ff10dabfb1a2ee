package org.mlmsuite.backbone.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.BatchSource;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.backbone.train.ObjectiveBuilder;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingConfig;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.testing.Timings;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Pretraining step throughput of what users run: {@link BertForMaskedLm} trained by the project's
 * {@link Trainer} (AdamW, clipping, schedule) on a synthetic batch source, dropout on. Each step is
 * timed from the trainer's per-step callback; warm-up steps are dropped; the timed steps are split
 * into repetitions whose mean ms/step gives median and spread, and each figure must be a valid
 * measurement ({@link Timings#assertValid}: enough repetitions, spread within bounds; the loss of
 * every step finite). Also: a 2048x2048 TF matmul (the
 * practical fp32 ceiling), forward-only time, and the process's peak RSS. Off by default; run by
 * {@code bench/pretrain-throughput.sh}, or:
 *
 * <pre>
 * mvn -B -q -o -pl backbone -am verify -Dtest=PretrainThroughputBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.bench=true \
 *   [-Dmlm.bench.presets=tiny,mini] [-Dmlm.bench.threads=0:0,2:1] [-Dmlm.bench.out=file.json]
 * </pre>
 *
 * Threads are {@code intra:inter} op-parallelism for the session's ConfigProto; 0 = TF default.
 * Ablations (no dropout, forward only) run for the first thread setting only.
 */
@EnabledIfSystemProperty(named = "mlm.bench", matches = "true")
class PretrainThroughputBenchmark {
  static final int BATCH = 32;
  static final int LENGTH = 128;
  static final int SLOTS = 20; // ~15% of 128
  static final int VOCAB = 8000;
  static final long WEIGHT_SEED = 42;

  /** One synthetic MLM batch; int[B][T] etc. */
  record Batch(int[][] ids, int[][] types, int[][] mask, int[][] positions, int[][] labels,
      float[][] weights) {
    static Batch random(long seed) {
      return random(seed, VOCAB);
    }

    /** Random ids in [5, vocab) (below 5: BERT's special tokens), types 0 then 1, no padding. */
    static Batch random(long seed, int vocab) {
      Random r = new Random(seed);
      int[][] ids = new int[BATCH][LENGTH];
      int[][] types = new int[BATCH][LENGTH];
      int[][] mask = new int[BATCH][LENGTH];
      int[][] positions = new int[BATCH][SLOTS];
      int[][] labels = new int[BATCH][SLOTS];
      float[][] weights = new float[BATCH][SLOTS];
      for (int b = 0; b < BATCH; b++) {
        for (int t = 0; t < LENGTH; t++) {
          ids[b][t] = 5 + r.nextInt(vocab - 5);
          types[b][t] = t < LENGTH / 2 ? 0 : 1;
          mask[b][t] = 1;
        }
        // distinct positions, as a masker picks them
        int[] perm = r.ints(0, LENGTH).distinct().limit(SLOTS).sorted().toArray();
        for (int m = 0; m < SLOTS; m++) {
          positions[b][m] = perm[m];
          labels[b][m] = ids[b][perm[m]];
          weights[b][m] = 1;
        }
      }
      return new Batch(ids, types, mask, positions, labels, weights);
    }

    long tokens() {
      return (long) BATCH * LENGTH;
    }
  }

  /** Never runs out: cycles over a few pre-made batches (tensor creation stays in the step). */
  static final class SyntheticSource implements BatchSource<Batch> {
    private final List<Batch> batches;
    private long next;

    SyntheticSource(int count) {
      this(LongStream.rangeClosed(1, count).mapToObj(Batch::random).toList());
    }

    SyntheticSource(List<Batch> batches) {
      this.batches = List.copyOf(batches);
    }

    @Override
    public Batch next() {
      return batches.get((int) (next++ % batches.size()));
    }

    @Override
    public String position() {
      return Long.toString(next);
    }

    @Override
    public void seek(String position) {
      next = Long.parseLong(position);
    }
  }

  static void feed(BertForMaskedLm m, Batch b, Feeds feeds, boolean training) {
    feeds.put(m.inputs().inputIds(), ints(b.ids()));
    feeds.put(m.inputs().tokenTypeIds(), ints(b.types()));
    feeds.put(m.inputs().attentionMask(), ints(b.mask()));
    feeds.put(m.maskedPositions(), ints(b.positions()));
    feeds.put(m.maskedLabelIds(), ints(b.labels()));
    feeds.put(m.maskedWeights(), TFloat32.tensorOf(StdArrays.ndCopyOf(b.weights())));
    feeds.put(m.dropout().training(), TBool.scalarOf(training));
  }

  static TInt32 ints(int[][] a) {
    return TInt32.tensorOf(StdArrays.ndCopyOf(a));
  }

  @Test
  void run() throws IOException {
    List<String> presets = List.of(System.getProperty("mlm.bench.presets", "tiny,mini").split(","));
    List<String> threads = List.of(System.getProperty("mlm.bench.threads", "0:0").split(","));
    int warmup = Integer.getInteger("mlm.bench.warmup", 5);
    int repeats = Integer.getInteger("mlm.bench.repeats", 5);
    int stepsPerRepeat = Integer.getInteger("mlm.bench.steps", 10);
    boolean ablations = Boolean.parseBoolean(System.getProperty("mlm.bench.ablations", "true"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("framework", "tensorflow-java 1.1.0 (graph mode), mlm-suite Trainer + AdamWGraph");
    out.put("java", System.getProperty("java.version"));
    out.put("batch", BATCH);
    out.put("seq_len", LENGTH);
    out.put("masked_per_seq", SLOTS);
    out.put("vocab", VOCAB);
    out.put("warmup_steps", warmup);
    out.put("repeats", repeats);
    out.put("steps_per_repeat", stepsPerRepeat);
    out.put("matmul_2048", matmul2048(threads.get(0)));
    List<Map<String, Object>> runs = new ArrayList<>();
    for (String preset : presets) {
      for (String t : threads) {
        boolean first = t.equals(threads.get(0));
        runs.add(trainRun(preset, t, warmup, repeats, stepsPerRepeat, true, ablations && first));
        if (ablations && first) {
          runs.add(trainRun(preset, t, warmup, repeats, stepsPerRepeat, false, false));
        }
      }
    }
    out.put("runs", runs);
    out.put("peak_rss_mb", peakRssMb());
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    String file = System.getProperty("mlm.bench.out");
    if (file != null) {
      Files.writeString(Path.of(file), json);
    }
    System.out.println(json);
  }

  static ConfigProto sessionConfig(String threads) {
    String[] p = threads.split(":");
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(Integer.parseInt(p[0]))
        .setInterOpParallelismThreads(Integer.parseInt(p[1]))
        .build();
  }

  private Map<String, Object> trainRun(String preset, String threads, int warmup, int repeats,
      int stepsPerRepeat, boolean dropout, boolean ablations) throws IOException {
    TransformerConfig base = TransformerConfig.preset(preset, VOCAB);
    TransformerConfig config = dropout ? base : base.withDropout(0, 0);
    int total = warmup + repeats * stepsPerRepeat;
    TrainingConfig training = TrainingConfig.bertDefaults(1e-4, total, BATCH)
        .withCadence(1_000_000, 0, 0, 1);
    BertForMaskedLm[] built = new BertForMaskedLm[1];
    List<Long> stepEnds = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    Path dir = Files.createTempDirectory("mlm-bench");
    Map<String, Object> run = new LinkedHashMap<>();
    try (Trainer<Batch> trainer = Trainer.<Batch>builder(training, dir.resolve("run"),
            mlmObjective(config, m -> built[0] = m), new SyntheticSource(4))
        .progress(TrainingProgress.silent())
        .sessionConfig(sessionConfig(threads))
        .onStep(m -> {
          stepEnds.add(System.nanoTime());
          losses.add(m.loss());
        })
        .build()) {
      long start = System.nanoTime();
      trainer.train();
      List<Double> stepMs = stepDurationsMs(start, stepEnds);
      List<Double> repeatMs = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        int from = warmup + r * stepsPerRepeat;
        repeatMs.add(stepMs.subList(from, from + stepsPerRepeat).stream()
            .mapToDouble(Double::doubleValue).average().orElseThrow());
      }
      Timings timings = Timings.of(preset + " " + (dropout ? "train_step" : "train_step_no_dropout") + " threads=" + threads
          + ", mean ms/step per repetition", repeatMs).assertValid();
      assertTrue(losses.size() == total && losses.stream().allMatch(Double::isFinite), "losses " + losses);
      long params = 0;
      for (Parameter p : built[0].parameters()) {
        params += p.shape().size();
      }
      run.put("preset", preset);
      run.put("mode", dropout ? "train_step" : "train_step_no_dropout");
      run.put("threads_intra_inter", threads);
      run.put("parameters", params);
      run.put("step_ms", stepMs);
      run.put("repeat_mean_ms", repeatMs);
      run.put("median_ms_per_step", timings.median());
      run.put("min_ms_per_step", timings.min());
      run.put("max_ms_per_step", timings.max());
      run.put("tokens_per_s", BATCH * LENGTH / (timings.median() / 1000));
      if (ablations) {
        run.put("forward_only", forwardOnly(config, threads, warmup, repeats, stepsPerRepeat));
      }
    } finally {
      deleteTree(dir);
    }
    System.err.printf("%s %s threads=%s: %s ms/step, %.0f tokens/s%n", preset, run.get("mode"),
        threads, run.get("median_ms_per_step"), run.get("tokens_per_s"));
    return run;
  }

  /**
   * What the Trainer trains for pretraining: {@link BertForMaskedLm} (weights seeded {@link #WEIGHT_SEED}), every
   * parameter with its weight-decay flag, dropout seeded per step; {@code built} gets the model.
   */
  static ObjectiveBuilder<Batch> mlmObjective(TransformerConfig config, Consumer<BertForMaskedLm> built) {
    return tf -> {
      BertForMaskedLm m = BertForMaskedLm.build(tf, config, WEIGHT_SEED);
      built.accept(m);
      List<TrainableVariable> vars = new ArrayList<>();
      for (Parameter p : m.parameters()) {
        vars.add(new TrainableVariable(p.variable(), p.weightDecay()));
      }
      return TrainingObjective.<Batch>of(m.loss(), vars, (b, feeds) -> {
            feed(m, b, feeds, true);
            return b.tokens();
          })
          .withDropoutSeed(m.dropout().seed()).withThroughputUnit("tokens");
    };
  }

  /** Step i (0-based) took stepEnds[i] - stepEnds[i-1]; step 0 (from start) includes graph warm-up. */
  static List<Double> stepDurationsMs(long start, List<Long> stepEnds) {
    List<Double> stepMs = new ArrayList<>();
    for (int i = 0; i < stepEnds.size(); i++) {
      long prev = i == 0 ? start : stepEnds.get(i - 1);
      stepMs.add((stepEnds.get(i) - prev) / 1e6);
    }
    return stepMs;
  }

  /**
   * Loss only: the forward half of a step, same feeding, in a graph built without dropout ops (a
   * training graph with dropout fed off still draws every random mask), same thread settings.
   */
  private static Map<String, Object> forwardOnly(TransformerConfig config, String threads, int warmup,
      int repeats, int stepsPerRepeat) {
    SyntheticSource source = new SyntheticSource(4);
    List<Double> repeatMs = new ArrayList<>();
    try (Graph g = new Graph()) {
      BertForMaskedLm m = BertForMaskedLm.build(Ops.create(g), config.withDropout(0, 0), WEIGHT_SEED);
      try (Session session = new Session(g, sessionConfig(threads))) {
        for (int r = -1; r < repeats; r++) {
          int n = r < 0 ? warmup : stepsPerRepeat;
          long t0 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            try (Feeds feeds = new Feeds()) {
              feed(m, source.next(), feeds, false);
              try (Result unused = feeds.applyTo(session.runner()).fetch(m.loss()).run()) {
                // fetch the loss only
              }
            }
          }
          if (r >= 0) {
            repeatMs.add((System.nanoTime() - t0) / 1e6 / n);
          }
        }
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("graph", "built without dropout ops");
    f.put("repeat_mean_ms", repeatMs);
    f.put("median_ms", Timings.of("forward only, mean ms per repetition", repeatMs).assertValid().median());
    return f;
  }

  /** C = A x B, 2048x2048 fp32: 2*2048^3 FLOPs per run. */
  static Map<String, Object> matmul2048(String threads) {
    int n = 2048;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.random.randomStandardNormal(tf.constant(new int[] {n, n}), TFloat32.class);
      Operand<TFloat32> b = tf.random.randomStandardNormal(tf.constant(new int[] {n, n}), TFloat32.class);
      var av = tf.variable(a);
      var bv = tf.variable(b);
      Operand<TFloat32> c = tf.reduceSum(tf.linalg.matMul(av, bv), tf.constant(new int[] {0, 1}));
      try (Session s = new Session(g, sessionConfig(threads))) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
          long t0 = System.nanoTime();
          try (Result unused = s.runner().fetch(c).run()) {
            // sum of C, so the product is computed and only a scalar is copied out
          }
          if (i >= 3) {
            ms.add((System.nanoTime() - t0) / 1e6);
          }
        }
        double median = Timings.of("2048x2048 matmul", ms).assertValid().median();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ms", ms);
        m.put("median_ms", median);
        m.put("gflops", 2.0 * n * n * n / (median / 1000) / 1e9);
        return m;
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** VmHWM of this (forked test) JVM, in MiB. */
  static double peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
