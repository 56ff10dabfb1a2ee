package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@link BertModel#encodeFirstPosition} equals position 0 of the full {@link BertModel#encode}. */
class FirstPositionEncodingTest {
  // L2/H32/A4, wide init so the layers do not stay near-identity; dropout rates kept (default off)
  private static final TransformerConfig CONFIG =
      new TransformerConfig(40, 32, 2, 4, 64, 16, 2, 0.1, 0.1, 1e-12, 0.5);

  @Test
  void firstPositionOfTheLastLayerEqualsTheFullComputation() {
    // three rows, the last two padded (id 0, mask 0) to the longest, second segment in row 0
    int[][] ids = {{2, 11, 17, 23, 5, 3, 29, 3}, {2, 31, 7, 3, 0, 0, 0, 0}, {2, 13, 3, 0, 0, 0, 0, 0}};
    int[][] types = {{0, 0, 0, 0, 0, 0, 1, 1}, new int[8], new int[8]};
    int[][] mask = {{1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 0, 0, 0}};
    int h = CONFIG.hiddenSize();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      BertModel bert = new BertModel(BlockContext.create(tf, CONFIG, 7));
      EncoderInputs inputs = EncoderInputs.create(tf);
      Operand<TFloat32> full = bert.encode(inputs); // [B, T, H]
      Operand<TFloat32> first = bert.encodeFirstPosition(inputs); // [B, 1, H]
      try (Session s = new Session(g);
          var idsT = TestTensors.ints(ids);
          var typesT = TestTensors.ints(types);
          var maskT = TestTensors.ints(mask);
          Result r = s.runner().feed(inputs.inputIds(), idsT).feed(inputs.tokenTypeIds(), typesT)
              .feed(inputs.attentionMask(), maskT).fetch(full).fetch(first).run()) {
        assertEquals(Shape.of(3, 1, h), r.get(1).shape());
        float[] fullOut = TestTensors.values(r.get(0));
        float[] firstOut = TestTensors.values(r.get(1));
        int t = ids[0].length;
        double spread = 0;
        for (int b = 0; b < ids.length; b++) {
          for (int j = 0; j < h; j++) {
            float expected = fullOut[(b * t) * h + j];
            assertEquals(expected, firstOut[b * h + j], 1e-5, "row " + b + " unit " + j);
            spread = Math.max(spread, Math.abs(expected - fullOut[b * t * h + (j + 1) % h]));
          }
        }
        // the outputs are not a constant the two paths could both return
        assertTrue(spread > 0.1, "spread " + spread);
      }
    }
  }
}
