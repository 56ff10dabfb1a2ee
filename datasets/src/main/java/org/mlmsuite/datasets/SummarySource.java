package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Summary examples from a catalog dataset ({@code dialogsum}) or from the user's JSON lines or
 * CSV/TSV file.
 */
public final class SummarySource extends CatalogOrFileSource<SummaryExample> {
  private SummarySource(String dataset, String split) {
    super(dataset, split, DatasetKind.SUMMARIZATION);
  }

  private SummarySource(FileOpener<SummaryExample> files, String description) {
    super(files, description);
  }

  public static SummarySource dataset(String name, String split) {
    return new SummarySource(name, split);
  }

  /** A JSON-lines file. */
  public static SummarySource jsonLinesFile(Path file, SummaryFields fields) {
    return new SummarySource(policy -> SummaryExampleReader.open(file, fields, policy), file + " " + fields);
  }

  /** A delimited file; {@code id} may be null (the origin then serves as id). */
  public static SummarySource delimitedFile(Path file, DelimitedFormat format, Column id, Column document,
      List<Column> references) {
    List<Column> refs = List.copyOf(references);
    return new SummarySource(policy -> {
      DelimitedReader rows = DelimitedReader.open(file, format, policy);
      List<Column> all = new ArrayList<>(refs);
      all.add(document);
      if (id != null) {
        all.add(id);
      }
      try {
        rows.requireColumns(all);
      } catch (RuntimeException e) {
        rows.close();
        throw e;
      }
      return rows.map(row -> new SummaryExample(id == null ? row.origin().toString() : row.getNonBlank(id),
          row.getNonBlank(document), refs.stream().map(row::getNonBlank).toList(), row.origin()));
    }, file + " (document " + document + ", references " + refs + ")");
  }

  /**
   * From command-line options. An existing {@code .jsonl}/{@code .json} file is read by fields,
   * any other existing file as CSV/TSV by columns (with a header). Defaults: no id, document
   * {@code document}, one reference {@code summary}. Else {@code dataOrFile} is a catalog name
   * and {@code split} is required.
   */
  public static SummarySource of(String dataOrFile, String split, String idField, String documentField,
      List<String> referenceFields) {
    Path path = Path.of(dataOrFile);
    boolean fieldsGiven = idField != null || documentField != null || (referenceFields != null && !referenceFields.isEmpty());
    if (Files.isRegularFile(path)) {
      String document = documentField != null ? documentField : "document";
      List<String> references = referenceFields != null && !referenceFields.isEmpty() ? referenceFields : List.of("summary");
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.matches(".*\\.jsonl?(\\.gz)?")) {
        return jsonLinesFile(path, new SummaryFields(idField, document, references));
      }
      return delimitedFile(path, DelimitedFormat.forFile(path), idField == null ? null : Column.parse(idField),
          Column.parse(document), references.stream().map(Column::parse).toList());
    }
    requireCatalogChoice(dataOrFile, split, DatasetKind.SUMMARIZATION, fieldsGiven);
    return dataset(dataOrFile, split);
  }

  @Override
  RecordReader<SummaryExample> openSplit(Dataset dataset, DataDirectory dir, String split, BadRowPolicy policy)
      throws IOException {
    return dataset.summaries(dir, split, policy);
  }
}
