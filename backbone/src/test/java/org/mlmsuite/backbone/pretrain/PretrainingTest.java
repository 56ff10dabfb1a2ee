package org.mlmsuite.backbone.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.masking.DynamicMasker;
import org.mlmsuite.backbone.masking.MaskingConfig;
import org.mlmsuite.backbone.masking.MaskingInput;
import org.mlmsuite.backbone.masking.MaskingVocabulary;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.TextDocument;

class PretrainingTest {
  private static final List<String> WORDS = List.of("the", "cat", "sat", "on", "mat", "dog", "ran", "to", "park", ".");
  @TempDir static Path tmp;
  static Path vocab;
  static Path corpus;
  static Pretraining.Result trained;

  @BeforeAll
  static void pretrainOnATinyRepetitiveCorpus() throws Exception {
    List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    tokens.addAll(WORDS);
    vocab = tmp.resolve("vocab.txt");
    Files.write(vocab, tokens);
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (int doc = 0; doc < 4; doc++) {
      StringBuilder text = new StringBuilder();
      for (int p = 0; p < 30; p++) {
        text.append(p % 2 == 0 ? "the cat sat on the mat ." : "the dog ran to the park .").append("\n\n");
      }
      Files.writeString(corpus.resolve("doc" + doc + ".txt"), text);
    }
    PretrainingConfig cfg = new PretrainingConfig(List.of(corpus.toString()), vocab.toString(), false, null, "random", "micro",
        200, 8, 16, 3e-3, 7, 200, 200, 0.1, null);
    trained = new Pretraining(m -> {}, TrainingProgress.silent()).run(cfg, null, tmp.resolve("bb"), false, false);
  }

  @Test
  void heldOutLossFallsFarBelowChance() {
    double chance = Math.log(WORDS.size() + 5);
    double heldOut = trained.summary().lastEval().get("loss");
    assertTrue(heldOut < 0.5 * chance, "held-out loss " + heldOut + " vs chance " + chance);
    assertTrue(trained.heldOutSequences() >= 1 && trained.trainSequences() > trained.heldOutSequences());
  }

  @Test
  void exportedBackboneFillsTheMaskAndReopensIdentically() {
    try (Backbone a = Backbone.open(tmp.resolve("bb")); Backbone b = Backbone.open(tmp.resolve("bb"))) {
      List<Backbone.Candidate> cat = a.fillMask("the cat sat on the [MASK] .", 3).get(0);
      assertEquals("mat", cat.get(0).token(), cat.toString());
      // Packed sequences always hold a cat sentence then a dog sentence: context decides the answer.
      assertEquals("park", a.fillMask("the cat sat on the mat . the dog ran to the [MASK] .", 1).get(0).get(0).token());
      assertTrue(cat.get(0).probability() >= cat.get(1).probability());
      assertEquals(cat, b.fillMask("the cat sat on the [MASK] .", 3).get(0));
      var e = assertThrows(IllegalArgumentException.class, () -> a.fillMask("no mask here", 3));
      assertEquals("no [MASK] in \"no mask here\"", e.getMessage());
    }
  }

