/**
 * Text to token ids, the BERT way, identical to Hugging Face's fast BertTokenizer.
 *
 * <ul>
 *   <li>{@link org.mlmsuite.backbone.text.WordPieceTokenizer}: encode single texts, pairs and
 *       batches into {@link org.mlmsuite.backbone.text.Encoding}s (ids, type ids, word ids,
 *       offsets into the original text, masks); decode ids back to text.
 *   <li>{@link org.mlmsuite.backbone.text.Vocabulary}: {@code vocab.txt}, one token per line.
 *       Trained vocabularies start with {@code [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 [MASK]=4};
 *       loaded ones may have the special tokens anywhere (found by name).
 *   <li>{@link org.mlmsuite.backbone.text.TokenizerConfig}: cased/uncased and max length, saved
 *       as {@code tokenizer_config.json} beside {@code vocab.txt} in a model directory.
 *   <li>{@link org.mlmsuite.backbone.text.WordPieceTrainer} with
 *       {@link org.mlmsuite.backbone.text.WordFrequencies}: learn a vocabulary from raw text with
 *       Hugging Face's WordPiece trainer algorithm (BPE merges with {@code ##} continuations).
 * </ul>
 *
 * <p>Parity with Hugging Face is checked by {@code WordPieceParityTest} against the native
 * tokenizers library (through DJL) on real lines of every data set of the mirror.
 */
package org.mlmsuite.backbone.text;
