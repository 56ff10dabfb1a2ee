package org.mlmsuite.backbone.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code train-log.jsonl}: one JSON object per logged step with {@code step, loss, lr, grad_norm,
 * throughput, throughput_unit, elapsed_s} and, when the step was evaluated, {@code eval_<metric>}
 * fields. {@code loss} is the mean over the steps since the previous line.
 */
final class TrainingLog implements AutoCloseable {
  static final String FILE_NAME = "train-log.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileChannel channel;
  private final List<JsonNode> entries;

  private TrainingLog(FileChannel channel, List<JsonNode> entries) {
    this.channel = channel;
    this.entries = entries;
  }

  /** Starts a new, empty log. */
  static TrainingLog create(Path outputDir) throws IOException {
    AtomicFiles.writeString(outputDir.resolve(FILE_NAME), "");
    return open(outputDir, new ArrayList<>());
  }

  /**
   * Reopens the log of a resumed run, dropping lines after {@code step} (written after the
   * checkpoint the run resumes from) and a torn last line (killed mid-write).
   */
  static TrainingLog resume(Path outputDir, long step) throws IOException {
    Path file = outputDir.resolve(FILE_NAME);
    List<JsonNode> kept = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          continue;
        }
        if (node != null && node.has("step") && node.get("step").asLong() <= step) {
          kept.add(node);
          text.append(line).append('\n');
        }
      }
    }
    AtomicFiles.writeString(file, text.toString());
    return open(outputDir, kept);
  }

  private static TrainingLog open(Path outputDir, List<JsonNode> entries) throws IOException {
    FileChannel ch = FileChannel.open(outputDir.resolve(FILE_NAME), StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    return new TrainingLog(ch, entries);
  }

  void append(long step, double loss, double lr, double gradNorm, double throughput, String unit,
      double elapsedSeconds, Map<String, Double> eval) {
    ObjectNode node = JSON.createObjectNode();
    node.put("step", step);
    node.put("loss", loss);
    node.put("lr", lr);
    node.put("grad_norm", gradNorm);
    node.put("throughput", throughput);
    node.put("throughput_unit", unit + "/s");
    node.put("elapsed_s", Math.round(elapsedSeconds * 1000) / 1000.0);
    eval.forEach((k, v) -> node.put("eval_" + k, v));
    try {
      ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + FILE_NAME, e);
    }
    entries.add(node);
  }

  /** Flushes to disk (called at checkpoints, so a checkpoint never outlives its log lines). */
  void sync() throws IOException {
    channel.force(false);
  }

  List<JsonNode> entries() {
    return entries;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
