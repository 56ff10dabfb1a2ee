package org.mlmsuite.backbone;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.RunInputs;

/**
 * The unit users move around: a folder holding a trained model, in the spirit of Hugging Face's
 * {@code from_pretrained(dir)}. Backbones and every task model use the same layout:
 *
 * <pre>
 *   model.json             manifest: format, kind ("backbone", "classifier", ...); written LAST,
 *                          so a folder without it is an incomplete export
 *   config.json            the Transformer's {@link TransformerConfig} (Hugging Face key names)
 *   vocab.txt              WordPiece vocabulary
 *   tokenizer_config.json  {@link TokenizerConfig}
 *   weights/model.*        TensorFlow checkpoint with the model's variables only (no optimizer state)
 *   &lt;task&gt;.json            task-specific records (labels, generation settings, provenance, ...)
 * </pre>
 *
 * A training run may keep its resumable state ({@code checkpoints/}, {@code train-log.jsonl},
 * {@code training-config.json}, {@code run-inputs.json}) in the same folder; loading ignores it.
 * Which folders a model may be written into is {@link OutputFolder}'s rule.
 */
public final class ModelDirectory {
  public static final String MANIFEST = "model.json";
  public static final String CONFIG = "config.json";
  public static final String WEIGHTS_DIR = "weights";
  /** Where a model came from: data, settings, seed, its backbone's own provenance. */
  public static final String PROVENANCE = "provenance.json";
  private static final String WEIGHTS_PREFIX_NAME = "model";
  private static final String FORMAT = "mlm-suite-model";
  private static final int FORMAT_VERSION = 1;

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The manifest: what kind of model a folder holds. */
  public record Manifest(String format, int formatVersion, String kind) {}

  private final Path dir;
  private final Manifest manifest;

