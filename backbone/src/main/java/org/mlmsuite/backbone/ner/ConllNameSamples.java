package org.mlmsuite.backbone.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.ConllReader;
import org.mlmsuite.datasets.NerSentence;

/**
 * Turns CoNLL-2003 NER files (read by the datasets module's {@link ConllReader}: token first, NER
 * tag last) into OpenNLP {@link NameSample}s. The first sentence of each document clears the name
 * finder's adaptive data.
 *
 * <p>Tags may be IOB1 or IOB2; both decode with one rule: {@code B-X} always starts an entity,
 * {@code I-X} continues the open entity if it has type X and otherwise starts one (IOB1 uses
 * {@code I-} for starts and {@code B-} only between adjacent entities of the same type).
 */
final class ConllNameSamples {
  private ConllNameSamples() {}

  static List<NameSample> read(Path file) throws IOException {
    List<NameSample> samples = new ArrayList<>();
    try (ConllReader reader = ConllReader.open(file, BadRowPolicy.FAIL)) {
      for (NerSentence sentence : reader) {
        for (int i = 0; i < sentence.size(); i++) {
          String tag = sentence.tags().get(i);
          if (!isTag(tag)) {
            throw new IllegalArgumentException(file + ":" + (sentence.origin().line() + i) + ": NER tag '" + tag
                + "' is not O, B-TYPE or I-TYPE");
          }
        }
        samples.add(new NameSample(file.getFileName() + ":" + sentence.origin().line(),
            sentence.tokens().toArray(String[]::new), spansFromIob(sentence.tags()).toArray(Span[]::new),
            null, sentence.documentStart()));
      }
    }
    return samples;
  }

  private static boolean isTag(String tag) {
    return tag.equals("O")
        || ((tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2);
  }

  /** Entity token spans {@code [start, end)} typed by the tag suffix, from IOB1 or IOB2 tags. */
  static List<Span> spansFromIob(List<String> tags) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      boolean continues = tag.startsWith("I-") && tag.substring(2).equals(type);
      if (continues) {
        continue;
      }
      if (type != null) {
        spans.add(new Span(start, i, type));
        type = null;
      }
      if (!tag.equals("O")) {
        start = i;
        type = tag.substring(2);
      }
    }
    if (type != null) {
      spans.add(new Span(start, tags.size(), type));
    }
    return spans;
  }
}
