package org.crmkit.models;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads compiled classes for the tests that prove which packages of crm-models need Smile: where a
 * class was loaded from, and which class files name a Smile type in their constant pool (a class
 * that links to Smile must name it there).
 */
public final class ClassFiles {

  private ClassFiles() {}

  /** The class-path root (folder or jar) {@code c} was loaded from. */
  public static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A class path without Smile: crm-models' main classes, its test classes (the runner and the
   * test data), crm-core, commons-math3 and slf4j (API and the simple provider).
   */
  public static URL[] smileFreeClassPath() {
    try {
      return new URL[] {
          location(org.crmkit.models.clv.BgNbd.class).toUri().toURL(),
          location(ClassFiles.class).toUri().toURL(),
          location(org.crmkit.core.Checks.class).toUri().toURL(),
          location(org.apache.commons.math3.special.Gamma.class).toUri().toURL(),
          location(org.slf4j.LoggerFactory.class).toUri().toURL(),
          location(org.slf4j.simple.SimpleLogger.class).toUri().toURL()};
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The folder of {@code c}'s package under its class-path root. */
  public static Path packageDir(Class<?> c) {
    return location(c).resolve(c.getPackageName().replace('.', '/'));
  }

  /**
   * Every class file directly in {@code dir} (nested and anonymous classes included), by file
   * name, with the constant-pool strings by which it names Smile types (empty for none).
   */
  public static Map<String, List<String>> smileReferences(Path dir) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        out.put(f.getFileName().toString(), smileReferences(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  /** The constant-pool strings of a class file that name a Smile type (smile/… or smile.…). */
  public static List<String> smileReferences(byte[] classFile) throws IOException {
    return utf8Constants(classFile).stream()
        .filter(s -> s.contains("smile/") || s.startsWith("smile.")).toList();
  }

  /** The top-level class of a class file's name: {@code "A$1.class"} → {@code "A"}. */
  public static String topLevel(String classFileName) {
    return classFileName.replaceAll("[$.].*", "");
  }

  /** The CONSTANT_Utf8 entries of a class file's constant pool (JVMS §4.4). */
  public static List<String> utf8Constants(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    List<String> out = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> out.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // long and double take two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    return out;
  }
}
