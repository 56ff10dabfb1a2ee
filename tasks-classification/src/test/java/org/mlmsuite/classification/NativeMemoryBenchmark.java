package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.datasets.LabeledText;

/**
 * Whether native memory leaks (TF Java 1.1.0 is reported to leak, tensorflow/java#10119): the
 * process's resident set over 100,000 {@link TextClassifier#predict} calls after 2,000 warm-up
 * calls, and over 20 load/predict/close cycles after 2 warm-up cycles. Each must stay within 5% of
 * its value after warm-up. The Java heap is fixed and pre-touched so that RSS moves only with
 * native memory. Off by default; run with
 * {@code mvn -B -q -o -pl tasks-classification -am verify -Dtest=NativeMemoryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true -Dmlm.benchmark.model=DIR
 * "-DargLine=-Xms512m -Xmx512m -XX:+AlwaysPreTouch"}.
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class NativeMemoryBenchmark {
  private static final int PREDICTIONS = Integer.getInteger("mlm.benchmark.predictions", 100_000);
  private static final int CYCLES = 20;

  @Test
  void residentMemoryStaysFlat() throws IOException {
    Path model = Path.of(System.getProperty("mlm.benchmark.model"));
    List<String> texts = LabeledData.read("sst2:dev", "test", TextColumns.catalog(), null, null).examples().stream()
        .map(LabeledText::text).toList();

    long[] predictRss = new long[PREDICTIONS / 10_000 + 1];
    try (TextClassifier classifier = TextClassifier.load(model)) {
      for (int i = 0; i < 2_000; i++) {
        classifier.predict(texts.get(i % texts.size()));
      }
      predictRss[0] = residentKb();
      for (int i = 1; i <= PREDICTIONS; i++) {
        classifier.predict(texts.get(i % texts.size()));
        if (i % 10_000 == 0) {
          predictRss[i / 10_000] = residentKb();
        }
      }
    }

    long[] cycleRss = new long[CYCLES + 1];
    for (int cycle = -2; cycle < CYCLES; cycle++) {
      try (TextClassifier classifier = TextClassifier.load(model)) {
        for (int i = 0; i < 10; i++) {
          classifier.predict(texts.get(i));
        }
      }
      if (cycle >= -1) {
        cycleRss[cycle + 1] = residentKb();
      }
    }

    double predictGrowth = growth(predictRss);
    double cycleGrowth = growth(cycleRss);
    System.out.printf(Locale.ROOT, "{\"model\": \"%s\", \"predictions\": %d, \"predictRssKb\": %s, \"predictGrowthPercent\": %.2f,"
            + " \"loadCloseCycles\": %d, \"cycleRssKb\": %s, \"cycleGrowthPercent\": %.2f}%n",
        model, PREDICTIONS, java.util.Arrays.toString(predictRss), predictGrowth, CYCLES,
        java.util.Arrays.toString(cycleRss), cycleGrowth);
    assertTrue(predictGrowth <= 5, "RSS grew " + predictGrowth + "% over " + PREDICTIONS + " predictions");
    assertTrue(cycleGrowth <= 5, "RSS grew " + cycleGrowth + "% over " + CYCLES + " load/close cycles");
  }

  /** Largest RSS after the first sample, as a percentage above the first sample. */
  private static double growth(long[] rss) {
    long max = java.util.Arrays.stream(rss).max().orElseThrow();
    return 100.0 * (max - rss[0]) / rss[0];
  }

  private static long residentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
