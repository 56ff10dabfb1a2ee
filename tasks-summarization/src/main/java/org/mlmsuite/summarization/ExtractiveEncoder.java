package org.mlmsuite.summarization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/** Turns a document's sentences into an {@link ExtractiveInput} of at most {@code maxLength} tokens. Thread-safe. */
public final class ExtractiveEncoder {
  private final WordPieceTokenizer tokenizer;
  private final int maxLength;

  public ExtractiveEncoder(WordPieceTokenizer tokenizer, int maxLength) {
    if (maxLength < 3) {
      throw new IllegalArgumentException("max length must be >= 3, got " + maxLength);
    }
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
  }

  /** @param labels oracle labels per sentence, or null */
  public ExtractiveInput encode(List<String> sentences, float[] labels) {
    int sep = tokenizer.vocabulary().sepId();
    List<Integer> ids = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    List<Integer> cls = new ArrayList<>();
    boolean truncated = false;
    for (int s = 0; s < sentences.size(); s++) {
      // a sentence needs room for [CLS], one token and [SEP]
      if (ids.size() + 3 > maxLength) {
        truncated = true;
        break;
      }
      Encoding e = tokenizer.encode(sentences.get(s)); // [CLS] tokens [SEP]
      int[] sentenceIds = e.ids();
      int room = maxLength - ids.size();
      int take = Math.min(sentenceIds.length, room);
      if (take < sentenceIds.length) {
        truncated = true;
      }
      cls.add(ids.size());
      for (int i = 0; i < take; i++) {
        ids.add(i == take - 1 && take < sentenceIds.length ? sep : sentenceIds[i]);
        types.add(s % 2);
      }
    }
    float[] kept = labels == null ? new float[cls.size()] : Arrays.copyOf(labels, cls.size());
    return new ExtractiveInput(ids.stream().mapToInt(Integer::intValue).toArray(),
        types.stream().mapToInt(Integer::intValue).toArray(), cls.stream().mapToInt(Integer::intValue).toArray(),
        kept, truncated);
  }

  public int maxLength() {
    return maxLength;
  }
}
