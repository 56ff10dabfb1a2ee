package org.mlmsuite.spark;

import org.mlmsuite.eval.mt.BleuScore;
import org.mlmsuite.eval.mt.ChrfScore;

/**
 * Corpus BLEU (sacreBLEU defaults) and chrF2 of a table's hypotheses against one reference per row,
 * as {@code mlm translate eval} prints them, with their signatures.
 */
public record TranslationScores(long segments, BleuScore bleu, ChrfScore chrf) {}
