package io.flowgate.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small generated images, base64-encoded, for reference-photo tests. */
public final class TestImages {

    private TestImages() {
    }

    public static String pngBase64() {
        return Base64.getEncoder().encodeToString(image("png"));
    }

    public static String jpegBase64() {
        return Base64.getEncoder().encodeToString(image("jpg"));
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
