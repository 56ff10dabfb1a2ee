package org.mlmsuite.translation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mlmsuite.backbone.seq2seq.Seq2SeqModel;

/**
 * A trained translation model ({@code mlm translate train --out DIR}). Thread-safe: any number of
 * threads may translate with one instance. Close it to free the native TensorFlow resources.
 *
 * <pre>{@code
 * try (Translator t = Translator.load(Path.of("mt-dir"))) {
 *   String german = t.translate("A dog runs across the grass.");
 *   List<String> many = t.translateBatch(lines, TranslationOptions.beam(4, 64));
 * }
 * }</pre>
 */
public final class Translator implements AutoCloseable {
  private final Seq2SeqModel model;
  private final TranslationInfo info;

  private Translator(Seq2SeqModel model, TranslationInfo info) {
    this.model = model;
    this.info = info;
  }

  /** Loads a translation model directory; errors name the folder and what is missing. */
  public static Translator load(Path dir) {
    Seq2SeqModel model = Seq2SeqModel.load(dir);
    try {
      TranslationInfo info = Files.isRegularFile(dir.resolve(TranslationInfo.FILE_NAME))
          ? model.directory().read(TranslationInfo.FILE_NAME, TranslationInfo.class)
          : new TranslationInfo(null, null, model.tokenizer().config().lowercase());
      return new Translator(model, info);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Translates one text with the model's default options. */
  public String translate(String text) {
    return translateBatch(List.of(text)).get(0);
  }

  public String translate(String text, TranslationOptions options) {
    return translateBatch(List.of(text), options).get(0);
  }

  /** Translates texts (batched internally), results in input order, with the default options. */
  public List<String> translateBatch(List<String> texts) {
    return translateBatch(texts, defaultOptions());
  }

  /**
   * Translates texts, results in input order.
   *
   * @throws IllegalArgumentException naming the input number of an empty text
   */
  public List<String> translateBatch(List<String> texts, TranslationOptions options) {
    return model.generate(texts, options.generation()).stream().map(Seq2SeqModel.Generated::text).toList();
  }

  /** The decoding options saved with the model (beam 4, length penalty 1.0 unless trained otherwise). */
  public TranslationOptions defaultOptions() {
    return TranslationOptions.of(model.settings().generation());
  }

  public TranslationInfo info() {
    return info;
  }

  public Path directory() {
    return model.directory().path();
  }

  /** Word pieces a source may hold ([CLS]/[SEP] included); longer sources are truncated. */
  public int maxSourceLength() {
    return model.settings().maxSourceLength();
  }

  @Override
  public void close() {
    model.close();
  }
}
