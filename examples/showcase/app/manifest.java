// Metadata route /manifest.webmanifest (not in the Next oracle: a demo of MetadataRoute.Manifest).
class Manifest {
    static MetadataRoute.Manifest manifest() {
        return MetadataRoute.Manifest.create()
                .name("approute showcase").shortName("showcase").description("Next.js route handlers on the JVM")
                .startUrl("/").display("standalone").backgroundColor("#ffffff").themeColor("#0b7285")
                .icon(MetadataRoute.Icon.of("/icon").sizes("32x32").type("image/png"));
    }
}
