package org.mlmsuite.backbone.train;

/**
 * Plain-Java AdamW in double precision, written from the papers (Kingma &amp; Ba; Loshchilov &amp;
 * Hutter) and BERT's optimization.py, independent of the graph code: average N micro-batch
 * gradients, clip by global norm, Adam moments, optional bias correction, decoupled weight decay.
 */
final class ReferenceAdamW {
  private final double beta1, beta2, eps, weightDecay, clipNorm;
  private final boolean biasCorrection;
  private final double[][] m, v;
  private int t;
  double lastGlobalNorm;

  ReferenceAdamW(TrainingConfig c, int[] sizes) {
    // The graph holds hyperparameters as float32 constants; 1 - 0.999^t is sensitive to that.
    beta1 = (float) c.beta1();
    beta2 = (float) c.beta2();
    eps = (float) c.epsilon();
    weightDecay = (float) c.weightDecay();
    clipNorm = (float) c.clipNorm();
    biasCorrection = c.biasCorrection();
    m = new double[sizes.length][];
    v = new double[sizes.length][];
    for (int i = 0; i < sizes.length; i++) {
      m[i] = new double[sizes[i]];
      v[i] = new double[sizes[i]];
    }
  }

  /** microGrads[k][i][j]: micro-batch k, variable i, element j. decay[i]: weight decay on/off. */
  void step(double[][] params, double[][][] microGrads, boolean[] decay, double lr) {
    int n = microGrads.length;
    double[][] g = new double[params.length][];
    double sq = 0;
    for (int i = 0; i < params.length; i++) {
      g[i] = new double[params[i].length];
      for (int j = 0; j < g[i].length; j++) {
        double s = 0;
        for (double[][] micro : microGrads) {
          s += micro[i][j];
        }
        g[i][j] = s / n;
        sq += g[i][j] * g[i][j];
      }
    }
    lastGlobalNorm = Math.sqrt(sq);
    double scale = clipNorm > 0 ? clipNorm / Math.max(lastGlobalNorm, clipNorm) : 1;
    t++;
    for (int i = 0; i < params.length; i++) {
      for (int j = 0; j < params[i].length; j++) {
        double gij = g[i][j] * scale;
        m[i][j] = beta1 * m[i][j] + (1 - beta1) * gij;
        v[i][j] = beta2 * v[i][j] + (1 - beta2) * gij * gij;
        double mh = biasCorrection ? m[i][j] / (1 - Math.pow(beta1, t)) : m[i][j];
        double vh = biasCorrection ? v[i][j] / (1 - Math.pow(beta2, t)) : v[i][j];
        double update = mh / (Math.sqrt(vh) + eps);
        if (decay[i]) {
          update += weightDecay * params[i][j];
        }
        params[i][j] -= lr * update;
      }
    }
  }
}
