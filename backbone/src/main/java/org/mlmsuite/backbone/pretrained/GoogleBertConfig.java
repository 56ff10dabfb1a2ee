package org.mlmsuite.backbone.pretrained;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mlmsuite.backbone.model.TransformerConfig;

/**
 * Google's {@code bert_config.json}: the same keys as Hugging Face's config, without {@code
 * layer_norm_eps} (Google's code fixes it at 1e-12). Its {@code hidden_act: "gelu"} means the
 * tanh approximation in Google's code, so it is not taken; the importer sets the activation.
 */
final class GoogleBertConfig {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoogleBertConfig() {}

  static TransformerConfig read(Path file) {
    try {
      if (!(JSON.readTree(file.toFile()) instanceof ObjectNode node)) {
        throw new IllegalArgumentException(file + ": not a JSON object");
      }
      node.remove("hidden_act");
      if (!node.has("layer_norm_eps")) {
        node.put("layer_norm_eps", 1e-12);
      }
      return JSON.treeToValue(node, TransformerConfig.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(file + ": not a valid BERT config: "
          + cause.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
