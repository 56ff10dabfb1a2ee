package org.mlmsuite.datasets;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream of records read lazily from files; close it (try-with-resources) to release them.
 * Only the current record is in memory, so a 10 GB file streams fine.
 *
 * <pre>{@code
 * try (RecordReader<LabeledText> rows = DatasetCatalog.get("sst2").labeledText(dataDir, "dev")) {
 *   for (LabeledText row : rows) { ... }
 * }
 * }</pre>
 *
 * <p>Bad records either throw {@link BadRecordException} or, under {@link BadRowPolicy#SKIP}, are
 * counted in {@link #skippedRows()} with their first reasons kept in {@link #skipReasons()}.
 */
public interface RecordReader<T> extends Iterator<T>, Iterable<T>, AutoCloseable {
  /** How many reasons {@link #skipReasons()} keeps. */
  int KEPT_SKIP_REASONS = 10;

  /** The policy this reader applies to bad records. */
  BadRowPolicy policy();

  /** Records skipped so far under {@link BadRowPolicy#SKIP} (always 0 under FAIL). */
  long skippedRows();

  /** The first {@value #KEPT_SKIP_REASONS} skip reasons, each {@code file:line: reason}. */
  List<String> skipReasons();

  /**
   * A report of the skipped records for logs and run reports: empty when none were skipped, else
   * {@code skipped N bad record(s)} and the first reasons, one per line.
   */
  default String skipReport() {
    if (skippedRows() == 0) {
      return "";
    }
    StringBuilder report = new StringBuilder("skipped " + skippedRows() + " bad record(s)");
    List<String> reasons = skipReasons();
    report.append(reasons.size() < skippedRows() ? "; the first " + reasons.size() + ":" : ":");
    reasons.forEach(r -> report.append("\n  ").append(r));
    return report.toString();
  }

  /**
   * Closes the underlying files; never throws a checked exception. A reader that skipped records
   * also logs its {@link #skipReport()} as a warning, so skips are never silent.
   */
  @Override
  void close();

  /** This reader, to allow {@code for (T t : reader)}; it can be iterated once. */
  @Override
  default Iterator<T> iterator() {
    return this;
  }

  /** The remaining records as a sequential stream; closing the stream closes this reader. */
  default Stream<T> stream() {
    Spliterator<T> split = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(split, false).onClose(this::close);
  }

  /** Reads all remaining records into a list (for small sets such as dev splits). */
  default List<T> readAll() {
    List<T> all = new ArrayList<>();
    forEachRemaining(all::add);
    return all;
  }

  /** Counts the remaining records. */
  default long count() {
    long n = 0;
    for (; hasNext(); next()) {
      n++;
    }
    return n;
  }

  /**
   * A reader of {@code mapper(record)}. A skippable {@link BadRecordException} thrown by the
   * mapper is handled by this reader's policy like any other bad record. Closing the result
   * closes this reader.
   */
  default <R> RecordReader<R> map(Function<? super T, ? extends R> mapper) {
    return new MappedRecordReader<>(this, mapper);
  }
}
