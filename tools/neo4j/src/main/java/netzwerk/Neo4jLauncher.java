package netzwerk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j community, embedded, with Bolt on 127.0.0.1: the engine of the neo4j:5.26 image in one
 * small JVM, for tests and for running netzwerk on real Neo4j without Docker.
 *
 * <pre>java -cp target/neo4j-launcher.jar:target/lib/* netzwerk.Neo4jLauncher DATA_DIR [PORT]</pre>
 *
 * The password comes from the environment (NEO4J_LAUNCHER_PASSWORD), never from the command
 * line (visible to every user in ps) and never a default. PORT 0 or none picks a free port.
 * Prints exactly one line "NEO4J READY bolt://127.0.0.1:PORT" when Bolt accepts connections.
 * Stops cleanly on SIGTERM/SIGINT and when its parent process dies. Exit codes: 2 usage,
 * 3 port taken, 4 data directory in use, 5 any other start failure.
 */
public final class Neo4jLauncher {

    private static final String READY = "NEO4J READY bolt://127.0.0.1:";

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            fail(2, "Aufruf: Neo4jLauncher DATENVERZEICHNIS [PORT]");
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = args.length == 2 ? parsePort(args[1]) : 0;
        String password = System.getenv("NEO4J_LAUNCHER_PASSWORD");
        if (password == null || password.length() < 8) {
            fail(2, "NEO4J_LAUNCHER_PASSWORD fehlt oder ist kürzer als 8 Zeichen.");
        }
        if (port != 0 && !portFree(port)) {
            fail(3, "Port " + port + " auf 127.0.0.1 ist belegt: ein anderer Prozess hört dort. "
                    + "Wählen Sie einen anderen Port oder 0 für einen freien.");
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(dataDir);
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // small: this shares a 2-core machine with the test suite
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                    // as in docker-compose.yml: slow queries fail instead of piling up
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(30))
                    // NOOPs every 2 s during a request, and the hint to the driver that a connection
                    // silent for 2 x 2 s is dead: a stalled server gives an error, not a hung request
                    .setConfig(BoltConnector.connection_keep_alive, Duration.ofSeconds(2))
                    .setConfig(BoltConnector.connection_keep_alive_probes, 2)
                    .setConfig(BoltConnector.connection_keep_alive_type, BoltConnector.KeepAliveRequestType.ALL)
                    // Bolt waits 5 s twice on shutdown by default: a stop should take a second
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable error) {
            String why = causes(error);
            if (why.contains("lock") || why.contains("Lock")) {
                fail(4, "Das Datenverzeichnis " + dataDir + " wird von einem anderen Neo4j-Prozess "
                        + "benutzt. Beenden Sie ihn oder wählen Sie ein anderes Verzeichnis. (" + why + ")");
            }
            if (why.contains("Address already in use") || why.contains("bind")) {
                fail(3, "Port " + port + " auf 127.0.0.1 ist belegt. (" + why + ")");
            }
            fail(5, "Neo4j konnte nicht starten: " + why);
            return;
        }
        final DatabaseManagementService service = dbms;
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));

        try {
            setPassword(service, password);
        } catch (RuntimeException error) {
            service.shutdown();
            fail(5, "Das Passwort für Neo4j konnte nicht gesetzt werden: " + causes(error));
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int boltPort = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        System.out.println(READY + boltPort);
        System.out.flush();
        watchParent();
    }

    /** The given password, every start: the data directory may hold an older one. */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException error) {
            // Neo4j refuses to "change" a password to the one it already has: nothing to do then
            if (!causes(error).contains("cannot be the same")) {
                throw error;
            }
        }
    }

    /** Exits (running the shutdown hook) when the process that started us is gone. */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        while (true) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                return;
            }
            ProcessHandle now = ProcessHandle.current().parent().orElse(null);
            if (parent == null || !parent.isAlive() || now == null || now.pid() != parent.pid()) {
                System.exit(0);
            }
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the usage message
        }
        fail(2, "Ungültiger Port: " + text);
        return -1;
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause instanceof UncheckedIOException && cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    private static void fail(int code, String message) {
        System.err.println("NEO4J FAILED: " + message);
        System.err.flush();
        System.exit(code);
    }
}
