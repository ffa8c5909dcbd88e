// Metadata route /opengraph-image (not in the Next oracle): the social card, drawn with Java2D.
import java.awt.Color;
import java.awt.Font;

class OpengraphImage {
    static final String alt = "approute: Next.js route handlers, rebuilt for Java";
    static final ImageResponse.Size size = new ImageResponse.Size(1200, 630);
    static final String contentType = "image/png";

    static Response image() {
        return ImageResponse.png(size, g -> {
            g.setColor(new Color(0x0b, 0x72, 0x85));
            g.fillRect(0, 0, size.width(), size.height());
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 120));
            g.drawString("approute", 80, 300);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
            g.drawString("Next.js route handlers, rebuilt for Java", 80, 400);
        });
    }
}
