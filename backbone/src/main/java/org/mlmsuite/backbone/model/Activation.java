package org.mlmsuite.backbone.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The feed-forward and MLM-head activation, {@code hidden_act} in {@code config.json}.
 *
 * <p>Google's TF BERT graphs compute GELU with the tanh approximation; Hugging Face's {@code
 * bert-base-uncased} config says exact {@code gelu} (erf). The two differ by up to 4.7e-4 per
 * activation, enough to move fill-mask probabilities by as much, so the choice is recorded.
 */
public enum Activation {
  /** {@code 0.5 x (1 + erf(x / sqrt 2))}: HF's "gelu". */
  GELU("gelu"),
  /** {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}: Google's TF graph, HF's "gelu_new". */
  GELU_TANH("gelu_tanh", "gelu_new", "gelu_pytorch_tanh");

  private final String name;
  private final List<String> aliases;

  Activation(String name, String... aliases) {
    this.name = name;
    this.aliases = List.of(aliases);
  }

  @JsonValue
  public String configName() {
    return name;
  }

  /** Reads a {@code hidden_act} value, accepting HF's aliases for the tanh form. */
  @JsonCreator
  public static Activation fromConfigName(String value) {
    return Arrays.stream(values())
        .filter(a -> a.name.equals(value) || a.aliases.contains(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("hidden_act '" + value
            + "' is not supported, expected 'gelu' (erf) or 'gelu_tanh'"));
  }
}
