package org.mlmsuite.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.datasets.LabeledText;

/**
 * Tokenizes labeled texts (or pairs) into windows of at most {@code maxLength} tokens as the
 * {@link LongTextStrategy} says, counting the texts that did not fit one window. Pairs are
 * truncated longest-first under {@link LongTextStrategy#TRUNCATE} only.
 */
public final class ExampleEncoder {
  private final WordPieceTokenizer tokenizer;
  private final int maxLength;
  private final LongTextStrategy longText;

  public ExampleEncoder(WordPieceTokenizer tokenizer, int maxLength) {
    this(tokenizer, maxLength, LongTextStrategy.TRUNCATE);
  }

  public ExampleEncoder(WordPieceTokenizer tokenizer, int maxLength, LongTextStrategy longText) {
    if (maxLength < 3) {
      throw new IllegalArgumentException("max length must be >= 3 tokens ([CLS] text [SEP]), got " + maxLength);
    }
    longText.requireFits(maxLength);
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
    this.longText = longText;
  }

  /**
   * The encoded documents and how many did not fit one window. {@link #examples()} are their
   * windows, in order: one per document when truncating.
   */
  public record Encoded(List<EncodedDocument> documents, int truncated) {
    public List<EncodedExample> examples() {
      return documents.stream().flatMap(d -> d.windows().stream()).toList();
    }
  }

  public Encoded encodeAll(List<LabeledText> texts, LabelSet labels) {
    List<EncodedDocument> out = new ArrayList<>(texts.size());
    int truncated = 0;
    for (LabeledText t : texts) {
      Encoding full = tokenizer.encode(t.text(), t.textPair(), 0, 0);
      if (full.length() > maxLength) {
        truncated++;
      }
      out.add(document(t.text(), t.textPair(), full, labels.indexOf(t)));
    }
    return new Encoded(out, truncated);
  }

  /** One unlabeled input (label index -1), truncated to the max length. */
  public EncodedExample encode(String a, String b) {
    Encoding e = tokenizer.encode(a, b, maxLength, 0);
    return new EncodedExample(e.ids(), e.typeIds(), -1);
  }

  /** One unlabeled input (label index -1), cut into windows as the strategy says. */
  public EncodedDocument encodeDocument(String a, String b) {
    return document(a, b, tokenizer.encode(a, b, 0, 0), -1);
  }

  /** {@code full}: the whole of {@code a} (and {@code b}) encoded without a length limit. */
  private EncodedDocument document(String a, String b, Encoding full, int label) {
    if (full.length() <= maxLength || b != null || longText.isTruncate()) {
      Encoding cut = full.length() <= maxLength ? full : tokenizer.encode(a, b, maxLength, 0);
      return new EncodedDocument(List.of(new EncodedExample(cut.ids(), cut.typeIds(), label)), label);
    }
    int[] pieces = Arrays.copyOfRange(full.ids(), 1, full.length() - 1); // without [CLS] and [SEP]
    List<EncodedExample> windows = new ArrayList<>();
    int clsId = tokenizer.vocabulary().clsId();
    int sepId = tokenizer.vocabulary().sepId();
    for (int[] ids : longText.windows(pieces, maxLength, clsId, sepId)) {
      windows.add(new EncodedExample(ids, new int[ids.length], label)); // one segment: type ids 0
    }
    return new EncodedDocument(windows, label);
  }

  public int maxLength() {
    return maxLength;
  }

  public LongTextStrategy longText() {
    return longText;
  }
}
