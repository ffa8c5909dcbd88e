// Metadata route /icon (not in the Next oracle): a 32x32 PNG drawn with Java2D.
import java.awt.Color;

class Icon {
    static final ImageResponse.Size size = new ImageResponse.Size(32, 32);
    static final String contentType = "image/png";

    static Response icon() {
        return ImageResponse.png(size, g -> {
            g.setColor(new Color(0x0b, 0x72, 0x85));
            g.fillRoundRect(0, 0, size.width(), size.height(), 8, 8);
            g.setColor(Color.WHITE);
            g.fillOval(9, 9, 14, 14);
        });
    }
}
