package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.pretrain.Pretraining;
import org.mlmsuite.backbone.pretrain.PretrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.eval.report.LossCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlm pretrain}: masked-LM pretraining of a backbone. */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Pretrain a backbone with masked-LM on raw text and write it as a model folder.",
        "The folder also keeps checkpoints, the training log and loss curve; --resume continues a "
            + "killed run from its last checkpoint."})
final class PretrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--corpus", required = true, description = "Text file, folder of .txt files, or a dataset name: pretrain-en; "
      + "a task set gives the texts of its train split (multi30k-en-de both sides, sst2/agnews the texts, "
      + "dialogsum the dialogues; never labels or summaries); repeatable (e.g. a bilingual corpus).")
  List<String> corpus;

  @Option(names = "--vocab", description = "WordPiece vocab.txt (mlm tokenizer train); required unless --init-from.")
  Path vocab;

  @Option(names = "--cased", description = "Keep case and accents (use with a vocab trained with --cased); default is uncased.")
  boolean cased;

  @Option(names = "--init-from", description = "Continue pretraining this backbone (e.g. on in-domain text: --corpus sst2 "
      + "reads its train texts): its architecture, vocabulary, case handling and weights; new optimizer and schedule.")
  Path initFrom;

  @Option(names = "--ner", description = "Name-finder model (mlm ner train), needed by entity masking.")
  Path ner;

  @Option(names = "--masking", defaultValue = "random",
      description = "random, whole-word, span, entity, entity+<fill>, or mixture:random=0.5,span=0.3,entity=0.2 (default ${DEFAULT-VALUE}).")
  String masking;

  @Option(names = "--preset", defaultValue = "tiny", description = "micro, tiny (L2/H128) or mini (L4/H256) (default ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--steps", required = true, description = "Optimizer steps.")
  long steps;

  @Option(names = "--batch-size", defaultValue = "32", description = "Sequences per step (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--seq-length", defaultValue = "128", description = "Word pieces per sequence (default ${DEFAULT-VALUE}).")
  int seqLength;

  /** A pretrained backbone (BERT-Base above all) loses what it knows at a from-scratch rate. */
  static final double LR_FROM_SCRATCH = 5e-4;
  static final double LR_CONTINUED = 5e-5;

  @Option(names = "--lr", description = "Peak learning rate (default 5e-4 from scratch, 5e-5 with --init-from); 10%% warmup, linear decay, AdamW.")
  Double lr;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for initialisation, data order, masks and dropout (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--eval-every", defaultValue = "100", description = "Held-out evaluation every N steps; 0 only at the end (default ${DEFAULT-VALUE}).")
  int evalEvery;

  @Option(names = "--checkpoint-every", defaultValue = "100", description = "Checkpoint every N steps (default ${DEFAULT-VALUE}).")
  int checkpointEvery;

  @Option(names = "--held-out", defaultValue = "0.01", description = "Fraction of sequences held out for evaluation (default ${DEFAULT-VALUE}).")
  double heldOut;

  @Option(names = "--data-dir", description = "Data directory for dataset names (default: MLM_DATA_DIR, data/, ../shared/datasets).")
  Path dataDir;

  @Option(names = "--out", required = true, description = "Backbone folder to write.")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace a finished model of the same kind in --out (atomically: the old one stays until the new one is complete).")
  boolean overwrite;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    Pretraining.Result result = new Pretraining(m -> {
      err.println(m);
      err.flush();
    }, TrainingProgress.toStderr().afterEachCheckpoint(LossCurve::write)).run(config(), dataDir, out, resume, overwrite);
    LossCurve.write(out);
    spec.commandLine().getOut().println(result.describe());
    return 0;
  }

  /** The run the options ask for; the backbone-fixed options are refused with --init-from. */
  PretrainingConfig config() {
    var parsed = spec.commandLine().getParseResult();
    if (initFrom != null) {
      for (String fixed : List.of("--vocab", "--cased", "--preset")) {
        if (parsed.hasMatchedOption(fixed)) {
          throw new IllegalArgumentException(fixed + " comes from the --init-from backbone; leave it out");
        }
      }
    } else if (vocab == null) {
      throw new IllegalArgumentException("give --vocab (a WordPiece vocab.txt) or --init-from (a backbone to continue)");
    }
    return new PretrainingConfig(corpus, vocab == null ? null : vocab.toString(), cased,
        ner == null ? null : ner.toString(), masking, initFrom == null ? preset : null, steps, batchSize, seqLength,
        lr != null ? lr : initFrom != null ? LR_CONTINUED : LR_FROM_SCRATCH,
        seed, evalEvery > 0 ? evalEvery : (int) steps, checkpointEvery, heldOut,
        initFrom == null ? null : initFrom.toString());
  }
}
