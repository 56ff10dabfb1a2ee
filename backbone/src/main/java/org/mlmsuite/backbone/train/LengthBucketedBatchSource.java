package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Batches of similar length, so padding to each batch's longest wastes little compute. Each epoch
 * the examples are shuffled (seed mixed with the epoch), cut into windows of {@code windowBatches}
 * batches, sorted by length within a window, cut into batches, and the epoch's batches shuffled.
 * The order is a pure function of (seed, epoch): position {@code "<epoch>:<batch>"} resumes exactly.
 * Used for every fine-tuning input whose batches are padded to their longest (classification
 * texts, extractive summarization documents).
 *
 * @param <E> an example; {@code length} gives its tokens
 */
public final class LengthBucketedBatchSource<E> implements BatchSource<List<E>> {
  private final List<E> examples;
  private final ToIntFunction<E> length;
  private final int batchSize;
  private final int windowBatches;
  private final long seed;
  private long epoch;
  private int batchIndex;
  private List<List<Integer>> batches;

  public LengthBucketedBatchSource(List<E> examples, ToIntFunction<E> length, int batchSize, int windowBatches,
      long seed) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    if (batchSize < 1 || windowBatches < 1) {
      throw new IllegalArgumentException("batch size and window must be >= 1");
    }
    this.examples = List.copyOf(examples);
    this.length = length;
    this.batchSize = batchSize;
    this.windowBatches = windowBatches;
    this.seed = seed;
    this.batches = batchesOf(0);
  }

  @Override
  public List<E> next() {
    if (batchIndex == batches.size()) {
      epoch++;
      batchIndex = 0;
      batches = batchesOf(epoch);
    }
    List<E> batch = new ArrayList<>(batchSize);
    for (int i : batches.get(batchIndex)) {
      batch.add(examples.get(i));
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
    batches = batchesOf(epoch);
  }

  /** Batches per epoch. */
  public int batchesPerEpoch() {
    return batches.size();
  }

  private List<List<Integer>> batchesOf(long ep) {
    Random random = new Random(SeedMixer.mix(seed, ep));
    List<Integer> order = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    int window = batchSize * windowBatches;
    List<List<Integer>> out = new ArrayList<>();
    for (int from = 0; from < order.size(); from += window) {
      List<Integer> chunk = new ArrayList<>(order.subList(from, Math.min(order.size(), from + window)));
      chunk.sort(Comparator.comparingInt(i -> length.applyAsInt(examples.get(i)))); // stable
      for (int b = 0; b < chunk.size(); b += batchSize) {
        out.add(List.copyOf(chunk.subList(b, Math.min(chunk.size(), b + batchSize))));
      }
    }
    Collections.shuffle(out, random);
    return out;
  }
}
