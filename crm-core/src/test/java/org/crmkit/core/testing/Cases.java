package org.crmkit.core.testing;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded random cases for property tests: a JUnit {@code @ParameterizedTest} with a
 * {@code @MethodSource} that returns {@code Cases.random(SEED, 200, r -> Arguments.of(...))}
 * checks an invariant on 200 generated inputs. Case {@code i} draws from its own generator split
 * from the seed, so a failing case is reproduced by its index, whatever the other cases do.
 */
public final class Cases {

  private Cases() {}

  /**
   * {@code tries} cases, each made by {@code generator} from its own random source.
   *
   * @param seed the seed (fixed in every test, so runs are reproducible)
   * @param tries the number of cases
   * @param generator makes the arguments of one case
   */
  public static Stream<Arguments> random(long seed, int tries,
      Function<SplittableRandom, Arguments> generator) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] sources = new SplittableRandom[tries];
    for (int i = 0; i < tries; i++) {
      sources[i] = root.split();
    }
    return IntStream.range(0, tries).mapToObj(i -> generator.apply(sources[i]));
  }
}
