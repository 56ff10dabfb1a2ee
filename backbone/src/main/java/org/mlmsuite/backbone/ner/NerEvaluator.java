package org.mlmsuite.backbone.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/** Scores a name finder on a CoNLL-2003 style file with exact-span matching (as conlleval does). */
public final class NerEvaluator {
  private NerEvaluator() {}

  public static NerScores evaluate(TokenNameFinderModel model, Path conllFile) throws IOException {
    return evaluate(model, ConllNameSamples.read(conllFile));
  }

  static NerScores evaluate(TokenNameFinderModel model, List<NameSample> samples) {
    NameFinderME finder = new NameFinderME(model);
    Map<String, NerScores.Counts> perType = new TreeMap<>();
    for (NameSample sample : samples) {
      if (sample.isClearAdaptiveDataSet()) {
        finder.clearAdaptiveData();
      }
      Set<Mention> gold = mentions(sample.getNames());
      Set<Mention> predicted = mentions(finder.find(sample.getSentence()));
      for (Mention p : predicted) {
        add(perType, p.type(), gold.contains(p) ? new NerScores.Counts(1, 0, 0) : new NerScores.Counts(0, 1, 0));
      }
      for (Mention g : gold) {
        if (!predicted.contains(g)) {
          add(perType, g.type(), new NerScores.Counts(0, 0, 1));
        }
      }
    }
    NerScores.Counts overall = new NerScores.Counts(0, 0, 0);
    for (NerScores.Counts c : perType.values()) {
      overall = overall.plus(c);
    }
    return new NerScores(overall, perType, samples.size());
  }

  /** A span compared by position and type only (OpenNLP's Span may also carry a probability). */
  private record Mention(int start, int end, String type) {}

  private static Set<Mention> mentions(Span[] spans) {
    Set<Mention> mentions = new HashSet<>();
    for (Span s : spans) {
      mentions.add(new Mention(s.getStart(), s.getEnd(), s.getType()));
    }
    return mentions;
  }

  private static void add(Map<String, NerScores.Counts> perType, String type, NerScores.Counts c) {
    perType.merge(type, c, NerScores.Counts::plus);
  }
}
