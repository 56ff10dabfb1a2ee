package org.mlmsuite.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;

class ReportWriterTest {
  private static final int LOG_ROWS = 25;
  @TempDir Path dir;
  private Path log;
  private final List<Double> losses = new ArrayList<>();

  /** Writes a JSONL log: loss on every row, eval_loss every 5th, lr warm-up then decay, some noise in the format. */
  @BeforeEach
  void writeLog() throws IOException {
    log = dir.resolve("train_log.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= LOG_ROWS; i++) {
      double loss = 2.0 + 6.0 / i + 0.05 * Math.sin(i);
      losses.add(loss);
      double lr = i <= 5 ? 1e-4 * i / 5 : 1e-4 * (LOG_ROWS - i + 1) / (LOG_ROWS - 4);
      StringBuilder row = new StringBuilder("{\"step\": " + (i * 100) + ", \"loss\": " + loss + ", \"lr\": " + lr);
      if (i % 5 == 0) {
        row.append(", \"eval_loss\": ").append(loss + 0.3);
      }
      if (i == 3) {
        row.append(", \"phase\": \"warmup\"");
      }
      lines.add(row.append('}').toString());
      if (i == 10) {
        lines.add("");
      }
    }
    Files.write(log, lines, StandardCharsets.UTF_8);
  }

  private Report sampleReport() {
    Map<String, Double> ours = new LinkedHashMap<>();
    ours.put("accuracy", 0.8716);
    ours.put("macro_f1", 0.8702);
    return Report.builder("SST-2 <dev> evaluation")
        .provenance(Provenance.builder()
            .command("mlm", "classify", "eval", "--model", "runs/sst2 model", "--data", "sst2/dev.tsv")
            .dataset("sst2", "dev", 872, "sst2/dev.tsv")
            .modelConfig(Map.of("hidden", 256, "layers", 4, "heads", 4))
            .seed(42)
            .timing("eval", 12.5)
            .createdAt(Instant.parse("2026-11-28T23:00:00Z"))
            .build())
        .metrics(MetricsTableSection.builder("Dev set", "accuracy", "macro_f1")
            .row(SystemRow.system("mlm-small", ours).withInterval("accuracy", 0.8486, 0.8933))
            .row(SystemRow.baseline("majority class", Map.of("accuracy", 0.5092, "macro_f1", 0.3374)))
            .row(SystemRow.reference("BERT-base", Map.of("accuracy", 0.935), "Devlin et al. 2019"))
            .build())
        .confusionMatrix("Confusion", List.of("negative", "positive"), new long[][] {{370, 58}, {54, 390}})
        .trainingCurves("Training", log)
        .text("Notes", "Fine-tuned for 3 epochs.\n\n<script>alert(1)</script> must stay text.")
        .build();
  }

  @Test
  void jsonHoldsEveryNumberAndReadsBack() throws IOException {
    new ReportWriter().write(sampleReport(), dir);
    JsonNode root = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertEquals(1, root.get("formatVersion").asInt());
    JsonNode report = root.get("report");
    assertEquals(42, report.at("/provenance/seed").asLong());
    assertEquals(872, report.at("/provenance/datasets/0/size").asLong());
    assertEquals(256, report.at("/provenance/modelConfig/hidden").asInt());
    assertEquals(12.5, report.at("/provenance/timingsSeconds/eval").asDouble());
    assertTrue(report.at("/provenance/command").asText().contains("'runs/sst2 model'"));
    assertFalse(report.at("/provenance/software/java").asText().isEmpty());
    assertFalse(report.at("/provenance/hardware/cpus").asText().isEmpty());

    JsonNode metrics = report.at("/sections/0");
    assertEquals("metrics", metrics.get("type").asText());
    assertEquals(0.8716, metrics.at("/rows/0/values/accuracy").asDouble());
    assertEquals(0.8486, metrics.at("/rows/0/intervals/accuracy/low").asDouble());
    assertEquals("REFERENCE", metrics.at("/rows/2/kind").asText());
    assertTrue(metrics.at("/rows/2/values/macro_f1").isMissingNode());

    JsonNode cm = report.at("/sections/1");
    assertEquals("confusion_matrix", cm.get("type").asText());
    assertEquals(58, cm.at("/counts/0/1").asLong());

    JsonNode curves = report.at("/sections/2");
    assertEquals(LOG_ROWS, curves.at("/panels/0/series/0/points").size());
    assertEquals(losses.get(0), curves.at("/panels/0/series/0/points/0/y").asDouble());

    Report back = JsonReportFormat.read(dir.resolve("report.json"));
    assertEquals("SST-2 <dev> evaluation", back.title());
    assertEquals(sampleReport().sections().get(0), back.sections().get(0));
    assertArrayEquals(new long[] {54, 390}, ((ConfusionMatrixSection) back.sections().get(1)).counts()[1]);
    assertEquals(sampleReport().sections().get(2), back.sections().get(2));
  }

