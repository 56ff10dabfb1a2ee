package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LengthBucketedBatchSourceTest {
  static List<EncodedExample> examples(int n) {
    Random r = new Random(1);
    List<EncodedExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = 3 + r.nextInt(60);
      out.add(new EncodedExample(new int[len], new int[len], i)); // label = identity
    }
    return out;
  }

  @Test
  void everyEpochVisitsEachExampleOnce() {
    LengthBucketedBatchSource source = new LengthBucketedBatchSource(examples(1000), 32, 8, 7);
    for (int epoch = 0; epoch < 2; epoch++) {
      Set<Integer> seen = new HashSet<>();
      for (int b = 0; b < source.batchesPerEpoch(); b++) {
        source.next().forEach(e -> assertTrue(seen.add(e.label()), "seen twice: " + e.label()));
      }
      assertEquals(1000, seen.size());
    }
  }

  @Test
  void bucketingCutsPaddingFarBelowRandomBatches() {
    List<EncodedExample> all = examples(2000);
    LengthBucketedBatchSource source = new LengthBucketedBatchSource(all, 32, 16, 3);
    long padded = 0;
    long real = 0;
    for (int b = 0; b < source.batchesPerEpoch(); b++) {
      List<EncodedExample> batch = source.next();
      int max = batch.stream().mapToInt(EncodedExample::length).max().orElseThrow();
      padded += (long) max * batch.size();
      real += batch.stream().mapToInt(EncodedExample::length).sum();
    }
    // lengths uniform on 3..62: random batches of 32 pad to ~61 (efficiency ~0.53); sorted windows of 512 ~0.97
    assertTrue((double) real / padded > 0.9, "padding efficiency " + (double) real / padded);
  }

  @Test
  void seekReproducesTheStream() {
    LengthBucketedBatchSource a = new LengthBucketedBatchSource(examples(300), 16, 4, 9);
    for (int i = 0; i < 25; i++) {
      a.next();
    }
    String pos = a.position();
    List<Integer> expected = a.next().stream().map(EncodedExample::label).toList();
    LengthBucketedBatchSource b = new LengthBucketedBatchSource(examples(300), 16, 4, 9);
    b.seek(pos);
    assertEquals(expected, b.next().stream().map(EncodedExample::label).toList());
  }
}
