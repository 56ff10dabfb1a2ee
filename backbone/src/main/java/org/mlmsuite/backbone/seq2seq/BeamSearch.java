package org.mlmsuite.backbone.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy and beam search over a {@link StepFunction}, in plain Java, for a batch of sources at
 * once (one step-function call per step for all their live hypotheses).
 *
 * <p>Constraints: {@link GenerationOptions#minLength()} and {@link
 * GenerationOptions#noRepeatNgramSize()} set log-probabilities to -inf before the candidates are
 * ranked (as Hugging Face's logits processors do), in greedy and beam search alike.
 *
 * <p>Scoring is Hugging Face's ({@code BeamSearchScorer}): a finished hypothesis scores {@code
 * sumLogProb / length^alpha}, where length counts the generated tokens including EOS (not BOS);
 * {@code alpha = lengthPenalty} (1.0 by default; 0 = raw log-probability; GNMT's {@code
 * ((5+len)/6)^alpha} is NOT used). Each step keeps the {@code 2 * beam} best continuations per
 * source; those ending in EOS become finished hypotheses, the best {@code beam} others stay live. A
 * source is done when it has {@code beam} finished hypotheses and its best live score, normalised
 * at the current length, is below the worst finished one (HF's default {@code early_stopping=False}
 * heuristic), or at {@code maxLength}, where every live hypothesis is finished as it stands. Beam
 * size 1 is greedy search: it stops when EOS is the arg-max.
 *
 * <p>Row layout: at the first step row {@code i} is source {@code i}'s BOS. Afterwards the rows are
 * the live hypotheses of the sources not yet done, in source order; {@link StepFunction#reorder}
 * tells the step function which previous row each new row continues.
 */
public final class BeamSearch {

  private final int bos;
  private final int eos;
  private final int[] suppressed;

  public BeamSearch(int bos, int eos) {
    this(bos, eos, new int[0]);
  }

  /**
   * @param suppressed tokens never generated (HF's {@code suppress_tokens}), e.g. [PAD], [MASK]
   *     and BOS itself: the detokenizer drops them, so they would only pad a minimum length
   */
  public BeamSearch(int bos, int eos, int[] suppressed) {
    this.bos = bos;
    this.eos = eos;
    this.suppressed = suppressed.clone();
  }

  /** A finished sequence without BOS/EOS, its length-normalised score and whether it ended in EOS. */
  public record Hypothesis(int[] tokens, double score, boolean endedWithEos) {}

  /** Best hypothesis for one source; {@code step} starts with one row holding BOS. */
  public Hypothesis search(StepFunction step, GenerationOptions options) {
    return searchBatch(step, 1, options).get(0);
  }

  /** Best hypothesis per source; {@code step} starts with {@code sources} rows holding BOS. */
  public List<Hypothesis> searchBatch(StepFunction step, int sources, GenerationOptions options) {
    List<SourceBeam> beams = new ArrayList<>(sources);
    for (int s = 0; s < sources; s++) {
      beams.add(new SourceBeam(options));
    }
    int[] last = new int[sources];
    Arrays.fill(last, bos);
    for (int length = 1; length <= options.maxLength(); length++) {
      float[][] logProbs = step.logProbs(last);
      int[] parents = new int[logProbs.length * 2 * options.beamSize()];
      int[] tokens = new int[parents.length];
      int rows = 0;
      int firstRow = 0;
      for (SourceBeam beam : beams) {
        if (beam.done) {
          continue;
        }
        int liveRows = beam.live.length;
        rows = beam.advance(logProbs, firstRow, length, parents, tokens, rows);
        firstRow += liveRows;
      }
      if (firstRow != logProbs.length) {
        throw new IllegalStateException("step function returned " + logProbs.length + " rows, expected " + firstRow);
      }
      if (rows == 0) {
        break;
      }
      step.reorder(Arrays.copyOf(parents, rows));
      last = Arrays.copyOf(tokens, rows);
    }
    List<Hypothesis> best = new ArrayList<>(sources);
    for (SourceBeam beam : beams) {
      best.add(beam.best());
    }
    return best;
  }

  /** The search state of one source. */
  private final class SourceBeam {
    private final GenerationOptions options;
    private int[][] live = {new int[0]};
    private double[] liveScores = {0.0};
    private final List<Hypothesis> finished = new ArrayList<>();
    private boolean done;

    SourceBeam(GenerationOptions options) {
      this.options = options;
    }

    /**
     * Extends this source's live rows ({@code logProbs[firstRow ..]}); appends the surviving rows'
     * global parent row and token at {@code rows}; returns the new row count.
     */
    int advance(float[][] logProbs, int firstRow, int length, int[] parents, int[] tokens, int rows) {
      int beam = options.beamSize();
      int n = live.length;
      int vocab = logProbs[firstRow].length;
      // candidates: the top 2*beam over rows x vocab, so at least beam survive EOS removal
      int wanted = Math.min(2 * beam, n * vocab);
      int[] candRow = new int[wanted];
      int[] candTok = new int[wanted];
      double[] candScore = new double[wanted];
      int filled = 0;
      for (int r = 0; r < n; r++) {
        float[] row = constrained(logProbs[firstRow + r], live[r], length);
        for (int v = 0; v < vocab; v++) {
          double s = liveScores[r] + row[v];
          if (filled == wanted && !(s > candScore[wanted - 1])) {
            continue;
          }
          int pos = filled < wanted ? filled++ : wanted - 1;
          while (pos > 0 && candScore[pos - 1] < s) {
            candScore[pos] = candScore[pos - 1];
            candRow[pos] = candRow[pos - 1];
            candTok[pos] = candTok[pos - 1];
            pos--;
          }
          candScore[pos] = s;
          candRow[pos] = r;
          candTok[pos] = v;
        }
      }
      int[][] nextLive = new int[beam][];
      double[] nextScores = new double[beam];
      int kept = 0;
      for (int c = 0; c < filled && kept < beam; c++) {
        int[] prefix = live[candRow[c]];
        boolean ended = candTok[c] == eos;
        if (ended || length == options.maxLength()) {
          // as HF: an EOS ranked below the beam width does not finish a hypothesis
          if (!ended || c < beam) {
            int[] seq = ended ? prefix : append(prefix, candTok[c]);
            addFinished(new Hypothesis(seq, candScore[c] / Math.pow(length, options.lengthPenalty()), ended));
          }
          continue;
        }
        parents[rows + kept] = firstRow + candRow[c];
        tokens[rows + kept] = candTok[c];
        nextLive[kept] = append(prefix, candTok[c]);
        nextScores[kept] = candScore[c];
        kept++;
      }
      if (kept == 0 || enough(nextScores[0], length)) {
        done = true;
        live = new int[0][];
        return rows;
      }
      live = Arrays.copyOf(nextLive, kept);
      liveScores = Arrays.copyOf(nextScores, kept);
      return rows + kept;
    }

    /**
     * The row with the suppressed tokens at -inf, EOS at -inf before {@code minLength} and every
     * token that would repeat an n-gram of {@code prefix} at -inf (HF's SuppressTokens,
     * MinLengthLogitsProcessor and NoRepeatNGramLogitsProcessor, the last over BOS + prefix as HF's
     * decoder input ids); the step function's array is left untouched.
     */
    private float[] constrained(float[] row, int[] prefix, int length) {
      boolean tooShort = length <= options.minLength();
      int[] banned = NgramBlocking.bannedNext(bos, prefix, options.noRepeatNgramSize());
      if (!tooShort && banned.length == 0 && suppressed.length == 0) {
        return row;
      }
      float[] out = row.clone();
      for (int token : suppressed) {
        out[token] = Float.NEGATIVE_INFINITY;
      }
      if (tooShort) {
        out[eos] = Float.NEGATIVE_INFINITY;
      }
      for (int token : banned) {
        out[token] = Float.NEGATIVE_INFINITY;
      }
      return out;
    }

    /** Keeps the {@code beam} best finished hypotheses (HF's BeamHypotheses). */
    private void addFinished(Hypothesis h) {
      finished.add(h);
      if (finished.size() > options.beamSize()) {
        int worst = 0;
        for (int i = 1; i < finished.size(); i++) {
          if (finished.get(i).score() < finished.get(worst).score()) {
            worst = i;
          }
        }
        finished.remove(worst);
      }
    }

    private boolean enough(double bestLive, int length) {
      if (finished.size() < options.beamSize()) {
        return false;
      }
      double worst = Double.POSITIVE_INFINITY;
      for (Hypothesis h : finished) {
        worst = Math.min(worst, h.score());
      }
      return bestLive / Math.pow(length, options.lengthPenalty()) < worst;
    }

    Hypothesis best() {
      Hypothesis best = null;
      for (Hypothesis h : finished) {
        if (best == null || h.score() > best.score()) {
          best = h;
        }
      }
      return best;
    }
  }

  private static int[] append(int[] prefix, int token) {
    int[] out = Arrays.copyOf(prefix, prefix.length + 1);
    out[prefix.length] = token;
    return out;
  }
}
