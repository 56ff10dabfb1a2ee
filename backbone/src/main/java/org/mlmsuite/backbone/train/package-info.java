/**
 * One training loop for pretraining and every task.
 *
 * <p>A task supplies an {@link org.mlmsuite.backbone.train.ObjectiveBuilder} (builds its graph and
 * returns a {@link org.mlmsuite.backbone.train.TrainingObjective}: scalar loss, trainable variables
 * flagged for weight decay, a {@link org.mlmsuite.backbone.train.BatchFeeder}, optionally a dropout
 * seed placeholder and an {@link org.mlmsuite.backbone.train.Evaluator}) and a resumable {@link
 * org.mlmsuite.backbone.train.BatchSource}. {@link org.mlmsuite.backbone.train.Trainer} owns the
 * graph and session, adds AdamW ({@link org.mlmsuite.backbone.train.TrainingConfig}), and writes
 * checkpoints and {@code train-log.jsonl} into the output directory (the layers that have {@code
 * eval} draw the log as {@code loss-curve.svg}: the task modules, and {@code mlm pretrain}). {@link
 * org.mlmsuite.backbone.train.WeightLoader} warm-starts a task graph from a pretrained checkpoint.
 */
package org.mlmsuite.backbone.train;
