package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.backbone.text.Encoding;

/**
 * Sequences masked per second per strategy on 512-token inputs, single thread. Not part of the
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
    for (String spec : List.of("random", "whole-word", "span", "entity", "mixture:random=0.4,span=0.3,entity=0.3")) {
      DynamicMasker masker = new DynamicMasker(MaskingConfig.parse(spec).create(TestEncodings.vocabulary()), 1);
      long checksum = 0;
      for (int warm = 0; warm < 3; warm++) {
        for (int i = 0; i < inputs.size(); i++) {
          checksum += masker.mask(inputs.get(i), warm, i, 0.5).maskedCount();
        }
      }
      int rounds = 10;
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < inputs.size(); i++) {
          checksum += masker.mask(inputs.get(i), 10 + r, i, 0.5).maskedCount();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%-40s %10.0f sequences/s%n", spec, rounds * inputs.size() / seconds);
      assertTrue(checksum > 0);
    }
  }
}
