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
 * Used for every fine-tuning input whose batches are padded to their longest (classification
 * texts, extractive summarization documents).
 *
 * @param <E> an example; {@code length} gives its tokens
 */
public final class LengthBucketedBatchSource<E> extends EpochBatchSource<E> {
  private final ToIntFunction<E> length;
  private final int batchSize;
  private final int windowBatches;
  private final long seed;

  public LengthBucketedBatchSource(List<E> examples, ToIntFunction<E> length, int batchSize, int windowBatches,
      long seed) {
    super(examples, batchSize);
    if (windowBatches < 1) {
      throw new IllegalArgumentException("batch source: window must be >= 1 batch, got " + windowBatches);
    }
    this.length = length;
    this.batchSize = batchSize;
    this.windowBatches = windowBatches;
    this.seed = seed;
  }

  @Override
  List<List<Integer>> batchesOf(long epoch) {
    Random random = new Random(SeedMixer.mix(seed, epoch));
    List<Integer> order = shuffledIndexes(random);
    int window = batchSize * windowBatches;
    List<List<Integer>> batches = new ArrayList<>();
    for (int from = 0; from < order.size(); from += window) {
      List<Integer> chunk = new ArrayList<>(order.subList(from, Math.min(order.size(), from + window)));
      chunk.sort(Comparator.comparingInt(i -> length.applyAsInt(examples().get(i)))); // stable
      for (int b = 0; b < chunk.size(); b += batchSize) {
        batches.add(List.copyOf(chunk.subList(b, Math.min(chunk.size(), b + batchSize))));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }
}
