package dev.switch101.examples.ticker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Made-up prices for one symbol: a random walk of at most 1 % a step, in cents, never below
 * 1.00. Seeded, so the same seed walks the same way (the demo seeds it with the symbol).
 */
final class PriceWalk {

    private static final BigDecimal FLOOR = new BigDecimal("1.00");

    private final SplittableRandom random;
    private BigDecimal price;

    PriceWalk(long seed, BigDecimal start) {
        this.random = new SplittableRandom(seed);
        this.price = start.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** @return the next price */
    synchronized BigDecimal next() {
        // A step of -1 % .. +1 %, in basis points.
        BigDecimal change = price.multiply(BigDecimal.valueOf(random.nextInt(-100, 101), 4));
        price = price.add(change).setScale(2, RoundingMode.HALF_EVEN).max(FLOOR);
        return price;
    }
}
