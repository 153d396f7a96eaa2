package graphkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A Neo4j Community server for local development and tests: an embedded DBMS
 * with the Bolt connector on 127.0.0.1 and authentication on. Started and
 * stopped by scripts/neo4j.sh; runs until SIGTERM (shutdown hook shuts the
 * DBMS down cleanly).
 *
 * Arguments (all required except --pagecache-mb):
 *   --home DIR --data DIR --logs DIR --port N --password-file FILE [--pagecache-mb N]
 *
 * The password of user "neo4j" is (re)set on every start, through the system
 * database, to the content of the password file, so the file is the single
 * source of truth. "GRAPHKIT_NEO4J_READY" is printed once that is done.
 */
public final class EmbeddedNeo4j {
    static final String READY_MARKER = "GRAPHKIT_NEO4J_READY";
    static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(require(opts, "--home")).toAbsolutePath();
        Path data = Path.of(require(opts, "--data")).toAbsolutePath();
        Path logs = Path.of(require(opts, "--logs")).toAbsolutePath();
        int port = Integer.parseInt(require(opts, "--port"));
        Path passwordFile = Path.of(require(opts, "--password-file"));
        long pagecacheMb = Long.parseLong(opts.getOrDefault("--pagecache-mb", "256"));

        String password = readPassword(passwordFile);

        log("starting Neo4j " + neo4jVersion() + " home=" + home + " data=" + data
                + " bolt=127.0.0.1:" + port + " pagecache=" + pagecacheMb + "m");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.data_directory, data)
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                .setConfig(GraphDatabaseSettings.udc_enabled, false) // no usage-data reporting
                // Neo4j keeps 2 days of transaction logs by default (for backups and
                // clusters); a test or benchmark run writes gigabytes of them (44 GB after a
                // day of benchmarks filled the disk and slowed every commit's fsync). A local
                // server needs only enough for recovery; older files go at each checkpoint.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt's Netty event loops wait a 5 s "quiet period" on shutdown; not
                // useful for a local dev server (internal settings, version is pinned).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            long t0 = System.nanoTime();
            try {
                dbms.shutdown();
                log("shut down cleanly in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            } catch (Throwable t) {
                log("error during shutdown: " + t);
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms, password);
        } catch (Throwable t) {
            log("failed to set the password of user " + USER + ": " + t);
            System.exit(2); // runs the shutdown hook
        }

        log(READY_MARKER + " bolt://127.0.0.1:" + port);
        stopped.await();
    }

    /** ALTER USER on the system database; embedded transactions have full rights. */
    static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database("system");
        try (Transaction tx = system.beginTx()) {
            tx.execute("ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password))
                    .close();
            tx.commit();
            log("password of user " + USER + " set");
        } catch (RuntimeException e) {
            // Re-setting the current password is refused; that means it is already right.
            if (String.valueOf(deepMessage(e)).contains("Old password and new password cannot be the same")) {
                log("password of user " + USER + " unchanged");
            } else {
                throw e;
            }
        }
    }

    static String deepMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    static String readPassword(Path file) throws IOException {
        String pw = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (pw.length() < 8) {
            throw new IllegalArgumentException("password in " + file + " must have at least 8 characters");
        }
        return pw;
    }

    static String neo4jVersion() {
        Package p = DatabaseManagementServiceBuilder.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    static Map<String, String> parseArgs(String[] args) {
        if (args.length % 2 != 0) {
            usage("odd number of arguments");
        }
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            m.put(args[i], args[i + 1]);
        }
        return m;
    }

    static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null || v.isEmpty()) {
            usage("missing " + key);
        }
        return v;
    }

    static void usage(String why) {
        System.err.println("EmbeddedNeo4j: " + why + "\nusage: --home DIR --data DIR --logs DIR --port N"
                + " --password-file FILE [--pagecache-mb N]");
        System.exit(64);
    }

    static void log(String msg) {
        System.out.println("[graphkit-neo4j] " + msg);
        System.out.flush();
    }
}
