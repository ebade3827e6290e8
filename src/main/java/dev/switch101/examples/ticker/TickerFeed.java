package dev.switch101.examples.ticker;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Made-up prices for a few symbols, one tick per symbol every {@value #PERIOD_MILLIS} ms, to
 * whoever subscribed. One thread for the whole application, started with the first
 * subscription and stopped with the application.
 */
public final class TickerFeed {

    static final long PERIOD_MILLIS = 1000;

    private static final System.Logger LOG = System.getLogger(TickerFeed.class.getName());
    private static final TickerFeed SHARED = new TickerFeed(Clock.systemUTC());

    private final Clock clock;
    private final Map<String, PriceWalk> walks = new LinkedHashMap<>();
    private final Map<String, Set<Consumer<TickerEvent.Tick>>> subscribers = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private boolean stopped;

    TickerFeed(Clock clock) {
        this.clock = clock;
        walk("ACME", "101.25");
        walk("GLOBEX", "54.10");
        walk("INITECH", "12.75");
        walk("UMBRELLA", "230.00");
    }

    private void walk(String symbol, String start) {
        walks.put(symbol, new PriceWalk(symbol.hashCode(), new BigDecimal(start)));
        subscribers.put(symbol, ConcurrentHashMap.newKeySet());
    }

    /** @return the application's feed */
    public static TickerFeed shared() {
        return SHARED;
    }

    /** @return the symbols there are prices for, in a fixed order */
    public List<String> symbols() {
        return List.copyOf(walks.keySet());
    }

    /** @return whether {@code symbol} exists (and {@code subscriber} now gets its ticks) */
    public boolean subscribe(String symbol, Consumer<TickerEvent.Tick> subscriber) {
        Set<Consumer<TickerEvent.Tick>> set = subscribers.get(symbol);
        if (set == null) {
            return false;
        }
        start();
        set.add(subscriber);
        return true;
    }

    public void unsubscribe(String symbol, Consumer<TickerEvent.Tick> subscriber) {
        Set<Consumer<TickerEvent.Tick>> set = subscribers.get(symbol);
        if (set != null) {
            set.remove(subscriber);
        }
    }

    private synchronized void start() {
        if (scheduler == null && !stopped) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "switch101-ticker");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes one price per symbol that has subscribers. Subscribers must not block. */
    void tick() {
        for (Map.Entry<String, PriceWalk> walk : walks.entrySet()) {
            Set<Consumer<TickerEvent.Tick>> set = subscribers.get(walk.getKey());
            if (set.isEmpty()) {
                continue;
            }
            TickerEvent.Tick tick = new TickerEvent.Tick(walk.getKey(), walk.getValue().next(), clock.instant());
            for (Consumer<TickerEvent.Tick> subscriber : set) {
                try {
                    subscriber.accept(tick);
                } catch (RuntimeException e) {
                    // One subscriber's failure must not end the feed for the others (a scheduled task that throws is never run again).
                    LOG.log(Level.WARNING, "ticker: a subscriber failed", e);
                }
            }
        }
    }

    /** Stops the feed for good (the application is stopping). */
    public synchronized void stop() {
        stopped = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
