package org.mlmsuite.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a text longer than the model's window ({@code maxLength} tokens, [CLS] and [SEP] included,
 * so {@code maxLength - 2} word pieces of content) is classified:
 * <ul>
 *   <li>{@code truncate}: the first {@code maxLength - 2} pieces (BERT's default).</li>
 *   <li>{@code head+tail}: the first {@code headLength} and the last {@code maxLength - 2 -
 *       headLength} pieces in one window (Sun et al. 2019, "How to Fine-Tune BERT for Text
 *       Classification?": 128 head + 382 tail of 510 was their best on IMDB).</li>
 *   <li>{@code sliding}: windows starting every {@code stride} pieces, the last one aligned to the
 *       end of the text; the windows' logits are pooled ({@code mean} or {@code max} per class)
 *       into the document's, whose softmax is its prediction. In training every window is an
 *       example with its document's label.</li>
 * </ul>
 * Texts that fit in one window are one window under every strategy. Pairs are always truncated.
 * Serializable so that a Spark task can carry it to executors.
 *
 * @param kind truncate, head+tail or sliding
 * @param stride sliding only: pieces between window starts (null: half the window's content)
 * @param pool sliding only: mean or max of the window logits (null: mean)
 * @param headLength head+tail only: pieces kept from the start (null: 128/510 of the window's
 *     content, rounded, as Sun et al.)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LongTextStrategy(Kind kind, Integer stride, Pool pool, Integer headLength) implements Serializable {
  /** Today's behaviour and the default: keep the first window. */
  public static final LongTextStrategy TRUNCATE = new LongTextStrategy(Kind.TRUNCATE, null, null, null);

  /** Sun et al.'s head length at BERT's full window: 128 of 510 content pieces. */
  static final int SUN_HEAD = 128;
  static final int SUN_CONTENT = 510;

  public enum Kind {
    TRUNCATE("truncate"), HEAD_TAIL("head+tail"), SLIDING("sliding");

    private final String flag;

    Kind(String flag) {
      this.flag = flag;
    }

    @JsonValue
    public String flag() {
      return flag;
    }

    @JsonCreator
    public static Kind parse(String flag) {
      return Arrays.stream(values()).filter(k -> k.flag.equals(flag)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("--long-text: expected truncate, head+tail or sliding, got '" + flag + "'"));
    }
  }

  public enum Pool {
    MEAN("mean"), MAX("max");

    private final String flag;

    Pool(String flag) {
      this.flag = flag;
    }

    @JsonValue
    public String flag() {
      return flag;
    }

    @JsonCreator
    public static Pool parse(String flag) {
      return Arrays.stream(values()).filter(p -> p.flag.equals(flag)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("--pool: expected mean or max, got '" + flag + "'"));
    }
  }

  public LongTextStrategy {
    if (kind == null) {
      throw new IllegalArgumentException("--long-text: missing kind (truncate, head+tail or sliding)");
    }
    if (kind != Kind.SLIDING && (stride != null || pool != null)) {
      throw new IllegalArgumentException("--stride and --pool need --long-text sliding (got " + kind.flag + ")");
    }
    if (kind != Kind.HEAD_TAIL && headLength != null) {
      throw new IllegalArgumentException("a head length applies to --long-text head+tail only, not " + kind.flag);
    }
    if (kind == Kind.SLIDING && pool == null) {
      pool = Pool.MEAN;
    }
  }

  /** Sliding windows; {@code stride} null for half the window, {@code pool} null for mean. */
  public static LongTextStrategy sliding(Integer stride, Pool pool) {
    return new LongTextStrategy(Kind.SLIDING, stride, pool, null);
  }

  /** Head and tail; {@code headLength} null for Sun et al.'s 128/510 of the window. */
  public static LongTextStrategy headTail(Integer headLength) {
    return new LongTextStrategy(Kind.HEAD_TAIL, null, null, headLength);
  }

  /**
   * From {@code --long-text KIND [--stride N] [--pool mean|max]}: {@code kind} null is truncate
   * (then {@code stride} and {@code pool} must be null too).
   */
  public static LongTextStrategy of(String kind, Integer stride, String pool) {
    return new LongTextStrategy(kind == null ? Kind.TRUNCATE : Kind.parse(kind), stride,
        pool == null ? null : Pool.parse(pool), null);
  }

  /**
   * This strategy with {@code stride} and {@code pool} where given (null: keep this one's): {@code
   * --stride}/{@code --pool} without {@code --long-text} on eval and predict change how the model
   * reads as it was trained. Only a sliding strategy takes them.
   */
  public LongTextStrategy withWindows(Integer stride, String pool) {
    return new LongTextStrategy(kind, stride != null ? stride : this.stride,
        pool != null ? Pool.parse(pool) : this.pool, headLength);
  }

  @JsonIgnore
  public boolean isTruncate() {
    return kind == Kind.TRUNCATE;
  }

  /** Word pieces of content in a window of {@code maxLength} tokens: all but [CLS] and [SEP]. */
  public static int contentLength(int maxLength) {
    return maxLength - 2;
  }

  /** The stride used with a window of {@code maxLength}: the given one, else half the content. */
  public int stride(int maxLength) {
    return stride != null ? stride : Math.max(1, contentLength(maxLength) / 2);
  }

  /** The head length used with a window of {@code maxLength}: the given one, else 128/510 of the content. */
  public int headLength(int maxLength) {
    return headLength != null ? headLength
        : (int) Math.round((double) SUN_HEAD * contentLength(maxLength) / SUN_CONTENT);
  }

  /** This strategy with its defaults for {@code maxLength} written out (what a model folder saves). */
  public LongTextStrategy resolvedFor(int maxLength) {
    requireFits(maxLength);
    return switch (kind) {
      case TRUNCATE -> this;
      case HEAD_TAIL -> headTail(headLength(maxLength));
      case SLIDING -> sliding(stride(maxLength), pool);
    };
  }

  /** Throws a one-line error when the stride or head length does not fit a window of {@code maxLength}. */
  public void requireFits(int maxLength) {
    int content = contentLength(maxLength);
    if (kind == Kind.SLIDING && (stride(maxLength) < 1 || stride(maxLength) > content)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--stride %d: must be 1..%d, the window's content (max length %d minus [CLS] and [SEP])",
          stride(maxLength), content, maxLength));
    }
    if (kind == Kind.HEAD_TAIL && (headLength(maxLength) < 0 || headLength(maxLength) > content)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "head length %d: must be 0..%d, the window's content (max length %d minus [CLS] and [SEP])",
          headLength(maxLength), content, maxLength));
    }
  }

  /**
   * The windows the model reads for a text of word pieces {@code pieces} (no [CLS]/[SEP]): each
   * {@code [CLS] piece... [SEP]}, at most {@code maxLength} long, in text order.
   */
  public List<int[]> windows(int[] pieces, int maxLength, int clsId, int sepId) {
    requireFits(maxLength);
    int content = contentLength(maxLength);
    int n = pieces.length;
    List<int[]> out = new ArrayList<>();
    if (n <= content || kind == Kind.TRUNCATE) {
      out.add(window(pieces, 0, Math.min(n, content), null, 0, 0, clsId, sepId));
    } else if (kind == Kind.HEAD_TAIL) {
      int head = headLength(maxLength);
      out.add(window(pieces, 0, head, pieces, n - (content - head), n, clsId, sepId));
    } else {
      int stride = stride(maxLength);
      for (int start = 0; start + content < n; start += stride) {
        out.add(window(pieces, start, start + content, null, 0, 0, clsId, sepId));
      }
      out.add(window(pieces, n - content, n, null, 0, 0, clsId, sepId)); // the last, aligned to the end
    }
    return out;
  }

  /** {@code [CLS] a[aFrom, aTo) b[bFrom, bTo) [SEP]}. */
  private static int[] window(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int clsId, int sepId) {
    int[] ids = new int[(aTo - aFrom) + (bTo - bFrom) + 2];
    ids[0] = clsId;
    System.arraycopy(a, aFrom, ids, 1, aTo - aFrom);
    if (b != null) {
      System.arraycopy(b, bFrom, ids, 1 + aTo - aFrom, bTo - bFrom);
    }
    ids[ids.length - 1] = sepId;
    return ids;
  }

  /** The document's logits from its windows' ({@code [W][C]}): per class, their mean or max. */
  public float[] pool(float[][] windowLogits) {
    if (windowLogits.length == 0) {
      throw new IllegalArgumentException("no windows to pool");
    }
    int classes = windowLogits[0].length;
    float[] out = new float[classes];
    for (int c = 0; c < classes; c++) {
      if (pool == Pool.MAX) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] w : windowLogits) {
          max = Math.max(max, w[c]);
        }
        out[c] = max;
      } else {
        double sum = 0;
        for (float[] w : windowLogits) {
          sum += w[c];
        }
        out[c] = (float) (sum / windowLogits.length);
      }
    }
    return out;
  }

  /** The document's class probabilities: softmax of the pooled window logits. */
  public float[] probabilities(float[][] windowLogits) {
    return softmax(pool(windowLogits));
  }

  static float[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double[] e = new double[logits.length];
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      e[c] = Math.exp(logits[c] - max);
      sum += e[c];
    }
    float[] out = new float[logits.length];
    for (int c = 0; c < logits.length; c++) {
      out[c] = (float) (e[c] / sum);
    }
    return out;
  }

  /**
   * The strategy as flags, e.g. {@code --long-text sliding --stride 63 --pool mean} (the fields
   * given; what depends on the window is left out), for logs such as Spark's executor lines.
   */
  @Override
  public String toString() {
    StringBuilder flags = new StringBuilder("--long-text ").append(kind.flag);
    if (stride != null) {
      flags.append(" --stride ").append(stride);
    }
    if (pool != null) {
      flags.append(" --pool ").append(pool.flag);
    }
    if (headLength != null) {
      flags.append(" (head ").append(headLength).append(")");
    }
    return flags.toString();
  }

  /** One phrase for messages, e.g. {@code sliding windows (stride 63, mean of logits)}. */
  public String describe(int maxLength) {
    return switch (kind) {
      case TRUNCATE -> "truncate";
      case HEAD_TAIL -> String.format(Locale.ROOT, "head+tail (first %d and last %d word pieces)",
          headLength(maxLength), contentLength(maxLength) - headLength(maxLength));
      case SLIDING -> String.format(Locale.ROOT, "sliding windows (stride %d, %s of logits)",
          stride(maxLength), pool.flag);
    };
  }

  /**
   * Leaves a truncate strategy out of JSON ({@code @JsonInclude(CUSTOM)}): files written before
   * long-text strategies existed read the same, and a run started then still resumes.
   */
  static final class OmitTruncate {
    @Override
    public boolean equals(Object value) {
      return value == null || (value instanceof LongTextStrategy s && s.isTruncate());
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
