package com.alphacast.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FuzzTriesTest {

    private static final String INPUT = "time,close\n2011-07-31 22:00,1303.5\n";

    @Test
    void eachSeedGeneratesTheSameInputOnEveryRun() {
        FuzzTries tries = new FuzzTries("mutation", 7, 20);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        tries.check(random -> InputMutator.mutate(INPUT, random, 3), first::add);
        tries.check(random -> InputMutator.mutate(INPUT, random, 3), second::add);
        assertThat(first).hasSize(20).isEqualTo(second);
        assertThat(first.stream().distinct().count()).as("different seeds, different mutations").isGreaterThan(10);
    }

    @Test
    void aFailingTryNamesItsSeedAndTheInputAsAJavaLiteral() {
        List<Long> seen = new ArrayList<>();
        FuzzTries tries = new FuzzTries("only the first try passes", 40, 5);
        assertThatThrownBy(() -> tries.check(random -> random.nextLong(), n -> "line\u001b[31m\"x\"", n -> {
            seen.add(n);
            assertThat(seen).hasSizeLessThan(2);
        })).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("only the first try passes failed for seed 41 (rerun it with new FuzzTries("
                        + "\"only the first try passes\", 41L, 1)) on input:\n\"line\\u001b[31m\\\"x\\\"\"\n");
        assertThat(seen).as("stops at the first failing try").hasSize(2)
                .containsExactly(new SplittableRandom(40).nextLong(), new SplittableRandom(41).nextLong());
    }
}
