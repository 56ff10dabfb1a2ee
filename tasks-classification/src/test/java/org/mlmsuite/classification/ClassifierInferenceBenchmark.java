package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.datasets.LabeledText;

/**
 * Inference speed of a trained classifier through the library API: batched sentences per second
 * ({@link TextClassifier#predictBatch}, batches of 32, three timed passes over the data after one
 * warm-up pass, median) and single-sentence latency ({@link TextClassifier#predict}, p50/p90 over
 * the first 500 texts after 50 warm-up calls). Off by default; run on a quiet machine:
 * {@code mvn -B -q -o -pl tasks-classification -am verify -Dtest=ClassifierInferenceBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true -Dmlm.benchmark.model=DIR
 * [-Dmlm.benchmark.data=sst2:dev]}.
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class ClassifierInferenceBenchmark {
  private static final int BATCH = 32;

  @Test
  void batchedThroughputAndSingleLatency() {
    Path model = Path.of(System.getProperty("mlm.benchmark.model"));
    String data = System.getProperty("mlm.benchmark.data", "sst2:dev");
    List<String> texts = LabeledData.read(data, "test", TextColumns.catalog(), null, null).examples().stream()
        .map(LabeledText::text).toList();
    try (TextClassifier classifier = TextClassifier.load(model)) {
      batchedPass(classifier, texts);
      double[] passSeconds = new double[3];
      for (int r = 0; r < passSeconds.length; r++) {
        long start = System.nanoTime();
        assertEquals(texts.size(), batchedPass(classifier, texts));
        passSeconds[r] = (System.nanoTime() - start) / 1e9;
      }
      Arrays.sort(passSeconds);
      List<String> singles = texts.subList(0, Math.min(500, texts.size()));
      for (int i = 0; i < 50; i++) {
        classifier.predict(singles.get(i % singles.size()));
      }
      double[] ms = new double[singles.size()];
      for (int i = 0; i < ms.length; i++) {
        long start = System.nanoTime();
        classifier.predict(singles.get(i));
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("classifier inference %s on %s (%d texts): batched %.0f sentences/s (passes %.2f-%.2f s), "
              + "single p50 %.2f ms, p90 %.2f ms%n", model, data, texts.size(), texts.size() / passSeconds[1],
          passSeconds[0], passSeconds[2], ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
    }
  }

  private static int batchedPass(TextClassifier classifier, List<String> texts) {
    int done = 0;
    for (int i = 0; i < texts.size(); i += BATCH) {
      done += classifier.predictBatch(new ArrayList<>(texts.subList(i, Math.min(texts.size(), i + BATCH)))).size();
    }
    return done;
  }
}
