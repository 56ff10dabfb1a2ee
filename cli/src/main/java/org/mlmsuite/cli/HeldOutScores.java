package org.mlmsuite.cli;

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

  /** {@code loss} and, when recorded, {@code accuracy}. */
  static Map<String, Double> read(Path backbone) {
    Path file = backbone.resolve(ModelDirectory.PROVENANCE);
    try {
      JsonNode node = new ObjectMapper().readTree(file.toFile()).get("finalHeldOut");
      if (node == null || !node.has("loss")) {
        throw new IllegalStateException(file + ": no finalHeldOut.loss");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("loss", node.get("loss").asDouble());
      if (node.has("accuracy")) {
        values.put("accuracy", node.get("accuracy").asDouble());
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
