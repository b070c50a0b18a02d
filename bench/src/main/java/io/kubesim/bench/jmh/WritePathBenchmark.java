package io.kubesim.bench.jmh;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.registry.RegistryProperties;
import io.kubesim.registry.RequestBody;
import io.kubesim.registry.ResourceCatalog;
import io.kubesim.registry.ResourceRegistry;
import io.kubesim.registry.ResourceStrategy;
import io.kubesim.registry.Subresource;
import io.kubesim.registry.WriteOptions;
import io.kubesim.registry.WriteResult;
import io.kubesim.registry.codec.ObjectCodec;
import io.kubesim.registry.kinds.Kinds;
import io.kubesim.registry.kinds.ServiceIpAllocator;
import io.kubesim.storage.ObjectStore;
import io.kubesim.storage.StorageProperties;
import io.kubesim.storage.jdbc.JdbcObjectStore;
import io.kubesim.watch.WatchHub;
import io.kubesim.watch.WatchProperties;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The registry's write path in process (no HTTP): decode, defaults, validation, managedFields,
 * encode, store, watch cache. {@code store=memory} isolates the registry's own cost;
 * {@code store=h2} is the real durable H2 file store with group commit. Fresh store each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class WritePathBenchmark {

    private static final String RV = "RESOURCE-VERSION";

    @Param({"memory", "h2"})
    public String store;

    private final AtomicLong updates = new AtomicLong();
    private ResourceRegistry registry;
    private ResourceStrategy<Pod> pods;
    private byte[] createBody;
    private String[] updateBodies;
    private long targetRevision;
    private Path dir;
    private JdbcConnectionPool pool;
    private JdbcObjectStore jdbc;

    @Setup(Level.Iteration)
    public void setup() throws IOException {
        ObjectCodec codec = new ObjectCodec();
        ResourceCatalog catalog = Kinds.catalog(new ServiceIpAllocator("10.96.0.0/12"));
        ObjectStore objects = "h2".equals(store) ? h2() : new MemoryStore();
        WatchHub hub = new WatchHub(objects, ResourceRegistry.indexer(codec, catalog),
                new WatchProperties(10_000, 10_000, Duration.ofSeconds(60), java.util.Set.of()));
        ResourceRegistry.describe(catalog, hub);
        hub.start();
        registry = new ResourceRegistry(catalog, codec, objects, hub, Clock.systemUTC(), new RegistryProperties(
                3_145_728, Duration.ofSeconds(3), Duration.ofSeconds(1800), Duration.ZERO, "10.96.0.0/12"));
        registry.create(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build(),
                WriteOptions.manager("bench"));
        pods = catalog.strategy(Pod.class);
        Pod template = Samples.pod(null);
        template.getMetadata().setGenerateName("web-5d8f7c6b9-");
        createBody = codec.encode(template);
        updateBodies = new String[2];
        for (int i = 0; i < 2; i++) {
            Pod p = Samples.pod("target");
            p.getMetadata().getAnnotations().put("bench.kubesim.io/toggle", Integer.toString(i));
            p.getMetadata().setResourceVersion(RV);
            updateBodies[i] = new String(codec.encode(p), StandardCharsets.UTF_8);
        }
        Pod target = Samples.pod("target");
        targetRevision = registry.create(pods, "default", RequestBody.json(codec.encode(target)), WriteOptions.defaults())
                .object().revision();
    }

    private ObjectStore h2() throws IOException {
        dir = Files.createTempDirectory("kubesim-jmh-");
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("kubesim").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "");
        pool.setMaxConnections(8);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcObjectStore(pool, new StorageProperties(512, 65_536, 10_000, Duration.ofMinutes(5),
                Duration.ofMinutes(1)), Clock.systemUTC());
        return jdbc;
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        if (jdbc != null) {
            jdbc.close();
            pool.dispose();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            jdbc = null;
        }
    }

    /** POST of a new pod (generateName), one caller. */
    @Benchmark
    public WriteResult createPod() {
        return registry.create(pods, "default", RequestBody.json(createBody), WriteOptions.defaults());
    }

    /** POST of new pods by four concurrent callers (group commit batches their transactions). */
    @Benchmark
    @Threads(4)
    public WriteResult createPod4Threads() {
        return registry.create(pods, "default", RequestBody.json(createBody), WriteOptions.defaults());
    }

    /** PUT of one existing pod with its current resourceVersion, toggling an annotation (one caller). */
    @Benchmark
    public WriteResult replacePod() {
        String body = updateBodies[(int) (updates.incrementAndGet() & 1)].replace(RV, Long.toString(targetRevision));
        WriteResult r = registry.replace(pods, "default", "target", Subresource.MAIN,
                RequestBody.json(body.getBytes(StandardCharsets.UTF_8)), WriteOptions.defaults());
        targetRevision = r.object().revision();
        return r;
    }
}
