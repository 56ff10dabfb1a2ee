package org.mlmsuite.backbone.seq2seq;

/**
 * One encoded training pair: {@code sourceIds} = {@code [CLS] x1 .. xm [SEP]}, {@code targetIds} =
 * {@code [CLS] y1 .. yn [SEP]} (BOS = [CLS], EOS = [SEP]).
 */
public record Seq2SeqExample(int[] sourceIds, int[] targetIds) {

  public Seq2SeqExample {
    if (sourceIds.length < 2 || targetIds.length < 2) {
      throw new IllegalArgumentException("seq2seq example needs [CLS] .. [SEP] on both sides");
    }
  }

  /** Decoder input under teacher forcing: the target without its last token (EOS). */
  public int[] decoderInput() {
    return java.util.Arrays.copyOf(targetIds, targetIds.length - 1);
  }

  /** What each decoder position must predict: the target shifted left (without BOS). */
  public int[] labels() {
    return java.util.Arrays.copyOfRange(targetIds, 1, targetIds.length);
  }
}
