package org.baraza.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * How busy a connection pool was: every 50 ms, on a thread of its own ("bench-pool-…"), how many of its connections
 * were in use and how many threads waited for one. A queue here means requests wait for the database, not the
 * database for them. Lives from {@link #start} to {@link #stop}.
 */
final class PoolSampler {

    private final HikariPoolMXBean pool;
    private final Thread thread;
    private volatile boolean running = true;
    private long samples;
    private long activeSum;
    private long waitingSum;
    private int waitingMax;

    private PoolSampler(String name, HikariPoolMXBean pool) {
        this.pool = pool;
        this.thread = Thread.ofPlatform().name("bench-pool-" + name).daemon(true).unstarted(this::run);
    }

    static PoolSampler start(String name, DataSource dataSource) {
        PoolSampler sampler = new PoolSampler(name, ((HikariDataSource) dataSource).getHikariPoolMXBean());
        sampler.thread.start();
        return sampler;
    }

    private void run() {
        while (running) {
            int waiting = pool.getThreadsAwaitingConnection();
            activeSum += pool.getActiveConnections();
            waitingSum += waiting;
            waitingMax = Math.max(waitingMax, waiting);
            samples++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Stops sampling; returns what it saw, for the report. */
    String stop() throws InterruptedException {
        running = false;
        thread.join();
        return String.format(Locale.ROOT, "%.1f of %d connections in use on average, %.0f threads waiting on average (at most %d)",
                activeSum / (double) Math.max(1, samples), pool.getTotalConnections(), waitingSum / (double) Math.max(1, samples),
                waitingMax);
    }
}
