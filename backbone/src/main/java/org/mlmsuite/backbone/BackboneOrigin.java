package org.mlmsuite.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The backbone a model was trained from: its folder as given, whether its weights were loaded
 * (and how), and the backbone's own {@code provenance.json} as it was written (null when it has
 * none).
 */
public record BackboneOrigin(String backbone, String backboneWeights, JsonNode backboneProvenance) {
  static final String NOT_LOADED = "not loaded: random initialisation (--no-pretraining)";

  /** {@code loadedAs} says how the weights were used when {@code noPretraining} is false. */
  public static BackboneOrigin of(Path requested, ModelDirectory backbone, boolean noPretraining, String loadedAs) {
    JsonNode own = Files.isRegularFile(backbone.path().resolve(ModelDirectory.PROVENANCE))
        ? backbone.read(ModelDirectory.PROVENANCE, JsonNode.class) : null;
    return new BackboneOrigin(requested.toAbsolutePath().normalize().toString(),
        noPretraining ? NOT_LOADED : loadedAs, own);
  }
}
