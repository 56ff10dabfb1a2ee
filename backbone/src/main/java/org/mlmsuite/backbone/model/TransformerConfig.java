package org.mlmsuite.backbone.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.mlmsuite.backbone.train.AtomicFiles;

/**
 * Shape, activation and regularisation of a BERT-architecture Transformer. Serialised with Hugging
 * Face's {@code config.json} key names, so a HF BERT config can be read directly (keys we do not
 * model, such as {@code model_type}, are ignored). {@code hidden_act} defaults to HF's exact-erf
 * {@code gelu} when absent, as in every config written before it existed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransformerConfig(
    @JsonProperty("vocab_size") int vocabSize,
    @JsonProperty("hidden_size") int hiddenSize,
    @JsonProperty("num_hidden_layers") int numLayers,
    @JsonProperty("num_attention_heads") int numHeads,
    @JsonProperty("intermediate_size") int intermediateSize,
    @JsonProperty("max_position_embeddings") int maxPositions,
    @JsonProperty("type_vocab_size") int typeVocabSize,
    @JsonProperty("hidden_dropout_prob") double hiddenDropout,
    @JsonProperty("attention_probs_dropout_prob") double attentionDropout,
    @JsonProperty("layer_norm_eps") double layerNormEps,
    @JsonProperty("initializer_range") double initializerRange,
    @JsonProperty("hidden_act") Activation hiddenAct) {

  public static final int DEFAULT_MAX_POSITIONS = 512;
  public static final List<String> PRESETS = List.of("micro", "tiny", "mini");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The same, with HF's default activation (exact-erf GELU). */
  public TransformerConfig(int vocabSize, int hiddenSize, int numLayers, int numHeads,
      int intermediateSize, int maxPositions, int typeVocabSize, double hiddenDropout,
      double attentionDropout, double layerNormEps, double initializerRange) {
    this(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, maxPositions, typeVocabSize,
        hiddenDropout, attentionDropout, layerNormEps, initializerRange, Activation.GELU);
  }

  public TransformerConfig {
    if (hiddenAct == null) {
      hiddenAct = Activation.GELU;
    }
    requirePositive("vocab_size", vocabSize);
    requirePositive("hidden_size", hiddenSize);
    requirePositive("num_hidden_layers", numLayers);
    requirePositive("num_attention_heads", numHeads);
    requirePositive("intermediate_size", intermediateSize);
    requirePositive("max_position_embeddings", maxPositions);
    requirePositive("type_vocab_size", typeVocabSize);
    if (hiddenSize % numHeads != 0) {
      throw new IllegalArgumentException(
          "hidden_size " + hiddenSize + " is not divisible by num_attention_heads " + numHeads);
    }
    requireProbability("hidden_dropout_prob", hiddenDropout);
    requireProbability("attention_probs_dropout_prob", attentionDropout);
    if (!(layerNormEps > 0)) {
      throw new IllegalArgumentException("layer_norm_eps must be > 0, got " + layerNormEps);
    }
    if (!(initializerRange > 0)) {
      throw new IllegalArgumentException("initializer_range must be > 0, got " + initializerRange);
    }
  }

  /** BERT's defaults for everything but the size: dropout 0.1, eps 1e-12, init std 0.02. */
  public static TransformerConfig of(
      int vocabSize, int hiddenSize, int numLayers, int numHeads, int intermediateSize) {
    return new TransformerConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize,
        DEFAULT_MAX_POSITIONS, 2, 0.1, 0.1, 1e-12, 0.02);
  }

  /** L1/H32/A2/I64: for CI and gradient checks. */
  public static TransformerConfig micro(int vocabSize) {
    return of(vocabSize, 32, 1, 2, 64);
  }

  /** L2/H128/A2/I512 (BERT-tiny). */
  public static TransformerConfig tiny(int vocabSize) {
    return of(vocabSize, 128, 2, 2, 512);
  }

  /** L4/H256/A4/I1024 (BERT-mini). */
  public static TransformerConfig mini(int vocabSize) {
    return of(vocabSize, 256, 4, 4, 1024);
  }

  /** A named preset ({@link #PRESETS}) for the given vocabulary. */
  public static TransformerConfig preset(String name, int vocabSize) {
    return switch (name) {
      case "micro" -> micro(vocabSize);
      case "tiny" -> tiny(vocabSize);
      case "mini" -> mini(vocabSize);
      default -> throw new IllegalArgumentException(
          "unknown model preset '" + name + "', expected one of " + PRESETS);
    };
  }

  public int headSize() {
    return hiddenSize / numHeads;
  }

  public TransformerConfig withDropout(double hidden, double attention) {
    return new TransformerConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize,
        maxPositions, typeVocabSize, hidden, attention, layerNormEps, initializerRange, hiddenAct);
  }

  public TransformerConfig withInitializerRange(double range) {
    return new TransformerConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize,
        maxPositions, typeVocabSize, hiddenDropout, attentionDropout, layerNormEps, range, hiddenAct);
  }

  public TransformerConfig withMaxPositions(int positions) {
    return new TransformerConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize,
        positions, typeVocabSize, hiddenDropout, attentionDropout, layerNormEps, initializerRange,
        hiddenAct);
  }

  public TransformerConfig withActivation(Activation activation) {
    return new TransformerConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize,
        maxPositions, typeVocabSize, hiddenDropout, attentionDropout, layerNormEps, initializerRange,
        activation);
  }

  /** Reads a {@code config.json}; errors name the file. */
  public static TransformerConfig read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), TransformerConfig.class);
    } catch (JacksonException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException(file + ": " + firstLine(cause.getMessage()), e);
    }
  }

  /** Writes {@code config.json} atomically (temp file, then rename). */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = AtomicFiles.tempSibling(file);
    try {
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid config";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }

  private static void requireProbability(String field, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1), got " + value);
    }
  }
}
