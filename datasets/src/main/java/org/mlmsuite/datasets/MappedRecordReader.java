package org.mlmsuite.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@link RecordReader#map}: skips of the source and of the mapper add up. */
final class MappedRecordReader<S, T> extends AbstractRecordReader<T> {
  private final RecordReader<S> source;
  private final Function<? super S, ? extends T> mapper;

  MappedRecordReader(RecordReader<S> source, Function<? super S, ? extends T> mapper) {
    super(source.policy());
    this.source = source;
    this.mapper = mapper;
  }

  @Override
  T readRecord() {
    return source.hasNext() ? mapper.apply(source.next()) : null;
  }

  @Override
  public long skippedRows() {
    return source.skippedRows() + super.skippedRows();
  }

  @Override
  public List<String> skipReasons() {
    List<String> all = new ArrayList<>(source.skipReasons());
    all.addAll(super.skipReasons());
    return all.size() > KEPT_SKIP_REASONS ? List.copyOf(all.subList(0, KEPT_SKIP_REASONS)) : List.copyOf(all);
  }

  @Override
  void closeInput() {
    source.close();
  }
}
