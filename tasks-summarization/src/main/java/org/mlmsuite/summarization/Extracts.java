package org.mlmsuite.summarization;

import java.util.List;
import java.util.stream.Collectors;

/** An extractive summary's text: the chosen sentences in document order, one per line. */
final class Extracts {
  private Extracts() {}

  static String join(List<String> sentences, List<Integer> chosen) {
    return chosen.stream().sorted().map(sentences::get).collect(Collectors.joining("\n"));
  }
}
