package org.mlmsuite.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A fixed, seeded, stratified train/dev split of one labeled file, for data sets published without
 * a dev split ({@code imdb}). A share of each label's rows is held out (so every label keeps its
 * proportion in both parts, to the row); which rows is a pure function of the rows' labels and the
 * seed. Both parts keep the file's order.
 *
 * @param heldOutShare the share of rows in the held-out part, e.g. 0.2 for 4,000 / 1,000 of 5,000
 * @param seed the seed of the per-label shuffles
 */
public record StratifiedSplit(double heldOutShare, long seed) {
  public StratifiedSplit {
    if (!(heldOutShare > 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("held-out share must be in (0, 1), got " + heldOutShare);
    }
  }

  /**
   * Which rows are held out, by index: {@code round(share * n)} in all, each label's quota its
   * proportional share (largest remainders get the rows left over, ties to the label first in
   * sorted order), drawn from that label's rows shuffled with this split's seed.
   */
  public <T> boolean[] heldOut(List<T> rows, Function<T, String> label) {
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byLabel.computeIfAbsent(label.apply(rows.get(i)), k -> new ArrayList<>()).add(i);
    }
    long total = Math.round(heldOutShare * rows.size());
    List<String> labels = new ArrayList<>(byLabel.keySet());
    int[] quota = new int[labels.size()];
    double[] remainder = new double[labels.size()];
    long given = 0;
    for (int l = 0; l < labels.size(); l++) {
      double exact = (double) total * byLabel.get(labels.get(l)).size() / rows.size();
      quota[l] = (int) Math.floor(exact);
      remainder[l] = exact - quota[l];
      given += quota[l];
    }
    List<Integer> byRemainder = new ArrayList<>();
    for (int l = 0; l < labels.size(); l++) {
      byRemainder.add(l);
    }
    byRemainder.sort((a, b) -> Double.compare(remainder[b], remainder[a])); // stable: ties keep label order
    for (int k = 0; given < total; k++, given++) {
      quota[byRemainder.get(k)]++;
    }
    Random random = new Random(seed);
    boolean[] out = new boolean[rows.size()];
    for (int l = 0; l < labels.size(); l++) {
      List<Integer> indexes = new ArrayList<>(byLabel.get(labels.get(l)));
      Collections.shuffle(indexes, random);
      for (int i : indexes.subList(0, quota[l])) {
        out[i] = true;
      }
    }
    return out;
  }

  /** The rows of one part, in file order: the held-out part, or the rest. */
  public <T> List<T> part(List<T> rows, Function<T, String> label, boolean heldOutPart) {
    boolean[] held = heldOut(rows, label);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (held[i] == heldOutPart) {
        out.add(rows.get(i));
      }
    }
    return out;
  }

  /**
   * The records of one part of {@code source} (read whole, then closed): {@code heldOutPart} the
   * held-out part, else the rest. Records skipped by the source's policy are counted by the result.
   */
  <T> RecordReader<T> open(RecordReader<T> source, Function<T, String> label, boolean heldOutPart) {
    List<T> all;
    long skipped;
    List<String> reasons;
    try (source) {
      all = source.readAll();
      skipped = source.skippedRows();
      reasons = List.copyOf(source.skipReasons());
    }
    return new ListRecordReader<>(part(all, label, heldOutPart), source.policy(), skipped, reasons);
  }

  /** Records already in memory, with the skips of the reader they came from. */
  private static final class ListRecordReader<T> extends AbstractRecordReader<T> {
    private final List<T> records;
    private final long sourceSkipped;
    private final List<String> sourceReasons;
    private int next;

    ListRecordReader(List<T> records, BadRowPolicy policy, long sourceSkipped, List<String> sourceReasons) {
      super(policy);
      this.records = records;
      this.sourceSkipped = sourceSkipped;
      this.sourceReasons = sourceReasons;
    }

    @Override
    T readRecord() {
      return next < records.size() ? records.get(next++) : null;
    }

    @Override
    public long skippedRows() {
      return sourceSkipped + super.skippedRows();
    }

    @Override
    public List<String> skipReasons() {
      return sourceReasons;
    }

    @Override
    void closeInput() {}
  }
}
