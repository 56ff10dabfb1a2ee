package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassifierDistillation;
import org.mlmsuite.classification.ClassifierTrainingData;
import org.mlmsuite.classification.TextAugmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mlm distill}: a fine-tuned teacher classifier trains a small student on its soft targets
 * over the training set, augmented copies of it and unlabeled text ({@link
 * ClassifierDistillation}). The student is a classifier directory like any other.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
    header = "Distil a fine-tuned classifier (e.g. BERT-Base) into a small fast student.",
    description = "A fine-tuned teacher classifier trains a small student (a micro/tiny/mini preset over the "
        + "teacher's vocabulary, or --student-backbone) on its temperature-softened outputs, mixed with "
        + "the hard labels, over the training set, Tang et al.'s augmented copies of it (words masked or "
        + "replaced by the teacher backbone's masked LM, n-grams kept) and --unlabeled text. The teacher "
        + "runs once per text; its outputs are cached in <out>.distill/. The student works with "
        + "'mlm classify eval/predict'.")
public final class DistillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClassifyCommand.ColumnOptions columns;
  @Mixin ClassifierTrainingOptions training;

  @Option(names = "--teacher", required = true, description = "Fine-tuned classifier directory (kind 'classifier').")
  Path teacher;

  @Option(names = "--train", required = true, description = "Training data: CSV/TSV file, or NAME[:SPLIT] (e.g. sst2, agnews).")
  String train;

  @Option(names = "--dev", description = "Dev data (file or NAME[:SPLIT]): scored during training; the best checkpoint is exported.")
  String dev;

  @Option(names = "--unlabeled", description = "More text for the teacher to label: one text per line (pair teachers: two tab-separated texts).")
  Path unlabeled;

  @Option(names = "--out", required = true, description = "Student classifier directory to write (also holds the resumable run).")
  Path out;

  @Option(names = "--student-preset", description = "Student size over the teacher's vocabulary, random init: micro, tiny or mini (default: tiny, unless --student-backbone).")
  String studentPreset;

  @Option(names = "--student-backbone", description = "Student backbone directory instead of a preset (e.g. a pretrained tiny backbone).")
  Path studentBackbone;

  @Option(names = "--temperature", defaultValue = "2", description = "Temperature T of the soft targets (default ${DEFAULT-VALUE}); the soft loss is scaled by T^2.")
  double temperature;

  @Option(names = "--alpha", defaultValue = "0.9", description = "Weight of the soft loss; 1 - alpha weights the hard labels (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--augment-copies", defaultValue = "20", description = "Augmented copies tried per training text (default ${DEFAULT-VALUE}; 0: none).")
  int augmentCopies;

  @Option(names = "--augment-with", defaultValue = "mask", description = "What replaces a word (p 0.1): mask ([MASK]) or mlm (a word from the masked LM's top 15) (default ${DEFAULT-VALUE}).")
  String augmentWith;

  @Option(names = "--augment-backbone", description = "Backbone with a masked-LM head for --augment-with mlm (default: the backbone the teacher was fine-tuned from).")
  Path augmentBackbone;

  @Override
  public Integer call() {
    CommandOutput.print(spec, new ClassifierDistillation(CommandOutput.progress(spec), TrainingProgress.toStderr())
        .run(request()).text());
    return 0;
  }

  ClassifierDistillation.Request request() {
    return ClassifierDistillation.Request.of(teacher, new ClassifierTrainingData(train, dev, 0, columns.options()),
        unlabeled, student(), settings(), training.config(), out, training.resume, training.overwrite);
  }

  ClassifierDistillation.Student student() {
    return studentBackbone == null && studentPreset == null ? ClassifierDistillation.Student.preset("tiny")
        : new ClassifierDistillation.Student(studentPreset, studentBackbone);
  }

  ClassifierDistillation.Settings settings() {
    TextAugmentation.Settings augmentation = TextAugmentation.Settings.defaults(training.seed)
        .withCopies(augmentCopies).withReplacement(TextAugmentation.Replacement.parse(augmentWith));
    return new ClassifierDistillation.Settings(temperature, alpha, augmentation, augmentBackbone);
  }
}
