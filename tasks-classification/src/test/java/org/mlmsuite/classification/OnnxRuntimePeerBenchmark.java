package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.BertModel;
import org.mlmsuite.backbone.model.BlockContext;
import org.mlmsuite.backbone.model.Dense;
import org.mlmsuite.backbone.model.EncoderInputs;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.WordFrequencies;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.text.WordPieceTrainer;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.datasets.LabeledText;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Classifier inference, TF Java beside ONNX Runtime for Java on the same weights and sentences, in
 * one JVM: {@link TextClassifier} (what users call), the same TF graph through a bare session at
 * other thread settings, the pre-#17 serving graph (dropout ops, full last layer) and a
 * dropout-free full-last-layer graph (what each change bought), and ORT running the PyTorch twin
 * exported by {@code bench/pytorch_classifier_onnx.py} (full, and last layer on [CLS] only).
 *
 * <p>The model is a classifier directory ({@code mlm.benchmark.model}) or a stand-in of random
 * weights ({@code mlm.benchmark.backbone=tiny|base}: the tiny preset, or BERT-Base's shape;
 * uncased WordPiece vocabulary of 8,000 trained on SST-2 train; max length 64; speed does not
 * depend on trained values). Its weights go to PyTorch through safetensors; the ORT and TF logits
 * must agree within {@code mlm.benchmark.tolerance} (max abs) on every sentence.
 *
 * <p>Timed, interleaved so load from other processes hits all alike (the order rotates each round,
 * so no runner always follows the same one), tokenizing included: batched
 * (calls of 32 texts in data order, each padded to its longest), and whole list (one call on all
 * texts, sorted by length into batches of 32, as {@link TextClassifier#predictBatch} does), each
 * one warm-up pass and {@code passes} timed passes, median sentences/s; single sentence, 50 warm-up calls then one call
 * per text over the first {@code singles} texts, p50/p99. Off by default; run by {@code
 * bench/inference-speed.sh}, or: {@code mvn -B -q -o -pl tasks-classification -am verify
 * -Dtest=OnnxRuntimePeerBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true
 * [-Dmlm.benchmark.backbone=tiny] [-Dmlm.benchmark.out=file.json]} with {@code MLM_DATA_DIR} set.
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class OnnxRuntimePeerBenchmark {
  private static final int BATCH = 32;
  private static final int MAX_LENGTH = 64;
  private static final int VOCAB = 8000;

  @TempDir Path tmp;

  /** Scores [N][C] for a chunk of texts: logits, or probabilities for {@link TextClassifier}. */
  interface Runner extends AutoCloseable {
    float[][] run(List<String> texts);

    @Override
    default void close() {}
  }

  /** A graph's feeds and logits. */
  record Built(EncoderInputs inputs, Operand<TFloat32> logits) {}

  @Test
  void tfJavaBesideOnnxRuntime() throws Exception {
    String data = System.getProperty("mlm.benchmark.data", "sst2:dev");
    String backbone = System.getProperty("mlm.benchmark.backbone", "tiny");
    int passes = Integer.getInteger("mlm.benchmark.passes", 3);
    int singleCount = Integer.getInteger("mlm.benchmark.singles", 500);
    double tolerance = Double.parseDouble(System.getProperty("mlm.benchmark.tolerance", "1e-4"));
    List<String> tfThreads = Arrays.stream(System.getProperty("mlm.benchmark.tfThreads", "1:1,2:1").split(","))
        .filter(t -> !t.isBlank()).toList();
    List<String> ortThreads = List.of(System.getProperty("mlm.benchmark.ortThreads", "0").split(","));
    int limit = Integer.getInteger("mlm.benchmark.limit", Integer.MAX_VALUE);
    List<String> texts = LabeledData.read(data, "test", TextColumns.catalog(), null, null).examples().stream()
        .map(LabeledText::text).limit(limit).toList();

    String modelProperty = System.getProperty("mlm.benchmark.model");
    Path model = modelProperty != null ? Path.of(modelProperty) : standIn(tmp.resolve("classifier"), backbone);
    ModelDirectory dir = ModelDirectory.open(model, ClassifierInfo.KIND);
    ClassifierInfo info = dir.read(ClassifierInfo.FILE_NAME, ClassifierInfo.class);
    TransformerConfig config = dir.config();
    int labels = info.labels().size();
    ExampleEncoder encoder = new ExampleEncoder(dir.tokenizer(), info.maxLength());
    int padId = dir.tokenizer().vocabulary().padId();
    Map<String, Object> exported = exportOnnx(dir, labels);

    Map<String, Runner> runners = new LinkedHashMap<>();
    Map<String, Object> out = new LinkedHashMap<>();
    try (TextClassifier classifier = TextClassifier.load(model)) {
      runners.put("tf_textclassifier", chunk -> probabilities(classifier.predictBatch(chunk), classifier.labels()));
      runners.put("tf_serving_graph", new TfRunner(dir, encoder, padId, "0:0", tf -> built(ClassifierGraph.forInference(tf, config, labels))));
      runners.put("tf_before_dropout_ops_full_last_layer",
          new TfRunner(dir, encoder, padId, "0:0", tf -> plainGraph(tf, config, labels)));
      runners.put("tf_no_dropout_full_last_layer",
          new TfRunner(dir, encoder, padId, "0:0", tf -> plainGraph(tf, config.withDropout(0, 0), labels)));
      for (String threads : tfThreads) {
        runners.put("tf_serving_graph_threads_" + threads.replace(':', '_'),
            new TfRunner(dir, encoder, padId, threads, tf -> built(ClassifierGraph.forInference(tf, config, labels))));
      }
      for (String threads : ortThreads) {
        String suffix = threads.equals("0") ? "" : "_threads_" + threads;
        runners.put("ort_full" + suffix,
            new OrtRunner(Path.of((String) exported.get("full")), encoder, padId, Integer.parseInt(threads)));
        runners.put("ort_cls_only_last_layer" + suffix,
            new OrtRunner(Path.of((String) exported.get("cls_only")), encoder, padId, Integer.parseInt(threads)));
      }

      Map<String, Object> agreement = new LinkedHashMap<>();
      float[][] reference = batched(runners.get("tf_serving_graph"), texts);
      agreement.put("scale_max_abs_logit", maxAbsDiff(reference, new float[reference.length][labels]));
      for (var e : runners.entrySet()) {
        float[][] scores = batched(e.getValue(), texts);
        if (e.getKey().equals("tf_textclassifier")) {
          double diff = maxAbsDiff(softmax(reference), scores);
          agreement.put("tf_textclassifier_probabilities_vs_serving_graph_softmax", diff);
          assertTrue(diff <= tolerance, "TextClassifier probabilities differ by " + diff);
        } else if (!e.getKey().equals("tf_serving_graph")) {
          double diff = maxAbsDiff(reference, scores);
          agreement.put(e.getKey() + "_logits_vs_serving_graph", diff);
          assertTrue(diff <= tolerance, e.getKey() + " logits differ from TF's by " + diff);
        }
      }
      out.put("max_abs_diff_over_all_texts", agreement);

      // chunks: predictBatch on 32 texts at a time in data order (each batch padded to its longest);
      // whole list: one predictBatch on all texts, which sorts them by length into batches of 32
      Map<String, List<Double>> passSeconds = new LinkedHashMap<>();
      Map<String, List<Double>> wholeListSeconds = new LinkedHashMap<>();
      runners.keySet().forEach(k -> passSeconds.put(k, new ArrayList<>()));
      runners.keySet().forEach(k -> wholeListSeconds.put(k, new ArrayList<>()));
      for (int pass = -1; pass < passes; pass++) {
        for (String name : rotated(runners.keySet(), pass + 1)) {
          Runner runner = runners.get(name);
          long start = System.nanoTime();
          assertEquals(texts.size(), batched(runner, texts).length);
          long middle = System.nanoTime();
          assertEquals(texts.size(), runner.run(texts).length);
          if (pass >= 0) {
            passSeconds.get(name).add((middle - start) / 1e9);
            wholeListSeconds.get(name).add((System.nanoTime() - middle) / 1e9);
          }
        }
      }
      List<String> singles = texts.subList(0, Math.min(singleCount, texts.size()));
      Map<String, double[]> singleMs = new LinkedHashMap<>();
      runners.keySet().forEach(k -> singleMs.put(k, new double[singles.size()]));
      for (int i = -50; i < singles.size(); i++) {
        String text = singles.get(Math.floorMod(i, singles.size()));
        for (String name : rotated(runners.keySet(), i + 50)) {
          long start = System.nanoTime();
          float[][] scores = runners.get(name).run(List.of(text));
          if (i >= 0) {
            singleMs.get(name)[i] = (System.nanoTime() - start) / 1e6;
          }
          assertEquals(labels, scores[0].length);
        }
      }

      Map<String, Object> results = new LinkedHashMap<>();
      for (String name : runners.keySet()) {
        double[] seconds = passSeconds.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] ms = singleMs.get(name).clone();
        Arrays.sort(ms);
        Map<String, Object> r = new LinkedHashMap<>();
        double[] wholeList = wholeListSeconds.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        r.put("pass_seconds", passSeconds.get(name));
        r.put("batched_sentences_per_s", texts.size() / seconds[seconds.length / 2]);
        r.put("whole_list_pass_seconds", wholeListSeconds.get(name));
        r.put("whole_list_sentences_per_s", texts.size() / wholeList[wholeList.length / 2]);
        r.put("single_p50_ms", ms[ms.length / 2]);
        r.put("single_p90_ms", ms[(int) (ms.length * 0.9)]);
        r.put("single_p99_ms", ms[(int) (ms.length * 0.99)]);
        results.put(name, r);
      }
      out.put("results", results);
    } finally {
      for (Runner r : runners.values()) {
        r.close();
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", modelProperty != null ? model.toString() : "stand-in, random weights, backbone " + backbone);
    report.put("config", config);
    report.put("max_length", info.maxLength());
    report.put("data", data);
    report.put("texts", texts.size());
    report.put("first_texts_only", limit < Integer.MAX_VALUE);
    report.put("mean_tokens", texts.stream().mapToInt(t -> encoder.encode(t, null).length()).average().orElse(0));
    report.put("batch", BATCH);
    report.put("timed_passes", passes);
    report.put("single_calls", Math.min(singleCount, texts.size()));
    report.put("tf_threads_intra_inter", tfThreads);
    report.put("ort_intra_op_threads", ortThreads + " (0 = ORT default, no suffix in the runner name)");
    report.put("onnx_export", exported);
    report.put("java", System.getProperty("java.version"));
    report.put("frameworks", "tensorflow-java 1.1.0 (graph mode); onnxruntime (Java) " + OrtEnvironment.getEnvironment().getVersion());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("load_average_after", Files.readString(Path.of("/proc/loadavg")).trim());
    report.putAll(out);
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    String file = System.getProperty("mlm.benchmark.out");
    if (file != null) {
      Files.writeString(Path.of(file), json);
    }
    System.out.println(json);
  }

  /** A classifier directory with random weights: {@code tiny} preset or BERT-Base's shape, 2 labels. */
  private static Path standIn(Path dir, String backbone) {
    WordFrequencies words = new WordFrequencies(true);
    for (LabeledText t : LabeledData.read("sst2:train", "train", TextColumns.catalog(), null, null).examples()) {
      words.add(t.text());
    }
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(
        new WordPieceTrainer(WordPieceTrainer.Options.withVocabSize(VOCAB)).train(words), TokenizerConfig.uncased());
    int vocab = tokenizer.vocabulary().size();
    TransformerConfig config = switch (backbone) {
      case "tiny" -> TransformerConfig.tiny(vocab);
      case "base" -> TransformerConfig.of(vocab, 768, 12, 12, 3072);
      default -> throw new IllegalArgumentException("mlm.benchmark.backbone: tiny or base, got " + backbone);
    };
    ClassifierInfo info = new ClassifierInfo(List.of("negative", "positive"), MAX_LENGTH, false, null, null, null, null);
    try (Graph graph = new Graph()) {
      ClassifierGraph.forInference(Ops.create(graph), config, 2);
      try (Session session = new Session(graph)) {
        ModelDirectory.write(dir, ClassifierInfo.KIND, config, tokenizer, session::save,
            Map.of(ClassifierInfo.FILE_NAME, info));
      }
    }
    return dir;
  }

  /** Writes config.json + weights.safetensors, runs the PyTorch export; its JSON line, parsed. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> exportOnnx(ModelDirectory dir, int labels) throws IOException, InterruptedException {
    Path exchange = Files.createDirectories(tmp.resolve("exchange"));
    dir.config().write(exchange.resolve("config.json"));
    try (Graph graph = new Graph()) {
      ClassifierGraph g = ClassifierGraph.forInference(Ops.create(graph), dir.config(), labels);
      try (Session session = new Session(graph)) {
        session.restore(dir.weightsPrefix());
        writeSafetensors(session, g.parameters(), exchange.resolve("weights.safetensors"));
      }
    }
    String python = System.getProperty("mlm.benchmark.python", "/usr/bin/python3");
    String script = System.getProperty("mlm.benchmark.script", "../bench/pytorch_classifier_onnx.py");
    Process p = new ProcessBuilder(python, script, "--exchange", exchange.toString(),
        "--full", tmp.resolve("full.onnx").toString(), "--cls-only", tmp.resolve("cls-only.onnx").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "PyTorch export failed: " + stdout);
    String last = stdout.strip().lines().reduce((a, b) -> b).orElseThrow();
    return new ObjectMapper().readValue(last, Map.class);
  }

  /** The safetensors layout bench/pytorch_bert_base_speed.py reads: u64 header length, JSON header, float32 data. */
  private static void writeSafetensors(Session session, List<Parameter> parameters, Path file) throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    List<float[]> values = new ArrayList<>();
    long offset = 0;
    for (Parameter p : parameters) {
      try (Result r = session.runner().fetch(p.variable()).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] v = new float[(int) t.size()];
        t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(v, false, false));
        values.add(v);
        header.put(p.name(), Map.of("dtype", "F32", "shape", t.shape().asArray(),
            "data_offsets", new long[] {offset, offset + 4L * v.length}));
        offset += 4L * v.length;
      }
    }
    byte[] json = new ObjectMapper().writeValueAsBytes(header);
    try (OutputStream os = Files.newOutputStream(file)) {
      os.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
      os.write(json);
      for (float[] v : values) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        os.write(b.array());
      }
    }
  }

  /**
   * The serving graph before issue #17's change: full encoder, dropout sites built and fed nothing
   * (so off, but each still draws its random mask), pooled [CLS], classifier. Same variable names.
   */
  private static Built plainGraph(Ops tf, TransformerConfig config, int labels) {
    BlockContext root = BlockContext.create(tf, config, 0);
    BertModel bert = new BertModel(root);
    EncoderInputs inputs = EncoderInputs.create(tf);
    Operand<TFloat32> pooled = bert.pooled(bert.encode(inputs)); // [B, H]
    Operand<TFloat32> dropped = root.dropout("classifier_dropout", config.hiddenDropout()).apply(pooled);
    return new Built(inputs, new Dense(root.child("classifier"), config.hiddenSize(), labels).apply(dropped));
  }

  private static Built built(ClassifierGraph g) {
    return new Built(g.inputs(), g.logits());
  }

  /** The names, starting at the {@code round}-th (mod size): each runner in turn follows each other one. */
  private static List<String> rotated(java.util.Set<String> names, int round) {
    List<String> out = new ArrayList<>(names);
    java.util.Collections.rotate(out, -(round % out.size()));
    return out;
  }

  /** All texts in chunks of {@link #BATCH}, in order. */
  private static float[][] batched(Runner runner, List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += BATCH) {
      out.addAll(Arrays.asList(runner.run(texts.subList(i, Math.min(texts.size(), i + BATCH)))));
    }
    return out.toArray(new float[0][]);
  }

  private static float[][] probabilities(List<Prediction> predictions, List<String> labels) {
    float[][] out = new float[predictions.size()][labels.size()];
    for (int i = 0; i < out.length; i++) {
      for (int c = 0; c < labels.size(); c++) {
        out[i][c] = predictions.get(i).probabilities().get(labels.get(c)).floatValue();
      }
    }
    return out;
  }

  private static float[][] softmax(float[][] logits) {
    float[][] out = new float[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (float v : logits[i]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      out[i] = new float[logits[i].length];
      for (int c = 0; c < out[i].length; c++) {
        sum += Math.exp(logits[i][c] - max);
      }
      for (int c = 0; c < out[i].length; c++) {
        out[i][c] = (float) (Math.exp(logits[i][c] - max) / sum);
      }
    }
    return out;
  }

  private static double maxAbsDiff(float[][] a, float[][] b) {
    assertEquals(a.length, b.length);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].length, b[i].length);
      for (int c = 0; c < a[i].length; c++) {
        max = Math.max(max, Math.abs(a[i][c] - b[i][c]));
      }
    }
    return max;
  }

  /** Encodes a chunk of texts (as {@link TextClassifier} does) and runs it as one batch padded to its longest. */
  abstract static class EncodingRunner implements Runner {
    private final ExampleEncoder encoder;

    EncodingRunner(ExampleEncoder encoder) {
      this.encoder = encoder;
    }

    /** As {@link ProbabilityRunner}: sorted by length into batches of {@link #BATCH}, results in input order. */
    @Override
    public float[][] run(List<String> texts) {
      List<EncodedExample> encoded = texts.stream().map(t -> encoder.encode(t, null)).toList();
      Integer[] order = new Integer[encoded.size()];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, java.util.Comparator.comparingInt(i -> encoded.get(i).length()));
      float[][] out = new float[encoded.size()][];
      for (int from = 0; from < order.length; from += BATCH) {
        int to = Math.min(order.length, from + BATCH);
        List<EncodedExample> batch = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
          batch.add(encoded.get(order[k]));
        }
        float[][] logits = logits(batch);
        for (int k = from; k < to; k++) {
          out[order[k]] = logits[k - from];
        }
      }
      return out;
    }

    abstract float[][] logits(List<EncodedExample> batch);
  }

  /** A TF graph in its own session (ConfigProto intra:inter threads, 0 = TF default), the directory's weights restored. */
  static final class TfRunner extends EncodingRunner {
    private final Graph graph = new Graph();
    private final Session session;
    private final Built built;
    private final int padId;

    TfRunner(ModelDirectory dir, ExampleEncoder encoder, int padId, String threads, Function<Ops, Built> build) {
      super(encoder);
      this.padId = padId;
      this.built = build.apply(Ops.create(graph));
      String[] t = threads.split(":");
      this.session = new Session(graph, ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(Integer.parseInt(t[0]))
          .setInterOpParallelismThreads(Integer.parseInt(t[1])).build());
      session.restore(dir.weightsPrefix());
    }

    @Override
    float[][] logits(List<EncodedExample> batch) {
      try (Feeds feeds = new Feeds()) {
        BatchTensors.feedInputs(batch, built.inputs(), padId, feeds);
        try (Result r = feeds.applyTo(session.runner()).fetch(built.logits()).run()) {
          TFloat32 logits = (TFloat32) r.get(0);
          float[][] rows = new float[batch.size()][(int) logits.shape().size(1)];
          for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < rows[i].length; c++) {
              rows[i][c] = logits.getFloat(i, c);
            }
          }
          return rows;
        }
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  /**
   * An ONNX file in ONNX Runtime (all graph optimisations; intra-op threads, 0 = ORT default; with
   * a set thread count its pool does not spin-wait, which on shared cores only burns them).
   */
  static final class OrtRunner extends EncodingRunner {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int padId;

    OrtRunner(Path onnx, ExampleEncoder encoder, int padId, int threads) throws OrtException {
      super(encoder);
      this.padId = padId;
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (threads > 0) {
          options.setIntraOpNumThreads(threads);
          options.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        this.session = env.createSession(onnx.toString(), options);
      }
    }

    @Override
    float[][] logits(List<EncodedExample> batch) {
      int b = batch.size();
      int t = batch.stream().mapToInt(EncodedExample::length).max().orElse(0);
      long[] ids = new long[b * t];
      long[] types = new long[b * t];
      long[] mask = new long[b * t];
      Arrays.fill(ids, padId);
      for (int i = 0; i < b; i++) {
        EncodedExample e = batch.get(i);
        for (int j = 0; j < e.length(); j++) {
          ids[i * t + j] = e.ids()[j];
          types[i * t + j] = e.typeIds()[j];
          mask[i * t + j] = 1;
        }
      }
      long[] shape = {b, t};
      try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
          OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
          OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
          OrtSession.Result r = session.run(Map.of("input_ids", idsT, "token_type_ids", typesT, "attention_mask", maskT))) {
        return (float[][]) r.get(0).getValue();
      } catch (OrtException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
