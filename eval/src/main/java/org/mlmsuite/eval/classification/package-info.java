/**
 * Single-label classification metrics with scikit-learn's conventions, so figures agree with
 * {@code classification_report}, {@code confusion_matrix} and {@code matthews_corrcoef} to the
 * last bit.
 *
 * <p>Reading order: {@link org.mlmsuite.eval.classification.ClassificationMetrics} (the entry
 * point: gold and predicted label strings in, a report out) → {@link
 * org.mlmsuite.eval.classification.ClassificationReport} (accuracy, MCC, {@link
 * org.mlmsuite.eval.classification.ClassScores} per class, macro/micro/weighted {@link
 * org.mlmsuite.eval.classification.AveragedScores}, {@link
 * org.mlmsuite.eval.classification.ConfusionMatrix}) → {@link
 * org.mlmsuite.eval.classification.McNemarTest} (exact paired test of two systems on the same
 * examples, as statsmodels computes it). {@code PairwiseSum} reproduces NumPy's summation order.
 */
package org.mlmsuite.eval.classification;
