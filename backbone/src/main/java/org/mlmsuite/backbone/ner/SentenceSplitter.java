package org.mlmsuite.backbone.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits raw text into sentences with OpenNLP's English sentence model (UD EWT, from the
 * {@code opennlp-models-sentdetect-en} jar).
 *
 * <p>Thread-safe: {@link SentenceDetectorME} keeps per-call state and is not, so each thread
 * gets its own detector over the shared (immutable) model.
 */
public final class SentenceSplitter {
  private final ThreadLocal<SentenceDetectorME> detector;

  public SentenceSplitter(SentenceModel model) {
    this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
  }

  /** The splitter over the English model on the classpath. */
  public static SentenceSplitter english() {
    return new SentenceSplitter(ClassPathModels.englishSentenceModel());
  }

  /** Sentence character ranges in {@code text}, in order, trimmed of surrounding whitespace. */
  public List<CharSpan> split(String text) {
    Span[] spans = detector.get().sentPosDetect(text);
    List<CharSpan> sentences = new ArrayList<>(spans.length);
    for (Span s : spans) {
      sentences.add(new CharSpan(s.getStart(), s.getEnd()));
    }
    return sentences;
  }
}
