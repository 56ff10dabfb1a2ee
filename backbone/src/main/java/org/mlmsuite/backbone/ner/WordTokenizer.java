package org.mlmsuite.backbone.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits text into words (with punctuation as separate tokens) with OpenNLP's English tokenizer
 * model (UD EWT, from the {@code opennlp-models-tokenizer-en} jar), keeping character offsets.
 *
 * <p>Thread-safe: {@link TokenizerME} is not, so each thread gets its own over the shared model.
 */
public final class WordTokenizer {
  private final ThreadLocal<TokenizerME> tokenizer;

  public WordTokenizer(TokenizerModel model) {
    this.tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(model));
  }

  /** The tokenizer over the English model on the classpath. */
  public static WordTokenizer english() {
    return new WordTokenizer(ClassPathModels.englishTokenizerModel());
  }

  /** Token character ranges of the whole {@code text}. */
  public List<CharSpan> tokenize(String text) {
    return tokenize(text, new CharSpan(0, text.length()));
  }

  /** Token character ranges inside {@code region} of {@code text}, as offsets into {@code text}. */
  public List<CharSpan> tokenize(String text, CharSpan region) {
    Span[] spans = tokenizer.get().tokenizePos(text.substring(region.start(), region.end()));
    List<CharSpan> tokens = new ArrayList<>(spans.length);
    for (Span s : spans) {
      tokens.add(new CharSpan(region.start() + s.getStart(), region.start() + s.getEnd()));
    }
    return tokens;
  }
}
