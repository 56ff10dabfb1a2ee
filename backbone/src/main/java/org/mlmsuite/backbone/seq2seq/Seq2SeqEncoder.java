package org.mlmsuite.backbone.seq2seq;

import org.mlmsuite.backbone.text.WordPieceTokenizer;

/**
 * Texts to model ids under a {@link Seq2SeqConfig}: {@code [CLS] pieces [SEP]} on both sides,
 * truncated to the configured lengths (the pieces are cut, [SEP] stays). Thread-safe.
 */
public final class Seq2SeqEncoder {
  private final WordPieceTokenizer tokenizer;
  private final Seq2SeqConfig config;

  public Seq2SeqEncoder(WordPieceTokenizer tokenizer, Seq2SeqConfig config) {
    this.tokenizer = tokenizer;
    this.config = config;
  }

  /** An encoding and whether it had to be cut. */
  public record Encoded(int[] ids, boolean truncated) {}

  public Encoded source(String text) {
    return encode(text, config.maxSourceLength());
  }

  public Encoded target(String text) {
    return encode(text, config.maxTargetLength());
  }

  public Seq2SeqExample example(String source, String target) {
    return new Seq2SeqExample(source(source).ids(), target(target).ids());
  }

  private Encoded encode(String text, int maxLength) {
    int[] ids = tokenizer.encode(text, null, 0, 0).ids();
    if (ids.length <= maxLength) {
      return new Encoded(ids, false);
    }
    int[] cut = java.util.Arrays.copyOf(ids, maxLength);
    cut[maxLength - 1] = tokenizer.vocabulary().sepId();
    return new Encoded(cut, true);
  }
}
