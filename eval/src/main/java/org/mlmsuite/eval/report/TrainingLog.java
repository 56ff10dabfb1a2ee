package org.mlmsuite.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON-lines training log: one object per line such as
 * {@code {"step": 100, "loss": 2.31, "lr": 1e-4, "eval_loss": 2.40}}. Every field is optional:
 * numeric fields become series, others (strings, nested objects) are ignored, blank lines are
 * skipped, a row without {@code step} is placed at its row number. A line that is not a JSON object
 * is an error naming the file and line.
 */
public final class TrainingLog {
  public static final String STEP = "step";

  private final Path source;
  private final List<Map<String, Double>> rows;

  private TrainingLog(Path source, List<Map<String, Double>> rows) {
    this.source = source;
    this.rows = List.copyOf(rows);
  }

  public static TrainingLog read(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, Double>> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": expected a JSON object per line");
        }
        Map<String, Double> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getValue().isNumber() && Double.isFinite(field.getValue().asDouble())) {
            row.put(field.getKey(), field.getValue().asDouble());
          }
        }
        rows.add(row);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such training log");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read training log (" + e.getMessage() + ")");
    }
    return new TrainingLog(file, rows);
  }

  public List<Map<String, Double>> rows() {
    return rows;
  }

  /** Numeric fields in first-seen order, without {@code step}. */
  public Set<String> fields() {
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.addAll(r.keySet()));
    names.remove(STEP);
    return names;
  }

  /** The points of one field, x = step (or 1-based row number when a row has no step). */
  public CurvesSection.Series series(String field) {
    List<CurvesSection.Point> points = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Double y = rows.get(i).get(field);
      if (y != null) {
        points.add(new CurvesSection.Point(rows.get(i).getOrDefault(STEP, (double) (i + 1)), y));
      }
    }
    return new CurvesSection.Series(field, points);
  }

  /**
   * Curves with a panel for the losses (fields whose name contains "loss"), one for the learning
   * rate ("lr" or "learning_rate") and one per remaining metric (e.g. accuracy, grad_norm).
   */
  public CurvesSection toCurves(String title) {
    List<CurvesSection.Series> losses = new ArrayList<>();
    List<CurvesSection.Panel> panels = new ArrayList<>();
    List<CurvesSection.Panel> others = new ArrayList<>();
    for (String field : fields()) {
      CurvesSection.Series s = series(field);
      if (field.toLowerCase().contains("loss")) {
        losses.add(s);
      } else if (field.equals("lr") || field.equals("learning_rate")) {
        panels.add(new CurvesSection.Panel("Learning rate", field, List.of(s)));
      } else if (!field.equals("epoch")) {
        others.add(new CurvesSection.Panel(field, field, List.of(s)));
      }
    }
    if (!losses.isEmpty()) {
      panels.add(0, new CurvesSection.Panel("Loss", "loss", losses));
    }
    panels.addAll(others);
    return new CurvesSection(title, STEP, source.getFileName().toString(), panels);
  }
}
