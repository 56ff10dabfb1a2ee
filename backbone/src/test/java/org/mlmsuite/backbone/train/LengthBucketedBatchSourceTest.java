package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LengthBucketedBatchSourceTest {
  record Example(int id, int length) {}

  static List<Example> examples(int n) {
    Random r = new Random(1);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Example(i, 3 + r.nextInt(60)));
    }
    return out;
  }

  static LengthBucketedBatchSource<Example> source(List<Example> examples, int batchSize, int windowBatches, long seed) {
    return new LengthBucketedBatchSource<>(examples, Example::length, batchSize, windowBatches, seed);
  }

  @Test
  void everyEpochVisitsEachExampleOnce() {
    LengthBucketedBatchSource<Example> source = source(examples(1000), 32, 8, 7);
    for (int epoch = 0; epoch < 2; epoch++) {
      Set<Integer> seen = new HashSet<>();
      for (int b = 0; b < source.batchesPerEpoch(); b++) {
        source.next().forEach(e -> assertTrue(seen.add(e.id()), "seen twice: " + e.id()));
      }
      assertEquals(1000, seen.size());
    }
  }

  @Test
  void bucketingCutsPaddingFarBelowRandomBatches() {
    LengthBucketedBatchSource<Example> source = source(examples(2000), 32, 16, 3);
    long padded = 0;
    long real = 0;
    for (int b = 0; b < source.batchesPerEpoch(); b++) {
      List<Example> batch = source.next();
      int max = batch.stream().mapToInt(Example::length).max().orElseThrow();
      padded += (long) max * batch.size();
      real += batch.stream().mapToInt(Example::length).sum();
    }
    // lengths uniform on 3..62: random batches of 32 pad to ~61 (efficiency ~0.53); sorted windows of 512 ~0.97
    assertTrue((double) real / padded > 0.9, "padding efficiency " + (double) real / padded);
  }

  @Test
  void seekReproducesTheStream() {
    LengthBucketedBatchSource<Example> a = source(examples(300), 16, 4, 9);
    for (int i = 0; i < 25; i++) {
      a.next();
    }
    String pos = a.position();
    List<Integer> expected = a.next().stream().map(Example::id).toList();
    LengthBucketedBatchSource<Example> b = source(examples(300), 16, 4, 9);
    b.seek(pos);
    assertEquals(expected, b.next().stream().map(Example::id).toList());
  }

  @Test
  void aDamagedPositionIsRefusedByName() {
    for (String bad : List.of("3", "a:1", "-1:0", "1:2:3", "")) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> source(examples(10), 4, 2, 1).seek(bad));
      assertEquals("batch source: bad position '" + bad + "'", e.getMessage());
    }
  }

  @Test
  void aPositionPastTheEpochsBatchesIsRefusedAndItsEndContinuesIntoTheNextEpoch() {
    // 10 examples in batches of 4: 3 batches an epoch
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> source(examples(10), 4, 2, 1).seek("0:4"));
    assertEquals("batch source: bad position '0:4' (epoch 0 has 3 batches)", e.getMessage());

    LengthBucketedBatchSource<Example> a = source(examples(10), 4, 2, 1);
    for (int i = 0; i < 3; i++) {
      a.next();
    }
    assertEquals("0:3", a.position());
    List<Integer> firstOfEpoch1 = a.next().stream().map(Example::id).toList();
    LengthBucketedBatchSource<Example> b = source(examples(10), 4, 2, 1);
    b.seek("0:3");
    assertEquals(firstOfEpoch1, b.next().stream().map(Example::id).toList());
    assertEquals("1:1", b.position());
  }
}
