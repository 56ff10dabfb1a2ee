/**
 * {@code mlm demo}, {@code mlm bench} and {@code mlm bench ablation}: every task run as cached
 * stages, and one report gathering their numbers beside baselines and published results.
 *
 * <p>Reading order: {@link org.mlmsuite.bench.Demo} (the demo's stages, in order) → {@link
 * org.mlmsuite.bench.Stage} (a typed request run through a library, and the {@code mlm} command
 * line doing the same: {@code BackboneImportStage}, {@code VocabularyStage}, {@code NameFinderStage},
 * {@code PretrainingStage}, {@code UntrainedBackboneStage}, then per task a training and an evaluation stage, e.g. {@code
 * ClassifierTrainingStage}, {@code ClassifierEvaluationStage}) → {@code
 * DemoStages} (a stage's folder is named by a hash of its command line; a {@code .done} marker
 * means built; an interrupted training stage resumes) → {@link
 * org.mlmsuite.bench.Bench} → {@code BenchSuite} (a suite as data: the backbone recipe and the
 * task runs, resources {@code quick.json} and {@code full.json}) → {@code BenchStagePlanner} (a
 * suite into stages) → {@code BenchPlan} (runs them in order with an ETA, keeps each stage's wall
 * time) → {@code BenchReport} (one table per task run, read back from the stages' report.json) →
 * {@link org.mlmsuite.bench.AblationRun} and {@code AblationStatistics} (the masking ablation).
 * Beside them: {@code BenchSubsets} (seeded data subsets as files every system reads), {@code
 * BenchEnvironment} (versions, commit, hardware), {@code ReferenceNumbers} (published results),
 * {@code DemoReport}, {@code DemoSize}, {@code HeldOutScores}, {@code BackboneDescription}.
 */
package org.mlmsuite.bench;
