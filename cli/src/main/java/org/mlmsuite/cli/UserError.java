package org.mlmsuite.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which exceptions are the user's to fix and so deserve one clear line rather than a stack trace:
 * bad input, signalled by the modules with {@link IllegalArgumentException} (or a subclass), and
 * I/O failures (a missing, unreadable or unwritable path, a folder where a file belongs, a full
 * disk), which the JDK signals with {@link IOException}s, often wrapped in {@link
 * UncheckedIOException}s that add what was being done.
 */
final class UserError {
  private UserError() {}

  /** The one-line message for {@code e}, or null when it is a bug (and deserves its stack trace). */
  static String message(Throwable e) {
    List<String> context = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof FileNotFoundException) {
        return t.getMessage();
      }
      if (t instanceof IOException io) {
        dropRepeatedCause(context, io);
        context.add(withoutRepeatedPath(context, describe(io)));
        return String.join(": ", context);
      }
      if (t instanceof UncheckedIOException u && !isDefaultMessage(u)) {
        context.add(u.getMessage()); // what was being done, e.g. "cannot write training output in out"
      }
    }
    return null;
  }

  // A wrapper's message often ends in its cause's bare message (a path): said once, by describe.
  private static void dropRepeatedCause(List<String> context, IOException cause) {
    String suffix = ": " + cause.getMessage();
    int last = context.size() - 1;
    if (last >= 0 && cause.getMessage() != null && context.get(last).endsWith(suffix)) {
      String c = context.get(last);
      context.set(last, c.substring(0, c.length() - suffix.length()));
    }
  }

  // "cannot prepare output directory out: out: exists ..." names the path twice; once is enough.
  private static String withoutRepeatedPath(List<String> context, String description) {
    if (context.isEmpty()) {
      return description;
    }
    String last = context.get(context.size() - 1);
    int colon = description.indexOf(": ");
    return colon > 0 && last.endsWith(description.substring(0, colon)) ? description.substring(colon + 2) : description;
  }

  /** The path and the cause: {@code out.csv: No space left on device}. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException nsf) {
      return "no such file: " + nsf.getFile();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
      boolean folder = java.nio.file.Files.isDirectory(java.nio.file.Path.of(exists.getFile()));
      return exists.getFile() + (folder ? ": already exists" : ": exists and is not a directory");
    }
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      String reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  // new UncheckedIOException(cause) repeats the cause's toString(), which says nothing more
  private static boolean isDefaultMessage(UncheckedIOException u) {
    return u.getMessage() == null || u.getMessage().equals(u.getCause().toString());
  }
}
