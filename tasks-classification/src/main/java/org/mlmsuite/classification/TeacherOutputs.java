package org.mlmsuite.classification;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.backbone.train.RunInputs;

/**
 * The teacher's outputs for every text of a transfer set, computed once in batches and cached in
 * {@code cacheFolder} under a key that hashes the teacher's files (config, vocabulary, tokenizer,
 * weights index, {@code classifier.json}) and the texts: a rerun with the same teacher and texts
 * reads the file and runs the teacher zero times.
 *
 * <p>Each row holds the teacher's log-probabilities, which give the same tempered targets as its
 * logits ({@code softmax(z / T)} does not change when a row's constant {@code logsumexp(z)} is
 * subtracted from {@code z}).
 *
 * <p>A BERT-Base teacher over a large transfer set runs for tens of minutes, so the rows done so
 * far are saved beside the cache every {@link #BATCHES_PER_SAVE} batches ({@code .partial}, same
 * format) and a run that was stopped goes on from there.
 */
public final class TeacherOutputs {
  /** Texts per teacher batch. */
  public static final int BATCH = 256;
  /** Teacher batches between saves of the rows done so far. */
  static final int BATCHES_PER_SAVE = 20;
  private static final int MAGIC = 0x4d4c4d54; // "MLMT"

  /** One input of the teacher: a text, and its second text for pair models (else null). */
  public record Input(String text, String textPair) {}

  /**
   * The teacher's log-probabilities in input order, the cache file, and how many teacher batches
   * were run to get them (0 when read from the cache).
   */
  public record Outputs(List<float[]> logProbs, Path cacheFile, int teacherBatches) {}

  private TeacherOutputs() {}

  /** The outputs of {@code teacher} (a classifier directory) for {@code inputs}, from the cache when there. */
  public static Outputs of(Path teacher, List<Input> inputs, Path cacheFolder, Consumer<String> messages) {
    return of(teacher, inputs, cacheFolder, messages, BATCH, BATCHES_PER_SAVE);
  }

  static Outputs of(Path teacher, List<Input> inputs, Path cacheFolder, Consumer<String> messages,
      int batchSize, int batchesPerSave) {
    String name = "teacher-" + key(teacher, inputs);
    Path file = cacheFolder.resolve(name + ".bin");
    Path partial = cacheFolder.resolve(name + ".partial");
    if (Files.isRegularFile(file)) {
      List<float[]> cached = read(file, inputs.size(), inputs.size());
      messages.accept("distill: teacher outputs for " + inputs.size() + " texts read from " + file);
      return new Outputs(cached, file, 0);
    }
    List<float[]> rows = new ArrayList<>(inputs.size());
    if (Files.isRegularFile(partial)) {
      rows.addAll(read(partial, 0, inputs.size()));
      messages.accept("distill: teacher outputs for " + rows.size() + " of " + inputs.size()
          + " texts read from " + partial + "; the teacher goes on from there");
    }
    int resumedRows = rows.size();
    int batches = 0;
    long start = System.nanoTime();
    try (TextClassifier clf = TextClassifier.load(teacher)) {
      for (int from = resumedRows; from < inputs.size(); from += batchSize) {
        List<Input> batch = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
        List<String> texts = batch.stream().map(Input::text).toList();
        List<Prediction> predictions = clf.pairs()
            ? clf.predictPairs(texts, batch.stream().map(Input::textPair).toList())
            : clf.predictBatch(texts);
        for (Prediction p : predictions) {
          rows.add(logProbs(p, clf.labels()));
        }
        batches++;
        if (batches % batchesPerSave != 0 || rows.size() == inputs.size()) {
          continue;
        }
        write(partial, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        messages.accept(String.format(Locale.ROOT, "distill: teacher %d/%d texts, %.0f s, ETA %.0f s",
            rows.size(), inputs.size(), seconds,
            seconds / (rows.size() - resumedRows) * (inputs.size() - rows.size())));
      }
    }
    write(file, rows);
    deleteIfExists(partial);
    return new Outputs(rows, file, batches);
  }

  /** SHA-256 of the teacher's files and the texts (first 16 hex digits). */
  static String key(Path teacher, List<Input> inputs) {
    String model = RunInputs.fingerprintFiles("teacher", List.of(teacher.resolve(ModelDirectory.CONFIG),
        teacher.resolve(Vocabulary.FILE_NAME), teacher.resolve(TokenizerConfig.FILE_NAME),
        teacher.resolve(ClassifierInfo.FILE_NAME), Path.of(ModelDirectory.open(teacher, ClassifierInfo.KIND)
            .weightsPrefix() + ".index")));
    String all = RunInputs.fingerprint(model, inputs, i -> java.util.Arrays.asList(i.text(), i.textPair()));
    int at = all.lastIndexOf("sha256 ");
    return all.substring(at + 7, all.length() - 1);
  }

  private static float[] logProbs(Prediction p, List<String> labels) {
    float[] row = new float[labels.size()];
    for (int c = 0; c < row.length; c++) {
      row[c] = (float) Math.log(Math.max(Float.MIN_VALUE, p.probabilities().get(labels.get(c))));
    }
    return row;
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private static void write(Path file, List<float[]> rows) {
    try {
      AtomicFiles.writeBytes(file, stream -> {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(rows.size());
        out.writeInt(rows.isEmpty() ? 0 : rows.get(0).length);
        for (float[] row : rows) {
          for (float v : row) {
            out.writeFloat(v);
          }
        }
        out.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the teacher cache " + file, e);
    }
  }

  /** The rows of a cache ({@code minRows} = {@code maxRows}) or of a partial cache (up to {@code maxRows}). */
  private static List<float[]> read(Path file, int minRows, int maxRows) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int magic = in.readInt();
      int n = in.readInt();
      int classes = in.readInt();
      if (magic != MAGIC || n < minRows || n > maxRows) {
        throw new IllegalArgumentException(file + ": not a teacher cache of " + maxRows
            + " texts; delete it to recompute");
      }
      List<float[]> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        float[] row = new float[classes];
        for (int c = 0; c < classes; c++) {
          row[c] = in.readFloat();
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": unreadable teacher cache (" + e.getMessage()
          + "); delete it to recompute", e);
    }
  }
}
