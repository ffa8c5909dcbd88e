package dev.approute.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.approute.Response;
import dev.approute.internal.json.Json;

/**
 * The {@code Response.json} encode path: Jackson ({@code Json.encode}) plus the Response/Headers construction,
 * for the docs' small map and for a ~1 KB object (a record graph). {@code jacksonOnly*} isolate the encoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonEncodeBenchmark {
    public record Item(long id, String name, String sku, double price, boolean inStock, List<String> tags) {
    }

    public record Order(String id, String customer, String email, String status, long createdAt, List<Item> items,
                        Map<String, String> shipping) {
    }

    private Map<String, Object> small;
    private Order kilobyte;

    @Setup
    public void setUp() {
        small = Map.of("message", "Hello World");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(new Item(1000 + i, "Item number " + i, "SKU-" + (4711 + i), 19.99 + i, i % 2 == 0,
                    List.of("tag-a", "tag-b")));
        }
        Map<String, String> shipping = new LinkedHashMap<>();
        shipping.put("name", "Ada Lovelace");
        shipping.put("street", "12 Analytical Engine Way");
        shipping.put("city", "London");
        shipping.put("country", "GB");
        kilobyte = new Order("ord_8f14e45fceea167a", "cus_42", "ada@example.com", "paid", 1_700_000_000_000L, items, shipping);
        int size = Json.encode(kilobyte).length;
        if (size < 900 || size > 1200) {
            throw new IllegalStateException("the 1 KB object encodes to " + size + " bytes");
        }
    }

    @Benchmark
    public Response responseJsonSmallMap() {
        return Response.json(small);
    }

    @Benchmark
    public Response responseJson1KB() {
        return Response.json(kilobyte);
    }

    @Benchmark
    public byte[] jacksonOnlySmallMap() {
        return Json.encode(small);
    }

    @Benchmark
    public byte[] jacksonOnly1KB() {
        return Json.encode(kilobyte);
    }
}
