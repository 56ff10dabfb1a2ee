package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Batches of an in-memory list, reshuffled every epoch with a seed derived from (seed, epoch), so
 * the order is the same in every JVM. The last partial batch of an epoch is kept. Position: {@code
 * "<epoch>:<batch index in epoch>"}.
 */
public final class ShuffledBatchSource<E> implements BatchSource<List<E>> {
  private final List<E> examples;
  private final int batchSize;
  private final long seed;
  private long epoch;
  private int batchIndex;
  private List<Integer> order;

  public ShuffledBatchSource(List<E> examples, int batchSize, long seed) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("batch source: no examples");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch source: batchSize must be >= 1, got " + batchSize);
    }
    this.examples = List.copyOf(examples);
    this.batchSize = batchSize;
    this.seed = seed;
    this.order = orderOf(0);
  }

  @Override
  public List<E> next() {
    int batchesPerEpoch = (examples.size() + batchSize - 1) / batchSize;
    if (batchIndex == batchesPerEpoch) {
      epoch++;
      batchIndex = 0;
      order = orderOf(epoch);
    }
    int from = batchIndex * batchSize;
    int to = Math.min(examples.size(), from + batchSize);
    List<E> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      batch.add(examples.get(order.get(i)));
    }
    batchIndex++;
    return batch;
  }

  @Override
  public String position() {
    return new EpochPosition(epoch, batchIndex).toString();
  }

  @Override
  public void seek(String position) {
    EpochPosition p = EpochPosition.parse(position);
    epoch = p.epoch();
    batchIndex = p.batch();
    order = orderOf(epoch);
  }

  public long epoch() {
    return epoch;
  }

  private List<Integer> orderOf(long ep) {
    List<Integer> idx = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(SeedMixer.mix(seed, ep)));
    return idx;
  }
}
