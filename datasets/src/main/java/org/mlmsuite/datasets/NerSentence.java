package org.mlmsuite.datasets;

import java.util.List;

/**
 * A sentence of a CoNLL column file. {@code columns.get(c).get(i)} is column {@code c} of token
 * {@code i}; {@code tokens} is the first column and {@code tags} the last (the NER tags in
 * CoNLL-2003, whose middle columns are POS and chunk tags). {@code documentStart} is true for the
 * first sentence of the file and the first after each {@code -DOCSTART-} line. The origin is the
 * first token's line.
 */
public record NerSentence(
    List<String> tokens, List<String> tags, List<List<String>> columns, boolean documentStart, Origin origin) {
  public NerSentence {
    columns = columns.stream().map(List::copyOf).toList();
    tokens = List.copyOf(tokens);
    tags = List.copyOf(tags);
  }

  public int size() {
    return tokens.size();
  }

  /** Column {@code c} for every token. */
  public List<String> column(int c) {
    return columns.get(c);
  }
}
