package org.crmkit.models.survival;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test fixtures: the lifelines data sets in src/test/resources/data/survival (see README.md). */
final class SurvivalFixtures {

  private SurvivalFixtures() {}

  /** A CSV file as a header and rows; handles double-quoted fields with commas (dd.csv). */
  record Csv(List<String> header, List<String[]> rows) {

    int column(String name) {
      int c = header.indexOf(name);
      if (c < 0) {
        throw new IllegalArgumentException("no column " + name + " in " + header);
      }
      return c;
    }

    double[] doubles(String name) {
      int c = column(name);
      return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }

    /** 0/1 flags from "0"/"1" or "False"/"True". */
    int[] flags(String name) {
      int c = column(name);
      return rows.stream().mapToInt(r -> switch (r[c]) {
        case "1", "1.0", "True", "true" -> 1;
        case "0", "0.0", "False", "false" -> 0;
        default -> throw new IllegalArgumentException(name + ": " + r[c]);
      }).toArray();
    }

    String[] strings(String name) {
      int c = column(name);
      return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    double[][] matrix(String... names) {
      int[] cs = Arrays.stream(names).mapToInt(this::column).toArray();
      double[][] x = new double[rows.size()][cs.length];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < cs.length; j++) {
          x[i][j] = Double.parseDouble(rows.get(i)[cs[j]]);
        }
      }
      return x;
    }
  }

  static Csv read(String file) {
    try (InputStream in = SurvivalFixtures.class.getResourceAsStream("/data/survival/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + file);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      for (String line : text.split("\r?\n")) {
        if (!line.isBlank()) {
          rows.add(split(line));
        }
      }
      return new Csv(List.of(rows.get(0)), rows.subList(1, rows.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out.toArray(String[]::new);
  }

  static final String[] ROSSI_COVARIATES = {"fin", "age", "race", "wexp", "mar", "paro", "prio"};

  static Csv rossi() {
    return read("rossi.csv");
  }

  /** waltons: T, E, group. */
  static SurvivalData waltons() {
    Csv c = read("waltons_dataset.csv");
    return SurvivalData.of(c.doubles("T"), c.flags("E"), c.strings("group"));
  }

  /** g3: time, event (True/False), group RIT / Control. */
  static SurvivalData g3() {
    Csv c = read("g3.csv");
    return SurvivalData.of(c.doubles("time"), c.flags("event"), c.strings("group"));
  }

  /** dd: duration, observed, democracy. */
  static SurvivalData dd() {
    Csv c = read("dd.csv");
    return SurvivalData.of(c.doubles("duration"), c.flags("observed"), c.strings("democracy"));
  }
}
