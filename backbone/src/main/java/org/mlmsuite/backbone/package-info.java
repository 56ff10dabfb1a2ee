/**
 * What every backbone user touches first: the model folder format, the opened backbone, and the
 * one fine-tuning run every task trains through.
 *
 * <p>Reading order: {@link org.mlmsuite.backbone.ModelDirectory} (the folder layout every model
 * uses: {@code model.json}, {@code config.json}, {@code vocab.txt}, {@code tokenizer_config.json},
 * {@code weights/}, task records) → {@link org.mlmsuite.backbone.Backbone} (a backbone folder
 * opened for {@code fillMask}; the library facade behind {@code mlm fill-mask}) → {@link
 * org.mlmsuite.backbone.UntrainedBackbone} (random weights: {@code mlm backbone init} and the
 * no-pretraining baseline) → {@link org.mlmsuite.backbone.FineTuningRun} (open the backbone, train
 * the task's graph with BERT's recipe and a warm start, choose the best or last checkpoint, export;
 * the task supplies its graphs through {@code FineTuningRun.TaskGraphs}) → {@link
 * org.mlmsuite.backbone.TrainingProvenance} (how a fine-tuned model was made, with its {@link
 * org.mlmsuite.backbone.BackboneOrigin}).
 *
 * <p>The building blocks sit in the subpackages: {@code text} (tokenizer), {@code model} (the
 * Transformer), {@code train} (the one {@code Trainer}), {@code masking}, {@code ner} and {@code
 * pretrain} (masked-LM pretraining), {@code pretrained} (import of Google's BERTs) and {@code
 * seq2seq} (the encoder-decoder translation and abstractive summarization share).
 */
package org.mlmsuite.backbone;
