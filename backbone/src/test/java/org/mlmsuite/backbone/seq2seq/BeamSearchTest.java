package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeamSearchTest {

  private static final int BOS = 0;
  private static final int EOS = 1;
  private static final int A = 2;
  private static final int B = 3;

  /** P(A)=.6 P(B)=.4; after A: EOS .55, A .45; after B: EOS 1; after AA: EOS 1. */
  private static final class Toy implements StepFunction {
    List<String> prefixes = new ArrayList<>(List.of(""));
    int calls;

    @Override
    public float[][] logProbs(int[] lastTokens) {
      calls++;
      float[][] out = new float[lastTokens.length][];
      for (int r = 0; r < lastTokens.length; r++) {
        if (lastTokens[r] != BOS) {
          prefixes.set(r, prefixes.get(r) + (lastTokens[r] == A ? "A" : "B"));
        }
        String p = prefixes.get(r);
        double[] probs =
            switch (p) {
              case "" -> new double[] {0, 0, .6, .4};
              case "A" -> new double[] {0, .55, .45, 0};
              default -> new double[] {0, 1, 0, 0};
            };
        out[r] = new float[4];
        for (int v = 0; v < 4; v++) {
          out[r][v] = (float) Math.log(probs[v]);
        }
      }
      return out;
    }

    @Override
    public void reorder(int[] parents) {
      List<String> next = new ArrayList<>();
      for (int p : parents) {
        next.add(prefixes.get(p));
      }
      prefixes = next;
    }
  }

  @Test
  void greedyTakesTheLocallyBestPath() {
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Toy(), GenerationOptions.greedy(5));
    assertArrayEquals(new int[] {A}, h.tokens());
    assertEquals(Math.log(0.6 * 0.55) / 2, h.score(), 1e-6);
  }

  @Test
  void beamFindsTheSequenceGreedyMisses() {
    BeamSearch.Hypothesis h =
        new BeamSearch(BOS, EOS).search(new Toy(), GenerationOptions.beam(2, 0.0, 5));
    assertArrayEquals(new int[] {B}, h.tokens());
    assertEquals(Math.log(0.4), h.score(), 1e-6);
  }

  @Test
  void lengthPenaltyDividesByGeneratedLength() {
    // alpha=1: "A EOS" = ln(.33)/2 = -.554, "B EOS" = ln(.4)/2 = -.458, "A A EOS" = ln(.27)/3 = -.436
    BeamSearch.Hypothesis h =
        new BeamSearch(BOS, EOS).search(new Toy(), GenerationOptions.beam(3, 1.0, 5));
    assertArrayEquals(new int[] {A, A}, h.tokens());
    assertEquals(Math.log(0.6 * 0.45) / 3, h.score(), 1e-6);
  }

  @Test
  void maxLengthCutsUnfinishedHypotheses() {
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Toy(), GenerationOptions.greedy(1));
    assertArrayEquals(new int[] {A}, h.tokens());
  }
}
