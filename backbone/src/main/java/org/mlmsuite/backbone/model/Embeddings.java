package org.mlmsuite.backbone.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * word + position + token type embeddings, then LayerNorm and dropout. Parameters under e.g.
 * {@code bert.embeddings}: {@code word_embeddings.weight [V, H]}, {@code
 * position_embeddings.weight [P, H]}, {@code token_type_embeddings.weight [types, H]}, {@code
 * LayerNorm.weight|bias}.
 */
public final class Embeddings {
  private final Ops tf;
  private final Parameter words;
  private final Parameter positions;
  private final Parameter tokenTypes;
  private final LayerNorm norm;
  private final Dropout dropout;

  public Embeddings(BlockContext ctx) {
    this(ctx, null);
  }

  /** With {@code sharedWords} non-null, the word table is that parameter (e.g. a decoder's). */
  public Embeddings(BlockContext ctx, Parameter sharedWords) {
    TransformerConfig config = ctx.config();
    int hidden = config.hiddenSize();
    this.tf = ctx.tf();
    this.words = sharedWords != null ? sharedWords
        : ctx.params().weight("word_embeddings.weight", config.vocabSize(), hidden);
    this.positions = ctx.params().weight("position_embeddings.weight", config.maxPositions(), hidden);
    this.tokenTypes = ctx.params().weight("token_type_embeddings.weight", config.typeVocabSize(), hidden);
    this.norm = new LayerNorm(ctx.child("LayerNorm"), hidden);
    this.dropout = ctx.dropout("dropout", config.hiddenDropout());
  }

  /** The word table [V, H], which the MLM head's output projection is tied to. */
  public Parameter wordEmbeddings() {
    return words;
  }

  /** inputIds [B, T], tokenTypeIds [B, T] or null (all type 0) -> [B, T, H]. */
  public Operand<TFloat32> apply(Operand<TInt32> inputIds, Operand<TInt32> tokenTypeIds) {
    return apply(inputIds, tokenTypeIds, tf.constant(0));
  }

  /**
   * As {@link #apply(Operand, Operand)}, with positions starting at {@code firstPosition} (a
   * scalar; non-zero when decoding step by step).
   */
  public Operand<TFloat32> apply(
      Operand<TInt32> inputIds, Operand<TInt32> tokenTypeIds, Operand<TInt32> firstPosition) {
    Operand<TFloat32> embedded = tf.gather(words.variable(), inputIds, tf.constant(0)); // [B, T, H]
    Operand<TInt32> length = tf.gather(tf.shape(inputIds), tf.constant(1), tf.constant(0));
    // rows firstPosition .. firstPosition+T-1 of the table: [T, H], broadcast over B
    Operand<TFloat32> positionRows = tf.slice(positions.variable(),
        tf.stack(List.of(firstPosition, tf.constant(0))), tf.stack(List.of(length, tf.constant(-1))));
    Operand<TFloat32> types = tokenTypeIds != null
        ? tf.gather(tokenTypes.variable(), tokenTypeIds, tf.constant(0)) // [B, T, H]
        : tf.gather(tokenTypes.variable(), tf.constant(0), tf.constant(0)); // [H]
    Operand<TFloat32> sum = tf.math.add(tf.math.add(embedded, positionRows), types);
    return dropout.apply(norm.apply(sum));
  }
}
