package org.mlmsuite.backbone;

import java.nio.file.Path;
import java.util.Map;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
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
    /** Writes it; returns the folder. */
    public ModelDirectory write() {
      WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocab, cased ? TokenizerConfig.cased() : TokenizerConfig.uncased());
      return UntrainedBackbone.write(out, TransformerConfig.preset(preset, tokenizer.vocabulary().size()), tokenizer, seed);
    }
  }

  /** Initialises {@link BertForMaskedLm} from {@code seed} and writes it as a backbone model directory. */
  public static ModelDirectory write(Path dir, TransformerConfig config, WordPieceTokenizer tokenizer, long seed) {
    if (config.vocabSize() != tokenizer.vocabulary().size()) {
      throw new IllegalArgumentException("config vocab_size " + config.vocabSize()
          + " differs from the vocabulary's " + tokenizer.vocabulary().size() + " tokens");
    }
    try (Graph graph = new Graph()) {
      BertForMaskedLm.build(Ops.create(graph), config, seed);
      try (Session session = new Session(graph)) {
        session.initialize();
        return ModelDirectory.write(dir, KIND, config, tokenizer, session::save,
            Map.of(ModelDirectory.PROVENANCE, Map.of("pretraining", "none (random initialisation)", "seed", seed)));
      }
    }
  }
}
