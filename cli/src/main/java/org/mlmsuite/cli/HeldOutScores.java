package org.mlmsuite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.pretrain.PretrainingProvenance;

/** A pretrained backbone's last held-out masked-LM scores, as its provenance records them. */
final class HeldOutScores {
  private HeldOutScores() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code loss} and, when recorded, {@code accuracy}; the backbone must have them. */
  static Map<String, Double> read(Path backbone) {
    Path file = backbone.resolve(ModelDirectory.PROVENANCE);
    try {
      Map<String, Double> values = of(JSON.readValue(file.toFile(), PretrainingProvenance.class));
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
    return of(JSON.convertValue(provenance, PretrainingProvenance.class));
  }

  private static Map<String, Double> of(PretrainingProvenance provenance) {
    Map<String, Double> heldOut = provenance.finalHeldOut();
    Map<String, Double> values = new LinkedHashMap<>();
    if (heldOut.containsKey("loss")) {
      values.put("loss", heldOut.get("loss"));
      if (heldOut.containsKey("accuracy")) {
        values.put("accuracy", heldOut.get("accuracy"));
      }
    }
    return values;
  }
}
