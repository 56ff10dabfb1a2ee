package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Batches of an in-memory list, reshuffled every epoch with a seed derived from (seed, epoch), so
 * the order is the same in every JVM. The last partial batch of an epoch is kept.
 */
public final class ShuffledBatchSource<E> extends EpochBatchSource<E> {
  private final int batchSize;
  private final long seed;

  public ShuffledBatchSource(List<E> examples, int batchSize, long seed) {
    super(examples, batchSize);
    this.batchSize = batchSize;
    this.seed = seed;
  }

  @Override
  List<List<Integer>> batchesOf(long epoch) {
    List<Integer> order = shuffledIndexes(new Random(SeedMixer.mix(seed, epoch)));
    List<List<Integer>> batches = new ArrayList<>();
    for (int from = 0; from < order.size(); from += batchSize) {
      batches.add(List.copyOf(order.subList(from, Math.min(order.size(), from + batchSize))));
    }
    return batches;
  }
}
