/**
 * Files to typed records: the catalog of public data sets and the readers every module reads data
 * through. Depends on no other mlm-suite module.
 *
 * <p>Reading order: {@link org.mlmsuite.datasets.DatasetCatalog} (the named sets) → {@link
 * org.mlmsuite.datasets.Dataset} → {@link org.mlmsuite.datasets.DataDirectory} (where their files
 * are found) → a task's source, a catalog split or the user's files ({@link
 * org.mlmsuite.datasets.LabeledTextSource}, {@link org.mlmsuite.datasets.TranslationSource},
 * {@link org.mlmsuite.datasets.SummarySource}, {@link org.mlmsuite.datasets.TextCorpusSource}) →
 * {@link org.mlmsuite.datasets.RecordReader} and the format readers ({@code DelimitedReader},
 * {@code JsonLinesReader}, {@code ParallelTextReader}, {@code ConllReader}, {@code RawTextReader})
 * → records such as {@link org.mlmsuite.datasets.LabeledText}, each with its {@link
 * org.mlmsuite.datasets.Origin} ({@code file:line}). A bad record throws a {@link
 * org.mlmsuite.datasets.BadRecordException} naming file, line and field; under {@link
 * org.mlmsuite.datasets.BadRowPolicy#SKIP} one that concerns only itself is counted and skipped.
 */
package org.mlmsuite.datasets;
