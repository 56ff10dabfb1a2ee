package org.mlmsuite.translation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
  /** Lines translated together by {@link #translateLines}. */
  private static final int LINE_BATCH = 32;
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

  /**
   * {@code mlm translate run}: translates {@code in} line by line to {@code out}, in order, in
   * batches; a blank line gives a blank line, so the output stays line-aligned with the input. The
   * output is flushed after each batch.
   */
  public void translateLines(BufferedReader in, Writer out, TranslationOptions options) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line; (line = in.readLine()) != null; ) {
      lines.add(line);
      if (lines.size() == LINE_BATCH) {
        writeTranslated(lines, out, options);
      }
    }
    writeTranslated(lines, out, options);
  }

  private void writeTranslated(List<String> lines, Writer out, TranslationOptions options) throws IOException {
    List<String> texts = lines.stream().filter(l -> !l.isBlank()).toList();
    Iterator<String> translated = translateBatch(texts, options).iterator();
    for (String line : lines) {
      out.write(line.isBlank() ? "" : translated.next());
      out.write(System.lineSeparator());
    }
    out.flush();
    lines.clear();
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
