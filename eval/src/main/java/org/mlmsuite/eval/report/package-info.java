/**
 * Evaluation reports: a {@link org.mlmsuite.eval.report.Report} (title, provenance, sections) is
 * written by {@link org.mlmsuite.eval.report.ReportWriter} as report.json (all numbers, readable
 * back with {@link org.mlmsuite.eval.report.JsonReportFormat#read}), report.md and a self-contained
 * report.html with inline SVG charts ({@code LineChart}, {@code BarChart}, {@code Heatmap}, styled
 * by {@code ChartStyle}). {@link org.mlmsuite.eval.report.LossCurve} draws a training run's
 * {@code train-log.jsonl} as {@code loss-curve.svg} with the same {@code LineChart}.
 */
package org.mlmsuite.eval.report;
