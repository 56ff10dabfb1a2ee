/**
 * One BERT-architecture Transformer, built once from small blocks, in TF Java graph mode.
 *
 * <p>Reading order (nanoGPT-style): {@link org.mlmsuite.backbone.model.TransformerConfig} →
 * {@link org.mlmsuite.backbone.model.ParameterStore} (variables, names, initializers) → blocks
 * {@link org.mlmsuite.backbone.model.Dense}, {@link org.mlmsuite.backbone.model.LayerNorm},
 * {@link org.mlmsuite.backbone.model.Dropout}, {@link org.mlmsuite.backbone.model.Gelu},
 * {@link org.mlmsuite.backbone.model.MultiHeadAttention}, {@link
 * org.mlmsuite.backbone.model.FeedForward}, {@link org.mlmsuite.backbone.model.ResidualNorm},
 * {@link org.mlmsuite.backbone.model.Embeddings} → layers {@link
 * org.mlmsuite.backbone.model.EncoderLayer}, {@link org.mlmsuite.backbone.model.DecoderLayer} →
 * stacks {@link org.mlmsuite.backbone.model.Encoder}, {@link org.mlmsuite.backbone.model.Decoder}
 * → {@link org.mlmsuite.backbone.model.BertModel} and heads ({@link
 * org.mlmsuite.backbone.model.MlmHead}, {@link org.mlmsuite.backbone.model.Pooler}) → {@link
 * org.mlmsuite.backbone.model.BertForMaskedLm}.
 *
 * <p>Each block takes a {@link org.mlmsuite.backbone.model.BlockContext} whose path is the
 * block's Hugging Face module path, so variable names equal HF BERT state-dict keys. Mapping a HF
 * checkpoint: copy every key as is (dense weights are stored [out, in] like nn.Linear, embeddings
 * [V, H]; no transposes); skip {@code cls.predictions.decoder.weight} (tied to {@code
 * bert.embeddings.word_embeddings.weight} here), {@code cls.predictions.decoder.bias} (same
 * tensor as {@code cls.predictions.bias}) and the {@code bert.embeddings.position_ids} buffer.
 *
 * <p>Dropout is off unless {@code dropout_training} is fed true; for an inference-only graph with
 * no random ops at all, build with {@code config.withDropout(0, 0)}.
 */
package org.mlmsuite.backbone.model;
