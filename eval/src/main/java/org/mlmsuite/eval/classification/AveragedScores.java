package org.mlmsuite.eval.classification;

/** Precision, recall and F1 averaged over classes one way (macro, micro or weighted); support is all gold samples counted. */
public record AveragedScores(double precision, double recall, double f1, long support) {}
