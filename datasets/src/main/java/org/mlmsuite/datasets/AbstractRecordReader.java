package org.mlmsuite.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Look-ahead, skip counting and close handling shared by every reader. */
abstract class AbstractRecordReader<T> implements RecordReader<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RecordReader.class);

  private final BadRowPolicy policy;
  private final List<String> skipReasons = new ArrayList<>();
  private long skipped;
  private T next;
  private boolean finished;
  private boolean closed;

  AbstractRecordReader(BadRowPolicy policy) {
    this.policy = policy;
  }

  /** The next record, or null at the end of input. Throws {@link BadRecordException} for bad ones. */
  abstract T readRecord() throws IOException;

  /** Releases the files. */
  abstract void closeInput() throws IOException;

  @Override
  public final boolean hasNext() {
    while (next == null && !finished) {
      try {
        next = readRecord();
        finished = next == null;
      } catch (BadRecordException e) {
        if (policy != BadRowPolicy.SKIP || !e.skippable()) {
          throw e;
        }
        recordSkip(e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T t = next;
    next = null;
    return t;
  }

  final void recordSkip(String reason) {
    skipped++;
    if (skipReasons.size() < KEPT_SKIP_REASONS) {
      skipReasons.add(reason);
    }
  }

  @Override
  public final BadRowPolicy policy() {
    return policy;
  }

  @Override
  public long skippedRows() {
    return skipped;
  }

  @Override
  public List<String> skipReasons() {
    return Collections.unmodifiableList(skipReasons);
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    if (skipped > 0) {
      // Only this reader's own skips: a mapped reader's source logs its own when closed below.
      LOG.warn("skipped {} bad record(s); first: {}", skipped, String.join(" | ", skipReasons));
    }
    try {
      closeInput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
