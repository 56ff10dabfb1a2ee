package org.mlmsuite.backbone.pretrain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmsuite.backbone.masking.DynamicMasker;
import org.mlmsuite.backbone.masking.MaskedSequence;
import org.mlmsuite.backbone.masking.MaskingInput;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.train.Evaluator;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Masked-LM loss and masked-token accuracy on the held-out sequences, with masks drawn once so
 * every evaluation scores the same positions; dropout stays off (its default).
 */
final class HeldOutEvaluator implements Evaluator {
  private static final int BATCH = 32;
  private final BertForMaskedLm model;
  private final List<MlmBatch> batches = new ArrayList<>();

  HeldOutEvaluator(BertForMaskedLm model, List<MaskingInput> heldOut, DynamicMasker masker, int padId) {
    this.model = model;
    for (int start = 0; start < heldOut.size(); start += BATCH) {
      List<MaskedSequence> masked = new ArrayList<>();
      for (int i = start; i < Math.min(heldOut.size(), start + BATCH); i++) {
        masked.add(masker.mask(heldOut.get(i), 0, i, 0.0));
      }
      batches.add(MlmBatch.of(masked, padId));
    }
  }

  @Override
  public Map<String, Double> evaluate(Session session) {
    double lossSum = 0;
    double correctSum = 0;
    double count = 0;
    for (MlmBatch batch : batches) {
      try (Feeds feeds = new Feeds()) {
        batch.feed(model, feeds);
        try (Result r = ExitGate.run(feeds.applyTo(session.runner()).fetch(model.loss()).fetch(model.accuracy()))) {
          float n = batch.maskedCount();
          lossSum += ((TFloat32) r.get(0)).getFloat() * n; // both are means over the batch's masked slots
          correctSum += ((TFloat32) r.get(1)).getFloat() * n;
          count += n;
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", count == 0 ? Double.NaN : lossSum / count);
    metrics.put("accuracy", count == 0 ? Double.NaN : correctSum / count);
    return metrics;
  }
}
