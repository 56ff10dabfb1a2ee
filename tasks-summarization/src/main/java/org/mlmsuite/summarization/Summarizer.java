package org.mlmsuite.summarization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.seq2seq.Seq2SeqEncoder;
import org.mlmsuite.backbone.seq2seq.Seq2SeqModel;

/**
 * A summarizer loaded from a directory written by {@code mlm summarize train}, either mode:
 * extractive (picks the model's k sentences, one per line) or abstractive (generates text with
 * the shared encoder-decoder, {@link SummaryOptions}). Thread-safe: any number of threads may
 * summarize with one instance; close it to free the native graph and session.
 *
 * <pre>{@code
 * try (Summarizer s = Summarizer.load(Path.of("sum-dir"))) {
 *   String summary = s.summarize(dialogue);                    // the model's defaults
 *   String two = s.summarize(dialogue, 2);                     // extractive: 2 sentences
 *   String longer = s.summarize(dialogue, s.defaultOptions().withLength(30, 120)); // abstractive
 * }
 * }</pre>
 */
public final class Summarizer implements AutoCloseable {
  private final SummarizerInfo info;
  private final ExtractiveModel extractive;
  private final Seq2SeqModel abstractive;
  private final Seq2SeqEncoder sourceEncoder;
  private volatile boolean closed;

  private Summarizer(SummarizerInfo info, ExtractiveModel extractive, Seq2SeqModel abstractive) {
    this.info = info;
    this.extractive = extractive;
    this.abstractive = abstractive;
    this.sourceEncoder = abstractive == null ? null : new Seq2SeqEncoder(abstractive.tokenizer(), abstractive.settings());
  }

  /** Opens an extractive or abstractive summarizer; errors name the folder and what is wrong. */
  public static Summarizer load(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, null);
    if (model.kind().equals(SummarizerInfo.KIND)) {
      ExtractiveModel m = ExtractiveModel.load(model);
      return new Summarizer(m.info(), m, null);
    }
    SummarizerInfo info = abstractiveInfo(model);
    return new Summarizer(info, null, Seq2SeqModel.load(dir));
  }

  /**
   * Checks that {@code dir} holds a summarizer without loading its weights (so a wrong folder is
   * refused before hours of work); {@link #load} makes the same checks.
   */
  public static void check(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, null);
    if (!model.kind().equals(SummarizerInfo.KIND)) {
      abstractiveInfo(model);
    }
  }

  /** The summarizer.json of a seq2seq folder that is an abstractive summarizer (not a translator). */
  private static SummarizerInfo abstractiveInfo(ModelDirectory model) {
    Path dir = model.path();
    if (!model.kind().equals(Seq2SeqModel.KIND)) {
      throw new IllegalArgumentException(dir + " holds a '" + model.kind() + "' model, expected a summarizer ('"
          + SummarizerInfo.KIND + "' or an abstractive '" + Seq2SeqModel.KIND + "' model)");
    }
    if (!Files.isRegularFile(dir.resolve(SummarizerInfo.FILE_NAME))) {
      throw new IllegalArgumentException(dir + " holds a seq2seq model without " + SummarizerInfo.FILE_NAME
          + " (a translation model?), not a summarizer");
    }
    SummarizerInfo info = model.read(SummarizerInfo.FILE_NAME, SummarizerInfo.class);
    if (!SummarizerInfo.ABSTRACTIVE.equals(info.mode())) {
      throw new IllegalArgumentException(dir.resolve(SummarizerInfo.FILE_NAME) + ": field 'mode' is '" + info.mode()
          + "', expected '" + SummarizerInfo.ABSTRACTIVE + "' in a seq2seq model directory");
    }
    return info;
  }

  public SummarizerInfo info() {
    return info;
  }

  /** The seed the model was trained with, from its provenance (0 when not recorded). */
  public long trainingSeed() {
    return info.provenance().seed();
  }

  public boolean isAbstractive() {
    return abstractive != null;
  }

  /** The model's summary with its saved defaults (k sentences, or the saved decoding options). */
  public String summarize(String document) {
    return summarizeAll(List.of(document)).get(0);
  }

  /** Extractive only: the {@code k} best sentences in document order, one per line. */
  public String summarize(String document, int k) {
    return summarizeAll(List.of(document), k).get(0);
  }

  /** Abstractive only: a generated summary. */
  public String summarize(String document, SummaryOptions options) {
    return summarizeAll(List.of(document), options).get(0);
  }

  /** Batched, in input order, same results as one at a time. */
  public List<String> summarizeAll(List<String> documents) {
    return isAbstractive() ? summarizeAll(documents, defaultOptions()) : summarizeAll(documents, info.k());
  }

  /** Extractive only. */
  public List<String> summarizeAll(List<String> documents, int k) {
    open();
    if (isAbstractive()) {
      throw new IllegalArgumentException("a sentence count k applies to extractive summarizers; "
          + info().mode() + " models take SummaryOptions (beam, min/max length)");
    }
    return extractive.summarizeAll(documents, k);
  }

  /**
   * Abstractive only. Documents longer than the model's source limit are truncated ({@link
   * #truncated}).
   *
   * @throws IllegalArgumentException naming the input number of an empty document
   */
  public List<String> summarizeAll(List<String> documents, SummaryOptions options) {
    open();
    if (!isAbstractive()) {
      throw new IllegalArgumentException("decoding options apply to abstractive summarizers; extractive models "
          + "take a sentence count k");
    }
    return abstractive.generate(documents, options.generation()).stream().map(Seq2SeqModel.Generated::text).toList();
  }

  /** Abstractive only: the decoding options saved with the model ({@code seq2seq.json}). */
  public SummaryOptions defaultOptions() {
    if (!isAbstractive()) {
      throw new IllegalArgumentException("an extractive summarizer has no decoding options (it picks k sentences)");
    }
    return SummaryOptions.of(abstractive.settings().generation());
  }

  /** Whether the model sees only the start of this document (word pieces past its limit are cut). */
  public boolean truncated(String document) {
    if (isAbstractive()) {
      return sourceEncoder.source(document).truncated();
    }
    return extractive.truncated(document);
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("summarizer is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (extractive != null) {
      extractive.close();
    }
    if (abstractive != null) {
      abstractive.close();
    }
  }
}
