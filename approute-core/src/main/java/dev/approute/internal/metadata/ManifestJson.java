package dev.approute.internal.metadata;

import dev.approute.MetadataRoute.Manifest;
import dev.approute.internal.json.Json;

/** A Web App Manifest as {@code JSON.stringify} writes Next's object: compact, members in the order they were set. */
public final class ManifestJson {
    private ManifestJson() {
    }

    public static String render(Manifest manifest) {
        return Json.encodeToString(manifest.members());
    }
}
