package org.mlmsuite.backbone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.ProjectedEmbeddings;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Writes a backbone with freshly initialised weights: the "no pretraining" baseline every task
 * compares against, and a cheap backbone for tests.
 */
public final class UntrainedBackbone {
  public static final String KIND = "backbone";

  private UntrainedBackbone() {}

  /**
   * {@code mlm backbone init}: a backbone of {@code preset} over the WordPiece vocabulary in
   * {@code vocab} (cased or not), initialised from {@code seed}, written to {@code out}.
   */
  public record Request(Path vocab, boolean cased, String preset, long seed, Path out) {
    /** Writes it into a new or empty folder; returns the folder. */
    public ModelDirectory write() {
      return write(false);
    }

    /** Writes it; with {@code overwrite}, a backbone already in {@code out} is replaced (see {@link OutputFolder}). */
    public ModelDirectory write(boolean overwrite) {
      WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocab, cased ? TokenizerConfig.cased() : TokenizerConfig.uncased());
      return UntrainedBackbone.write(out, TransformerConfig.preset(preset, tokenizer.vocabulary().size()), tokenizer,
          seed, overwrite);
    }
  }

  /**
   * {@code mlm backbone init --embeddings-from}: a backbone of {@code preset} over {@code source}'s
   * vocabulary and casing whose embeddings start as {@code source}'s projected to its width ({@link
   * ProjectedEmbeddings}); the rest initialised from {@code seed}.
   */
  public static ModelDirectory withEmbeddingsOf(Path source, String preset, long seed, Path out, boolean overwrite) {
    ModelDirectory wide = ModelDirectory.open(source, KIND);
    WordPieceTokenizer tokenizer = wide.tokenizer();
    TransformerConfig config = TransformerConfig.preset(preset, tokenizer.vocabulary().size());
    return write(out, config, tokenizer, seed, overwrite, wide);
  }

  /** Initialises {@link BertForMaskedLm} from {@code seed} and writes it as a backbone model directory. */
  public static ModelDirectory write(Path dir, TransformerConfig config, WordPieceTokenizer tokenizer, long seed) {
    return write(dir, config, tokenizer, seed, false);
  }

  /**
   * As {@link #write(Path, TransformerConfig, WordPieceTokenizer, long)}, into a folder checked by
   * {@link OutputFolder}: with {@code overwrite}, a backbone already there is replaced once the new
   * one is complete.
   */
  public static ModelDirectory write(Path dir, TransformerConfig config, WordPieceTokenizer tokenizer, long seed,
      boolean overwrite) {
    return write(dir, config, tokenizer, seed, overwrite, null);
  }

  /**
   * As {@link #write(Path, TransformerConfig, WordPieceTokenizer, long, boolean)}; with {@code
   * embeddingsOf} non-null (a wider backbone over the same vocabulary), the embeddings start as its
   * projected ones.
   */
  public static ModelDirectory write(Path dir, TransformerConfig config, WordPieceTokenizer tokenizer, long seed,
      boolean overwrite, ModelDirectory embeddingsOf) {
    if (config.vocabSize() != tokenizer.vocabulary().size()) {
      throw new IllegalArgumentException("config vocab_size " + config.vocabSize()
          + " differs from the vocabulary's " + tokenizer.vocabulary().size() + " tokens");
    }
    ProjectedEmbeddings projected = embeddingsOf == null ? null
        : ProjectedEmbeddings.of(embeddingsOf.weightsPrefix(), embeddingsOf.config(), config);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("pretraining", "none (random initialisation)");
    provenance.put("seed", seed);
    if (projected != null) {
      provenance.put("embeddingsFrom", embeddingsOf.fingerprint());
      provenance.put("embeddings", projected.description());
    }
    OutputFolder output = OutputFolder.claim(dir, KIND, false, overwrite, null);
    try (Graph graph = new Graph()) {
      BertForMaskedLm.build(Ops.create(graph), config, seed);
      try (Session session = new Session(graph)) {
        ExitGate.initialize(session);
        if (projected != null) {
          projected.apply(session, graph);
        }
        ModelDirectory.write(output.begin(), KIND, config, tokenizer, session::save,
            Map.of(ModelDirectory.PROVENANCE, provenance));
      }
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
    output.commit();
    return ModelDirectory.open(dir, KIND);
  }
}