  private ModelDirectory(Path dir, Manifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /**
   * Opens a model folder and checks that it is complete and of the expected kind.
   *
   * @throws IllegalArgumentException naming the folder and what is missing or wrong
   */
  public static ModelDirectory open(Path dir, String expectedKind) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a model directory: " + dir + " (no such folder)");
    }
    Path manifestFile = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new IllegalArgumentException("not a model directory: " + dir + " (no " + MANIFEST
          + "; an interrupted export or training run leaves none)");
    }
    Manifest manifest = readJson(manifestFile, Manifest.class);
    if (!FORMAT.equals(manifest.format())) {
      throw new IllegalArgumentException(manifestFile + ": field 'format' is '" + manifest.format()
          + "', expected '" + FORMAT + "'");
    }
    if (manifest.formatVersion() > FORMAT_VERSION) {
      throw new IllegalArgumentException(manifestFile + ": field 'formatVersion' is "
          + manifest.formatVersion() + ", this build reads up to " + FORMAT_VERSION);
    }
    if (expectedKind != null && !expectedKind.equals(manifest.kind())) {
      throw new IllegalArgumentException(dir + " holds a '" + manifest.kind() + "' model, expected a '"
          + expectedKind + "' model");
    }
    ModelDirectory model = new ModelDirectory(dir, manifest);
    for (String required : List.of(CONFIG, Vocabulary.FILE_NAME, TokenizerConfig.FILE_NAME)) {
      if (!Files.isRegularFile(dir.resolve(required))) {
        throw new IllegalArgumentException("model directory " + dir + " is missing " + required);
      }
    }
    if (!Files.isRegularFile(Path.of(model.weightsPrefix() + ".index"))) {
      throw new IllegalArgumentException("model directory " + dir + " is missing its weights ("
          + WEIGHTS_DIR + "/" + WEIGHTS_PREFIX_NAME + ".index)");
    }
    return model;
  }

  public Path path() {
    return dir;
  }

  public String kind() {
    return manifest.kind();
  }

  public TransformerConfig config() {
    try {
      return TransformerConfig.read(dir.resolve(CONFIG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(CONFIG), e);
    }
  }

  /**
   * The model's tokenizer, checked against {@code config.json}: a vocabulary of another size than
   * the embedding table would load, then fail at predict time with TF's raw index error.
   */
  public WordPieceTokenizer tokenizer() {
    WordPieceTokenizer tokenizer = WordPieceTokenizer.fromDirectory(dir);
    int expected = config().vocabSize();
    if (tokenizer.vocabulary().size() != expected) {
      throw new IllegalArgumentException(dir.resolve(Vocabulary.FILE_NAME) + ": "
          + tokenizer.vocabulary().size() + " pieces, but " + CONFIG + " says vocab_size " + expected);
    }
    return tokenizer;
  }

  /**
   * The folder (absolute) and a SHA-256 of its config, vocabulary, tokenizer settings and weights
   * index: the index holds a CRC32C of every tensor, so changed weights change it without reading
   * hundreds of megabytes.
   */
  public String fingerprint() {
    return RunInputs.fingerprintFiles(dir.toAbsolutePath().normalize().toString(), List.of(dir.resolve(CONFIG),
        dir.resolve(Vocabulary.FILE_NAME), dir.resolve(TokenizerConfig.FILE_NAME), Path.of(weightsPrefix() + ".index")));
  }

  /** The checkpoint prefix for {@code session.restore} / {@code WeightLoader.from}. */
  public String weightsPrefix() {
    return weightsPrefix(dir);
  }

  /** Reads a task record such as {@code labels.json}, with errors naming the file and field. */
  public <T> T read(String fileName, Class<T> type) {
    return readJson(dir.resolve(fileName), type);
  }

  /**
   * Writes a complete model into {@code dir} (created if needed; files of a training run already
   * there are kept). Writers check {@code dir} first with {@link OutputFolder}, which also decides
   * whether {@code dir} is the final folder or the staging folder of a replacement. Each part is written atomically and the manifest last, so a crash leaves a
   * folder that {@link #open} rejects rather than a half-written model.
   *
   * @param saveWeights saves the model's variables to the prefix it is given, e.g.
   *     {@code prefix -> session.save(prefix)} on a graph holding only the model's variables
   * @param records task records to write as JSON, file name to value
   */
  public static ModelDirectory write(Path dir, String kind, TransformerConfig config,
      WordPieceTokenizer tokenizer, Consumer<String> saveWeights, java.util.Map<String, Object> records) {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(MANIFEST));
      config.write(dir.resolve(CONFIG));
      tokenizer.saveTo(dir);
      for (var record : records.entrySet()) {
        writeJson(dir.resolve(record.getKey()), record.getValue());
      }
      Path weights = dir.resolve(WEIGHTS_DIR);
      Path staging = AtomicFiles.createTempFolder(dir, WEIGHTS_DIR + "-");
      ExitGate.pass(() -> { // a session run: the exit waits for it
        saveWeights.accept(staging.resolve(WEIGHTS_PREFIX_NAME).toString());
        return null;
      });
      Path old = dir.resolve("." + WEIGHTS_DIR + "-old");
      AtomicFiles.deleteTree(old);
      if (Files.exists(weights)) {
        Files.move(weights, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, weights, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.deleteTree(old);
      writeJson(dir.resolve(MANIFEST), new Manifest(FORMAT, FORMAT_VERSION, kind));
      return open(dir, kind);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model directory " + dir, e);
    }
  }

  static String weightsPrefix(Path dir) {
    return dir.resolve(WEIGHTS_DIR).resolve(WEIGHTS_PREFIX_NAME).toString();
  }

  /** Writes JSON to a temp file and renames it into place. */
  public static void writeJson(Path file, Object value) {
    try {
      Path tmp = AtomicFiles.tempSibling(file);
      JSON.writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static <T> T readJson(Path file, Class<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      String field = e.getPath().isEmpty() ? "" : " field '" + e.getPath().get(e.getPath().size() - 1).getFieldName() + "'";
      throw new IllegalArgumentException(file + ":" + lineOf(e) + field + ": " + e.getOriginalMessage(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + lineOf(e) + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static int lineOf(com.fasterxml.jackson.core.JsonProcessingException e) {
    return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
  }
}
