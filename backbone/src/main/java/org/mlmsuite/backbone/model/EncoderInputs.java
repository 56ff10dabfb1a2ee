package org.mlmsuite.backbone.model;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * The encoder's int32 feeds, all [B, T]: token ids, segment ids (0/1), and attention mask (1 =
 * real token, 0 = padding).
 */
public record EncoderInputs(
    Placeholder<TInt32> inputIds, Placeholder<TInt32> tokenTypeIds, Placeholder<TInt32> attentionMask) {

  /** Placeholders named {@code input_ids}, {@code token_type_ids}, {@code attention_mask}. */
  public static EncoderInputs create(Ops tf) {
    Shape batchByTime = Shape.of(-1, -1);
    return new EncoderInputs(
        tf.withName("input_ids").placeholder(TInt32.class, Placeholder.shape(batchByTime)),
        tf.withName("token_type_ids").placeholder(TInt32.class, Placeholder.shape(batchByTime)),
        tf.withName("attention_mask").placeholder(TInt32.class, Placeholder.shape(batchByTime)));
  }
}
