/**
 * Metrics computed exactly as the reference tools compute them, and report writing. The module
 * depends on no other mlm-suite module; this package holds no classes of its own.
 *
 * <p>Reading order: {@code report} ({@link org.mlmsuite.eval.report.Report}, {@link
 * org.mlmsuite.eval.report.Provenance}, {@link org.mlmsuite.eval.report.ReportWriter}: the
 * report.json/md/html every task's evaluation writes), then the metric package of the task at
 * hand: {@code classification} (scikit-learn's accuracy, F1, confusion matrix; exact McNemar
 * test), {@code mt} (sacreBLEU's BLEU and chrF) and {@code rouge} (rouge-score's ROUGE).
 */
package org.mlmsuite.eval;
