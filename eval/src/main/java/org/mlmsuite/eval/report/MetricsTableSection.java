package org.mlmsuite.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A table whose rows are systems (ours, baselines, published reference numbers) and whose columns
 * are metrics; rendered as a table plus a grouped bar chart. A row may lack some metrics.
 *
 * @param higherIsBetter per metric, whether a larger value is better (used to mark the best value)
 * @param counts metrics that are counts (support, number of examples): shown as integers, never marked best
 * @param unranked further metrics where no value is better than another (a p-value), never marked best
 */
public record MetricsTableSection(String title, List<String> metrics, List<SystemRow> rows, int decimals,
    Map<String, Boolean> higherIsBetter, Set<String> counts, Set<String> unranked) implements Section {

  public MetricsTableSection {
    metrics = List.copyOf(metrics);
    rows = List.copyOf(rows);
    higherIsBetter = higherIsBetter == null ? Map.of() : Map.copyOf(higherIsBetter);
    // both absent in reports written before they existed
    counts = counts == null ? Set.of() : Set.copyOf(counts);
    unranked = unranked == null ? Set.of() : Set.copyOf(unranked);
    for (SystemRow row : rows) {
      for (String m : row.values().keySet()) {
        if (!metrics.contains(m)) {
          throw new IllegalArgumentException("row '" + row.name() + "' has metric '" + m + "' not among the columns " + metrics);
        }
      }
    }
  }

  /** What a row stands for. */
  public enum SystemKind { SYSTEM, BASELINE, REFERENCE }

  /** A confidence interval around a value. */
  public record Interval(double low, double high) {}

  /**
   * @param source where a reference number comes from (paper, leaderboard), or null
   * @param intervals optional confidence intervals per metric
   */
  public record SystemRow(
      String name, SystemKind kind, Map<String, Double> values, Map<String, Interval> intervals, String source) {
    public SystemRow {
      values = values == null ? Map.of() : new LinkedHashMap<>(values);
      intervals = intervals == null ? Map.of() : new LinkedHashMap<>(intervals);
    }

    public static SystemRow system(String name, Map<String, Double> values) {
      return new SystemRow(name, SystemKind.SYSTEM, values, null, null);
    }

    public static SystemRow baseline(String name, Map<String, Double> values) {
      return new SystemRow(name, SystemKind.BASELINE, values, null, null);
    }

    public static SystemRow reference(String name, Map<String, Double> values, String source) {
      return new SystemRow(name, SystemKind.REFERENCE, values, null, source);
    }

    public SystemRow withInterval(String metric, double low, double high) {
      Map<String, Interval> copy = new LinkedHashMap<>(intervals);
      copy.put(metric, new Interval(low, high));
      return new SystemRow(name, kind, values, copy, source);
    }
  }

  public static Builder builder(String title, String... metrics) {
    return new Builder(title, List.of(metrics));
  }

  /** Collects rows for one table. */
  public static final class Builder {
    private final String title;
    private final List<String> metrics;
    private final List<SystemRow> rows = new ArrayList<>();
    private final Map<String, Boolean> higherIsBetter = new LinkedHashMap<>();
    private final Set<String> counts = new LinkedHashSet<>();
    private final Set<String> unranked = new LinkedHashSet<>();
    private int decimals = 4;

    private Builder(String title, List<String> metrics) {
      this.title = title;
      this.metrics = metrics;
    }

    public Builder row(SystemRow row) {
      rows.add(row);
      return this;
    }

    public Builder decimals(int decimals) {
      this.decimals = decimals;
      return this;
    }

    public Builder lowerIsBetter(String metric) {
      higherIsBetter.put(metric, false);
      return this;
    }

    /** Marks metrics whose values are counts. */
    public Builder counts(String... metrics) {
      counts.addAll(List.of(metrics));
      return this;
    }

    /** Marks metrics whose values are not better or worse than one another. */
    public Builder unranked(String... metrics) {
      unranked.addAll(List.of(metrics));
      return this;
    }

    public MetricsTableSection build() {
      return new MetricsTableSection(title, metrics, rows, decimals, higherIsBetter, counts, unranked);
    }
  }

  /** The same table under another title. */
  public MetricsTableSection withTitle(String newTitle) {
    return new MetricsTableSection(newTitle, metrics, rows, decimals, higherIsBetter, counts, unranked);
  }

  /** A value as the table shows it: counts as integers, other metrics with {@link #decimals()}. */
  public String format(String metric, double value) {
    return counts.contains(metric)
        ? String.format(Locale.ROOT, "%d", Math.round(value))
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** The best value of a metric among rows that have it, or null. */
  public Double best(String metric) {
    if (counts.contains(metric) || unranked.contains(metric)) {
      return null;
    }
    boolean higher = higherIsBetter.getOrDefault(metric, true);
    Double best = null;
    for (SystemRow row : rows) {
      Double v = row.values().get(metric);
      if (v != null && (best == null || (higher ? v > best : v < best))) {
        best = v;
      }
    }
    return best;
  }
}
