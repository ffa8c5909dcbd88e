package dev.approute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageResponseTest {
    private static BufferedImage decode(Response response) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(((Response.Bytes) response.body()).data()));
    }

    @Test
    void aPngIsDrawnHeadlessWithNextsHeaders() throws IOException {
        Response response = ImageResponse.png(40, 20, g -> {
            g.setColor(Color.RED);
            g.fillRect(0, 0, 20, 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString("A", 24, 15);
        });
        assertThat(response.headers().get("content-type")).isEqualTo("image/png");
        assertThat(response.headers().get("cache-control")).isEqualTo("public, max-age=0, must-revalidate");
        BufferedImage image = decode(response);
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(20);
        assertThat(image.getRGB(5, 5)).isEqualTo(Color.RED.getRGB());
        assertThat(image.getRGB(39, 0) >>> 24).as("untouched PNG pixels stay transparent").isZero();
    }

    @Test
    void aJpegStartsWhite() throws IOException {
        Response response = ImageResponse.jpeg(new ImageResponse.Size(16, 16), g -> { });
        assertThat(response.headers().get("content-type")).isEqualTo("image/jpeg");
        Color corner = new Color(decode(response).getRGB(0, 0));
        assertThat(corner.getRed()).isGreaterThan(245);
        assertThat(corner.getBlue()).isGreaterThan(245);
    }

    @Test
    void sizesAndContentTypesAreChecked() {
        assertThatThrownBy(() -> new ImageResponse.Size(0, 10)).hasMessageContaining("1 to 4096");
        assertThatThrownBy(() -> new ImageResponse.Size(10, 5000)).hasMessageContaining("10x5000");
        assertThatThrownBy(() -> ImageResponse.of(new ImageResponse.Size(1, 1), "image/webp", g -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image/webp").hasMessageContaining("Response.bytes");
    }

    @Test
    void aPainterFailureKeepsItsCause() {
        IOException cause = new IOException("font missing");
        assertThatThrownBy(() -> ImageResponse.png(2, 2, g -> {
            throw cause;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("2x2").hasCause(cause);
    }
}
