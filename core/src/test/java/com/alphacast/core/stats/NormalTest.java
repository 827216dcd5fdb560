package com.alphacast.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalTest {

    @Test
    void cdfMatchesReferenceValues() {
        assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-15));
        assertThat(Normal.cdf(1)).isCloseTo(0.8413447460685429, within(1e-14));
        assertThat(Normal.cdf(-1.96)).isCloseTo(0.024997895148220435, within(1e-14));
        assertThat(Normal.cdf(3)).isCloseTo(0.9986501019683699, within(1e-14));
        assertThat(Normal.cdf(-8)).isCloseTo(6.22096057427178e-16, within(1e-20));
        assertThat(Normal.cdf(40)).isEqualTo(1.0);
        assertThat(Normal.pdf(0)).isCloseTo(0.3989422804014327, within(1e-16));
    }
}
