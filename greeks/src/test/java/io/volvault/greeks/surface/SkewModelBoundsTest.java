package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The edges of SkewModel's admissible parameters and inputs (its golden values are in SkewModelTest). */
class SkewModelBoundsTest {

    @Test
    void parameterEdges() {
        assertEquals(0.5, new SkewModel(0.0, 2.0, 0.5).gamma(), 0.0);
        assertEquals("rho = 1.0 must be in (-1, 1)",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(1.0, 0.5, 0.5)).getMessage());
        assertEquals("rho = -1.0 must be in (-1, 1)",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(-1.0, 0.5, 0.5)).getMessage());
        assertEquals("eta = 0.0 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(0.0, 0.0, 0.5)).getMessage());
        assertEquals("gamma = 0.0 must be in (0, 0.5]",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(0.0, 1.0, 0.0)).getMessage());
        assertEquals("gamma = 0.5000001 must be in (0, 0.5]",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(0.0, 1.0, 0.5000001)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SkewModel(0.0, 2.000001, 0.5));
    }

    @Test
    void inputEdges() {
        assertEquals("expiry = 0.0 must be positive and finite (years)", assertThrows(IllegalArgumentException.class,
            () -> SkewModel.CRYPTO_DEFAULT.slice(0.5, 100.0, 0.0)).getMessage());
        assertEquals("atmVol = 0.0 must be positive and finite", assertThrows(IllegalArgumentException.class,
            () -> SkewModel.CRYPTO_DEFAULT.slice(0.0, 100.0, 0.1)).getMessage());
    }
}
