package org.mlmsuite.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The newcomer's first command: every stage of the suite at demo size, from the dataset mirror
 * alone, each stage an ordinary {@code mlm} command (printed, so it can be rerun by hand) cached
 * under the work directory.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs the suite at demo size on the dataset mirror: vocabulary, NER model, a tiny backbone",
        "pretrained with entity masking, fill-mask, SST-2 fine-tuning and evaluation beside a",
        "baseline, and library-API predictions.",
        "Stages are cached by a hash of their command, so a second run reuses what is built.",
        "Models are demo-sized: the numbers show the pipeline works, not what the architecture",
        "can reach (see docs/benchmarks.md)."})
final class DemoCommand implements Callable<Integer> {
  private static final List<String> FILL_MASK_EXAMPLES = List.of(
      "The president gave a [MASK] to the congress.",
      "She walked into the [MASK] and sat down.");
  private static final List<String> SENTIMENT_EXAMPLES = List.of(
      "a gorgeous , witty and deeply moving film",
      "the plot is dull and the acting is worse",
      "not bad at all");

  @Spec CommandSpec spec;

  @Option(names = "--work-dir", defaultValue = "runs/demo", description = "Where stages are built and cached (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--pretrain-steps", defaultValue = "300", description = "Pretraining steps of the tiny backbone (default ${DEFAULT-VALUE}).")
  int pretrainSteps;


  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    DemoStages stages = new DemoStages(workDir.toAbsolutePath(), 9, out);

    Path vocab = stages.run("vocab", "WordPiece vocabulary, 8k tokens, trained on pretrain-en",
        List.of("tokenizer", "train", "--corpus", "pretrain-en", "--vocab-size", "8000", "--out", "{out}/vocab.txt"))
        .resolve("vocab.txt");
    Path ner = stages.run("ner", "English name finder trained on CoNLL-2003 (for entity masking)",
        List.of("ner", "train", "--conll", "conll2003", "--out", "{out}/ner-en.bin")).resolve("ner-en.bin");
    Path backbone = stages.run("backbone", "pretrain a tiny backbone (L2/H128) on pretrain-en with entity masking",
        List.of("pretrain", "--corpus", "pretrain-en", "--vocab", vocab.toString(), "--ner", ner.toString(),
            "--masking", "entity", "--preset", "tiny", "--steps", String.valueOf(pretrainSteps), "--lr", "1e-3",
            "--seq-length", "128", "--batch-size", "32", "--eval-every", "100", "--checkpoint-every", "100",
            "--out", "{out}/model")).resolve("model");
    List<String> fillMask = new ArrayList<>(List.of("fill-mask", "--model", backbone.toString(), "--top-k", "5"));
    fillMask.addAll(FILL_MASK_EXAMPLES);
    stages.show("fill-mask with the demo backbone", fillMask);

    Path untrained = stages.run("untrained", "the same tiny backbone without pretraining (random weights)",
        List.of("backbone", "init", "--vocab", vocab.toString(), "--preset", "tiny", "--out", "{out}/model"))
        .resolve("model");
    Path classifier = fineTuneSst2(stages, "sst2", "fine-tune the pretrained backbone on 4,000 SST-2 sentences", backbone);
    Path baseline = fineTuneSst2(stages, "sst2-nopretrain", "fine-tune the untrained backbone the same way", untrained);
    Path classificationReport = stages.run("sst2-eval",
        "evaluate on SST-2 dev beside no pretraining and the OpenNLP doccat baseline",
        List.of("classify", "eval", "--model", classifier.toString(), "--test", "sst2:dev", "--baseline", "doccat",
            "--baseline-model", baseline.toString(), "--report", "{out}/report")).resolve("report");
    stages.announce("classify a few sentences with the library API (TextClassifier)");
    showPredictions(out, "pretrained", classifier);
    showPredictions(out, "no pretraining", baseline);

    out.printf("%nDemo finished in %.0f s. Everything it built is under %s%n", (System.nanoTime() - start) / 1e9,
        workDir.toAbsolutePath());
    out.println("Reports (open the .html in a browser):");
    out.println("  classification: " + classificationReport.resolve("report.html"));
    out.println("  fine-tuning curves: " + classifier.resolve("loss-curve.svg"));
    out.println("  pretraining curves: " + backbone.resolve("loss-curve.svg"));
    out.printf("What the numbers mean: the backbone saw %,d sequences of up to 128 tokens in a few minutes,%n",
        pretrainSteps * 32L);
    out.println("which is only the start of masked-LM training: fill-mask answers are still the most frequent");
    out.println("words, and fine-tuning from it is not yet better than from random weights (both rows are in");
    out.println("the report), while the OpenNLP bag-of-words baseline is stronger than both. The published");
    out.println("BERT-Tiny reaches 83.2 on SST-2 after pretraining on billions of tokens. Measured longer");
    out.println("runs: docs/benchmarks.md.");
    out.println("Rerun './mlm demo' to reuse every stage.");
    out.flush();
    return 0;
  }

  private static Path fineTuneSst2(DemoStages stages, String name, String what, Path backbone) {
    return stages.run(name, what,
        List.of("classify", "train", "--backbone", backbone.toString(), "--train", "sst2", "--dev", "sst2:dev",
            "--max-train-examples", "4000", "--steps", "400", "--batch-size", "32", "--max-length", "64", "--lr", "3e-4",
            "--eval-every", "50", "--out", "{out}/model")).resolve("model");
  }

  private static void showPredictions(PrintWriter out, String which, Path classifierDir) {
    try (TextClassifier classifier = TextClassifier.load(classifierDir)) {
      for (String text : SENTIMENT_EXAMPLES) {
        Prediction p = classifier.predict(text);
        out.printf("  %-15s %-45s -> %s (p=%.2f)%n", which, '"' + text + '"', p.label(), p.confidence());
      }
    }
    out.flush();
  }

}
