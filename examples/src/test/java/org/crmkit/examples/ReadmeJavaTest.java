package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs every ```java block of the README: import lines become the class's imports,
 * the rest the body of its {@code main}.
 */
class ReadmeJavaTest {

  static List<String> javaBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().equals("```java")) {
        StringBuilder b = new StringBuilder();
        for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
          b.append(lines[i]).append('\n');
        }
        blocks.add(b.toString());
      }
    }
    return blocks;
  }

  @Test
  void everyJavaBlockCompilesAndRuns(@TempDir Path dir) throws Exception {
    List<String> blocks = javaBlocks(Files.readString(Path.of("../README.md")));
    assertFalse(blocks.isEmpty(), "the README has no ```java block");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int k = 0; k < blocks.size(); k++) {
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : blocks.get(k).split("\n")) {
        (line.startsWith("import ") ? imports : body).append(line).append('\n');
      }
      String name = "ReadmeBlock" + k;
      String source = imports + "public class " + name + " {\n"
          + "  public static void main(String[] args) throws Exception {\n" + body + "  }\n}\n";
      Path file = dir.resolve(name + ".java");
      Files.writeString(file, source);
      StringWriter diagnostics = new StringWriter();
      boolean ok = javac.getTask(diagnostics, null, null,
          List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString()),
          null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
              .getJavaFileObjects(file)).call();
      assertTrue(ok, "README java block " + k + " does not compile:\n" + diagnostics + source);
      var out = new ByteArrayOutputStream();
      PrintStream systemOut = System.out;
      try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
          getClass().getClassLoader())) {
        Method main = loader.loadClass(name).getMethod("main", String[].class);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        main.invoke(null, (Object) new String[0]);
      } finally {
        System.setOut(systemOut);
      }
      assertEquals(false, out.toString(StandardCharsets.UTF_8).isBlank(),
          "README java block " + k + " printed nothing");
    }
  }
}
