package org.crmkit.benchmarks;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.crmkit.io.csv.Column;
import org.crmkit.io.csv.DateFormat;
import org.crmkit.io.csv.TransactionCsvReader;

/**
 * Shows that {@link TransactionCsvReader} parses a large gzip stream without holding its text:
 * a producer thread writes a CSV of {@code rows} rows ({@code customer_id,date,amount,note}, 1,000
 * customers, a random {@code note} of {@code noteLength} letters that the reader ignores), gzips it
 * into a pipe, and the reader reads the pipe. Nothing touches the disk. With the defaults the text
 * is about 2 GB and the log 2 million rows (40 MB); run it in a heap far smaller than the text:
 *
 * <pre>{@code
 * java -Xmx256m -Xlog:gc -cp crm-benchmarks/target/benchmarks.jar \
 *     org.crmkit.benchmarks.CsvStreamFootprint 2000000 1000
 * }</pre>
 *
 * <p>Prints the rows read, the text and gzip sizes, the heap limit and the number of
 * collections; the GC log shows the live heap after each collection. Exits normally when the
 * read fit the heap.
 */
public final class CsvStreamFootprint {

  private CsvStreamFootprint() {}

  /**
   * Streams one generated file through the reader.
   *
   * @param args rows (default 2,000,000) and note length (default 1,000)
   */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2_000_000;
    int noteLength = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    var in = new PipedInputStream(1 << 20);
    var pipe = new PipedOutputStream(in);
    AtomicLong textChars = new AtomicLong();
    AtomicLong gzipBytes = new AtomicLong();
    Thread producer = new Thread(() -> produce(pipe, rows, noteLength, textChars, gzipBytes),
        "csv-producer");
    producer.start();
    var reader = TransactionCsvReader.builder()
        .customer(Column.named("customer_id"))
        .date(Column.named("date"), DateFormat.iso())
        .amount(Column.named("amount"))
        .build();
    long t0 = System.nanoTime();
    var result = reader.read(in, "generated.csv.gz");
    producer.join();
    long collections = 0;
    for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += g.getCollectionCount();
    }
    System.out.printf(Locale.ROOT, "rows %,d in the log (%,d customers); text %,d MB, gzip %,d MB;"
            + " max heap %,d MB; %d collections; %.1f s%n", result.log().size(),
        result.log().customerCount(), textChars.get() >> 20, gzipBytes.get() >> 20,
        Runtime.getRuntime().maxMemory() >> 20, collections, (System.nanoTime() - t0) / 1e9);
  }

  private static void produce(OutputStream pipe, int rows, int noteLength, AtomicLong textChars,
      AtomicLong gzipBytes) {
    OutputStream counted = new FilterOutputStream(pipe) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        gzipBytes.addAndGet(len);
        out.write(b, off, len);
      }
    };
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(counted, 1 << 16),
        StandardCharsets.UTF_8)) {
      var r = new SplittableRandom(7);
      String header = "customer_id,date,amount,note\n";
      w.write(header);
      textChars.addAndGet(header.length());
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < rows; i++) {
        sb.setLength(0);
        sb.append('C').append(1000 + r.nextInt(1000)).append(",2024-0").append(1 + r.nextInt(9))
            .append('-').append(10 + r.nextInt(18)).append(',').append(r.nextInt(10_000) / 100.0)
            .append(',');
        for (int k = 0; k < noteLength; k++) {
          sb.append((char) ('a' + r.nextInt(26)));
        }
        sb.append('\n');
        w.write(sb.toString());
        textChars.addAndGet(sb.length());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
