package org.mlmsuite.backbone.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * A stack of {@link DecoderLayer}s at {@code <path>.layer.{i}} (e.g. {@code decoder.layer.0}).
 * Cross-attention weights are drawn with {@code crossAttentionInitRange}.
 */
public final class Decoder {
  private final Ops tf;
  private final List<DecoderLayer> layers = new ArrayList<>();

  public Decoder(BlockContext ctx) {
    this(ctx, ctx.config().initializerRange());
  }

  public Decoder(BlockContext ctx, double crossAttentionInitRange) {
    this.tf = ctx.tf();
    for (int i = 0; i < ctx.config().numLayers(); i++) {
      BlockContext layer = ctx.child("layer").child(Integer.toString(i));
      layers.add(new DecoderLayer(layer,
          layer.child("crossattention").withInitializerRange(crossAttentionInitRange)));
    }
  }

  public List<DecoderLayer> layers() {
    return layers;
  }

  /**
   * x [B, T, H] embedded target; targetMask [B, T] (1 = token); encoderOutput [B, S, H];
   * sourceMask [B, S] -> [B, T, H].
   */
  public Operand<TFloat32> apply(Operand<TFloat32> x, Operand<? extends TNumber> targetMask,
      Operand<TFloat32> encoderOutput, Operand<? extends TNumber> sourceMask) {
    Operand<TFloat32> selfMask = AttentionMask.causalWithPadding(tf, targetMask); // [B, 1, T, T]
    Operand<TFloat32> encoderMask = AttentionMask.padding(tf, sourceMask); // [B, 1, 1, S]
    for (DecoderLayer layer : layers) {
      x = layer.apply(x, selfMask, layer.encoderKeyValues(encoderOutput), encoderMask);
    }
    return x;
  }
}
