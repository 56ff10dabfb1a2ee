package org.mlmsuite.backbone.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mlmsuite.backbone.train.AtomicFiles;

/**
 * How a {@link WordPieceTokenizer} treats text; saved beside {@code vocab.txt} in a model directory
 * as {@value #FILE_NAME}.
 *
 * @param lowercase true for BERT "uncased" (lowercase and strip accents, as Hugging Face's
 *     BertNormalizer with lowercase=true); false for "cased" (text kept as written)
 * @param maxLength the default maximum number of tokens per encoding, [CLS] and [SEP] included;
 *     longer inputs are truncated longest-first
 */
public record TokenizerConfig(boolean lowercase, int maxLength) {
  public static final String FILE_NAME = "tokenizer_config.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public TokenizerConfig {
    if (maxLength < 3) {
      throw new IllegalArgumentException("tokenizer maxLength must be at least 3 ([CLS] a [SEP] b [SEP] needs room), got " + maxLength);
    }
  }

  /** BERT-uncased with the usual 512-token limit. */
  public static TokenizerConfig uncased() {
    return new TokenizerConfig(true, 512);
  }

  /** BERT-cased with the usual 512-token limit. */
  public static TokenizerConfig cased() {
    return new TokenizerConfig(false, 512);
  }

  public TokenizerConfig withMaxLength(int newMaxLength) {
    return new TokenizerConfig(lowercase, newMaxLength);
  }

  /** Writes this config as JSON into {@code dir/}{@value #FILE_NAME}, atomically. */
  public void save(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      Path tmp = AtomicFiles.tempSibling(file);
      try {
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** Reads {@code dir/}{@value #FILE_NAME}. */
  public static TokenizerConfig load(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      return JSON.readValue(Files.readAllBytes(file), TokenizerConfig.class);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": tokenizer config not found");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not a valid tokenizer config: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }
}
