package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;

/**
 * A micro teacher trained here on a task with eight cue words per class; the student sees the
 * labels of 8 rows that use only two cues of each class, plus 400 unlabeled rows that the
 * teacher labels. Its no-teacher twin (same backbone, settings and labeled rows) can only learn
 * the cues it saw, so on dev rows it guesses for three quarters of them.
 */
class ClassifierDistillationTest {
  static final List<String> FILLER = List.of("the", "movie", "film", "was", "a", "plot", "actors", "and", "it", "really");
  static final List<String> POSITIVE = List.of("good", "great", "fine", "superb", "lovely", "fun", "witty", "moving");
  static final List<String> NEGATIVE = List.of("bad", "awful", "dull", "poor", "boring", "weak", "silly", "flat");
  static final WordPieceTokenizer TOKENIZER;

  static {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(FILLER);
    tokens.addAll(POSITIVE);
    tokens.addAll(NEGATIVE);
    TOKENIZER = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
  }

  @TempDir static Path tmp;
  static Path teacher;
  static List<LabeledText> dev;
  static ClassifierDistillation.Result distilled;
  static ClassifierTraining.Result twin;
  static final TextColumns COLUMNS = new TextColumns("text", null, "label");

  /** {@code n} reviews, even rows positive, each with one cue among the first {@code cues} of its class. */
  static List<LabeledText> rows(int n, int cues, long seed) {
    Random random = new Random(seed);
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      List<String> words = new ArrayList<>();
      for (int k = 2 + random.nextInt(6); k > 0; k--) {
        words.add(FILLER.get(random.nextInt(FILLER.size())));
      }
      words.add(random.nextInt(words.size() + 1), (positive ? POSITIVE : NEGATIVE).get(random.nextInt(cues)));
      out.add(new LabeledText(String.join(" ", words), positive ? "pos" : "neg", new Origin(Path.of("rows"), i + 2)));
    }
    return out;
  }

  static ClassifierTrainingConfig studentConfig(long steps) {
    return ClassifierTrainingConfig.defaults(steps).withLearningRate(2e-3).withBatch(16, 16);
  }

  static ClassifierDistillation.Request request(List<LabeledText> train, List<TeacherOutputs.Input> unlabeled,
      ClassifierTrainingConfig cfg, Path out) {
    return new ClassifierDistillation.Request(teacher, train, dev, unlabeled, "few.csv", "few.csv", "dev.csv",
        "unlabeled.txt", COLUMNS, ClassifierDistillation.Student.preset("micro"),
        new ClassifierDistillation.Settings(2, 0.9, TextAugmentation.Settings.defaults(5).withCopies(4), null),
        cfg, out, tmp.resolve("work"), false, false);
  }

  @BeforeAll
  static void teacherStudentAndTwin() {
    Path backbone = tmp.resolve("teacher-backbone");
    UntrainedBackbone.write(backbone, TransformerConfig.micro(TOKENIZER.vocabulary().size()), TOKENIZER, 11);
    dev = rows(96, 8, 2);
    teacher = tmp.resolve("teacher");
    ClassifierTraining.Result t = new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(
        new ClassifierTraining.Request(backbone, rows(400, 8, 1), dev, "all.csv", "all.csv", "dev.csv", COLUMNS,
            ClassifierTrainingConfig.defaults(120).withLearningRate(2e-3).withBatch(16, 16), teacher, false));
    assertTrue(t.dev().accuracy() >= 0.95, "the teacher must know every cue: " + t.dev().accuracy());

    List<LabeledText> few = rows(8, 2, 3);
    List<TeacherOutputs.Input> unlabeled = rows(400, 8, 4).stream()
        .map(r -> new TeacherOutputs.Input(r.text(), null)).toList();
    distilled = new ClassifierDistillation(m -> {}, TrainingProgress.silent())
        .run(request(few, unlabeled, studentConfig(150), tmp.resolve("student")));
    twin = new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(
        tmp.resolve("work").resolve("student-micro-seed42"), few, dev, "few.csv", "few.csv", "dev.csv", COLUMNS,
        studentConfig(150), tmp.resolve("twin"), false));
  }

  @Test
  void theStudentOfTheTeacherBeatsItsNoTeacherTwin() {
    double student = distilled.student().dev().accuracy();
    double alone = twin.dev().accuracy();
    System.out.printf("dev accuracy: student %.4f, no-teacher twin %.4f%n", student, alone);
    assertTrue(student >= 0.9, "student " + student);
    assertTrue(student >= alone + 0.15, "student " + student + " vs twin " + alone);
  }

  @Test
  void aRerunWithTheSameTeacherAndTextsRunsTheTeacherZeroTimes() {
    assertTrue(distilled.teacherBatches() > 0);
    assertEquals(8 + 400 + distilled.augmentedTexts(), distilled.transferTexts());
    assertTrue(distilled.augmentedTexts() > 8, "up to 4 copies of each labeled row: " + distilled.augmentedTexts());
    List<TeacherOutputs.Input> unlabeled = rows(400, 8, 4).stream()
        .map(r -> new TeacherOutputs.Input(r.text(), null)).toList();
    ClassifierDistillation.Result again = new ClassifierDistillation(m -> {}, TrainingProgress.silent())
        .run(request(rows(8, 2, 3), unlabeled, studentConfig(2), tmp.resolve("again")));
    assertEquals(0, again.teacherBatches());
    assertEquals(distilled.teacherCache(), again.teacherCache());
    ClassifierDistillation.Request more = request(rows(8, 2, 3), unlabeled, studentConfig(4), tmp.resolve("again"));
    ClassifierDistillation.Result resumed = new ClassifierDistillation(m -> {}, TrainingProgress.silent())
        .run(new ClassifierDistillation.Request(more.teacher(), more.train(), more.dev(), more.unlabeled(),
            more.trainDescription(), more.trainSource(), more.devDescription(), more.unlabeledDescription(),
            more.columns(), more.student(), more.distillation(), more.config(), more.output(), more.workFolder(),
            true, false));
    assertEquals(4, resumed.student().summary().step(), "more steps extend a resumed run");
    assertEquals(0, resumed.teacherBatches());
    ClassifierDistillation.Result otherTexts = new ClassifierDistillation(m -> {}, TrainingProgress.silent())
        .run(request(rows(8, 2, 3), unlabeled.subList(0, 100), studentConfig(2), tmp.resolve("other")));
    assertTrue(otherTexts.teacherBatches() > 0, "other texts, another cache entry");
  }

  @Test
  void aStoppedTeacherPassGoesOnFromItsLastSave() throws java.io.IOException {
    List<TeacherOutputs.Input> texts = rows(300, 8, 5).stream().map(r -> new TeacherOutputs.Input(r.text(), null)).toList();
    Path folder = tmp.resolve("stopped-cache");
    // Batches of 32, a save every 2 batches: the first progress line comes after 64 rows are saved.
    RuntimeException stop = assertThrows(RuntimeException.class, () -> TeacherOutputs.of(teacher, texts, folder,
        m -> { if (m.startsWith("distill: teacher 64/300")) throw new IllegalStateException("stopped"); }, 32, 2));
    assertEquals("stopped", stop.getMessage());
    try (var files = java.nio.file.Files.list(folder)) {
      assertEquals(List.of(".partial"), files.map(f -> f.getFileName().toString().replaceAll("^teacher-[0-9a-f]+", ""))
          .toList(), "only the rows done so far are left");
    }
    List<String> messages = new ArrayList<>();
    TeacherOutputs.Outputs resumed = TeacherOutputs.of(teacher, texts, folder, messages::add, 32, 2);
    assertEquals(8, resumed.teacherBatches(), "the 236 texts after the 64 saved, in batches of 32");
    assertTrue(messages.get(0).contains("64 of 300 texts read from"), messages.get(0));
    TeacherOutputs.Outputs whole = TeacherOutputs.of(teacher, texts, tmp.resolve("whole-cache"), m -> {}, 32, 2);
    assertEquals(10, whole.teacherBatches());
    for (int i = 0; i < texts.size(); i++) {
      for (int c = 0; c < 2; c++) {
        assertEquals(whole.logProbs().get(i)[c], resumed.logProbs().get(i)[c], 1e-5, "text " + i);
      }
    }
    try (var files = java.nio.file.Files.list(folder)) {
      assertEquals(List.of(resumed.cacheFile()), files.toList(), "the partial file goes when the cache is written");
    }
  }

  @Test
  void theStudentIsAnOrdinaryClassifier() {
    try (TextClassifier clf = TextClassifier.load(distilled.student().model().path())) {
      assertEquals(List.of("neg", "pos"), clf.labels());
      assertEquals(TransformerConfig.micro(TOKENIZER.vocabulary().size()), distilled.student().model().config());
      ClassifierEvaluation.Scored scored = ClassifierEvaluation.evaluate("student", clf, dev);
      assertEquals(distilled.student().dev().accuracy(), scored.report().accuracy(), 1e-12);
      assertTrue(clf.info().provenance().model().startsWith("distilled from "), clf.info().provenance().model());
    }
    assertTrue(Files.isRegularFile(distilled.student().model().path().resolve("train-log.jsonl")));
  }

  @Test
  void anUnknownLabelIsRefusedWithItsLineBeforeAnyWork() {
    List<LabeledText> bad = new ArrayList<>(rows(4, 2, 9));
    bad.add(new LabeledText("good film", "meh", new Origin(Path.of("few.csv"), 7)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClassifierDistillation(m -> {}, TrainingProgress.silent())
            .run(request(bad, List.of(), studentConfig(2), tmp.resolve("bad"))));
    assertTrue(e.getMessage().startsWith("few.csv:7: unknown label 'meh'"), e.getMessage());
    assertTrue(!Files.exists(tmp.resolve("bad")));
  }

  @Test
  void anOccupiedOutIsRefusedBeforeTheWorkFolderIsWritten() throws java.io.IOException {
    Path occupied = Files.createDirectories(tmp.resolve("occupied"));
    Files.writeString(occupied.resolve("notes.txt"), "mine");
    ClassifierDistillation.Request r = request(rows(4, 2, 9), List.of(), studentConfig(2), occupied);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClassifierDistillation(m -> {}, TrainingProgress.silent()).run(new ClassifierDistillation.Request(
            r.teacher(), r.train(), r.dev(), r.unlabeled(), r.trainDescription(), r.trainSource(), r.devDescription(),
            r.unlabeledDescription(), r.columns(), r.student(), r.distillation(), r.config(), occupied, null, false,
            false)));
    assertTrue(e.getMessage().startsWith(occupied + " is not empty (notes.txt)"), e.getMessage());
    assertTrue(!Files.exists(tmp.resolve("occupied.distill")));
  }
}
