package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.text.WordPieceTrainer;
import org.mlmsuite.backbone.text.WordPieceTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlm tokenizer train}: learn a WordPiece vocabulary from raw text. */
@Command(name = "tokenizer", description = "Train a WordPiece vocabulary.",
    mixinStandardHelpOptions = true, subcommands = TokenizerCommand.Train.class)
public final class TokenizerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Learn a WordPiece vocabulary (Hugging Face's WordPiece trainer algorithm) and write vocab.txt.",
          "Special tokens [PAD] [UNK] [CLS] [SEP] [MASK] get ids 0..4."})
  static final class Train implements Callable<Integer> {
    @Option(names = "--corpus", required = true, arity = "1..*",
        description = "Text file, folder, or dataset name[:split] (e.g. pretrain-en, multi30k-en-de for both sides of its train split); repeatable.")
    List<String> corpus;

    @Option(names = "--vocab-size", required = true, description = "Vocabulary size, special tokens included.")
    int vocabSize;

    @Option(names = "--out", required = true, description = "Where to write vocab.txt.")
    Path out;

    @Option(names = "--min-frequency", defaultValue = "2", description = "Stop merging below this pair count (default ${DEFAULT-VALUE}).")
    int minFrequency;

    @Option(names = "--limit-alphabet", defaultValue = "1000", description = "Keep at most this many characters (default ${DEFAULT-VALUE}).")
    int limitAlphabet;

    @Option(names = "--cased", description = "Keep case and accents (BERT cased); default is uncased.")
    boolean cased;

    @Override
    public Integer call() throws Exception {
      WordPieceTraining.run(request(), System.err);
      return 0;
    }

    WordPieceTraining.Request request() {
      return new WordPieceTraining.Request(corpus, cased, new WordPieceTrainer.Options(vocabSize, minFrequency, limitAlphabet), out);
    }
  }
}
