package org.crmkit.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.io.csv.Column;
import org.crmkit.io.csv.DateFormat;
import org.crmkit.io.csv.TransactionCsvReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second of {@link TransactionCsvReader#read(Path)} on one core: a synthetic CSV of
 * {@value #ROWS} transactions ({@code customer_id,date,amount}, e.g.
 * {@code C0004711,2023-05-04,39.12}; {@link SyntheticTransactions} with seed 42 and a tenth as
 * many customers, in random order), written once per trial to a temporary file (about 140 MB;
 * gzip-compressed when {@code gzip} is true) and read from it by every invocation.
 *
 * <p>Each iteration is one pass over the file (single-shot time); the score is nanoseconds per
 * row ({@code ns/op}: one operation is one row, through {@link OperationsPerInvocation}), so
 * rows per second are 10^9 / score. As in {@link TransactionLogBuildBenchmark}, the CPU time of
 * the benchmark thread and of the whole JVM per pass are reported beside the wall time
 * ({@code threadCpuMs}, {@code processCpuMs}), because on a shared machine wall time includes
 * waiting for a core. Beside the reader:
 *
 * <ul>
 *   <li>{@link #countLines}: the floor of any line-oriented reader: decode the bytes as UTF-8
 *       with a {@link BufferedReader} and count the lines, allocating a String per line;
 *   <li>{@link #jacksonTokens}: Jackson's CSV parser alone, producing the field strings the
 *       reader starts from (no checks, no log).
 * </ul>
 *
 * <p>The reader's work is all the rest: strict number and date checks, the customer-id
 * dictionary and the columnar log (sorted at the end by {@code build()}). The file stays in the
 * page cache after it was written, so the disk is not measured. Run with
 * {@code java -jar crm-benchmarks/target/benchmarks.jar TransactionCsvReadBenchmark}; see
 * BENCHMARKS.md.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(TransactionCsvReadBenchmark.ROWS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class TransactionCsvReadBenchmark {

  /** Rows in the file. */
  public static final int ROWS = 5_000_000;

  /** Whether the file is gzip-compressed (the reader detects it). */
  @Param({"false"})
  public boolean gzip;

  private Path file;

  private final TransactionCsvReader reader = TransactionCsvReader.builder()
      .customer(Column.named("customer_id"))
      .date(Column.named("date"), DateFormat.iso())
      .amount(Column.named("amount"))
      .build();

  /** Writes the file once per trial. */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    file = Files.createTempFile("crmkit-bench-", gzip ? ".csv.gz" : ".csv");
    write(SyntheticTransactions.generate(42L, ROWS, ROWS / 10), file, gzip);
  }

  /** Writes {@code data} as CSV (header {@code customer_id,date,amount}) to {@code file}. */
  public static void write(SyntheticTransactions data, Path file, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
            1 << 16)) {
      w.write("customer_id,date,amount\n");
      String[] ids = data.dictionary();
      for (int i = 0; i < data.size(); i++) {
        w.write(ids[data.codes()[i]]);
        w.write(',');
        w.write(LocalDate.ofEpochDay(data.epochDays()[i]).toString());
        w.write(',');
        w.write(Double.toString(data.amounts()[i]));
        w.write('\n');
      }
    }
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The reader: file to a built, sorted {@link TransactionLog}. */
  @Benchmark
  public TransactionLog read(TransactionLogBuildBenchmark.CpuTime cpu) throws IOException {
    cpu.start();
    TransactionLog log = reader.read(file).log();
    cpu.stop();
    if (log.size() != ROWS) {
      throw new IllegalStateException("read " + log.size() + " rows");
    }
    return log;
  }

  private Reader text() throws IOException {
    var in = Files.newInputStream(file);
    return new java.io.InputStreamReader(gzip ? new java.util.zip.GZIPInputStream(in, 1 << 16)
        : in, StandardCharsets.UTF_8);
  }

  /** Baseline: UTF-8 decoding and line splitting only. */
  @Benchmark
  public long countLines(TransactionLogBuildBenchmark.CpuTime cpu) throws IOException {
    cpu.start();
    long n = 0;
    try (BufferedReader r = new BufferedReader(text(), 1 << 16)) {
      while (r.readLine() != null) {
        n++;
      }
    }
    cpu.stop();
    return n;
  }

  /** Baseline: Jackson's CSV parser, every field's text, no checks. */
  @Benchmark
  public long jacksonTokens(TransactionLogBuildBenchmark.CpuTime cpu) throws IOException {
    cpu.start();
    long n = 0;
    CsvSchema schema = CsvSchema.emptySchema().withoutHeader();
    try (CsvParser p = new CsvFactory().createParser(text())) {
      p.setSchema(schema);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          n += p.getText().length();
        }
      }
    }
    cpu.stop();
    return n;
  }
}
