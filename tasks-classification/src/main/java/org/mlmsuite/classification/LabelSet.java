package org.mlmsuite.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mlmsuite.datasets.LabeledText;

/**
 * The classes a classifier predicts, as the label strings of its training file. Index {@code i} is
 * output unit {@code i} of the classifier layer. The order is the labels sorted by code point, so
 * the mapping depends only on which labels occur, never on row order; it is saved with the model.
 */
public record LabelSet(List<String> labels) {

  @JsonCreator
  public LabelSet {
    labels = List.copyOf(labels);
    if (labels.size() < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 labels, the data has " + labels);
    }
    if (labels.stream().distinct().count() != labels.size()) {
      throw new IllegalArgumentException("duplicate label in " + labels);
    }
  }

  /** The distinct labels of {@code examples}, sorted by code point. */
  public static LabelSet of(Collection<LabeledText> examples) {
    TreeSet<String> sorted = new TreeSet<>(LabelSet::compareCodePoints);
    examples.forEach(e -> sorted.add(e.label()));
    return new LabelSet(new ArrayList<>(sorted));
  }

  @JsonValue
  @Override
  public List<String> labels() {
    return labels;
  }

  public int size() {
    return labels.size();
  }

  public String label(int index) {
    return labels.get(index);
  }

  /** Index of the example's label; an unknown label is a user error naming file:line and the known labels. */
  public int indexOf(LabeledText example) {
    int i = labels.indexOf(example.label());
    if (i < 0) {
      throw new IllegalArgumentException(example.origin() + ": unknown label '" + example.label()
          + "'; the model knows " + labels.size() + " labels " + labels);
    }
    return i;
  }

  /** Gold counts per label index. */
  public long[] counts(Collection<LabeledText> examples) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    long[] counts = new long[labels.size()];
    for (LabeledText e : examples) {
      counts[indexOf(e)]++;
    }
    return counts;
  }

  private static int compareCodePoints(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
