package org.mlmsuite.backbone.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.proto.DataType;

/**
 * Writes tensors in the safetensors layout, so a Python script can read exactly the values a TF
 * Java session holds (torch 1.13 has no safetensors package; the layout is read with {@code json}
 * + {@code torch.frombuffer}):
 *
 * <pre>
 * u64 little-endian N | N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]}} | data
 * </pre>
 *
 * Offsets count from the first data byte; data is the tensors' raw little-endian bytes in header
 * order. The header is written first from the declared shapes, then each tensor is streamed in
 * with {@link #append} (a chunk at a time, so a 90 MB embedding table is never copied whole onto
 * the Java heap).
 */
final class SafetensorsWriter implements AutoCloseable {
  /** A declared tensor: float32 ({@code F32}) or int32 ({@code I32}), 4 bytes per element. */
  record Entry(String name, DataType type, Shape shape) {
    long numBytes() {
      return 4 * shape.size();
    }

    String dtype() {
      return switch (type) {
        case DT_FLOAT -> "F32";
        case DT_INT32 -> "I32";
        default -> throw new IllegalArgumentException(name + ": unsupported type " + type);
      };
    }
  }

  private static final int CHUNK = 1 << 20;
  private final FileChannel channel;
  private final List<Entry> entries;
  private final byte[] chunk = new byte[CHUNK];
  private int written;

  private SafetensorsWriter(FileChannel channel, List<Entry> entries) {
    this.channel = channel;
    this.entries = entries;
  }

  /** Creates {@code file} and writes the header for {@code entries}, in this order. */
  static SafetensorsWriter create(Path file, List<Entry> entries) throws IOException {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalStateException("tensors are copied in native byte order, which is not little-endian here");
    }
    Map<String, Object> header = new LinkedHashMap<>();
    long offset = 0;
    for (Entry e : entries) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("dtype", e.dtype());
      spec.put("shape", e.shape().asArray());
      spec.put("data_offsets", new long[] {offset, offset + e.numBytes()});
      if (header.put(e.name(), spec) != null) {
        throw new IllegalArgumentException("tensor '" + e.name() + "' declared twice");
      }
      offset += e.numBytes();
    }
    byte[] json = new ObjectMapper().writeValueAsBytes(header);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length);
    writeFully(channel, length.flip());
    writeFully(channel, ByteBuffer.wrap(json));
    return new SafetensorsWriter(channel, new ArrayList<>(entries));
  }

  /** Writes the next declared tensor; its name, type and shape must match the declaration. */
  void append(String name, Tensor tensor) throws IOException {
    if (written == entries.size()) {
      throw new IllegalStateException("'" + name + "': all " + written + " declared tensors are written");
    }
    Entry expected = entries.get(written);
    if (!expected.name().equals(name) || expected.type() != tensor.dataType()
        || !expected.shape().equals(tensor.shape())) {
      throw new IllegalArgumentException("tensor " + written + " is declared as " + expected
          + ", got '" + name + "' " + tensor.dataType() + " " + tensor.shape());
    }
    ByteDataBuffer bytes = tensor.asRawTensor().data(); // native order: little-endian on x86-64
    for (long from = 0; from < bytes.size(); from += CHUNK) {
      int n = (int) Math.min(CHUNK, bytes.size() - from);
      bytes.slice(from, n).read(chunk, 0, n);
      writeFully(channel, ByteBuffer.wrap(chunk, 0, n));
    }
    written++;
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      if (written != entries.size()) {
        throw new IllegalStateException("only " + written + " of " + entries.size()
            + " declared tensors were written");
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
