package org.mlmsuite.classification;

/** One tokenized example: {@code [CLS] a [SEP] (b [SEP])} ids and segment ids, unpadded, and its label index. */
public record EncodedExample(int[] ids, int[] typeIds, int label) {
  public int length() {
    return ids.length;
  }
}
