package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.Encoding;

class DynamicMaskerTest {
  private final List<MaskingInput> corpus = corpus(300);
  private final MaskingStrategy strategy = MaskingConfig.parse("mixture:random=0.4,whole-word=0.3,span=0.3")
      .create(TestEncodings.vocabulary());

  @Test
  void sameSeedEpochAndIndexGiveTheSameMaskInAnyOrderOnAnyThread() {
    DynamicMasker masker = new DynamicMasker(strategy, 42);
    List<MaskedSequence> inOrder = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      inOrder.add(masker.mask(corpus.get(i), 3, i, 0.5));
    }
    DynamicMasker again = new DynamicMasker(strategy, 42);
    MaskedSequence[] parallelReversed = new MaskedSequence[corpus.size()];
    IntStream.range(0, corpus.size()).map(i -> corpus.size() - 1 - i).parallel()
        .forEach(i -> parallelReversed[i] = again.mask(corpus.get(i), 3, i, 0.5));
    assertEquals(inOrder, List.of(parallelReversed));
  }

  @Test
  void differentEpochsAndSeedsGiveDifferentMasks() {
    DynamicMasker masker = new DynamicMasker(strategy, 42);
    DynamicMasker otherSeed = new DynamicMasker(strategy, 43);
    int sameAcrossEpochs = 0;
    int sameAcrossSeeds = 0;
    for (int i = 0; i < corpus.size(); i++) {
      MaskedSequence epoch0 = masker.mask(corpus.get(i), 0, i, 0.5);
      sameAcrossEpochs += epoch0.equals(masker.mask(corpus.get(i), 1, i, 0.5)) ? 1 : 0;
      sameAcrossSeeds += epoch0.equals(otherSeed.mask(corpus.get(i), 0, i, 0.5)) ? 1 : 0;
    }
    // only the shortest sequences (a handful of tokens, one masked) can repeat by chance
    assertTrue(sameAcrossEpochs < corpus.size() / 20, sameAcrossEpochs + " repeated masks across epochs");
    assertTrue(sameAcrossSeeds < corpus.size() / 20, sameAcrossSeeds + " repeated masks across seeds");
  }

  @Test
  void neighbouringKeysGiveUnrelatedStreams() {
    long a = DynamicMasker.randomFor(1, 0, 1).nextLong();
    long b = DynamicMasker.randomFor(1, 1, 0).nextLong();
    long c = DynamicMasker.randomFor(0, 1, 1).nextLong();
    assertTrue(a != b && b != c && a != c);
  }

  private static List<MaskingInput> corpus(int size) {
    SplittableRandom data = new SplittableRandom(8);
    List<MaskingInput> inputs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Encoding e = TestEncodings.randomEncoding(data);
      inputs.add(MaskingInput.of(e));
    }
    return inputs;
  }
}
