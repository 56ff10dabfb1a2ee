package org.mlmsuite.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.Column;
import org.mlmsuite.datasets.DelimitedFormat;
import org.mlmsuite.datasets.DelimitedReader;
import org.mlmsuite.datasets.DelimitedRow;

/**
 * A classifier's predictions written out, as {@code mlm classify predict} writes them: for lines
 * of text ({@link #writeLines}) and for the rows of a CSV/TSV file ({@link #writeFile}). Both
 * classify in batches and stream, so the input may be larger than memory.
 */
public final class ClassifierPredictions {
  private static final int BATCH = 64;
  private static final String PREDICTED_LABEL = "predicted_label";

  private ClassifierPredictions() {}

  /**
   * Where the text is in a CSV/TSV input.
   *
   * @param text the text column (null: the model's training column, else {@code text}, or {@code 0}
   *     without a header)
   * @param textPair the second text column of a pair model (null: the model's)
   * @param header whether the first row is a header
   */
  public record Columns(String text, String textPair, boolean header) {
    public static Columns defaults() {
      return new Columns(null, null, true);
    }
  }

  /**
   * Reads one text per line (for a pair model, two tab-separated texts) and writes a header line
   * {@code label<TAB>p(label1)<TAB>...}, then {@code label<TAB>p1<TAB>...} per input line. An empty
   * or malformed line is an error naming {@code inputName:line}.
   */
  public static void writeLines(TextClassifier classifier, BufferedReader in, String inputName, PrintWriter out)
      throws IOException {
    out.println("label\t" + String.join("\t", classifier.labels().stream().map(l -> "p(" + l + ")").toList()));
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    long lineNo = 0;
    for (String line; (line = in.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) {
        throw new IllegalArgumentException(inputName + ":" + lineNo + ": empty text");
      }
      if (classifier.pairs()) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          throw new IllegalArgumentException(inputName + ":" + lineNo
              + ": the model classifies text pairs; expected two non-empty tab-separated texts");
        }
        a.add(parts[0]);
        b.add(parts[1]);
      } else {
        a.add(line);
      }
      if (a.size() == BATCH) {
        writeLineBatch(classifier, a, b, out);
      }
    }
    writeLineBatch(classifier, a, b, out);
  }

  private static void writeLineBatch(TextClassifier classifier, List<String> a, List<String> b, PrintWriter out) {
    if (a.isEmpty()) {
      return;
    }
    for (Prediction p : predict(classifier, a, classifier.pairs() ? b : null)) {
      StringBuilder sb = new StringBuilder(p.label());
      p.probabilities().values().forEach(v -> sb.append('\t').append(probability(v)));
      out.println(sb);
    }
    out.flush();
    a.clear();
    b.clear();
  }

  /**
   * Writes {@code output} (TSV if its name ends in {@code .tsv}, else CSV) with every input row's
   * fields followed by {@code predicted_label} and a {@code p:<label>} column per label. The file
   * appears only when complete; on an error an earlier {@code output} is left as it was. An input
   * that already has one of those columns is refused before any prediction.
   */
  public static void writeFile(TextClassifier classifier, Path input, Path output, Columns columns)
      throws IOException {
    ClassifierInfo info = classifier.info();
    Column text = Column.parse(columns.text() != null ? columns.text()
        : info.textColumn() != null ? info.textColumn() : columns.header() ? "text" : "0");
    String pairName = columns.textPair() != null ? columns.textPair() : info.textPairColumn();
    if (classifier.pairs() && pairName == null) {
      throw new IllegalArgumentException("the model classifies text pairs: give --text-column-b");
    }
    Column pair = classifier.pairs() ? Column.parse(pairName) : null;
    char delimiter = output.getFileName().toString().endsWith(".tsv") ? '\t' : ',';
    AtomicFiles.writeText(output, w -> writeRows(classifier, input, columns.header(), text, pair, new RowWriter(w, delimiter)));
  }

  /** Streams the input rows with the predicted label and each class's probability appended. */
  private static void writeRows(TextClassifier classifier, Path input, boolean header, Column text, Column pair,
      RowWriter out) throws IOException {
    try (DelimitedReader reader = DelimitedReader.open(input, DelimitedFormat.forFile(input).withHeader(header),
        BadRowPolicy.FAIL)) {
      reader.requireColumns(pair == null ? List.of(text) : List.of(text, pair));
      List<String> added = new ArrayList<>(List.of(PREDICTED_LABEL));
      classifier.labels().forEach(l -> added.add("p:" + l));
      boolean wroteHeader = false;
      if (header) {
        // written before any row, so a header-only input still gives a header-only output
        refuseAddedColumns(input, reader.header(), added);
        out.write(concat(reader.header(), added));
        wroteHeader = true;
      }
      List<DelimitedRow> rows = new ArrayList<>();
      while (reader.hasNext()) {
        DelimitedRow row = reader.next();
        if (!wroteHeader) {
          List<String> numbered = new ArrayList<>();
          for (int i = 0; i < row.fields().size(); i++) {
            numbered.add("column" + i);
          }
          out.write(concat(numbered, added));
          wroteHeader = true;
        }
        rows.add(row);
        if (rows.size() == BATCH) {
          writeRowBatch(classifier, rows, text, pair, out);
        }
      }
      writeRowBatch(classifier, rows, text, pair, out);
    }
  }

  private static void refuseAddedColumns(Path input, List<String> header, List<String> added) {
    for (String column : header) {
      if (added.contains(column)) {
        throw new IllegalArgumentException(input + ": already has a column '" + column
            + "', which the predictions would add again; remove it or rename it");
      }
    }
  }

  private static void writeRowBatch(TextClassifier classifier, List<DelimitedRow> rows, Column text, Column pair,
      RowWriter out) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    List<Prediction> predictions = predict(classifier, rows.stream().map(r -> r.getNonBlank(text)).toList(),
        pair == null ? null : rows.stream().map(r -> r.getNonBlank(pair)).toList());
    for (int i = 0; i < rows.size(); i++) {
      List<String> fields = new ArrayList<>(rows.get(i).fields());
      fields.add(predictions.get(i).label());
      predictions.get(i).probabilities().values().forEach(v -> fields.add(probability(v)));
      out.write(fields);
    }
    rows.clear();
  }

  /** Pairs when {@code textPairs} is given, else single texts. */
  private static List<Prediction> predict(TextClassifier classifier, List<String> texts, List<String> textPairs) {
    return textPairs == null ? classifier.predictBatch(texts) : classifier.predictPairs(texts, textPairs);
  }

  private static String probability(double p) {
    return String.format(Locale.ROOT, "%.6f", p);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * One delimited row per call, through Commons CSV with its minimal quoting: a field with the
   * delimiter, a quote or a line break is quoted, and so is one that starts with a space, '!' or
   * '#', ends in a space, or is empty at the start of a row. Rows end in the platform's line separator.
   */
  private record RowWriter(CSVPrinter printer) {
    RowWriter(Writer w, char delimiter) throws IOException {
      this(new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
          .setRecordSeparator("\r\n".equals(System.lineSeparator()) ? "\r\n" : "\n").get()));
    }

    void write(List<String> fields) throws IOException {
      printer.printRecord(fields);
    }
  }
}
