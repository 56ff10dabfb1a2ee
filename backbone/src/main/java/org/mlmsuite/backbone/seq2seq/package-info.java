/**
 * Encoder-decoder models warm-started from a backbone (BERT2BERT, Rothe et al. 2020), shared by
 * translation and abstractive summarization.
 *
 * <ul>
 *   <li>{@link org.mlmsuite.backbone.seq2seq.Seq2SeqGraph}: the graph (encoder {@code bert.*},
 *       decoder {@code decoder.*} with fresh cross-attention, tied output head, label-smoothed
 *       loss) and its cached incremental {@code DecodingStep}.
 *   <li>{@link org.mlmsuite.backbone.seq2seq.DecoderWarmStart}: backbone weights -> decoder names.
 *   <li>{@link org.mlmsuite.backbone.seq2seq.Seq2SeqTraining}: fine-tuning with the one {@code
 *       Trainer} and export of a {@code seq2seq} model directory ({@code seq2seq.json} holds
 *       {@link org.mlmsuite.backbone.seq2seq.Seq2SeqConfig}).
 *   <li>{@link org.mlmsuite.backbone.seq2seq.Seq2SeqModel}: load a model directory and generate
 *       text (greedy or beam, {@link org.mlmsuite.backbone.seq2seq.GenerationOptions}), batched,
 *       with {@link org.mlmsuite.backbone.seq2seq.BeamSearch} over cached decoding steps; minimum
 *       length and no-repeat n-gram blocking (Hugging Face semantics) for summarization.
 *   <li>{@link org.mlmsuite.backbone.seq2seq.Detokenizer}: word pieces back to running text.
 * </ul>
 *
 * Targets are {@code [CLS] y [SEP]}: BOS = [CLS], EOS = [SEP].
 */
package org.mlmsuite.backbone.seq2seq;