  @Test
  void htmlIsSelfContainedAndEscapesText() throws IOException {
    new ReportWriter().write(sampleReport(), dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertFalse(html.contains("<script"), "user text must be escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(Pattern.compile("\\s(src|href)=").matcher(html).find(), "no external resources");
    assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no URLs to fetch");
    assertTrue(html.contains("<title>SST-2 &lt;dev&gt; evaluation</title>"));
  }

  @Test
  void lossPolylineHasOnePointPerRowWithExtremesAtThePlotEdges() throws IOException {
    new ReportWriter().write(sampleReport(), dir);
    String html = Files.readString(dir.resolve("report.html"));
    String lossChart = svgContaining(html, "data-series=\"loss\"");
    double[] plot = plotArea(lossChart);
    double top = plot[1];
    double bottom = plot[1] + plot[3];
    double left = plot[0];
    double right = plot[0] + plot[2];

    List<double[]> points = polyline(lossChart, "loss");
    assertEquals(LOG_ROWS, points.size(), "one point per log row");
    int argMax = losses.indexOf(losses.stream().max(Double::compare).orElseThrow());
    int argMin = losses.indexOf(losses.stream().min(Double::compare).orElseThrow());
    assertEquals(top, points.get(argMax)[1], 0.01, "max loss at the top of the plot");
    assertEquals(bottom, points.get(argMin)[1], 0.01, "min loss at the bottom of the plot");
    assertEquals(left, points.get(0)[0], 0.01, "first step at the left edge");
    assertEquals(right, points.get(LOG_ROWS - 1)[0], 0.01, "last step at the right edge");
    // Linear in between: row i's y is proportional to its loss.
    for (int i = 0; i < LOG_ROWS; i++) {
      double expected = bottom - (losses.get(i) - losses.get(argMin)) / (losses.get(argMax) - losses.get(argMin)) * (bottom - top);
      assertEquals(expected, points.get(i)[1], 0.01, "row " + i);
    }
    assertEquals(5, polyline(lossChart, "eval_loss").size(), "eval_loss only where logged");

    String lrChart = svgContaining(html, "data-series=\"lr\"");
    assertEquals(LOG_ROWS, polyline(lrChart, "lr").size());
  }

  @Test
  void heatmapHasOneCellPerPairAndBarsScaleWithValues() throws IOException {
    new ReportWriter().write(sampleReport(), dir);
    String html = Files.readString(dir.resolve("report.html"));
    String heatmap = svgContaining(html, "class=\"chart heatmap\"");
    assertEquals(4, count(heatmap, "<rect class=\"cell\""));
    assertTrue(heatmap.contains(">390</text>"));

    String bars = svgContaining(html, "class=\"chart bar-chart\"");
    Matcher m = Pattern.compile("<rect class=\"bar (system|baseline|reference)\" x=\"[^\"]+\" y=\"([^\"]+)\" width=\"[^\"]+\" height=\"([^\"]+)\"[^>]*><title>([^<]+)</title>")
        .matcher(bars);
    Map<String, Double> heights = new LinkedHashMap<>();
    while (m.find()) {
      heights.put(m.group(4), Double.parseDouble(m.group(3)));
    }
    double ours = heights.get("mlm-small: accuracy = 0.8716");
    double majority = heights.get("majority class: accuracy = 0.5092");
    double bert = heights.get("BERT-base: accuracy = 0.9350");
    assertEquals(0.8716 / 0.5092, ours / majority, 0.01);
    assertEquals(0.935 / 0.8716, bert / ours, 0.01);
    assertEquals(5, heights.size(), "reference row has no macro_f1 bar");
  }

  @Test
  void countsShowAsIntegersAndCountsAndUnrankedAreNeverMarkedBest() throws IOException {
    Report report = Report.builder("paired")
        .metrics(MetricsTableSection.builder("Paired", "only_system_right", "p_value").counts("only_system_right")
            .unranked("p_value")
            .row(SystemRow.baseline("doccat", Map.of("only_system_right", 86.0, "p_value", 0.19862)))
            .row(SystemRow.baseline("random init", Map.of("only_system_right", 64.0, "p_value", 0.00459)))
            .build())
        .build();
    new ReportWriter().write(report, dir);
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("| doccat | baseline | 86 | 0.1986 |"), md);
    assertTrue(md.contains("| random init | baseline | 64 | 0.0046 |"), md);
    assertTrue(Files.readString(dir.resolve("report.html")).contains("<td class=\"num\">86</td>"));
    assertEquals(report.sections().get(0), JsonReportFormat.read(dir.resolve("report.json")).sections().get(0));
  }

  @Test
  void reportsWrittenBeforeCountsExistedStillRead() throws IOException {
    new ReportWriter().write(sampleReport(), dir);
    Path json = dir.resolve("report.json");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(json.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/report/sections/0")).remove(List.of("counts", "unranked"));
    mapper.writeValue(json.toFile(), root);
    MetricsTableSection table = (MetricsTableSection) JsonReportFormat.read(json).sections().get(0);
    assertTrue(table.counts().isEmpty() && table.unranked().isEmpty());
    assertEquals(sampleReport().sections().get(0), table);
  }

  @Test
  void markdownHasTheTablesAndNoTempFilesRemain() throws IOException {
    new ReportWriter().write(sampleReport(), dir);
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("| mlm-small | system | 0.8716 [0.8486, 0.8933] | **0.8702** |"), md);
    assertTrue(md.contains("| BERT-base (Devlin et al. 2019) | reference | **0.9350** | – |"), md);
    assertTrue(md.contains("| negative | 370 | 58 |"), md);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("report.html", "report.json", "report.md", "train_log.jsonl"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void badLogLineNamesFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"step\": 1, \"loss\": 2}\n{\"step\": 2, \"loss\": \n");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> TrainingLog.read(bad));
    assertTrue(e.getMessage().startsWith(bad + ":2: "), e.getMessage());
  }

  // ---- SVG parsing helpers --------------------------------------------------------------------

  private static String svgContaining(String html, String marker) {
    int at = html.indexOf(marker);
    assertTrue(at >= 0, "no SVG with " + marker);
    int start = html.lastIndexOf("<svg", at);
    int end = html.indexOf("</svg>", at);
    return html.substring(start, end);
  }

  private static double[] plotArea(String svg) {
    Matcher m = Pattern.compile("<rect class=\"plot-area\" x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"([^\"]+)\" height=\"([^\"]+)\"")
        .matcher(svg);
    assertTrue(m.find(), "plot area");
    return new double[] {
        Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
  }

  private static List<double[]> polyline(String svg, String series) {
    Matcher m = Pattern.compile("<polyline[^>]*data-series=\"" + Pattern.quote(series) + "\"[^>]*points=\"([^\"]*)\"").matcher(svg);
    assertTrue(m.find(), "polyline " + series);
    List<double[]> points = new ArrayList<>();
    for (String pair : m.group(1).trim().split("\\s+")) {
      String[] xy = pair.split(",");
      points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return points;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
