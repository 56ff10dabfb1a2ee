package org.mlmsuite.backbone;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a fine-tuned model was made, saved in its model directory ({@code provenance.json}, or the
 * {@code provenance} field of a task record such as {@code classifier.json}). Written and read
 * through Jackson; the JSON names are those of the string-keyed maps earlier versions wrote, so
 * their folders still load (entries this record does not name are ignored).
 *
 * @param task what the model does, e.g. "translation" (null in folders written before it was kept)
 * @param model the architecture when it is not the backbone plus a head, e.g. BERT2BERT
 * @param backbone the backbone folder as given, absolute
 * @param backboneWeights how the backbone's weights were used, or that they were not
 * @param backboneProvenance the backbone's own provenance, as written (null when it has none)
 * @param train what the model was trained on, as the user named it
 * @param trainSource the training data in a form that reopens it (null when not known)
 * @param trainExamples training examples (pairs for a seq2seq model)
 * @param dev the dev data, or null
 * @param devExamples dev examples scored during training
 * @param truncatedTrain training inputs (sources) cut at the maximum length
 * @param truncatedTargets seq2seq targets cut at the maximum length (null for other models)
 * @param settings the task's training config record, as JSON
 * @param seed the run's seed (weights, data order, dropout)
 * @param steps optimizer steps trained
 * @param exportedStep the step whose weights were exported (the best dev step, else the last)
 * @param stoppedEarly whether early stopping ended the run
 * @param trainingSeconds wall time of training, summed over resumed sessions
 * @param createdAt when the model was written (ISO-8601)
 * @param versions mlm-suite, Java and TensorFlow versions
 * @param hardware architecture and cores
 * @param taskDetails the task's own record (e.g. class weights, the oracle), as JSON, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingProvenance(
    String task,
    String model,
    String backbone,
    String backboneWeights,
    JsonNode backboneProvenance,
    String train,
    String trainSource,
    @JsonAlias("trainPairs") int trainExamples,
    String dev,
    @JsonAlias("devPairs") int devExamples,
    @JsonAlias("truncatedSources") int truncatedTrain,
    Integer truncatedTargets,
    JsonNode settings,
    long seed,
    long steps,
    long exportedStep,
    boolean stoppedEarly,
    double trainingSeconds,
    String createdAt,
    Map<String, String> versions,
    Map<String, String> hardware,
    JsonNode taskDetails) {

  public TrainingProvenance {
    backboneProvenance = absentIfNull(backboneProvenance);
    settings = absentIfNull(settings);
    taskDetails = absentIfNull(taskDetails);
    // Seq2seq folders written as a map kept the seed only in their settings.
    if (seed == 0 && settings != null && settings.has("seed")) {
      seed = settings.get("seed").asLong();
    }
  }

  /**
   * What the task says about its data.
   *
   * @param task what the model does, e.g. "classification"
   * @param model the architecture when not backbone plus head, or null
   * @param truncatedTargets null for models without targets
   */
  public record Data(String task, String model, String train, String trainSource, int trainExamples, String dev,
      int devExamples, int truncatedTrain, Integer truncatedTargets) {}

  /** The provenance of a folder that recorded none: every entry null, zero or false. */
  public static TrainingProvenance unrecorded() {
    return new TrainingProvenance(null, null, null, null, null, null, null, 0, null, 0, 0, null, null, 0, 0, 0, false,
        0, null, null, null, null);
  }

  /** The backbone this model was trained from. */
  public BackboneOrigin backboneOrigin() {
    return new BackboneOrigin(backbone, backboneWeights, backboneProvenance);
  }

  /** Jackson reads a JSON null into a JsonNode as NullNode; here it is null, as when absent. */
  private static JsonNode absentIfNull(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  static JsonNode tree(Object value) {
    return value == null ? null : ModelDirectory.JSON.valueToTree(value);
  }

  /** mlm-suite, Java and TensorFlow versions of this JVM. */
  static Map<String, String> currentVersions() {
    Map<String, String> v = new LinkedHashMap<>();
    String version = TrainingProvenance.class.getPackage().getImplementationVersion();
    v.put("mlm-suite", version == null ? "dev" : version);
    v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    v.put("tensorflow", org.tensorflow.TensorFlow.version());
    return v;
  }

  /** Architecture and cores of this machine. */
  static Map<String, String> currentHardware() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("arch", System.getProperty("os.arch"));
    h.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    return h;
  }
}
