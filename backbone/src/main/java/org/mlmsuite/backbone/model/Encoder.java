package org.mlmsuite.backbone.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A stack of {@link EncoderLayer}s at {@code <path>.layer.{i}}. */
public final class Encoder {
  private final List<EncoderLayer> layers = new ArrayList<>();

  public Encoder(BlockContext ctx) {
    for (int i = 0; i < ctx.config().numLayers(); i++) {
      layers.add(new EncoderLayer(ctx.child("layer").child(Integer.toString(i))));
    }
  }

  /** x [B, T, H], paddingMask [B, 1, 1, T] -> [B, T, H]. */
  public Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> paddingMask) {
    for (EncoderLayer layer : layers) {
      x = layer.apply(x, paddingMask);
    }
    return x;
  }

  /** x [B, T, H] -> the last layer's output at position 0 only, [B, 1, H] ({@link EncoderLayer#applyFirstPosition}). */
  public Operand<TFloat32> applyFirstPosition(Operand<TFloat32> x, Operand<TFloat32> paddingMask) {
    for (EncoderLayer layer : layers.subList(0, layers.size() - 1)) {
      x = layer.apply(x, paddingMask);
    }
    return layers.get(layers.size() - 1).applyFirstPosition(x, paddingMask);
  }
}
