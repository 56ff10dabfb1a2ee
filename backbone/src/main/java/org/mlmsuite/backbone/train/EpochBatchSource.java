package org.mlmsuite.backbone.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An in-memory list of examples read in epochs: each epoch is a plan of batches (lists of example
 * indexes) that is a pure function of the epoch, so position {@code "<epoch>:<batch>"} resumes
 * exactly. Subclasses say only how an epoch is cut into batches.
 *
 * @param <E> an example
 */
abstract class EpochBatchSource<E> implements BatchSource<List<E>> {
  private final List<E> examples;
  private long epoch;
  private int batchIndex;
  private List<List<Integer>> batches;

  EpochBatchSource(List<E> examples, int batchSize) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("batch source: no examples");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch source: batch size must be >= 1, got " + batchSize);
    }
    this.examples = List.copyOf(examples);
  }

  /** The batches of epoch {@code epoch}, each a list of indexes into {@link #examples()}. */
  abstract List<List<Integer>> batchesOf(long epoch);

  final List<E> examples() {
    return examples;
  }

  /** The indexes of all examples in a random order drawn from {@code random}. */
  final List<Integer> shuffledIndexes(Random random) {
    List<Integer> order = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    return order;
  }

  @Override
  public final List<E> next() {
    if (batchIndex == plan().size()) {
      epoch++;
      batchIndex = 0;
      batches = batchesOf(epoch);
    }
    List<Integer> indexes = batches.get(batchIndex++);
    List<E> batch = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      batch.add(examples.get(i));
    }
    return batch;
  }

  @Override
  public final String position() {
    return new EpochPosition(epoch, batchIndex).toString();
  }

  /** Moves to a saved position; one past the epoch's batches is refused by name. */
  @Override
  public final void seek(String position) {
    EpochPosition p = EpochPosition.parse(position);
    List<List<Integer>> plan = batchesOf(p.epoch());
    if (p.batch() > plan.size()) {
      throw new IllegalArgumentException("batch source: bad position '" + position + "' (epoch "
          + p.epoch() + " has " + plan.size() + " batches)");
    }
    epoch = p.epoch();
    batchIndex = p.batch();
    batches = plan;
  }

  /** The epoch of the next batch (or of the last batch given, at an epoch's end). */
  public final long epoch() {
    return epoch;
  }

  /** Batches per epoch. */
  public final int batchesPerEpoch() {
    return plan().size();
  }

  // built on first use: a subclass's fields are not set yet while this constructor runs
  private List<List<Integer>> plan() {
    if (batches == null) {
      batches = batchesOf(epoch);
    }
    return batches;
  }
}
