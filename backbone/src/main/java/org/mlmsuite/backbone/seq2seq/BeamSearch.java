package org.mlmsuite.backbone.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy and beam search for ONE source sequence over a {@link StepFunction}, in plain Java.
 * Finished hypotheses are scored {@code sumLogProb / length^alpha} (length counts generated tokens
 * including EOS, as Hugging Face does); search stops when {@code beamSize} hypotheses finished and
 * no live one can beat the worst of them (the live score can only fall when alpha's bound holds,
 * so, like HF's default early-stopping heuristic, we compare the live best at the current length),
 * or at {@code maxLength}.
 */
public final class BeamSearch {

  private final int bos;
  private final int eos;

  public BeamSearch(int bos, int eos) {
    this.bos = bos;
    this.eos = eos;
  }

  /** A finished sequence without BOS/EOS and its length-normalised score. */
  public record Hypothesis(int[] tokens, double score) {}

  /** Best hypothesis; {@code step} starts with one row holding BOS. */
  public Hypothesis search(StepFunction step, GenerationOptions options) {
    int beam = options.beamSize();
    int[][] live = {new int[0]};
    double[] liveScores = {0.0};
    List<Hypothesis> finished = new ArrayList<>();
    int[] last = {bos};
    for (int length = 1; length <= options.maxLength(); length++) {
      float[][] logProbs = step.logProbs(last);
      int rows = live.length;
      int vocab = logProbs[0].length;
      // candidates: top 2*beam over rows x vocab, so at least beam survive after EOS removal
      int wanted = Math.min(2 * beam, rows * vocab);
      int[] candRow = new int[wanted];
      int[] candTok = new int[wanted];
      double[] candScore = new double[wanted];
      Arrays.fill(candScore, Double.NEGATIVE_INFINITY);
      int filled = 0;
      for (int r = 0; r < rows; r++) {
        for (int v = 0; v < vocab; v++) {
          double s = liveScores[r] + logProbs[r][v];
          if (filled < wanted || s > candScore[wanted - 1]) {
            int pos = Math.min(filled, wanted - 1);
            while (pos > 0 && candScore[pos - 1] < s) {
              candScore[pos] = candScore[pos - 1];
              candRow[pos] = candRow[pos - 1];
              candTok[pos] = candTok[pos - 1];
              pos--;
            }
            candScore[pos] = s;
            candRow[pos] = r;
            candTok[pos] = v;
            if (filled < wanted) {
              filled++;
            }
          }
        }
      }
      int[] parents = new int[beam];
      int[] nextTokens = new int[beam];
      int[][] nextLive = new int[beam][];
      double[] nextScores = new double[beam];
      int kept = 0;
      for (int c = 0; c < filled && kept < beam; c++) {
        int[] prefix = live[candRow[c]];
        if (candTok[c] == eos || length == options.maxLength()) {
          int[] tokens = candTok[c] == eos ? prefix : append(prefix, candTok[c]);
          finished.add(new Hypothesis(tokens, candScore[c] / Math.pow(length, options.lengthPenalty())));
          continue;
        }
        parents[kept] = candRow[c];
        nextTokens[kept] = candTok[c];
        nextLive[kept] = append(prefix, candTok[c]);
        nextScores[kept] = candScore[c];
        kept++;
      }
      if (kept == 0 || done(finished, beam, nextScores[0], length, options.lengthPenalty())) {
        break;
      }
      parents = Arrays.copyOf(parents, kept);
      step.reorder(parents);
      live = Arrays.copyOf(nextLive, kept);
      liveScores = Arrays.copyOf(nextScores, kept);
      last = Arrays.copyOf(nextTokens, kept);
    }
    Hypothesis best = null;
    for (Hypothesis h : finished) {
      if (best == null || h.score() > best.score()) {
        best = h;
      }
    }
    return best;
  }

  private static boolean done(
      List<Hypothesis> finished, int beam, double bestLive, int length, double alpha) {
    if (finished.size() < beam) {
      return false;
    }
    double worst = Double.POSITIVE_INFINITY;
    for (Hypothesis h : finished) {
      worst = Math.min(worst, h.score());
    }
    return bestLive / Math.pow(length, alpha) < worst;
  }

  private static int[] append(int[] prefix, int token) {
    int[] out = Arrays.copyOf(prefix, prefix.length + 1);
    out[prefix.length] = token;
    return out;
  }
}
