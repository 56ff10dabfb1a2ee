package org.mlmsuite.eval.report;

/**
 * The styles of the SVG charts ({@link LineChart}, {@link BarChart}, {@link Heatmap}): in
 * report.html's page style, and inlined into a chart written as a file of its own ({@link
 * LossCurve}), which has no page around it.
 */
final class ChartStyle {
  /** The page colours the chart rules refer to. */
  static final String VARIABLES = """
      :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --soft:#f6f8fa; --accent:#0072B2; }
      """;

  static final String CHARTS = """
      svg .chart-title { font-size: 13px; font-weight: 600; fill: var(--fg); }
      svg .axis { stroke: #57606a; stroke-width: 1; }
      svg .tick { stroke: #57606a; }
      svg .grid { stroke: #eaeef2; stroke-width: 1; }
      svg .tick-label { font-size: 11px; fill: var(--muted); }
      svg .axis-label { font-size: 12px; fill: var(--fg); }
      svg .plot-area { fill: #fcfcfd; stroke: none; }
      svg .plot-area.frame { fill: none; stroke: #57606a; }
      svg .series { stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
      svg .legend-box { fill: #ffffffe6; stroke: var(--line); }
      svg .legend-label { font-size: 11.5px; fill: var(--fg); }
      svg .bar.reference { stroke: #b35806; stroke-width: 1; }
      svg .bar-value { font-size: 10.5px; fill: var(--fg); }
      svg .bar-value.best { font-weight: 700; }
      svg .whisker { stroke: #24292f; stroke-width: 1.2; }
      svg .missing { font-size: 10px; fill: var(--muted); }
      svg .cell { stroke: #fff; stroke-width: 1; }
      svg .cell-label { font-size: 11px; fill: #1f2328; }
      svg .cell-label.dark { fill: #fff; }
      """;

  private ChartStyle() {}
}
