package org.mlmsuite.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.model.TransformerConfig;

class ExtractionRulesTest {
  @Test
  void oracleGreedyChoiceKnownByHand() {
    // First round: "the cat sat" gives R1 F .75 + R2 F .667 (best); then adding "dogs bark"
    // reproduces the reference exactly (R1 = R2 = 1); any third sentence lowers precision.
    List<String> sentences = List.of("the cat sat", "birds sing", "dogs bark",
        "the cat sat on a very long red mat today");
    String reference = "The cat sat. Dogs bark.";
    assertEquals(List.of(0, 2), new OracleLabels(3).select(sentences, reference));
    assertEquals(List.of(0), new OracleLabels(1).select(sentences, reference));
    float[] labels = new OracleLabels(3).labels(sentences, reference);
    assertEquals(List.of(1f, 0f, 1f, 0f), List.of(labels[0], labels[1], labels[2], labels[3]));
  }

  @Test
  void theDefaultLearningRateIsLowerFromBertBasesWidthUp() {
    assertEquals(5e-5, ExtractiveTraining.defaultLearningRate(TransformerConfig.tiny(100)));
    assertEquals(5e-5, ExtractiveTraining.defaultLearningRate(TransformerConfig.of(100, 512, 4, 8, 2048)));
    assertEquals(2e-5, ExtractiveTraining.defaultLearningRate(TransformerConfig.of(100, 768, 12, 12, 3072)));
    assertEquals(2e-5, ExtractiveTraining.defaultLearningRate(TransformerConfig.of(100, 1024, 24, 16, 4096)));
  }

  @Test
  void oracleChoosesNothingWhenNothingOverlaps() {
    assertEquals(List.of(), new OracleLabels(3).select(List.of("alpha beta", "gamma"), "delta epsilon"));
  }

  @Test
  void trigramBlockingSkipsRepeatedTrigram() {
    List<String> s = List.of("The cat sat on the mat.", "the cat SAT again", "Dogs bark.");
    double[] scores = {0.9, 0.8, 0.1};
    assertEquals(List.of(0, 2), TrigramBlocking.select(s, scores, 2, true));
    assertEquals(List.of(0, 1), TrigramBlocking.select(s, scores, 2, false));
    // document order, not score order
    assertEquals(List.of(0, 2), TrigramBlocking.select(s, new double[] {0.2, 0.1, 0.9}, 2, true));
  }

  @Test
  void dialogSumTurnsAreSentences() {
    String dialogue = "#Person1#: Hi. How are you?\n#Person2#: Fine, thanks.\n\n#Person1#: Good.";
    assertEquals(List.of("#Person1#: Hi. How are you?", "#Person2#: Fine, thanks.", "#Person1#: Good."),
        SentencePolicy.TURNS.split(dialogue));
    assertEquals(SentencePolicy.TURNS, SentencePolicy.detect(List.of(dialogue)));
    assertEquals(SentencePolicy.SENTENCES, SentencePolicy.detect(List.of("A plain text. Two sentences.")));
    assertEquals(List.of("A plain text.", "Two sentences here."),
        SentencePolicy.SENTENCES.split("A plain text. Two sentences here."));
  }

  @Test
  void leadAndLongest() {
    List<String> s = List.of("a", "bbbb", "cc", "dddd", "e");
    assertEquals(List.of(0, 1), Baseline.parse("lead-2").select(s));
    assertEquals(List.of(1, 3), Baseline.parse("longest-2").select(s));
    assertEquals(List.of(1, 2, 3), Baseline.parse("LONGEST-3").select(s));
    assertEquals(List.of(0, 1, 2, 3, 4), Baseline.parse("lead-9").select(s));
    assertEquals("bbbb\ndddd", Baseline.parse("longest-2").summarize("a\nbbbb\ncc\ndddd\ne", SentencePolicy.TURNS));
    assertThrows(IllegalArgumentException.class, () -> Baseline.parse("first-3"));
    assertThrows(IllegalArgumentException.class, () -> Baseline.parse("lead-0"));
    assertEquals(2, Baseline.parseList("lead-3, longest-3").size());
    assertEquals(List.of(Baseline.parse("lead-3"), Baseline.parse("lead-2")),
        Baseline.parseList("lead-3,lead-2,LEAD-3"));
  }
}
