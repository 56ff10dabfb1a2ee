package org.mlmsuite.backbone.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Work that a SIGINT/SIGTERM exit must not cut in half: a file write step (so the exit cleanup
 * cannot race it) and a TensorFlow session run (a JVM that exits while TensorFlow's threads still
 * compute can die in native code, SIGSEGV and an {@code hs_err} file, instead of exiting 130/143).
 * The exit waits for work in progress (up to {@value #EXIT_WAIT_SECONDS} s), and work that comes
 * later never starts: its thread waits for the JVM to halt.
 */
public final class ExitGate {
  private ExitGate() {}

  // Held shared by the work, and for good by the exit once it starts.
  private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock();
  private static final long EXIT_WAIT_SECONDS = 20;
  private static final Object HOOK = new Object();
  private static final Object CLOSE = new Object();
  private static boolean hookInstalled;
  private static boolean closed;

  /** A step of work; {@code E} is what it may throw (IOException for file steps, none for a session run). */
  public interface Step<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code step} inside the gate. For a short file step (create a temp file, rename it, save a
   * checkpoint): the exit cleanup of {@link AtomicFiles} waits for it, and once that cleanup has
   * begun the step never starts, so it cannot recreate a path the cleanup has just removed.
   */
  public static <T, E extends Exception> T pass(Step<T, E> step) throws E {
    installHook();
    GATE.readLock().lock();
    try {
      return step.run();
    } finally {
      GATE.readLock().unlock();
    }
  }

  /** Runs a TensorFlow session run inside the gate. */
  public static Result run(Session.Runner runner) {
    return pass(runner::run);
  }

  /** Restores {@code session}'s variables from the checkpoint at {@code prefix} inside the gate. */
  public static void restore(Session session, String prefix) {
    pass(() -> {
      session.restore(prefix);
      return null;
    });
  }

  /** Runs {@code session}'s variable initialisers inside the gate. */
  public static void initialize(Session session) {
    pass(() -> {
      session.initialize();
      return null;
    });
  }

  /**
   * Called first by a shutdown hook: waits for the work in progress and keeps any more from
   * starting (the gate is never opened again).
   */
  static void closeForExit() {
    synchronized (CLOSE) { // the hooks run at once: the first closes the gate, the others wait for it
      if (closed) {
        return;
      }
      closed = true;
      try {
        GATE.writeLock().tryLock(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void installHook() {
    synchronized (HOOK) {
      if (!hookInstalled) {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitGate::closeForExit, "mlm-exit-gate"));
        hookInstalled = true;
      }
    }
  }
}
