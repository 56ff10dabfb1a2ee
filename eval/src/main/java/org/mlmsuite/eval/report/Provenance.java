package org.mlmsuite.eval.report;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a result was produced: the exact command, data, model configuration, seed, timings, and the
 * software and hardware it ran on. Enough to rerun it and to judge whether two reports compare.
 *
 * @param modelConfig the model's config record or a map (serialised as JSON as is)
 * @param timingsSeconds named wall-clock durations, e.g. "train", "eval"
 */
public record Provenance(
    String command,
    List<DatasetInfo> datasets,
    Object modelConfig,
    Long seed,
    Map<String, Double> timingsSeconds,
    Map<String, String> software,
    Map<String, String> hardware,
    String createdAt) {

  public Provenance {
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    timingsSeconds = timingsSeconds == null ? Map.of() : new LinkedHashMap<>(timingsSeconds);
    software = software == null ? Map.of() : new LinkedHashMap<>(software);
    hardware = hardware == null ? Map.of() : new LinkedHashMap<>(hardware);
  }

  /** A dataset used by the run. @param size number of examples */
  public record DatasetInfo(String name, String split, long size, String path) {}

  public static Builder builder() {
    return new Builder();
  }

  /** Java, OS and mlm-suite versions of this JVM. */
  public static Map<String, String> currentSoftware() {
    Map<String, String> s = new LinkedHashMap<>();
    String version = Provenance.class.getPackage().getImplementationVersion();
    s.put("mlm-suite", version == null ? "dev" : version);
    s.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    s.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return s;
  }

  /** CPU count, architecture and JVM heap limit of this machine. */
  public static Map<String, String> currentHardware() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("arch", System.getProperty("os.arch"));
    h.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    h.put("max_heap_mib", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      h.put("physical_memory_mib", Long.toString(os.getTotalMemorySize() / (1024 * 1024)));
    }
    return h;
  }

  /** Fills software, hardware and time from the running JVM unless set explicitly. */
  public static final class Builder {
    private String command;
    private final List<DatasetInfo> datasets = new java.util.ArrayList<>();
    private Object modelConfig;
    private Long seed;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private Map<String, String> software;
    private Map<String, String> hardware;
    private String createdAt;

    public Builder command(String command) {
      this.command = command;
      return this;
    }

    /** The command line as the user typed it, e.g. {@code command("mlm", args)}. */
    public Builder command(String program, String... args) {
      StringBuilder sb = new StringBuilder(program);
      for (String a : args) {
        sb.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"$`\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
      }
      this.command = sb.toString();
      return this;
    }

    public Builder dataset(String name, String split, long size, String path) {
      datasets.add(new DatasetInfo(name, split, size, path));
      return this;
    }

    public Builder modelConfig(Object config) {
      this.modelConfig = config;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder timing(String name, double seconds) {
      timings.put(name, seconds);
      return this;
    }

    public Builder software(Map<String, String> software) {
      this.software = software;
      return this;
    }

    public Builder hardware(Map<String, String> hardware) {
      this.hardware = hardware;
      return this;
    }

    public Builder createdAt(Instant when) {
      this.createdAt = when.toString();
      return this;
    }

    public Provenance build() {
      return new Provenance(command, datasets, modelConfig, seed, timings,
          software == null ? currentSoftware() : software,
          hardware == null ? currentHardware() : hardware,
          createdAt == null ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString() : createdAt);
    }
  }
}
