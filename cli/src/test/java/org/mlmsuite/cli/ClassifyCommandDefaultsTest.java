package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.classification.ClassifierEvaluation;
import org.mlmsuite.classification.ClassifierPredictions;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.ClassifierTrainingData;
import picocli.CommandLine;

/** The flags' defaults of {@code mlm classify} are the library's: a Java caller gets what the command does. */
class ClassifyCommandDefaultsTest {
  @Test
  void trainDefaultsAreTheLibrarys() {
    ClassifyCommand.Train train = new ClassifyCommand.Train();
    new CommandLine(train).parseArgs("--backbone", "bb", "--train", "sst2", "--out", "clf");
    assertEquals(ClassifierTrainingConfig.defaults(), train.config());
    assertEquals(ClassifierTrainingData.of("sst2"), train.data());
  }

  @Test
  void evalDefaultsAreTheLibrarys() {
    ClassifyCommand.Eval eval = new ClassifyCommand.Eval();
    new CommandLine(eval).parseArgs("--model", "clf", "--test", "sst2:dev");
    assertEquals(ClassifierEvaluation.Request.of(Path.of("clf"), "sst2:dev"), eval.request(List.of()));
  }

  @Test
  void predictDefaultsAreTheLibrarys() {
    ClassifyCommand.Predict predict = new ClassifyCommand.Predict();
    new CommandLine(predict).parseArgs("--model", "clf");
    assertEquals(ClassifierPredictions.Columns.defaults(), predict.columns());
  }
}
