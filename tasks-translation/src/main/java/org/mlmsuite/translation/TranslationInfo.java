package org.mlmsuite.translation;

/**
 * What a translation model was trained on, saved as {@value #FILE_NAME} in its model directory
 * (beside {@code seq2seq.json} and {@code provenance.json}).
 *
 * @param train the training data, reopenable ({@code multi30k-en-de:train} or file paths)
 * @param dev the dev data or null
 * @param lowercase whether the vocabulary lowercases (then outputs are lowercase and BLEU against
 *     cased references is penalised for every capital)
 */
public record TranslationInfo(String train, String dev, boolean lowercase) {
  public static final String FILE_NAME = "translation.json";
}
