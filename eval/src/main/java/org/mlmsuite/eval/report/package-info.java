/**
 * Evaluation reports: a {@link org.mlmsuite.eval.report.Report} (title, provenance, sections) is
 * written by {@link org.mlmsuite.eval.report.ReportWriter} as report.json (all numbers, readable
 * back with {@link org.mlmsuite.eval.report.JsonReportFormat#read}), report.md and a self-contained
 * report.html with inline SVG charts ({@code LineChart}, {@code BarChart}, {@code Heatmap}).
 */
package org.mlmsuite.eval.report;
