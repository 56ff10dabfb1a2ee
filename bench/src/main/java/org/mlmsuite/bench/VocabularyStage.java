package org.mlmsuite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.text.WordPieceTrainer;
import org.mlmsuite.backbone.text.WordPieceTraining;

/** A WordPiece vocabulary ({@code mlm tokenizer train}), written as {@code out} in the stage folder. */
public record VocabularyStage(List<String> corpus, int vocabSize, boolean cased, String out) implements Stage {
  public VocabularyStage {
    corpus = List.copyOf(corpus);
  }

  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("tokenizer", "train"));
    corpus.forEach(c -> args.addAll(List.of("--corpus", c)));
    args.addAll(List.of("--vocab-size", String.valueOf(vocabSize)));
    if (cased) {
      args.add("--cased");
    }
    args.addAll(Stage.out(out));
    return args;
  }

  public WordPieceTraining.Request request(Path dir) {
    return new WordPieceTraining.Request(corpus, cased, WordPieceTrainer.Options.withVocabSize(vocabSize), dir.resolve(out));
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new VocabularyStage(corpus.stream().map(paths).toList(), vocabSize, cased, out);
  }

  @Override
  public void run(Path dir, boolean resume) throws IOException {
    WordPieceTraining.run(request(dir), System.err);
  }
}
