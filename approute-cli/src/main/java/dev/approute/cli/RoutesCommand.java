package dev.approute.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.approute.internal.app.Problems;
import dev.approute.internal.router.CanonicalPath;
import dev.approute.internal.router.PathCanonicalizer;
import dev.approute.internal.router.RouteMatch;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.runtime.Endpoint;
import dev.approute.internal.util.PercentDecoding.MalformedEncodingException;

@Command(name = "routes", description = "Print the route table in match order, or which route a URL reaches.")
final class RoutesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    AppOption app;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--match", paramLabel = "<url-path>", description = "Print the route file and params the path reaches, as JSON.")
    String match;

    @Override
    public Integer call() throws Exception {
        AppAssembler.Built built;
        try {
            built = load();
        } catch (Problems problems) {
            System.err.println(problems.report());
            return 1;
        }
        if (match != null) {
            return printMatch(built);
        }
        if (json) {
            System.out.println(JSON.writeValueAsString(RouteTablePrinter.rows(app.layout(), built)));
        } else {
            System.out.print(RouteTablePrinter.table(app.layout(), built));
        }
        return 0;
    }

    /** A fresh build is read as is; otherwise the app is compiled now. */
    private AppAssembler.Built load() {
        AppAssembler assembler = new AppAssembler(app.layout());
        try {
            return assembler.loadBuilt();
        } catch (Problems stale) {
            return assembler.compileAndLoad();
        }
    }

    private int printMatch(AppAssembler.Built built) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", match);
        String path = match;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        CanonicalPath canonical = PathCanonicalizer.canonicalize(path);
        switch (canonical) {
            case CanonicalPath.Redirect redirect -> {
                out.put("status", 308);
                out.put("location", redirect.path());
            }
            case CanonicalPath.Invalid invalid -> {
                out.put("status", 400);
                out.put("error", invalid.reason());
            }
            case CanonicalPath.Ok ok -> {
                try {
                    RouteMatch<Endpoint> found = built.routes().table().match(ok.path());
                    if (found == null) {
                        out.put("status", 404);
                    } else {
                        out.put("status", 200);
                        out.put("pattern", found.pattern().toString());
                        out.put("file", app.layout().relative(found.value().entry().file()).toString());
                        out.put("params", found.params().toMap());
                    }
                } catch (MalformedEncodingException e) {
                    out.put("status", 400);
                    out.put("error", e.getMessage());
                }
            }
        }
        System.out.println(JSON.writeValueAsString(out));
        return Integer.valueOf(404).equals(out.get("status")) ? 1 : 0;
    }
}
