package org.mlmsuite.backbone.pretrain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.mlmsuite.backbone.BackboneOrigin;
import org.mlmsuite.backbone.train.TrainingSummary;

/**
 * {@code provenance.json} of a pretrained backbone, written and read through Jackson with the names
 * the string-keyed map of earlier versions used (so their folders read the same).
 *
 * @param pretraining the objective, "masked-LM"
 * @param config the run's {@link PretrainingConfig} (also in {@code pretraining-config.json}), as JSON:
 *     reading a folder does not validate its settings again
 * @param backbone the backbone continued with {@code --init-from}, absolute; null from scratch
 * @param backboneWeights how that backbone's weights were used; null from scratch
 * @param backboneProvenance that backbone's own provenance, as written; null when none
 * @param corpusTokens tokens of the packed corpus, held-out part included
 * @param truncatedSentences sentences cut to fit a sequence
 * @param finalTrainLoss the last step's training loss
 * @param finalHeldOut the last held-out scores ({@code loss}, {@code accuracy})
 * @param trainingSeconds wall time of training, summed over resumed sessions
 * @param createdAt when the backbone was written (ISO-8601)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PretrainingProvenance(
    String pretraining,
    JsonNode config,
    String backbone,
    String backboneWeights,
    JsonNode backboneProvenance,
    int trainSequences,
    int heldOutSequences,
    long corpusTokens,
    int truncatedSentences,
    long steps,
    double finalTrainLoss,
    Map<String, Double> finalHeldOut,
    double trainingSeconds,
    String createdAt) {
  public PretrainingProvenance {
    finalHeldOut = finalHeldOut == null ? Map.of() : finalHeldOut;
  }

  /** The provenance of a finished run; {@code continued} is null for a run from random weights. */
  static PretrainingProvenance of(PretrainingConfig config, BackboneOrigin continued, PretrainingCorpus corpus,
      TrainingSummary summary) {
    BackboneOrigin origin = continued != null ? continued : new BackboneOrigin(null, null, null);
    return new PretrainingProvenance("masked-LM", new ObjectMapper().valueToTree(config), origin.backbone(), origin.backboneWeights(),
        origin.backboneProvenance(), corpus.train().size(), corpus.heldOut().size(), corpus.tokens(),
        corpus.truncatedSentences(), summary.step(), summary.lastLoss(), summary.lastEval(), summary.elapsedSeconds(),
        Instant.now().toString());
  }

  /** The backbone continued, or null for a run from random weights. */
  public BackboneOrigin continued() {
    return backbone == null ? null : new BackboneOrigin(backbone, backboneWeights, backboneProvenance);
  }
}
