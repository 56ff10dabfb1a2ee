package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Throughput of BLEU and chrF on Multi30k train (29,000 English lines scored against the German
 * ones), skipped unless asked for; run on a quiet machine with
 * {@code mvn -B -o -pl eval test -Dtest=MtMetricsBenchmarkTest -Dmlm.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (MLM_DATA_DIR or ../shared/datasets must hold the mirror).
 */
class MtMetricsBenchmarkTest {
  @Test
  void throughputOnMulti30kTrain() throws IOException {
    assumeTrue(Boolean.getBoolean("mlm.benchmark"), "benchmark not requested (-Dmlm.benchmark=true)");
    String env = System.getenv("MLM_DATA_DIR");
    Path dir = (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared", "datasets")).resolve("multi30k");
    assumeTrue(Files.isDirectory(dir), "no data mirror");
    List<String> hyps = Files.readAllLines(dir.resolve("train.en"), StandardCharsets.UTF_8);
    List<List<String>> refs = List.of(Files.readAllLines(dir.resolve("train.de"), StandardCharsets.UTF_8));
    time("warm-up BLEU 13a", hyps.size(), () -> Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults()).score());
    time("corpus BLEU 13a", hyps.size(), () -> Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults()).score());
    time("corpus BLEU intl", hyps.size(),
        () -> Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.INTL)).score());
    time("sentence BLEU 13a", hyps.size(), () -> (double) Bleu.sentences(hyps, refs, BleuOptions.sentenceDefaults()).size());
    time("corpus chrF", hyps.size(), () -> Chrf.corpus(hyps, refs, ChrfOptions.chrf()).score());
    time("corpus chrF++", hyps.size(), () -> Chrf.corpus(hyps, refs, ChrfOptions.chrfPlusPlus()).score());
  }

  private static void time(String what, int segments, Supplier<Double> run) {
    long start = System.nanoTime();
    double result = run.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-20s %8.2f s  %10.0f segments/s  (result %.4f)%n", what, seconds, segments / seconds, result);
    assertTrue(seconds > 0);
  }
}
