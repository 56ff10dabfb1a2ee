package org.mlmsuite.backbone.model;

import java.util.HashMap;
import java.util.Map;

/**
 * A plain-Java, double-precision BERT masked-LM forward pass written from the BERT paper / HF
 * modeling_bert, independent of the TF graph code: the yardstick for the graph's numerics.
 * Weights are HF-named flat arrays; dense weights are [out, in] row-major.
 */
final class ReferenceBert {
  private final TransformerConfig config;
  final Map<String, double[]> weights;

  ReferenceBert(TransformerConfig config, Map<String, double[]> weights) {
    this.config = config;
    this.weights = new HashMap<>(weights);
  }

  /** Sequence output of one example: [T][H]. */
  double[][] encode(int[] ids, int[] types, int[] mask) {
    int t = ids.length;
    int h = config.hiddenSize();
    double[] word = w("bert.embeddings.word_embeddings.weight");
    double[] pos = w("bert.embeddings.position_embeddings.weight");
    double[] type = w("bert.embeddings.token_type_embeddings.weight");
    double[][] x = new double[t][h];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < h; j++) {
        x[i][j] = word[ids[i] * h + j] + pos[i * h + j] + type[types[i] * h + j];
      }
    }
    x = layerNorm(x, "bert.embeddings.LayerNorm");
    for (int l = 0; l < config.numLayers(); l++) {
      String p = "bert.encoder.layer." + l + ".";
      double[][] attn = linear(selfAttention(x, mask, p + "attention.self."), p + "attention.output.dense", h, h);
      x = layerNorm(add(x, attn), p + "attention.output.LayerNorm");
      double[][] inter = gelu(linear(x, p + "intermediate.dense", h, config.intermediateSize()));
      double[][] out = linear(inter, p + "output.dense", config.intermediateSize(), h);
      x = layerNorm(add(x, out), p + "output.LayerNorm");
    }
    return x;
  }

  /** Log-probabilities [V] at one position of a sequence output. */
  double[] mlmLogProbs(double[] hiddenRow) {
    int h = config.hiddenSize();
    int v = config.vocabSize();
    double[][] z = linear(new double[][] {hiddenRow}, "cls.predictions.transform.dense", h, h);
    z = layerNorm(gelu(z), "cls.predictions.transform.LayerNorm");
    double[] word = w("bert.embeddings.word_embeddings.weight");
    double[] bias = w("cls.predictions.bias");
    double[] logits = new double[v];
    for (int k = 0; k < v; k++) {
      double s = bias[k];
      for (int j = 0; j < h; j++) {
        s += z[0][j] * word[k * h + j];
      }
      logits[k] = s;
    }
    return logSoftmax(logits);
  }

  /** Weighted mean over masked slots of -log p(label). */
  double loss(int[][] ids, int[][] types, int[][] mask, int[][] positions, int[][] labels,
      float[][] slotWeights) {
    double num = 0;
    double den = 0;
    for (int b = 0; b < ids.length; b++) {
      double[][] seq = encode(ids[b], types[b], mask[b]);
      for (int m = 0; m < positions[b].length; m++) {
        double[] lp = mlmLogProbs(seq[positions[b][m]]);
        num += slotWeights[b][m] * -lp[labels[b][m]];
        den += slotWeights[b][m];
      }
    }
    return den == 0 ? 0 : num / den;
  }

  private double[][] selfAttention(double[][] x, int[] mask, String p) {
    int t = x.length;
    int h = config.hiddenSize();
    int heads = config.numHeads();
    int d = h / heads;
    double[][] q = linear(x, p + "query", h, h);
    double[][] k = linear(x, p + "key", h, h);
    double[][] v = linear(x, p + "value", h, h);
    double[][] context = new double[t][h];
    for (int a = 0; a < heads; a++) {
      for (int i = 0; i < t; i++) {
        double[] scores = new double[t];
        for (int j = 0; j < t; j++) {
          double s = 0;
          for (int c = 0; c < d; c++) {
            s += q[i][a * d + c] * k[j][a * d + c];
          }
          scores[j] = s / Math.sqrt(d) + (mask[j] == 0 ? -10000.0 : 0.0);
        }
        double[] probs = softmax(scores);
        for (int j = 0; j < t; j++) {
          for (int c = 0; c < d; c++) {
            context[i][a * d + c] += probs[j] * v[j][a * d + c];
          }
        }
      }
    }
    return context;
  }

  private double[][] linear(double[][] x, String name, int in, int out) {
    double[] wt = w(name + ".weight");
    double[] b = w(name + ".bias");
    double[][] y = new double[x.length][out];
    for (int n = 0; n < x.length; n++) {
      for (int o = 0; o < out; o++) {
        double s = b[o];
        for (int i = 0; i < in; i++) {
          s += x[n][i] * wt[o * in + i];
        }
        y[n][o] = s;
      }
    }
    return y;
  }

  private double[][] layerNorm(double[][] x, String name) {
    double[] gamma = w(name + ".weight");
    double[] beta = w(name + ".bias");
    double[][] y = new double[x.length][];
    for (int n = 0; n < x.length; n++) {
      int h = x[n].length;
      double mean = 0;
      for (double value : x[n]) {
        mean += value / h;
      }
      double var = 0;
      for (double value : x[n]) {
        var += (value - mean) * (value - mean) / h;
      }
      y[n] = new double[h];
      for (int j = 0; j < h; j++) {
        y[n][j] = (x[n][j] - mean) / Math.sqrt(var + config.layerNormEps()) * gamma[j] + beta[j];
      }
    }
    return y;
  }

  private static double[][] gelu(double[][] x) {
    double[][] y = new double[x.length][];
    for (int n = 0; n < x.length; n++) {
      y[n] = new double[x[n].length];
      for (int j = 0; j < x[n].length; j++) {
        y[n][j] = 0.5 * x[n][j] * (1 + erf(x[n][j] / Math.sqrt(2)));
      }
    }
    return y;
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] y = new double[a.length][a[0].length];
    for (int n = 0; n < a.length; n++) {
      for (int j = 0; j < a[n].length; j++) {
        y[n][j] = a[n][j] + b[n][j];
      }
    }
    return y;
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  static double[] logSoftmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    double log = max + Math.log(sum);
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = z[i] - log;
    }
    return out;
  }

  /** erf: Maclaurin series for |x| <= 3, Lentz-free backward continued fraction for erfc beyond. */
  static double erf(double x) {
    double ax = Math.abs(x);
    double result;
    if (ax <= 3) {
      double term = ax;
      double sum = ax;
      for (int n = 1; n < 100; n++) {
        term *= -ax * ax / n;
        sum += term / (2 * n + 1);
      }
      result = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      double fraction = ax;
      for (int k = 80; k >= 1; k--) {
        fraction = ax + (k / 2.0) / fraction;
      }
      result = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / fraction;
    }
    return Math.copySign(result, x);
  }

  private double[] w(String name) {
    double[] value = weights.get(name);
    if (value == null) {
      throw new IllegalArgumentException("reference has no weight " + name);
    }
    return value;
  }
}
