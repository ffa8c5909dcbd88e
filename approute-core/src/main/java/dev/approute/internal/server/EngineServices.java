package dev.approute.internal.server;

import io.helidon.service.registry.GlobalServiceRegistry;
import io.helidon.service.registry.ServiceRegistryConfig;
import io.helidon.service.registry.ServiceRegistryManager;

/**
 * Helidon's global service registry, made without discovery. Left to itself, Helidon's first use (its routing's
 * static set-up) scans every jar for service descriptors and instantiates what it finds: about a third of the
 * engine's start-up CPU (bench/startup/run, docs/performance.md). approute names everything it uses (the HTTP/1.1
 * and HTTP/2 protocols; no features, media supports, encodings or mappers beyond Helidon's built-in ones), so
 * nothing needs finding. An application that configured the registry first keeps its own.
 */
final class EngineServices {
    private EngineServices() {
    }

    static void useRegistryWithoutDiscovery() {
        if (GlobalServiceRegistry.configured()) {
            return;
        }
        GlobalServiceRegistry.registry(() -> ServiceRegistryManager.create(ServiceRegistryConfig.builder()
                        .discoverServices(false)
                        .discoverServicesFromServiceLoader(false)
                        .build())
                .registry());
    }
}
