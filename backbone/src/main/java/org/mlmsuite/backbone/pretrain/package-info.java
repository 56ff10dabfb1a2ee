/**
 * Masked-LM pretraining of a backbone ({@code mlm pretrain}), on the one {@code Trainer}.
 *
 * <p>Reading order: {@link org.mlmsuite.backbone.pretrain.Pretraining} (the whole run: corpus →
 * packed sequences → dynamically masked batches → {@code BertForMaskedLm} → a backbone model
 * directory; {@code --init-from} continues an existing backbone) → {@link
 * org.mlmsuite.backbone.pretrain.PretrainingConfig} (everything the run depends on, saved as
 * {@code pretraining-config.json}) → {@link org.mlmsuite.backbone.pretrain.PretrainingCorpus}
 * (paragraphs packed into {@code [CLS] ... [SEP]} sequences, entity spans found once) → {@code
 * MlmBatchSource} and {@code MlmBatch} (resumable batches masked afresh each epoch by the {@code
 * masking} package) → {@code HeldOutEvaluator} (masked-LM loss and accuracy on fixed held-out masks)
 * → {@link org.mlmsuite.backbone.pretrain.PretrainingProvenance} (the backbone's {@code
 * provenance.json}).
 */
package org.mlmsuite.backbone.pretrain;
