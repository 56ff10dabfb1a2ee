package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mlmsuite.testing.DatasetMirror;
import org.mlmsuite.testing.Timings;

/**
 * Throughput of BLEU and chrF on Multi30k train (29,000 English lines scored against the German
 * ones), skipped unless asked for; run on a quiet machine with
 * {@code mvn -B -o -pl eval -am verify -Dtest=MtMetricsBenchmarkTest -Dmlm.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (MLM_DATA_DIR or ../shared/datasets must hold the mirror).
 * Each metric runs {@value #REPETITIONS} times after a warm-up: the timings must be a valid
 * measurement ({@link Timings#assertValid}) and every run must return the warm-up's result.
 */
class MtMetricsBenchmarkTest {
  private static final int REPETITIONS = 5;

  @Test
  void throughputOnMulti30kTrain() throws IOException {
    assumeTrue(Boolean.getBoolean("mlm.benchmark"), "benchmark not requested (-Dmlm.benchmark=true)");
    Path dir = DatasetMirror.require("multi30k").resolve("multi30k");
    List<String> hyps = Files.readAllLines(dir.resolve("train.en"), StandardCharsets.UTF_8);
    List<List<String>> refs = List.of(Files.readAllLines(dir.resolve("train.de"), StandardCharsets.UTF_8));
    assertEquals(hyps.size(), refs.get(0).size(), "parallel lines");
    time("corpus BLEU 13a", hyps.size(), () -> Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults()).score());
    time("corpus BLEU intl", hyps.size(),
        () -> Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.INTL)).score());
    double sentences = time("sentence BLEU 13a", hyps.size(),
        () -> (double) Bleu.sentences(hyps, refs, BleuOptions.sentenceDefaults()).size());
    assertEquals(hyps.size(), sentences, "one sentence score per segment");
    time("corpus chrF", hyps.size(), () -> Chrf.corpus(hyps, refs, ChrfOptions.chrf()).score());
    time("corpus chrF++", hyps.size(), () -> Chrf.corpus(hyps, refs, ChrfOptions.chrfPlusPlus()).score());
  }

  /** Times {@code run} after one warm-up run; returns its result, which every timed run must repeat. */
  private static double time(String what, int segments, Supplier<Double> run) {
    double expected = run.get();
    List<Double> results = new ArrayList<>();
    Timings timings = Timings.measure(what, REPETITIONS, () -> results.add(run.get())).assertValid();
    results.forEach(r -> assertEquals(expected, r, 0.0, what + ": the same input gives the same score"));
    System.out.printf("%-20s %8.2f s  %10.0f segments/s  (result %.4f; %s)%n", what, timings.median() / 1e3,
        segments / (timings.median() / 1e3), expected, timings);
    return expected;
  }
}
