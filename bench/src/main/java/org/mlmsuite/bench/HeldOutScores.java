package org.mlmsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlmsuite.backbone.ModelDirectory;

/** A pretrained backbone's last held-out masked-LM scores, as its provenance records them. */
final class HeldOutScores {
  private HeldOutScores() {}

  /** {@code loss} and, when recorded, {@code accuracy}; the backbone must have them. */
  static Map<String, Double> read(Path backbone) {
    Path file = backbone.resolve(ModelDirectory.PROVENANCE);
    try {
      Map<String, Double> values = of(new ObjectMapper().readTree(file.toFile()));
      if (values.isEmpty()) {
        throw new IllegalStateException(file + ": no finalHeldOut.loss");
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The scores of a parsed provenance record; empty when it has none (e.g. random weights). */
  static Map<String, Double> of(JsonNode provenance) {
    JsonNode node = provenance.path("finalHeldOut");
    Map<String, Double> values = new LinkedHashMap<>();
    if (node.has("loss")) {
      values.put("loss", node.get("loss").asDouble());
      if (node.has("accuracy")) {
        values.put("accuracy", node.get("accuracy").asDouble());
      }
    }
    return values;
  }
}
