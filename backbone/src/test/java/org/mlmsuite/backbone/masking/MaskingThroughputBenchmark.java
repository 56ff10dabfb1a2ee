package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.testing.Timings;

/**
 * Sequences masked per second per strategy on 512-token inputs, single thread. Each round over the
 * inputs is one repetition ({@link Timings#assertValid}), and every strategy must choose its 15%
 * of the maskable tokens (to within a few tokens per sequence). Not part of the
 * normal build; run on a quiet machine with
 * {@code mvn -B -q -o -pl backbone -am verify -Dtest=MaskingThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.bench=true}
 * and read the figures in backbone/target/surefire-reports/*MaskingThroughputBenchmark*.
 */
@EnabledIfSystemProperty(named = "mlm.bench", matches = "true")
class MaskingThroughputBenchmark {
  @Test
  void sequencesPerSecond() {
    SplittableRandom data = new SplittableRandom(9);
    List<MaskingInput> inputs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Encoding e = TestEncodings.encode(512, TestEncodings.randomSegment(data, 180), TestEncodings.randomSegment(data, 180));
      inputs.add(new MaskingInput(e, List.of(new TokenSpan(3, 5), new TokenSpan(40, 43))));
    }
    long maskable = 0;
    for (MaskingInput input : inputs) {
      for (int t = 0; t < input.encoding().length(); t++) {
        maskable += input.encoding().attentionMask()[t] == 1 && !input.encoding().specialMask()[t] ? 1 : 0;
      }
    }
    for (String spec : List.of("random", "whole-word", "span", "entity", "mixture:random=0.4,span=0.3,entity=0.3")) {
      DynamicMasker masker = new DynamicMasker(MaskingConfig.parse(spec).create(TestEncodings.vocabulary()), 1);
      for (int warm = 0; warm < 3; warm++) {
        maskRound(masker, inputs, warm);
      }
      int rounds = 10;
      long[] masked = new long[rounds];
      int[] round = {0};
      Timings timings = Timings.measure(spec + ", one round", rounds, () -> {
        masked[round[0]] = maskRound(masker, inputs, 10 + round[0]);
        round[0]++;
      }).assertValid();
      double maskedShare = Arrays.stream(masked).average().orElseThrow() / maskable;
      // spans and words are chosen whole, so a strategy can overshoot 15% by part of a unit
      assertEquals(MaskingRates.BERT.maskRate(), maskedShare, 0.02, spec + ": share of maskable tokens chosen");
      System.out.printf(Locale.ROOT, "%-40s %10.0f sequences/s  (%.3f masked; %s)%n", spec,
          inputs.size() / (timings.median() / 1e3), maskedShare, timings);
    }
  }

  /** Masks every input once; the number of tokens chosen. */
  private static long maskRound(DynamicMasker masker, List<MaskingInput> inputs, long epoch) {
    long masked = 0;
    for (int i = 0; i < inputs.size(); i++) {
      masked += masker.mask(inputs.get(i), epoch, i, 0.5).maskedCount();
    }
    return masked;
  }
}
