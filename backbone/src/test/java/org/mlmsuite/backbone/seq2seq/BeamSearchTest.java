package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * Two sources in one batch: source 0 is {@link Toy}; source 1 prefers C then EOS (P(C)=.7,
   * P(A)=.3; after C: EOS .9; after A: EOS 1). Rows are tracked as (source, prefix).
   */
  private static final class TwoSources implements StepFunction {
    List<Integer> source = new ArrayList<>(List.of(0, 1));
    List<String> prefixes = new ArrayList<>(List.of("", ""));
    int maxRows;

    @Override
    public float[][] logProbs(int[] lastTokens) {
      maxRows = Math.max(maxRows, lastTokens.length);
      float[][] out = new float[lastTokens.length][];
      for (int r = 0; r < lastTokens.length; r++) {
        if (lastTokens[r] != BOS) {
          prefixes.set(r, prefixes.get(r) + "?ABC".charAt(lastTokens[r] - 1));
        }
        String p = prefixes.get(r);
        double[] probs = source.get(r) == 0
            ? switch (p) {
                case "" -> new double[] {0, 0, .6, .4, 0};
                case "A" -> new double[] {0, .55, .45, 0, 0};
                default -> new double[] {0, 1, 0, 0, 0};
              }
            : switch (p) {
                case "" -> new double[] {0, 0, .3, 0, .7};
                case "C" -> new double[] {0, .9, 0, 0, .1};
                default -> new double[] {0, 1, 0, 0, 0};
              };
        out[r] = new float[probs.length];
        for (int v = 0; v < probs.length; v++) {
          out[r][v] = (float) Math.log(probs[v]);
        }
      }
      return out;
    }

    @Override
    public void reorder(int[] parents) {
      List<Integer> s = new ArrayList<>();
      List<String> p = new ArrayList<>();
      for (int parent : parents) {
        s.add(source.get(parent));
        p.add(prefixes.get(parent));
      }
      source = s;
      prefixes = p;
    }
  }

  @Test
  void aBatchOfSourcesIsSearchedIndependently() {
    TwoSources step = new TwoSources();
    List<BeamSearch.Hypothesis> best =
        new BeamSearch(BOS, EOS).searchBatch(step, 2, GenerationOptions.beam(2, 0.0, 5));
    assertArrayEquals(new int[] {B}, best.get(0).tokens());
    assertEquals(Math.log(0.4), best.get(0).score(), 1e-6);
    assertArrayEquals(new int[] {4}, best.get(1).tokens());
    assertEquals(Math.log(0.7 * 0.9), best.get(1).score(), 1e-6);
    assertEquals(4, step.maxRows, "two live rows per source");
  }

  @Test
  void minLengthSuppressesEosUntilEnoughTokens() {
    // minLength 2: after "A" EOS (.55) is banned, so A (.45), then EOS (1) at the third step
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Toy(),
        GenerationOptions.greedy(5).withMinLength(2));
    assertArrayEquals(new int[] {A, A}, h.tokens());
    assertTrue(h.endedWithEos());
    assertEquals(Math.log(0.6 * 0.45) / 3, h.score(), 1e-6);
    // minLength 1 only bans EOS at the first step: unchanged greedy answer
    assertArrayEquals(new int[] {A},
        new BeamSearch(BOS, EOS).search(new Toy(), GenerationOptions.greedy(5).withMinLength(1)).tokens());
  }

  @Test
  void minLengthAppliesToEverySourceOfABeamBatch() {
    // source 0: "B" cannot continue (only EOS) and dies; "A A" .27 wins. Source 1: "C" then EOS is
    // banned, so "C C" (.7 * .1) beats "A" (dead after one token)
    List<BeamSearch.Hypothesis> best = new BeamSearch(BOS, EOS).searchBatch(new TwoSources(), 2,
        GenerationOptions.beam(2, 0.0, 5).withMinLength(2));
    assertArrayEquals(new int[] {A, A}, best.get(0).tokens());
    assertEquals(Math.log(0.6 * 0.45), best.get(0).score(), 1e-6);
    assertArrayEquals(new int[] {4, 4}, best.get(1).tokens());
    assertEquals(Math.log(0.7 * 0.1), best.get(1).score(), 1e-6);
  }

  /** BOS: A 1; after A: B .9, EOS .1; after B: A .8, EOS .2. Unblocked it loops A B A B ... */
  private static final class Looping implements StepFunction {
    int[] last;

    @Override
    public float[][] logProbs(int[] lastTokens) {
      float[][] out = new float[lastTokens.length][];
      for (int r = 0; r < lastTokens.length; r++) {
        double[] probs = switch (lastTokens[r]) {
          case BOS -> new double[] {0, 0, 1, 0};
          case A -> new double[] {0, .1, 0, .9};
          default -> new double[] {0, .2, .8, 0};
        };
        out[r] = new float[4];
        for (int v = 0; v < 4; v++) {
          out[r][v] = (float) Math.log(probs[v]);
        }
      }
      return out;
    }

    @Override
    public void reorder(int[] parents) {}
  }

  @Test
  void withoutBlockingTheLoopRunsToMaxLength() {
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Looping(), GenerationOptions.greedy(6));
    assertArrayEquals(new int[] {A, B, A, B, A, B}, h.tokens());
    assertFalse(h.endedWithEos());
  }

  @Test
  void noRepeatBigramsStopsTheLoopWhereHuggingFaceWould() {
    // BOS A B A: a B now would repeat the bigram "A B", so only EOS (.1) is left
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Looping(),
        GenerationOptions.greedy(6).withNoRepeatNgramSize(2));
    assertArrayEquals(new int[] {A, B, A}, h.tokens());
    assertEquals(Math.log(0.9 * 0.8 * 0.1) / 4, h.score(), 1e-6);
  }

  @Test
  void noRepeatTrigrams() {
    // BOS A B A B: an A would repeat "A B A", so EOS (.2)
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Looping(),
        GenerationOptions.greedy(6).withNoRepeatNgramSize(3));
    assertArrayEquals(new int[] {A, B, A, B}, h.tokens());
    assertEquals(Math.log(0.9 * 0.8 * 0.9 * 0.2) / 5, h.score(), 1e-6);
  }

  @Test
  void beamFindsTheBestSequenceAllowedByTheBlocking() {
    // allowed under no-repeat-2: "A" .1, "A B" .18, "A B A" .072; greedy takes "A B A"
    GenerationOptions options = GenerationOptions.beam(2, 0.0, 6).withNoRepeatNgramSize(2);
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS).search(new Looping(), options);
    assertArrayEquals(new int[] {A, B}, h.tokens());
    assertEquals(Math.log(0.9 * 0.2), h.score(), 1e-6);
  }

  @Test
  void bannedTokensFollowEarlierOccurrencesOfTheSuffix() {
    // sequence BOS 5 6 5: bigrams (0,5) (5,6) (6,5); after 5 the token 6 is banned
    assertArrayEquals(new int[] {6}, NgramBlocking.bannedNext(BOS, new int[] {5, 6, 5}, 2));
    assertArrayEquals(new int[] {}, NgramBlocking.bannedNext(BOS, new int[] {5, 6, 5}, 3));
    assertArrayEquals(new int[] {5}, NgramBlocking.bannedNext(BOS, new int[] {5, 6, 5, 6}, 3));
    // BOS counts, as in HF's decoder input ids: n=1 bans every token seen, BOS included
    assertArrayEquals(new int[] {BOS, 5, 6}, NgramBlocking.bannedNext(BOS, new int[] {5, 6}, 1));
    assertArrayEquals(new int[] {}, NgramBlocking.bannedNext(BOS, new int[] {5}, 3));
    assertArrayEquals(new int[] {}, NgramBlocking.bannedNext(BOS, new int[] {5, 5, 5}, 0));
  }

  @Test
  void optionsRejectAMinimumThatCannotBeMet() {
    assertThrows(IllegalArgumentException.class, () -> GenerationOptions.greedy(5).withMinLength(5));
    assertThrows(IllegalArgumentException.class, () -> GenerationOptions.greedy(5).withNoRepeatNgramSize(-1));
    assertEquals(new GenerationOptions(4, 1.0, 10, 0, 0), GenerationOptions.beam(4, 1.0, 10));
    assertEquals(3, GenerationOptions.greedy(20).withMinLength(8).withMaxLength(4).minLength());
  }

  @Test
  void optionsSavedBeforeTheConstraintsExistedStillLoad() throws Exception {
    // seq2seq.json of translation models written before minLength/noRepeatNgramSize
    assertEquals(GenerationOptions.beam(4, 1.0, 64), new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue("{\"beamSize\": 4, \"lengthPenalty\": 1.0, \"maxLength\": 64}", GenerationOptions.class));
  }

  @Test
  void suppressedTokensAreNeverGenerated() {
    // suppressing A leaves B (.4), then EOS: the sequence greedy would never take
    BeamSearch.Hypothesis h = new BeamSearch(BOS, EOS, new int[] {A}).search(new Toy(), GenerationOptions.greedy(5));
    assertArrayEquals(new int[] {B}, h.tokens());
    assertEquals(Math.log(0.4) / 2, h.score(), 1e-6);
  }
}
