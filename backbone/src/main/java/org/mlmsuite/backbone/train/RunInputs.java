package org.mlmsuite.backbone.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a training run starts from: the kind of model it makes, its data, the model it starts from
 * and its recipe, data and model each with a content fingerprint. Saved as {@value #FILE_NAME}
 * when a run starts; a resumed run must start from the same, or its checkpoints would continue on
 * other data while the provenance said the whole run used it.
 *
 * @param kind the kind of model the run exports, e.g. "classifier"
 * @param data each part of the data by its role ("train", "dev", "corpus"), e.g. {@code train.csv
 *     (sha256 0123456789abcdef)}, or "none"
 * @param model the folder the run starts from with a fingerprint of its files (or, from scratch,
 *     the vocabulary)
 * @param recipe the task's settings as JSON, without those a resumed run may change: more
 *     {@code steps} to extend it, and the eval and checkpoint cadence (as the optimizer config)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunInputs(String kind, Map<String, String> data, String model, JsonNode recipe) {
  /** What a run without a part of its data (e.g. no dev set) records for it. */
  public static final String NONE = "none";
  public static final String FILE_NAME = "run-inputs.json";
  private static final Set<String> MAY_CHANGE = Set.of("steps", "evalEvery", "checkpointEvery");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The inputs of a run; {@code recipe} is the task's settings record. */
  public static RunInputs of(String kind, Map<String, String> data, String model, Object recipe) {
    ObjectNode tree = JSON.valueToTree(recipe);
    tree.remove(MAY_CHANGE);
    // Through text and back, so that numbers compare as they will when read from the file.
    return new RunInputs(kind, new TreeMap<>(data), model, reparse(tree));
  }

  /**
   * {@code DESCRIPTION (sha256 …)} of records as read: each record's fields, in order, hashed with
   * separators (a null field differs from an empty one). Hashing 100 MB of text takes well under a
   * second.
   */
  public static <T> String fingerprint(String description, Collection<T> records, Function<T, List<String>> fields) {
    MessageDigest sha = sha256();
    for (T record : records) {
      for (String field : fields.apply(record)) {
        sha.update(field == null ? new byte[] {0} : ("\1" + field).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 2);
      }
      sha.update((byte) 3);
    }
    return description + " (sha256 " + shortHex(sha) + ")";
  }

  /** {@code DESCRIPTION (sha256 …)} of the bytes of {@code files}, in order (those missing count as absent). */
  public static String fingerprintFiles(String description, List<Path> files) {
    MessageDigest sha = sha256();
    for (Path file : files) {
      sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          byte[] buffer = new byte[1 << 16];
          for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
      sha.update((byte) 0);
    }
    return description + " (sha256 " + shortHex(sha) + ")";
  }

  /** The inputs recorded in {@code dir}, if a run was started there by a version that records them. */
  public static Optional<RunInputs> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), RunInputs.class));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": unreadable (" + e.getMessage().lines().findFirst().orElse("")
          + "); it records what the run in " + dir + " started from", e);
    }
  }

  void write(Path dir) throws IOException {
    AtomicFiles.writeString(dir.resolve(FILE_NAME), JSON.writeValueAsString(this) + "\n");
  }

  /** Refuses to resume the run of {@code saved} with these inputs: one line naming what changed, old and new. */
  void requireSameAs(RunInputs saved, Path dir) {
    String changed = !Objects.equals(saved.kind, kind) ? "model kind '" + saved.kind + "', now '" + kind + "'"
        : !Objects.equals(saved.data, data) ? dataDifference(saved.data, data)
        : !Objects.equals(saved.model, model) ? "starting model " + saved.model + ", now " + model
        : !Objects.equals(saved.recipe, recipe) ? "settings " + difference(saved.recipe, recipe)
        : null;
    if (changed != null) {
      throw new IllegalArgumentException(dir + ": cannot resume: the run was started with " + changed
          + "; resume with the same inputs, or train into a new folder");
    }
  }

  /** The first part of the data that differs, as {@code ROLE data OLD, now NEW}. */
  private static String dataDifference(Map<String, String> saved, Map<String, String> now) {
    for (String role : new TreeSet<>(union(saved.keySet(), now.keySet()))) {
      if (!Objects.equals(saved.get(role), now.get(role))) {
        return role + " data " + saved.getOrDefault(role, NONE) + ", now " + now.getOrDefault(role, NONE);
      }
    }
    return "data " + saved + ", now " + now;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The first setting that differs, as {@code name old, now new}. */
  private static String difference(JsonNode saved, JsonNode now) {
    Set<String> names = new TreeSet<>();
    saved.fieldNames().forEachRemaining(names::add);
    now.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (!Objects.equals(saved.get(name), now.get(name))) {
        return name + " " + saved.get(name) + ", now " + now.get(name);
      }
    }
    return saved + ", now " + now;
  }

  private static JsonNode reparse(JsonNode tree) {
    try {
      return JSON.readTree(JSON.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String shortHex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
