package org.mlmsuite.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table whose rows are systems (ours, baselines, published reference numbers) and whose columns
 * are metrics; rendered as a table plus a grouped bar chart. A row may lack some metrics.
 *
 * @param higherIsBetter per metric, whether a larger value is better (used to mark the best value)
 */
public record MetricsTableSection(
    String title, List<String> metrics, List<SystemRow> rows, int decimals, Map<String, Boolean> higherIsBetter)
    implements Section {

  public MetricsTableSection {
    metrics = List.copyOf(metrics);
    rows = List.copyOf(rows);
    higherIsBetter = higherIsBetter == null ? Map.of() : Map.copyOf(higherIsBetter);
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

    public MetricsTableSection build() {
      return new MetricsTableSection(title, metrics, rows, decimals, higherIsBetter);
    }
  }

  /** The best value of a metric among rows that have it, or null. */
  public Double best(String metric) {
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
