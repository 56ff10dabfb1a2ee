/**
 * Machine-translation metrics exactly as sacreBLEU 2.x computes them: corpus and sentence BLEU,
 * chrF and chrF++, each with its reproducibility signature.
 *
 * <p>Reading order: {@link org.mlmsuite.eval.mt.Bleu} → {@link org.mlmsuite.eval.mt.BleuOptions}
 * (sacreBLEU's defaults, {@link org.mlmsuite.eval.mt.BleuTokenizer}, {@link
 * org.mlmsuite.eval.mt.SmoothMethod}) → {@link org.mlmsuite.eval.mt.BleuScore}; then {@link
 * org.mlmsuite.eval.mt.Chrf} → {@link org.mlmsuite.eval.mt.ChrfOptions} → {@link
 * org.mlmsuite.eval.mt.ChrfScore}; {@link org.mlmsuite.eval.mt.SacreBleuSignature} writes the
 * signature both print. {@link org.mlmsuite.eval.mt.SegmentText} cleans lines read from files as
 * sacreBLEU's command line does; {@code PythonText} and {@code UnicodeCategories} reproduce the
 * Python string behaviour the figures depend on.
 */
package org.mlmsuite.eval.mt;
