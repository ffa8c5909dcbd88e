package dev.approute;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An image drawn with Java2D and sent as PNG or JPEG: the {@code ImageResponse} of Next.js's {@code next/og}, for
 * {@code icon.java}, {@code apple-icon.java}, {@code opengraph-image.java} and {@code twitter-image.java} (or any
 * route). Drawing is headless: no display is needed.
 *
 * <pre>{@code
 * // app/opengraph-image.java  ->  /opengraph-image
 * import java.awt.Color;
 * import java.awt.Font;
 *
 * class OpengraphImage {
 *     static final String alt = "Acme: tools for builders";
 *     static final ImageResponse.Size size = new ImageResponse.Size(1200, 630);
 *     static final String contentType = "image/png";
 *
 *     static Response image() {
 *         return ImageResponse.png(size, g -> {
 *             g.setColor(Color.WHITE);
 *             g.fillRect(0, 0, size.width(), size.height());
 *             g.setColor(Color.BLACK);
 *             g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 96));
 *             g.drawString("Acme", 80, 340);
 *         });
 *     }
 * }
 * }</pre>
 *
 * The response has {@code Content-Type: image/png} (or {@code image/jpeg}) and Next's
 * {@code Cache-Control: public, max-age=0, must-revalidate}; change either with {@link Response#with}.
 * A PNG starts transparent, a JPEG white. Antialiasing is on.
 */
public final class ImageResponse {
    /** The largest width or height drawn: bigger canvases would take hundreds of megabytes. */
    public static final int MAX_SIDE = 4096;

    private static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    static {
        // A server never opens a window; without this, AWT may look for a display on some systems.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ImageResponse() {
    }

    /**
     * An image's size in pixels (Next's exported {@code size = { width, height }}).
     *
     * @throws IllegalArgumentException when a side is not between 1 and {@link #MAX_SIDE}
     */
    public record Size(int width, int height) {
        public Size {
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new IllegalArgumentException("an image size must be 1 to " + MAX_SIDE + " pixels per side, got "
                        + width + "x" + height);
            }
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** Draws on a fresh canvas of the requested size. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g) throws Exception;
    }

    /** A PNG of {@code width} x {@code height} pixels. */
    public static Response png(int width, int height, Painter painter) {
        return png(new Size(width, height), painter);
    }

    /** A PNG of {@code size}. */
    public static Response png(Size size, Painter painter) {
        return of(size, "image/png", painter);
    }

    /** A JPEG of {@code size} (no transparency: the canvas starts white). */
    public static Response jpeg(Size size, Painter painter) {
        return of(size, "image/jpeg", painter);
    }

    /**
     * An image of {@code size} encoded as {@code contentType}: {@code image/png} or {@code image/jpeg} (pass the class's
     * {@code contentType} constant).
     *
     * @throws IllegalArgumentException for another content type
     * @throws IllegalStateException    when the painter throws (the cause is kept)
     */
    public static Response of(Size size, String contentType, Painter painter) {
        boolean jpeg = switch (contentType) {
            case "image/png" -> false;
            case "image/jpeg" -> true;
            default -> throw new IllegalArgumentException("ImageResponse draws image/png or image/jpeg, not " + contentType
                    + ": serve other formats with Response.bytes(data, init -> init.contentType(...))");
        };
        BufferedImage canvas = new BufferedImage(size.width(), size.height(),
                jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            if (jpeg) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, size.width(), size.height());
            }
            g.setColor(Color.BLACK);
            painter.paint(g);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("drawing the " + size + " image failed: " + e, e);
        } finally {
            g.dispose();
        }
        byte[] encoded = encode(canvas, jpeg ? "jpeg" : "png");
        return Response.bytes(encoded, init -> init.contentType(contentType).header("cache-control", CACHE_CONTROL));
    }

    // Into memory: ImageIO.write(image, format, stream) would buffer through a temporary file by default.
    private static byte[] encode(BufferedImage image, String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no " + format + " encoder (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
