package org.mlmsuite.eval.report;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code loss-curve.svg} beside a training run's {@code train-log.jsonl}: the loss panel of its
 * training curves (training loss and any dev or held-out loss, on one axis), drawn by {@link
 * LineChart} as a file of its own, with the chart styles inlined.
 */
public final class LossCurve {
  public static final String FILE_NAME = "loss-curve.svg";
  /** The log the training loop writes into its output folder. */
  public static final String LOG_FILE = "train-log.jsonl";

  private LossCurve() {}

  /** Draws {@code runDirectory}/train-log.jsonl into {@code runDirectory}/loss-curve.svg. */
  public static Path write(Path runDirectory) {
    Path file = runDirectory.resolve(FILE_NAME);
    AtomicFileWriter.write(file, render(TrainingLog.read(runDirectory.resolve(LOG_FILE))));
    return file;
  }

  static String render(TrainingLog log) {
    List<CurvesSection.Series> losses = log.fields().stream()
        .filter(field -> field.toLowerCase().contains("loss"))
        .map(log::series)
        .toList();
    String chart = LineChart.render("Training loss", TrainingLog.STEP, "loss", losses);
    int afterOpeningTag = chart.indexOf('\n') + 1;
    return chart.substring(0, afterOpeningTag)
        + "<style>\nsvg { font-family: sans-serif; background: #fff; }\n" + ChartStyle.VARIABLES + ChartStyle.CHARTS + "</style>\n"
        + chart.substring(afterOpeningTag);
  }
}
