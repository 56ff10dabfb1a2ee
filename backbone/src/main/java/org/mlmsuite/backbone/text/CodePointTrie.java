package org.mlmsuite.backbone.text;

import java.util.Arrays;

/**
 * A trie over code points for greedy longest-match lookup, stored as one open-addressing hash
 * table from (node, code point) to child node, so a lookup step is a multiply and an array probe.
 */
final class CodePointTrie {
  private static final long EMPTY = -1L;

  private long[] keys;
  private int[] children;
  private int mask;
  private int edges;
  private int[] tokenIds = new int[16];
  private int nodes = 1;

  CodePointTrie(int expectedEdges) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedEdges * 2 - 1)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    children = new int[capacity];
    mask = capacity - 1;
    Arrays.fill(tokenIds, -1);
  }

  /** Adds a token; its code points are {@code s} from UTF-16 index {@code from} on. */
  void insert(String s, int from, int tokenId) {
    int node = 0;
    for (int i = from; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int next = child(node, cp);
      if (next < 0) {
        next = newNode();
        put(node, cp, next);
      }
      node = next;
    }
    if (node != 0) {
      tokenIds[node] = tokenId;
    }
  }

  /** The child of {@code node} along {@code cp}, or -1. The root is node 0. */
  int child(int node, int cp) {
    long key = ((long) node << 21) | cp;
    int slot = hash(key);
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return children[slot];
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The token id ending at {@code node}, or -1. */
  int tokenId(int node) {
    return tokenIds[node];
  }

  private int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private int newNode() {
    if (nodes == tokenIds.length) {
      int old = tokenIds.length;
      tokenIds = Arrays.copyOf(tokenIds, old * 2);
      Arrays.fill(tokenIds, old, tokenIds.length, -1);
    }
    return nodes++;
  }

  private void put(int node, int cp, int child) {
    if ((edges + 1) * 2 > keys.length) {
      grow();
    }
    long key = ((long) node << 21) | cp;
    int slot = hash(key);
    while (keys[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    children[slot] = child;
    edges++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldChildren = children;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    children = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = hash(oldKeys[i]);
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        children[slot] = oldChildren[i];
      }
    }
  }
}
