package org.mlmsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlmsuite.backbone.ModelDirectory;

/**
 * One sentence on how a backbone folder was made, from its {@code provenance.json}: what a
 * benchmark report says about a backbone it was given rather than built.
 */
final class BackboneDescription {
  private BackboneDescription() {}

  /** The sentence, or a note that the folder keeps no (readable) provenance. */
  static String of(Path backbone) {
    Path file = backbone.resolve(ModelDirectory.PROVENANCE);
    if (!Files.isRegularFile(file)) {
      return "It keeps no " + ModelDirectory.PROVENANCE + ", so how it was trained is not recorded.";
    }
    JsonNode p;
    try {
      p = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      return file + " is unreadable (" + e.getMessage() + "), so how it was trained is not recorded.";
    }
    JsonNode c = p.path("config");
    if (c.isMissingNode()) {
      return "Its provenance says: pretraining " + p.path("pretraining").asText("unknown") + ".";
    }
    List<String> corpus = new ArrayList<>();
    c.path("corpus").forEach(n -> corpus.add(n.asText()));
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Its provenance: preset %s, %s, %s masking, %,d steps of %d sequences x %d tokens on %s, peak lr %s, seed %d",
        c.path("preset").asText("?"), c.path("cased").asBoolean() ? "cased" : "uncased", c.path("masking").asText("?"),
        p.path("steps").asLong(c.path("steps").asLong()), c.path("batchSize").asInt(), c.path("seqLength").asInt(),
        String.join(" + ", corpus), BenchStagePlanner.number(c.path("learningRate").asDouble()), c.path("seed").asLong()));
    if (c.hasNonNull("initFrom")) {
      sb.append(", continued from ").append(c.get("initFrom").asText());
    }
    Map<String, Double> heldOut = HeldOutScores.of(p);
    if (heldOut.containsKey("loss")) {
      sb.append(String.format(Locale.ROOT, "; held-out MLM loss %.3f", heldOut.get("loss")));
    }
    if (heldOut.containsKey("accuracy")) {
      sb.append(String.format(Locale.ROOT, ", masked-token accuracy %.3f", heldOut.get("accuracy")));
    }
    if (p.has("trainingSeconds")) {
      sb.append(String.format(Locale.ROOT, "; %,.0f s of pretraining", p.get("trainingSeconds").asDouble()));
    }
    return sb.append('.').toString();
  }
}