  @Test
  void packingFillsSequencesWithoutCrossingDocuments() {
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(Vocabulary.load(vocab), TokenizerConfig.uncased());
    List<TextDocument> paragraphs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      paragraphs.add(new TextDocument("the cat sat on the mat .", new Origin(Path.of("a.txt"), i)));
    }
    for (int i = 0; i < 5; i++) {
      paragraphs.add(new TextDocument("the dog ran to the park .", new Origin(Path.of("b.txt"), i)));
    }
    PretrainingCorpus packed = PretrainingCorpus.build(paragraphs, tokenizer, 20, null, 0.2, 1, m -> {});
    List<MaskingInput> all = new ArrayList<>(packed.train());
    all.addAll(packed.heldOut());
    // 7 pieces a paragraph, budget 18: two paragraphs a sequence, 3 sequences a document.
    assertEquals(6, all.size());
    for (MaskingInput input : all) {
      Encoding e = input.encoding();
      assertTrue(e.length() <= 20);
      List<String> words = List.of(e.tokens());
      assertFalse(words.contains("cat") && words.contains("dog"), "a sequence crosses documents: " + words);
      assertEquals("[CLS]", e.tokens()[0]);
      assertEquals("[SEP]", e.tokens()[e.length() - 1]);
    }
  }

  @Test
  void batchSourceResumesFromItsPositionExactly() {
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(Vocabulary.load(vocab), TokenizerConfig.uncased());
    List<MaskingInput> sequences = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sequences.add(MaskingInput.of(tokenizer.encode(i % 2 == 0 ? "the cat sat on the mat ." : "the dog ran to the park .")));
    }
    Vocabulary v = tokenizer.vocabulary();
    DynamicMasker masker = new DynamicMasker(MaskingConfig.parse("random")
        .create(new MaskingVocabulary(v.size(), v.maskId(), new int[] {0, 1, 2, 3, 4})), 3);
    MlmBatchSource source = new MlmBatchSource(sequences, 4, masker, 3, 100, v.padId());
    for (int i = 0; i < 5; i++) {
      source.next(); // crosses an epoch boundary (10 sequences, batches of 4)
    }
    String position = source.position();
    List<MlmBatch> expected = List.of(source.next(), source.next(), source.next());
    MlmBatchSource resumed = new MlmBatchSource(sequences, 4, masker, 3, 100, v.padId());
    resumed.seek(position);
    for (MlmBatch want : expected) {
      MlmBatch got = resumed.next();
      assertArrayEquals(want.inputIds(), got.inputIds());
      assertArrayEquals(want.maskedPositions(), got.maskedPositions());
      assertArrayEquals(want.maskedLabelIds(), got.maskedLabelIds());
    }
  }

  @Test
  void continuedPretrainingStartsFromTheBackbonesWeights() {
    double chance = Math.log(WORDS.size() + 5);
    // Four steps at a negligible learning rate: whatever the held-out loss is, the start gave it.
    PretrainingConfig continued = new PretrainingConfig(List.of(corpus.toString()), null, false, null, "span", null,
        4, 8, 16, 1e-7, 11, 4, 4, 0.1, trained.model().path().toString());
    Pretraining.Result r = new Pretraining(m -> {}, TrainingProgress.silent())
        .run(continued, null, tmp.resolve("continued"), false, false);
    assertTrue(r.summary().lastEval().get("loss") < 0.5 * chance, "continued: " + r.summary().lastEval());
    assertEquals(trained.model().config(), r.model().config());
    assertEquals(trained.model().tokenizer().vocabulary().size(), r.model().tokenizer().vocabulary().size());
    Map<?, ?> provenance = r.model().read(ModelDirectory.PROVENANCE, Map.class);
    assertEquals(trained.model().path().toAbsolutePath().normalize().toString(), provenance.get("backbone"));
    // The same run from random weights stays at chance: the test above can fail.
    PretrainingConfig scratch = new PretrainingConfig(List.of(corpus.toString()), vocab.toString(), false, null, "span",
        "micro", 4, 8, 16, 1e-7, 11, 4, 4, 0.1, null);
    double fromScratch = new Pretraining(m -> {}, TrainingProgress.silent())
        .run(scratch, null, tmp.resolve("scratch"), false, false).summary().lastEval().get("loss");
    assertTrue(fromScratch > 0.8 * chance, "from scratch: " + fromScratch + " vs chance " + chance);
  }

  @Test
  void continuingFromAFolderThatIsNotABackboneIsAClearError() {
    PretrainingConfig cfg = new PretrainingConfig(List.of(corpus.toString()), null, false, null, "random", null,
        4, 8, 16, 1e-3, 7, 0, 0, 0.1, corpus.toString());
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Pretraining(m -> {}, TrainingProgress.silent()).run(cfg, null, tmp.resolve("never2"), false, false));
    assertTrue(e.getMessage().contains(corpus.toString()), e.getMessage());
  }

  @Test
  void entityMaskingWithoutANerModelIsAClearError() {
    PretrainingConfig cfg = new PretrainingConfig(List.of(corpus.toString()), vocab.toString(), false, null, "entity", "micro",
        10, 8, 16, 1e-3, 7, 0, 0, 0.1, null);
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Pretraining(m -> {}, TrainingProgress.silent()).run(cfg, null, tmp.resolve("never"), false, false));
    assertTrue(e.getMessage().startsWith("masking 'entity' needs entities: give a name-finder model with --ner"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("never")));
  }
}
