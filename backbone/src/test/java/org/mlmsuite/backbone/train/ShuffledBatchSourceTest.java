package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShuffledBatchSourceTest {
  private static final List<Integer> DATA = IntStream.range(0, 10).boxed().toList();

  @Test
  void everyEpochCoversEveryExampleOnceInANewOrder() {
    ShuffledBatchSource<Integer> s = new ShuffledBatchSource<>(DATA, 4, 3);
    List<Integer> epoch0 = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      List<Integer> batch = s.next();
      sizes.add(batch.size());
      epoch0.addAll(batch);
    }
    assertEquals(List.of(4, 4, 2), sizes);
    assertEquals(DATA, new ArrayList<>(new TreeSet<>(epoch0)));
    List<Integer> epoch1 = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      epoch1.addAll(s.next());
    }
    assertEquals(1, s.epoch());
    assertEquals(DATA, new ArrayList<>(new TreeSet<>(epoch1)));
    assertNotEquals(epoch0, epoch1);
  }

  @Test
  void seekingToASavedPositionReplaysTheSameBatches() {
    ShuffledBatchSource<Integer> a = new ShuffledBatchSource<>(DATA, 3, 9);
    for (int i = 0; i < 5; i++) {
      a.next();
    }
    String pos = a.position();
    List<List<Integer>> expected = List.of(a.next(), a.next(), a.next(), a.next());
    ShuffledBatchSource<Integer> b = new ShuffledBatchSource<>(DATA, 3, 9);
    b.seek(pos);
    assertEquals(expected, List.of(b.next(), b.next(), b.next(), b.next()));
    assertThrows(IllegalArgumentException.class, () -> b.seek("x:1"));
  }
}
