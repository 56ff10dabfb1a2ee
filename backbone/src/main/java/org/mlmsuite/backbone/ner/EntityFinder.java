package org.mlmsuite.backbone.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.mlmsuite.backbone.masking.MaskingInput;
import org.mlmsuite.backbone.masking.TokenSpan;
import org.mlmsuite.backbone.text.Encoding;

/**
 * Finds named entities in raw text: splits sentences, tokenizes each with offsets, runs the
 * name finder and maps its token spans back to character ranges of the original text.
 *
 * <p>Thread-safe: {@link NameFinderME} is not (it keeps beam-search and adaptive state), so each
 * thread gets its own over the shared model. Each {@link #find} call is one document: the
 * finder's adaptive data (what earlier sentences said) is cleared before it returns, so results
 * do not depend on which texts the same thread saw before.
 */
public final class EntityFinder {
  private final SentenceSplitter sentences;
  private final WordTokenizer words;
  private final ThreadLocal<NameFinderME> finder;

  public EntityFinder(TokenNameFinderModel model, SentenceSplitter sentences, WordTokenizer words) {
    this.sentences = sentences;
    this.words = words;
    this.finder = ThreadLocal.withInitial(() -> new NameFinderME(model));
  }

  /** A finder with the English sentence and token models from the classpath. */
  public static EntityFinder english(TokenNameFinderModel model) {
    return new EntityFinder(model, SentenceSplitter.english(), WordTokenizer.english());
  }

  /** Entities in {@code text}, in text order, as character ranges of {@code text}. */
  public List<EntitySpan> find(String text) {
    NameFinderME me = finder.get();
    List<EntitySpan> found = new ArrayList<>();
    try {
      for (CharSpan sentence : sentences.split(text)) {
        List<CharSpan> tokens = words.tokenize(text, sentence);
        if (tokens.isEmpty()) {
          continue;
        }
        String[] tokenTexts = new String[tokens.size()];
        for (int i = 0; i < tokenTexts.length; i++) {
          tokenTexts[i] = tokens.get(i).coveredText(text);
        }
        for (Span name : me.find(tokenTexts)) {
          found.add(new EntitySpan(
              tokens.get(name.getStart()).start(), tokens.get(name.getEnd() - 1).end(), name.getType()));
        }
      }
    } finally {
      me.clearAdaptiveData();
    }
    return found;
  }

  /**
   * The masking input for an encoding of one text, or of a pair (one text per segment, in
   * segment order, each the text its segment's offsets refer to), with its entities aligned to
   * tokens. Entities do not change between epochs: compute this once per sequence and keep it.
   */
  public MaskingInput maskingInput(Encoding encoding, String... segmentTexts) {
    List<TokenSpan> spans = new ArrayList<>();
    for (int segment = 0; segment < segmentTexts.length; segment++) {
      spans.addAll(EntityAligner.align(encoding, segment, find(segmentTexts[segment])));
    }
    return new MaskingInput(encoding, spans);
  }
}
