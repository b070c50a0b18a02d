package io.kubesim.simulation.scheduler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** kube-scheduler's adaptive percentageOfNodesToScore, with upstream's own cases. */
class NumFeasibleNodesToFindTest {

    @ParameterizedTest(name = "{0} nodes -> filter until {1} feasible")
    @CsvSource({
            "0, 0",
            "10, 10",
            "99, 99",
            "100, 100",
            "120, 100",
            "1000, 420",
            "5000, 500",
            "6000, 300",
            "10000, 500",
    })
    void adaptivePercentage(int allNodes, int expected) {
        assertThat(Scheduler.numFeasibleNodesToFind(allNodes)).isEqualTo(expected);
    }
}
