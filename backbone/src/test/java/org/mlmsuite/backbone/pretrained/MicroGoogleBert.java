package org.mlmsuite.backbone.pretrained;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.proto.DataType;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A micro BERT (L2/H32/A2) written by TF Java in Google's two layouts, under Google's variable
 * names and with kernels stored [in, out]: the import's test input. Every element has a distinct,
 * known value ({@link #value}), so a test can check where each one landed.
 */
final class MicroGoogleBert {
  static final List<String> VOCAB = vocab();
  static final TransformerConfig CONFIG =
      new TransformerConfig(VOCAB.size(), 32, 2, 2, 64, 24, 2, 0.1, 0.1, 1e-12, 0.02);

  private MicroGoogleBert() {}

  private static List<String> vocab() {
    List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    for (String w : "the a cat dog sat on mat ran park . , ##s ##ed is was".split(" ")) {
      tokens.add(w);
    }
    return tokens;
  }

  /** Element {@code i} of Google's variable {@code name}. */
  static float value(String name, int i) {
    return (float) Math.sin(name.hashCode() % 1000 + i * 0.37) * 0.1f;
  }

  /** Google's names and shapes ([in, out] kernels) of every parameter our import loads. */
  static Map<String, Shape> googleVariables() {
    Map<String, Shape> variables = new LinkedHashMap<>();
    try (Graph graph = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(graph), CONFIG, 0);
      model.pooledOutput();
      for (Parameter p : model.parameters()) {
        GoogleBertCheckpoint.Entry entry = GoogleBertCheckpoint.entryFor(p.name());
        Shape shape = entry.transposed() ? Shape.of(p.shape().size(1), p.shape().size(0)) : p.shape();
        variables.put(entry.name(), shape);
      }
    }
    return variables;
  }

  /** google-research/bert's layout: bert_config.json, bert_model.ckpt.*, vocab.txt. */
  static Path checkpointFolder(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Graph graph = new Graph()) {
      List<Op> init = new ArrayList<>();
      createVariables(Ops.create(graph), "", init);
      try (Session session = new Session(graph)) {
        initialize(session, init);
        session.save(dir.resolve("bert_model.ckpt").toString());
      }
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("attention_probs_dropout_prob", 0.1);
    config.put("hidden_act", "gelu");
    config.put("hidden_dropout_prob", 0.1);
    config.put("hidden_size", CONFIG.hiddenSize());
    config.put("initializer_range", 0.02);
    config.put("intermediate_size", CONFIG.intermediateSize());
    config.put("max_position_embeddings", CONFIG.maxPositions());
    config.put("num_attention_heads", CONFIG.numHeads());
    config.put("num_hidden_layers", CONFIG.numLayers());
    config.put("type_vocab_size", CONFIG.typeVocabSize());
    config.put("vocab_size", CONFIG.vocabSize());
    new ObjectMapper().writeValue(dir.resolve("bert_config.json").toFile(), config);
    Files.write(dir.resolve("vocab.txt"), VOCAB);
    return dir;
  }

  /** TF Hub's layout: saved_model.pb, variables/ (names under module/), assets/vocab.txt. */
  static Path savedModelFolder(Path dir) throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      List<Op> init = new ArrayList<>();
      Map<String, Operand<TFloat32>> variables = createVariables(tf, "module/", init);
      Placeholder<TInt32> ids = tf.withName("input_ids").placeholder(TInt32.class);
      Operand<TFloat32> embedded = tf.gather(variables.get("module/bert/embeddings/word_embeddings"), ids, tf.constant(0));
      Signature signature = Signature.builder().key("serving_default").input("input_ids", ids)
          .output("sequence_output", embedded).build();
      try (Session session = new Session(graph)) {
        initialize(session, init);
        SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
      }
    }
    Files.createDirectories(dir.resolve("assets"));
    Files.write(dir.resolve("assets/vocab.txt"), VOCAB);
    return dir;
  }

  /**
   * A float variable op called exactly {@code path} ({@code a/b/c}: TF Java's {@code withName}
   * refuses '/', and its sub-scopes make repeated names unique), set to {@code value} by {@code init}.
   */
  static Operand<TFloat32> variable(Ops tf, String path, Operand<TFloat32> value, List<Op> init) {
    Graph graph = (Graph) tf.scope().env();
    Output<TFloat32> variable = graph.opBuilder("VariableV2", path, tf.scope())
        .setAttr("dtype", DataType.DT_FLOAT).setAttr("shape", value.shape()).build().output(0);
    init.add(tf.assign(variable, value));
    return variable;
  }

  private static Map<String, Operand<TFloat32>> createVariables(Ops tf, String scope, List<Op> init) {
    Map<String, Operand<TFloat32>> created = new LinkedHashMap<>();
    for (var v : googleVariables().entrySet()) {
      String name = scope + v.getKey();
      float[] values = new float[(int) v.getValue().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(v.getKey(), i);
      }
      try (TFloat32 value = TFloat32.tensorOf(v.getValue(), DataBuffers.of(values, true, false))) {
        created.put(name, variable(tf, name, tf.constant(value), init));
      }
    }
    return created;
  }

  static void initialize(Session session, List<Op> init) {
    Session.Runner runner = session.runner();
    init.forEach(runner::addTarget);
    runner.run().close();
  }
}
