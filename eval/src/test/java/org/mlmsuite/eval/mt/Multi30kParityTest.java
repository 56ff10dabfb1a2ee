package org.mlmsuite.eval.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlmsuite.testing.DatasetMirror;

/**
 * Parity with sacreBLEU 2.6.0 on 1,000 real German segments (Multi30k test2016 and val, from the
 * data mirror). Expected figures come from running sacreBLEU 2.6.0 on the same lines (each line
 * rstripped, as its command line does). The pseudo-systems: the reference minus its last word; the
 * English source scored against the German; val lines scored against test and train lines (two
 * reference streams). Exact integer statistics over 1,000 segments pin down tokenization.
 */
class Multi30kParityTest {
  private static final double TOLERANCE = 1e-9;
  private static List<String> testEn;
  private static List<String> testDe;
  private static List<String> val;
  private static List<String> train;

  @BeforeAll
  static void readMirror() throws IOException {
    Path dir = DatasetMirror.require("multi30k").resolve("multi30k");
    testEn = read(dir.resolve("test_2016_flickr.en"), 1000);
    testDe = read(dir.resolve("test_2016_flickr.de"), 1000);
    val = read(dir.resolve("val.de"), 1000);
    train = read(dir.resolve("train.de"), 1000);
  }

  @Test
  void referenceMinusLastWord() {
    List<String> hyps = testDe.stream().map(l -> {
      List<String> words = PythonText.split(l);
      return String.join(" ", words.subList(0, Math.max(0, words.size() - 1)));
    }).toList();
    List<List<String>> refs = List.of(testDe);
    BleuScore v13a = Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults());
    assertEquals(82.21993278935076, v13a.score(), TOLERANCE);
    assertEquals(List.of(10124, 9124, 8124, 7124), v13a.counts());
    assertEquals(12106, v13a.refLen());
    BleuScore intlLower = Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.INTL).withLowercase(true));
    assertEquals(82.27989322804511, intlLower.score(), TOLERANCE);
    assertEquals(List.of(10249, 9249, 8249, 7249), intlLower.counts());
    assertEquals(12248, intlLower.refLen());
    assertEquals("nrefs:1|case:lc|eff:no|tok:intl|smooth:exp|version:2.6.0", intlLower.signature());
    BleuScore chars = Bleu.corpus(hyps, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.CHAR));
    assertEquals(85.62710244822513, chars.score(), TOLERANCE);
    assertEquals(58604, chars.refLen());
    assertEquals(88.44001470220178, Chrf.corpus(hyps, refs, ChrfOptions.chrf()).score(), TOLERANCE);
    assertEquals(87.79303036633964, Chrf.corpus(hyps, refs, ChrfOptions.chrfPlusPlus()).score(), TOLERANCE);
    assertEquals(80086.89885872969, sum(Bleu.sentences(hyps, refs, BleuOptions.sentenceDefaults())), TOLERANCE);
  }

  @Test
  void englishSourceAgainstGermanReference() {
    List<List<String>> refs = List.of(testDe);
    BleuScore v13a = Bleu.corpus(testEn, refs, BleuOptions.corpusDefaults());
    assertEquals(0.47828790014374517, v13a.score(), TOLERANCE);
    assertEquals(List.of(1403, 35, 18, 10), v13a.counts());
    assertEquals(List.of(12955, 11955, 10955, 9955), v13a.totals());
    assertEquals(12106, v13a.refLen());
    BleuScore intl = Bleu.corpus(testEn, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.INTL));
    assertEquals(0.49103683991642366, intl.score(), TOLERANCE);
    assertEquals(List.of(1421, 38, 19, 10), intl.counts());
    assertEquals(List.of(13080, 12080, 11080, 10080), intl.totals());
    BleuScore chars = Bleu.corpus(testEn, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.CHAR));
    assertEquals(13.817342215745795, chars.score(), TOLERANCE);
    assertEquals(List.of(33959, 12701, 4271, 2172), chars.counts());
    assertEquals(16.344733257676257, Chrf.corpus(testEn, refs, ChrfOptions.chrf()).score(), TOLERANCE);
    assertEquals(13.712235958259331, Chrf.corpus(testEn, refs, ChrfOptions.chrfPlusPlus()).score(), TOLERANCE);
    assertEquals(3582.80918125521, sum(Bleu.sentences(testEn, refs, BleuOptions.sentenceDefaults())), TOLERANCE);
    assertEquals(13537.14743615088, sumChrf(Chrf.sentences(testEn, refs, ChrfOptions.chrfPlusPlus())), TOLERANCE);
  }

  @Test
  void twoReferenceStreams() {
    List<List<String>> refs = List.of(testDe, train);
    BleuScore v13a = Bleu.corpus(val, refs, BleuOptions.corpusDefaults());
    assertEquals(0.8978429751198577, v13a.score(), TOLERANCE);
    assertEquals(List.of(3159, 280, 28, 4), v13a.counts());
    assertEquals(List.of(12668, 11668, 10668, 9668), v13a.totals());
    assertEquals(12098, v13a.refLen());
    assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", v13a.signature());
    BleuScore intl = Bleu.corpus(val, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.INTL));
    assertEquals(0.896214583004495, intl.score(), TOLERANCE);
    assertEquals(List.of(3185, 285, 30, 4), intl.counts());
    BleuScore chars = Bleu.corpus(val, refs, BleuOptions.corpusDefaults().withTokenizer(BleuTokenizer.CHAR));
    assertEquals(25.784977563502544, chars.score(), TOLERANCE);
    assertEquals(58790, chars.refLen());
    assertEquals(21.0381154909304, Chrf.corpus(val, refs, ChrfOptions.chrf()).score(), TOLERANCE);
    assertEquals(18.698647722867026, Chrf.corpus(val, refs, ChrfOptions.chrfPlusPlus()).score(), TOLERANCE);
    assertEquals(4876.2823166611, sum(Bleu.sentences(val, refs, BleuOptions.sentenceDefaults())), TOLERANCE);
    assertEquals(18540.41693516426, sumChrf(Chrf.sentences(val, refs, ChrfOptions.chrfPlusPlus())), TOLERANCE);
  }

  private static double sum(List<BleuScore> scores) {
    double total = 0.0;
    for (BleuScore s : scores) {
      total += s.score();
    }
    return total;
  }

  private static double sumChrf(List<ChrfScore> scores) {
    double total = 0.0;
    for (ChrfScore s : scores) {
      total += s.score();
    }
    return total;
  }

  private static List<String> read(Path file, int limit) throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.limit(limit).map(PythonText::rstrip).toList();
    }
  }
}
