package org.mlmsuite.bench;

/**
 * Runs one {@code mlm} command line and returns its exit code (2: a user error, already printed in
 * one line). The CLI passes its entry point; stages not yet run through the libraries use it.
 */
@FunctionalInterface
public interface CommandRunner {
  int run(String... args);
}
