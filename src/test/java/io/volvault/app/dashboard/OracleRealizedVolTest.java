package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OracleRealizedVolTest {

    private static final long DAY = 86_400;

    @Test
    void dailyMovesOfOnePercentAreOnePercentTimesRootOfTheYear() {
        List<OracleRealizedVol.Observation> prices = List.of(
            new OracleRealizedVol.Observation(0, 100),
            new OracleRealizedVol.Observation(DAY, 100 * Math.exp(0.01)),
            new OracleRealizedVol.Observation(2 * DAY, 100),
            new OracleRealizedVol.Observation(3 * DAY, 100 * Math.exp(-0.01)));
        assertEquals(0.01 * Math.sqrt(365), OracleRealizedVol.annualised(prices).getAsDouble(), 1e-12);
    }

    @Test
    void unevenGapsWeighByTheTimeTheySpan() {
        double r1 = Math.log(110 / 100.0);
        double r2 = Math.log(99 / 110.0);
        List<OracleRealizedVol.Observation> prices = List.of(
            new OracleRealizedVol.Observation(0, 100),
            new OracleRealizedVol.Observation(DAY, 110),
            new OracleRealizedVol.Observation(4 * DAY, 99));
        assertEquals(Math.sqrt((r1 * r1 + r2 * r2) / (4 / 365.0)), OracleRealizedVol.annualised(prices).getAsDouble(), 1e-12);
    }

    @Test
    void oneTimeIsNotEnough() {
        assertTrue(OracleRealizedVol.annualised(List.of(new OracleRealizedVol.Observation(5, 100))).isEmpty());
        assertTrue(OracleRealizedVol.annualised(List.of()).isEmpty());
    }
}
