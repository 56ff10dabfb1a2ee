package org.mlmsuite.eval.mt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reference streams (each aligned with the hypotheses, as in sacreBLEU) turned into the references
 * of each segment. A {@code null} entry in a stream means that segment has one reference fewer;
 * then the signature says {@code nrefs:var}, as sacreBLEU's does.
 */
record ReferenceSet(List<List<String>> perSegment, String nrefs) {

  static ReferenceSet of(List<String> hypotheses, List<List<String>> referenceStreams) {
    if (hypotheses == null || hypotheses.isEmpty()) {
      throw new IllegalArgumentException("no hypotheses to score");
    }
    if (referenceStreams == null || referenceStreams.isEmpty()) {
      throw new IllegalArgumentException("no reference streams given");
    }
    for (int s = 0; s < referenceStreams.size(); s++) {
      List<String> stream = referenceStreams.get(s);
      if (stream == null || stream.size() != hypotheses.size()) {
        throw new IllegalArgumentException("reference stream " + (s + 1) + " has "
            + (stream == null ? 0 : stream.size()) + " segments but there are " + hypotheses.size() + " hypotheses");
      }
    }
    List<List<String>> perSegment = new ArrayList<>(hypotheses.size());
    Set<Integer> counts = new TreeSet<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      if (hypotheses.get(i) == null) {
        throw new IllegalArgumentException("hypothesis " + (i + 1) + " is null");
      }
      List<String> refs = new ArrayList<>(referenceStreams.size());
      for (List<String> stream : referenceStreams) {
        if (stream.get(i) != null) {
          refs.add(stream.get(i));
        }
      }
      if (refs.isEmpty()) {
        throw new IllegalArgumentException("segment " + (i + 1) + " has no reference");
      }
      counts.add(refs.size());
      perSegment.add(refs);
    }
    String nrefs = counts.size() == 1 ? String.valueOf(counts.iterator().next()) : "var";
    return new ReferenceSet(perSegment, nrefs);
  }

  /** One segment's references, as {@code sentence_score} takes them. */
  static ReferenceSet ofSentence(String hypothesis, List<String> references) {
    if (references == null) {
      throw new IllegalArgumentException("references must not be null");
    }
    List<List<String>> streams = new ArrayList<>();
    for (String ref : references) {
      List<String> stream = new ArrayList<>(1);
      stream.add(ref);
      streams.add(stream);
    }
    List<String> hyps = new ArrayList<>(1);
    hyps.add(hypothesis);
    return of(hyps, streams);
  }
}
