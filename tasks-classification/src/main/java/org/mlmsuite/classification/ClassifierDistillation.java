package org.mlmsuite.classification;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.FineTuningRun;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.OutputFolder;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.backbone.train.LengthBucketedBatchSource;
import org.mlmsuite.backbone.train.RunInputs;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.eval.report.LossCurve;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Distils a fine-tuned teacher classifier into a small student (Hinton et al. 2015; Tang et al.
 * 2019): the student, a {@link ClassifierGraph} on a small backbone, learns the teacher's tempered
 * probabilities ({@link SoftTargetLoss}) on the training set, its augmented copies ({@link
 * TextAugmentation}) and any unlabeled text, plus the hard labels where there are some. The
 * teacher runs once per text ({@link TeacherOutputs}, cached); training is the one {@link
 * FineTuningRun} and {@link Trainer}, so the student is an ordinary classifier directory ({@link
 * TextClassifier#load}, {@code mlm classify eval/predict}).
 *
 * <p>Beside {@code --out}, the work folder {@code <out>.distill/} keeps the teacher's cached outputs
 * and the student backbone built from a preset.
 *
 * @param messages one line for each step worth telling
 * @param progress the training progress display
 */
public record ClassifierDistillation(Consumer<String> messages, TrainingProgress progress) {
  /** Training texts augmented per call: with 20 copies, 4,000 copies per batched fill-mask. */
  static final int AUGMENT_CHUNK = 200;

  /**
   * The student's starting point: a {@code preset} ({@code micro}, {@code tiny}, {@code mini})
   * initialised at random over the teacher's vocabulary, or a {@code backbone} folder (e.g. a
   * pretrained small backbone). Exactly one is given.
   */
  public record Student(String preset, Path backbone) {
    public Student {
      if ((preset == null) == (backbone == null)) {
        throw new IllegalArgumentException("give either --student-preset or --student-backbone");
      }
      if (preset != null && !TransformerConfig.PRESETS.contains(preset)) {
        throw new IllegalArgumentException("--student-preset: expected one of " + TransformerConfig.PRESETS
            + ", got '" + preset + "'");
      }
    }

    public static Student preset(String name) {
      return new Student(name, null);
    }
  }

  /**
   * The distillation's own settings.
   *
   * @param temperature T of the soft targets (Hinton's default range 1..20; 2 here)
   * @param alpha weight of the soft loss; 1 - alpha weights the hard labels' cross-entropy
   * @param augmentation how the training texts are augmented ({@code copies} 0: not at all)
   * @param maskedLm the backbone whose masked LM proposes replacements for {@code --augment-with
   *     mlm}; null: the backbone the teacher was fine-tuned from (its provenance)
   */
  public record Settings(double temperature, double alpha, TextAugmentation.Settings augmentation, Path maskedLm) {
    public Settings {
      if (!(temperature > 0)) {
        throw new IllegalArgumentException("--temperature must be > 0, got " + temperature);
      }
      if (!(alpha >= 0 && alpha <= 1)) {
        throw new IllegalArgumentException("--alpha must be in [0, 1], got " + alpha);
      }
    }

    /** T = 2, alpha = 0.9, Tang et al.'s augmentation with {@code [MASK]}, seeded. */
    public static Settings defaults(long seed) {
      return new Settings(2, 0.9, TextAugmentation.Settings.defaults(seed), null);
    }
  }

  /**
   * A distillation run. {@code train} must not be empty; {@code dev} and {@code unlabeled} (texts,
   * or for pair teachers {@code text<TAB>pair} lines already split by the caller) may be.
   * {@code workFolder} null means {@code <output>.distill}.
   */
  public record Request(
      Path teacher,
      List<LabeledText> train,
      List<LabeledText> dev,
      List<TeacherOutputs.Input> unlabeled,
      String trainDescription,
      String trainSource,
      String devDescription,
      String unlabeledDescription,
      TextColumns columns,
      Student student,
      Settings distillation,
      ClassifierTrainingConfig config,
      Path output,
      Path workFolder,
      boolean resume,
      boolean overwrite) {
    public Request {
      if (train.isEmpty()) {
        throw new IllegalArgumentException(trainDescription + ": no training examples");
      }
    }

    /**
     * Reads {@code data} (as {@code mlm classify train} does) and the {@code unlabeled} file (one
     * text per line, blank lines skipped; for a pair teacher two tab-separated texts; null: none)
     * into the run distilling {@code teacher} into {@code student} at {@code output}.
     */
    public static Request of(Path teacher, ClassifierTrainingData data, Path unlabeled, Student student,
        Settings distillation, ClassifierTrainingConfig config, Path output, boolean resume, boolean overwrite) {
      ClassifierTraining.Request read = data.request(teacher, config, output, resume, overwrite);
      boolean pairs = ModelDirectory.open(teacher, ClassifierInfo.KIND)
          .read(ClassifierInfo.FILE_NAME, ClassifierInfo.class).pairs();
      return new Request(teacher, read.train(), read.dev(),
          unlabeled == null ? List.of() : readUnlabeled(unlabeled, pairs), read.trainDescription(),
          read.trainSource(), read.devDescription(), unlabeled == null ? null : unlabeled.toString(),
          read.columns(), student, distillation, config, output, null, resume, overwrite);
    }

    public Path work() {
      return workFolder != null ? workFolder : output.resolveSibling(output.getFileName() + ".distill");
    }
  }

  /** One text per non-blank line; for pairs, two tab-separated texts (else one line naming file:line). */
  static List<TeacherOutputs.Input> readUnlabeled(Path file, boolean pairs) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text", e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
    List<TeacherOutputs.Input> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!pairs) {
        out.add(new TeacherOutputs.Input(line.strip(), null));
        continue;
      }
      String[] texts = line.split("\t", -1);
      if (texts.length != 2 || texts[0].isBlank() || texts[1].isBlank()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": the teacher classifies text pairs; expected "
            + "two tab-separated texts, got " + texts.length + " field(s)");
      }
      out.add(new TeacherOutputs.Input(texts[0].strip(), texts[1].strip()));
    }
    return out;
  }

  /** The student as trained, and the transfer set the teacher labeled. */
  public record Result(ClassifierTraining.Result student, int transferTexts, int augmentedTexts, int teacherBatches,
      Path teacherCache) {
    public String text() {
      return String.format(Locale.ROOT, "teacher: %d transfer texts (%d augmented), %s%n",
          transferTexts, augmentedTexts, teacherBatches == 0 ? "read from " + teacherCache
              : teacherBatches + " batches run, cached in " + teacherCache) + student.text();
    }
  }

  /** The settings a run records and a resumed run must repeat (steps and cadence excepted). */
  record Recipe(@JsonUnwrapped ClassifierTrainingConfig training, Settings distillation, Student student) {}

  /** The student's own part of its provenance. */
  public record Details(String teacher, String teacherCache, int transferTexts, int augmentedTexts,
      int unlabeledTexts, String unlabeled) {}

  public Result run(Request request) {
    ClassifierTrainingConfig cfg = request.config();
    Settings settings = request.distillation();
    ModelDirectory teacherDir = ModelDirectory.open(request.teacher(), ClassifierInfo.KIND);
    ClassifierInfo teacher = teacherDir.read(ClassifierInfo.FILE_NAME, ClassifierInfo.class);
    LabelSet labels = teacher.labelSet();
    if (teacher.pairs() != request.train().get(0).isPair()) {
      throw new IllegalArgumentException(request.trainDescription() + ": the teacher " + request.teacher()
          + (teacher.pairs() ? " classifies text pairs, the data has single texts" : " classifies single texts, the data has pairs"));
    }
    for (LabeledText t : request.train()) {
      labels.indexOf(t); // an unknown label names file:line before any work
    }
    // --out is checked before the work folder gets a student backbone or teacher outputs
    OutputFolder.claim(request.output(), ClassifierInfo.KIND, request.resume(), request.overwrite(), request.teacher());

    Path studentBackbone = studentBackbone(request, teacherDir.tokenizer());
    FineTuningRun run = FineTuningRun.open(studentBackbone, cfg.maxLength(), "--max-length", cfg.noPretraining(),
        "distill", messages, progress.afterEachCheckpoint(LossCurve::write));
    OutputFolder output = run.output(request.output(), ClassifierInfo.KIND, request.resume(), request.overwrite());

    // The transfer set: training rows (labeled), their augmented copies and the unlabeled texts (label -1).
    List<TeacherOutputs.Input> augmented = augment(request.train(), settings, teacher);
    List<TeacherOutputs.Input> transfer = new ArrayList<>();
    request.train().forEach(t -> transfer.add(new TeacherOutputs.Input(t.text(), t.textPair())));
    transfer.addAll(augmented);
    transfer.addAll(request.unlabeled());
    TeacherOutputs.Outputs teacherOutputs = TeacherOutputs.of(request.teacher(), transfer,
        request.work().resolve("teacher-outputs"), messages);

    ExampleEncoder encoder = new ExampleEncoder(run.tokenizer(), cfg.maxLength());
    ExampleEncoder.Encoded train = encoder.encodeAll(request.train(), labels);
    ExampleEncoder.Encoded dev = encoder.encodeAll(request.dev(), labels);
    List<EncodedExample> examples = new ArrayList<>(train.examples());
    for (int i = request.train().size(); i < transfer.size(); i++) {
      examples.add(encoder.encode(transfer.get(i).text(), transfer.get(i).textPair()));
    }
    Map<EncodedExample, float[]> teacherLogits = new IdentityHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      teacherLogits.put(examples.get(i), teacherOutputs.logProbs().get(i));
    }
    boolean hasDev = !dev.examples().isEmpty();
    EarlyStopping keepBest = FineTuningRun.keepBest(cfg.metric(), true, cfg.patience(), hasDev, "--dev");
    boolean backbonePooler = !cfg.noPretraining() && ClassifierTraining.backboneHasPooler(run.backbone());
    messages.accept(String.format(Locale.ROOT,
        "distill: %d labeled + %d augmented + %d unlabeled texts, %d dev; T %.3g, alpha %.3g; student %s (%s)",
        train.examples().size(), augmented.size(), request.unlabeled().size(), dev.examples().size(),
        settings.temperature(), settings.alpha(), studentBackbone, run.config().hiddenSize() + "H/"
            + run.config().numLayers() + "L"));

    Graphs graphs = new Graphs(run.config(), labels, settings, cfg, backbonePooler, run.padId(), teacherLogits,
        hasDev ? dev.documents() : null);
    Recipe recipe = new Recipe(cfg, settings, request.student());
    Map<String, String> data = Map.of(
        "train", RunInputs.fingerprint(request.trainDescription(), request.train(),
            e -> java.util.Arrays.asList(e.text(), e.textPair(), e.label())),
        "dev", !hasDev ? RunInputs.NONE : RunInputs.fingerprint(request.devDescription(), request.dev(),
            e -> java.util.Arrays.asList(e.text(), e.textPair(), e.label())),
        "transfer", "teacher outputs " + teacherOutputs.cacheFile().getFileName());
    FineTuningRun.Trained trained = run.train(
        FineTuningRun.trainingConfig(cfg.learningRate(), cfg.steps(), cfg.batchSize(), hasDev, cfg.evalEvery(),
            cfg.checkpointEvery(), cfg.seed()),
        output, data, recipe, graphs,
        new LengthBucketedBatchSource<>(examples, EncodedExample::length, cfg.batchSize(), cfg.windowBatches(),
            cfg.seed()), keepBest);

    Details details = new Details(request.teacher().toAbsolutePath().normalize().toString(),
        teacherOutputs.cacheFile().toString(), transfer.size(), augmented.size(), request.unlabeled().size(),
        request.unlabeledDescription());
    TrainingProvenance provenance = run.provenance(trained,
        new TrainingProvenance.Data("classification", "distilled from " + request.teacher(),
            request.trainDescription(), request.trainSource(), request.train().size(),
            hasDev ? request.devDescription() : null, request.dev().size(), train.truncated(), null),
        request.student().preset() != null ? "random initialisation (preset " + request.student().preset() + ")"
            : "loaded from the backbone", recipe, cfg.seed(), details);
    ClassifierInfo info = new ClassifierInfo(labels.labels(), cfg.maxLength(), teacher.pairs(),
        request.columns().text(), request.columns().textPair(), request.columns().label(), provenance);
    FineTuningRun.Exported<ClassificationReport> exported = run.export(trained, output, graphs,
        (session, g) -> hasDev ? ClassificationMetrics.evaluate(ClassifierTraining.gold(dev.documents(), labels),
            ClassifierTraining.predicted(new ProbabilityRunner(g.classifier(), run.padId(), FineTuningRun.DEV_BATCH_SIZE)
                .documentProbabilities(session, dev.documents(), LongTextStrategy.TRUNCATE), labels), labels.labels())
            : null,
        Map.of(ClassifierInfo.FILE_NAME, info));
    LossCurve.write(request.output());
    return new Result(new ClassifierTraining.Result(exported.model(), labels, trained.summary(),
        trained.chosen().step(), exported.scores(), train.truncated(), dev.truncated()),
        transfer.size(), augmented.size(), teacherOutputs.teacherBatches(), teacherOutputs.cacheFile());
  }

  /**
   * The student's backbone folder: the one given, or the preset written (once; reused by reruns
   * and resumed runs, since it is a pure function of preset, vocabulary and seed) into the work
   * folder with the teacher's vocabulary and tokenizer settings.
   */
  private Path studentBackbone(Request request, WordPieceTokenizer teacherTokenizer) {
    Student student = request.student();
    if (student.backbone() != null) {
      return student.backbone();
    }
    TransformerConfig config = TransformerConfig.preset(student.preset(), teacherTokenizer.vocabulary().size());
    Path dir = request.work().resolve("student-" + student.preset() + "-seed" + request.config().seed());
    if (Files.isRegularFile(dir.resolve(ModelDirectory.MANIFEST))
        && ModelDirectory.open(dir, UntrainedBackbone.KIND).config().equals(config)) {
      return dir;
    }
    messages.accept("distill: student backbone " + student.preset() + " over the teacher's "
        + teacherTokenizer.vocabulary().size() + "-piece vocabulary written to " + dir);
    UntrainedBackbone.write(dir, config, teacherTokenizer, request.config().seed(), Files.exists(dir));
    return dir;
  }

  /** Tang et al.'s copies of every training text (both texts of a pair, zipped), in order. */
  private List<TeacherOutputs.Input> augment(List<LabeledText> train, Settings settings, ClassifierInfo teacher) {
    TextAugmentation.Settings s = settings.augmentation();
    if (s.copies() == 0) {
      return List.of();
    }
    Backbone maskedLm = s.replacement() == TextAugmentation.Replacement.MLM ? Backbone.open(maskedLm(settings, teacher))
        : null;
    try {
      TextAugmentation augmentation = new TextAugmentation(s, maskedLm);
      List<TeacherOutputs.Input> out = new ArrayList<>();
      long start = System.nanoTime();
      // chunks of texts: each chunk's copies go through one batched fill-mask (the copies do not depend on the chunking)
      for (int from = 0; from < train.size(); from += AUGMENT_CHUNK) {
        List<LabeledText> chunk = train.subList(from, Math.min(train.size(), from + AUGMENT_CHUNK));
        List<List<String>> a = augmentation.copiesOf(chunk.stream().map(LabeledText::text).toList(), from);
        List<List<String>> b = chunk.get(0).isPair()
            ? augmentation.copiesOf(chunk.stream().map(LabeledText::textPair).toList(), (long) train.size() + from)
            : null;
        for (int i = 0; i < chunk.size(); i++) {
          int n = b == null ? a.get(i).size() : Math.min(a.get(i).size(), b.get(i).size());
          for (int k = 0; k < n; k++) {
            out.add(new TeacherOutputs.Input(a.get(i).get(k), b == null ? null : b.get(i).get(k)));
          }
        }
        int done = from + chunk.size();
        if (maskedLm != null && done % 1000 == 0) {
          double seconds = (System.nanoTime() - start) / 1e9;
          messages.accept(String.format(Locale.ROOT, "distill: augmented %d/%d texts, %.0f s, ETA %.0f s",
              done, train.size(), seconds, seconds / done * (train.size() - done)));
        }
      }
      return out;
    } finally {
      if (maskedLm != null) {
        maskedLm.close();
      }
    }
  }

  private static Path maskedLm(Settings settings, ClassifierInfo teacher) {
    if (settings.maskedLm() != null) {
      return settings.maskedLm();
    }
    String recorded = teacher.provenance().backbone();
    if (recorded == null || !Files.isDirectory(Path.of(recorded))) {
      throw new IllegalArgumentException("--augment-with mlm: the teacher's backbone " + recorded
          + " is not there; name a backbone with a masked-LM head with --augment-backbone");
    }
    return Path.of(recorded);
  }

  /** The student's training graph: a classifier whose loss is the {@link SoftTargetLoss} on its logits. */
  record StudentGraph(ClassifierGraph classifier, SoftTargetLoss distillation) {}

  /**
   * The student's graphs: {@link ClassifierGraph} with the {@link SoftTargetLoss} on top (the
   * teacher's outputs fed per row), warm-started from the student backbone's {@code bert.*}.
   */
  private record Graphs(TransformerConfig config, LabelSet labels, Settings settings, ClassifierTrainingConfig cfg,
      boolean backbonePooler, int padId, Map<EncodedExample, float[]> teacherLogits, List<EncodedDocument> dev)
      implements FineTuningRun.TaskGraphs<List<EncodedExample>, StudentGraph> {
    @Override
    public StudentGraph buildForTraining(Ops tf) {
      float[] ones = new float[labels.size()];
      java.util.Arrays.fill(ones, 1f);
      ClassifierGraph classifier = ClassifierGraph.build(tf, config, labels.size(), ones, cfg.seed());
      return new StudentGraph(classifier, SoftTargetLoss.build(tf, classifier.logits(), labels.size(),
          settings.temperature(), settings.alpha()));
    }

    @Override
    public TrainingObjective<List<EncodedExample>> objective(StudentGraph g) {
      ClassifierGraph classifier = g.classifier();
      TrainingObjective<List<EncodedExample>> objective = TrainingObjective.<List<EncodedExample>>of(
          g.distillation().loss(),
          FineTuningRun.trainable(classifier.parameters(),
              name -> ClassifierTraining.trains(name, cfg.freezeBackbone(), backbonePooler)),
          (batch, feeds) -> {
            BatchTensors.feedInputs(batch, classifier.inputs(), padId, feeds);
            feedTeacher(batch, g.distillation(), feeds);
            feeds.put(classifier.dropout().training(), TBool.scalarOf(true));
            return batch.size();
          })
          .withDropoutSeed(classifier.dropout().seed());
      if (dev == null) {
        return objective;
      }
      ProbabilityRunner runner = new ProbabilityRunner(classifier, padId, FineTuningRun.DEV_BATCH_SIZE);
      return objective.withEvaluator(
          session -> ClassifierTraining.devMetrics(runner.documentProbabilities(session, dev, LongTextStrategy.TRUNCATE),
              dev, labels));
    }

    /** [B, C] teacher outputs and [B] labels (-1 where a row has none). */
    private void feedTeacher(List<EncodedExample> batch, SoftTargetLoss loss, Feeds feeds) {
      int c = labels.size();
      float[] flat = new float[batch.size() * c];
      int[] rowLabels = new int[batch.size()];
      for (int i = 0; i < batch.size(); i++) {
        System.arraycopy(teacherLogits.get(batch.get(i)), 0, flat, i * c, c);
        rowLabels[i] = batch.get(i).label();
      }
      feeds.put(loss.teacherLogits(), TFloat32.tensorOf(Shape.of(batch.size(), c), DataBuffers.of(flat, true, false)));
      feeds.put(loss.labels(), TInt32.vectorOf(rowLabels));
    }

    @Override
    public WeightLoader warmStart(StudentGraph g, String backbonePrefix) {
      return WeightLoader.from(backbonePrefix).sameNames(ClassifierTraining.warmStartNames(parameterNames(g), backbonePooler));
    }

    @Override
    public StudentGraph buildForInference(Ops tf) {
      return new StudentGraph(ClassifierGraph.forInference(tf, config, labels.size()), null);
    }

    @Override
    public List<String> parameterNames(StudentGraph g) {
      return g.classifier().parameters().stream().map(Parameter::name).toList();
    }
  }
}
