package org.mlmsuite.backbone.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The BERT backbone at path {@code bert}: {@link Embeddings}, {@link Encoder}, and the {@link
 * Pooler}, which is built (and gets variables) only when a head first asks for {@link #pooled}.
 */
public final class BertModel {
  private final BlockContext ctx;
  private final Embeddings embeddings;
  private final Encoder encoder;
  private Pooler pooler;

  /** {@code root} is the model's root context; parameters go under {@code root.child("bert")}. */
  public BertModel(BlockContext root) {
    this.ctx = root.child("bert");
    this.embeddings = new Embeddings(ctx.child("embeddings"));
    this.encoder = new Encoder(ctx.child("encoder"));
  }

  /** inputIds, tokenTypeIds (or null), attentionMask [B, T] -> sequence output [B, T, H]. */
  public Operand<TFloat32> encode(
      Operand<TInt32> inputIds, Operand<TInt32> tokenTypeIds, Operand<TInt32> attentionMask) {
    Operand<TFloat32> x = embeddings.apply(inputIds, tokenTypeIds);
    return encoder.apply(x, AttentionMask.padding(ctx.tf(), attentionMask));
  }

  public Operand<TFloat32> encode(EncoderInputs inputs) {
    return encode(inputs.inputIds(), inputs.tokenTypeIds(), inputs.attentionMask());
  }

  /**
   * As {@link #encode(EncoderInputs)}, but only position 0 of the last layer is computed: [B, 1, H].
   * For heads that read [CLS] alone ({@link #pooled} accepts it); the last layer then costs about
   * 1/T of its queries and feed-forward.
   */
  public Operand<TFloat32> encodeFirstPosition(EncoderInputs inputs) {
    Operand<TFloat32> x = embeddings.apply(inputs.inputIds(), inputs.tokenTypeIds());
    return encoder.applyFirstPosition(x, AttentionMask.padding(ctx.tf(), inputs.attentionMask()));
  }

  /** sequenceOutput [B, T, H] -> tanh(dense([CLS])) [B, H]; creates {@code bert.pooler.dense}. */
  public Operand<TFloat32> pooled(Operand<TFloat32> sequenceOutput) {
    if (pooler == null) {
      pooler = new Pooler(ctx.child("pooler"));
    }
    return pooler.apply(sequenceOutput);
  }

  public Embeddings embeddings() {
    return embeddings;
  }

  public BlockContext context() {
    return ctx;
  }
}
