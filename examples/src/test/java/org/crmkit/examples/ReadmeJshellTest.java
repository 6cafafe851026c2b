package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's JShell session through the {@code jdk.jshell} API, after the startup script
 * {@code crm.jsh}, and checks that every snippet is accepted and prints what the README shows.
 */
class ReadmeJshellTest {

  private static final String PROMPT = "jshell> ";
  private static final String CONTINUATION = "   ...> ";

  record Step(String source, List<String> expected) {}

  @Test
  void readmeJshellSessionWorksAsWritten() throws IOException {
    List<List<Step>> sessions = sessions(Files.readString(Path.of("../README.md")));
    assertFalse(sessions.isEmpty(), "the README has no ```jshell block");
    for (List<Step> session : sessions) {
      run(session);
    }
  }

  private static void run(List<Step> session) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        JShell shell = JShell.builder().out(print).err(print).executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      String startup = Files.readString(Path.of("src/main/jshell/crm.jsh"));
      for (String line : startup.split("\n")) {
        if (!line.isBlank() && !line.startsWith("//")) {
          evalOk(shell, line);
        }
      }
      for (Step step : session) {
        if (step.source().startsWith("/")) {
          continue; // JShell commands such as /set feedback concise: the API has no feedback
        }
        out.reset();
        PrintStream systemOut = System.out;
        System.setOut(print); // the local execution engine runs snippets in this JVM
        try {
          evalOk(shell, step.source());
        } finally {
          System.setOut(systemOut);
        }
        print.flush();
        String printed = out.toString(StandardCharsets.UTF_8).stripTrailing();
        String expected = String.join("\n", step.expected()).stripTrailing();
        assertEquals(expected, printed, "output of: " + step.source());
      }
    }
  }

  private static void evalOk(JShell shell, String source) {
    String rest = source;
    while (!rest.isBlank()) {
      var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
      for (SnippetEvent e : shell.eval(info.source())) {
        if (e.exception() != null) {
          fail("snippet threw: " + info.source(), e.exception());
        }
        if (e.status() == Snippet.Status.REJECTED) {
          StringBuilder diags = new StringBuilder();
          shell.diagnostics(e.snippet()).forEach(d -> diags.append(d.getMessage(null)).append('\n'));
          fail("snippet rejected: " + info.source() + "\n" + diags);
        }
      }
      rest = info.remaining();
    }
  }

  /** Parses the ```jshell blocks: prompts with continuation lines, then the printed lines. */
  static List<List<Step>> sessions(String readme) {
    List<List<Step>> sessions = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().equals("```jshell")) {
        continue;
      }
      List<Step> steps = new ArrayList<>();
      StringBuilder source = null;
      List<String> expected = null;
      for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
        String line = lines[i];
        if (line.startsWith(PROMPT)) {
          if (source != null) {
            steps.add(new Step(source.toString(), expected));
          }
          source = new StringBuilder(line.substring(PROMPT.length()));
          expected = new ArrayList<>();
        } else if (line.startsWith(CONTINUATION) && source != null && expected.isEmpty()) {
          source.append('\n').append(line.substring(CONTINUATION.length()));
        } else if (source != null) {
          expected.add(line);
        }
      }
      if (source != null) {
        steps.add(new Step(source.toString(), expected));
      }
      assertTrue(!steps.isEmpty(), "empty ```jshell block");
      sessions.add(steps);
    }
    return sessions;
  }
}
