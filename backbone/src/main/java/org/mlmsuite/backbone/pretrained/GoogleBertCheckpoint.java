package org.mlmsuite.backbone.pretrained;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mlmsuite.backbone.model.Activation;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.CheckpointVariables;
import org.mlmsuite.backbone.train.WeightLoader;
import org.tensorflow.ndarray.Shape;

/**
 * A TF1 checkpoint of Google's BERT read by variable name: which names it has, their shapes, the
 * architecture they imply, and how each maps onto our Hugging-Face-named parameters.
 *
 * <p>Name mapping (the one Hugging Face's {@code load_tf_weights_in_bert} applies): {@code .} becomes
 * {@code /}, {@code layer.N} becomes {@code layer_N}, an embedding's {@code .weight} is the table
 * itself, LayerNorm {@code weight|bias} are {@code gamma|beta}, a dense {@code weight} is {@code
 * kernel} stored [in, out] (transposed on load), and the MLM head's {@code cls.predictions.bias}
 * is {@code cls/predictions/output_bias}. TF Hub's SavedModel puts everything under {@code module/}.
 */
public final class GoogleBertCheckpoint implements AutoCloseable {
  private static final String WORD_EMBEDDINGS = "bert/embeddings/word_embeddings";
  private static final List<String> SCOPES = List.of("module/", "");
  /** Every BERT Google released has 64-dimensional heads (BERT-Base: 768 / 12). */
  static final int GOOGLE_HEAD_SIZE = 64;

  /** A checkpoint entry for one of our parameters. */
  public record Entry(String name, boolean transposed) {}

  private final Path origin;
  private final String prefix;
  private final CheckpointVariables variables;
  private final String scope;

  /**
   * Opens the checkpoint at {@code prefix}; {@code origin} (what the user named) is used in errors.
   *
   * @throws IllegalArgumentException if the files are damaged or hold no BERT embeddings
   */
  public GoogleBertCheckpoint(Path origin, Path prefix) {
    this.origin = origin;
    this.prefix = prefix.toString();
    this.variables = new CheckpointVariables(origin.toString(), this.prefix);
    try {
      this.scope = SCOPES.stream().filter(s -> variables.contains(s + WORD_EMBEDDINGS)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(origin + ": holds no BERT variables (looked for "
              + SCOPES.stream().map(s -> "'" + s + WORD_EMBEDDINGS + "'").toList() + ")"));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Google's name for our parameter {@code name} (e.g. {@code bert.encoder.layer.0.output.dense.weight}). */
  public static Entry entryFor(String name) {
    if (name.equals("cls.predictions.bias")) {
      return new Entry("cls/predictions/output_bias", false);
    }
    String path = name.replaceAll("\\.layer\\.(\\d+)\\.", ".layer_$1.");
    int lastDot = path.lastIndexOf('.');
    String module = path.substring(0, lastDot).replace('.', '/');
    boolean weight = path.substring(lastDot + 1).equals("weight");
    if (module.endsWith("_embeddings")) {
      return new Entry(module, false);
    }
    if (module.endsWith("LayerNorm")) {
      return new Entry(module + (weight ? "/gamma" : "/beta"), false);
    }
    return new Entry(module + (weight ? "/kernel" : "/bias"), weight);
  }

  /** A loader of {@code parameterNames} from this checkpoint, kernels transposed. */
  public WeightLoader loader(List<String> parameterNames) {
    WeightLoader loader = WeightLoader.from(prefix);
    for (String name : parameterNames) {
      Entry entry = entryFor(name);
      if (entry.transposed()) {
        loader.mapTransposed(scope + entry.name(), name);
      } else {
        loader.map(scope + entry.name(), name);
      }
    }
    return loader;
  }

  /**
   * The architecture the variable shapes imply. Shapes cannot tell the number of heads: {@code
   * heads} when known (a model's name says {@code A-12}), else Google's head size of 64.
   */
  public TransformerConfig inferConfig(Optional<Integer> heads) {
    Shape words = require("bert/embeddings/word_embeddings"); // [V, H]
    Shape positions = require("bert/embeddings/position_embeddings"); // [P, H]
    Shape types = require("bert/embeddings/token_type_embeddings"); // [types, H]
    Shape intermediate = require(layer(0) + "intermediate/dense/kernel"); // [H, I]
    int hidden = (int) words.size(1);
    return new TransformerConfig((int) words.size(0), hidden, countLayers(),
        heads.orElse(Math.max(1, hidden / GOOGLE_HEAD_SIZE)), (int) intermediate.size(1), (int) positions.size(0),
        (int) types.size(0), 0.1, 0.1, 1e-12, 0.02, Activation.GELU);
  }

  /** Encoder layers present: layer_0 ... layer_{n-1}. */
  public int countLayers() {
    int n = 0;
    while (variables.contains(scope + layer(n) + "attention/self/query/kernel")) {
      n++;
    }
    return n;
  }

  private static String layer(int i) {
    return "bert/encoder/layer_" + i + "/";
  }

  private Shape require(String name) {
    return variables.shape(scope + name).orElseThrow(() ->
        new IllegalArgumentException(origin + ": has no variable '" + scope + name + "'"));
  }

  @Override
  public void close() {
    variables.close();
  }
}
