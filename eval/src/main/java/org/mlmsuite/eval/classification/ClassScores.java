package org.mlmsuite.eval.classification;

/** Precision, recall and F1 of one class (0 where a ratio's denominator is 0), and its gold count. */
public record ClassScores(String label, double precision, double recall, double f1, long support) {}
