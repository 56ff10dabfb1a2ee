package org.mlmsuite.eval.report;

import java.util.List;

/**
 * Training curves: one or more panels (e.g. losses, learning rate), each a line chart of series
 * over a shared x axis (usually the training step).
 */
public record CurvesSection(String title, String xLabel, String source, List<Panel> panels) implements Section {
  public CurvesSection {
    panels = List.copyOf(panels);
  }

  /** One chart: series that share a y axis. */
  public record Panel(String title, String yLabel, List<Series> series) {
    public Panel {
      series = List.copyOf(series);
    }
  }

  /** A named line; points are in x order. */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  public record Point(double x, double y) {}
}
