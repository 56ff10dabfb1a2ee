package org.mlmsuite.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Which exceptions are the user's to fix (bad input, missing file) and so deserve one clear line
 * rather than a stack trace. Modules signal such errors with {@link IllegalArgumentException}
 * (or a subclass) and with the JDK's missing-file exceptions.
 */
final class UserError {
  private UserError() {}

  static Throwable find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException
          || t instanceof NoSuchFileException
          || t instanceof FileNotFoundException) {
        return t instanceof NoSuchFileException nsf ? new IllegalArgumentException("no such file: " + nsf.getFile()) : t;
      }
      if (t instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException nsf) {
        return new IllegalArgumentException("no such file: " + nsf.getFile());
      }
    }
    return null;
  }
}
