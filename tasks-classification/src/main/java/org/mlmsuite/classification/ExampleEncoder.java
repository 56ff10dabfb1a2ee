package org.mlmsuite.classification;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.datasets.LabeledText;

/** Tokenizes labeled texts (or pairs) to at most {@code maxLength} tokens, counting how many were cut. */
public final class ExampleEncoder {
  private final WordPieceTokenizer tokenizer;
  private final int maxLength;

  public ExampleEncoder(WordPieceTokenizer tokenizer, int maxLength) {
    if (maxLength < 3) {
      throw new IllegalArgumentException("max length must be >= 3 tokens ([CLS] text [SEP]), got " + maxLength);
    }
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
  }

  /** The encoded examples and how many were truncated. */
  public record Encoded(List<EncodedExample> examples, int truncated) {}

  public Encoded encodeAll(List<LabeledText> texts, LabelSet labels) {
    List<EncodedExample> out = new ArrayList<>(texts.size());
    int truncated = 0;
    for (LabeledText t : texts) {
      Encoding full = tokenizer.encode(t.text(), t.textPair(), 0, 0);
      if (full.length() > maxLength) {
        truncated++;
        full = tokenizer.encode(t.text(), t.textPair(), maxLength, 0);
      }
      out.add(new EncodedExample(full.ids(), full.typeIds(), labels.indexOf(t)));
    }
    return new Encoded(out, truncated);
  }

  /** One unlabeled input (label index -1), truncated to the max length. */
  public EncodedExample encode(String a, String b) {
    Encoding e = tokenizer.encode(a, b, maxLength, 0);
    return new EncodedExample(e.ids(), e.typeIds(), -1);
  }

  public int maxLength() {
    return maxLength;
  }
}
