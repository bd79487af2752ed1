package org.kerege.payments.qr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImagesTest {

    static final String PAYLOAD = EmvQr.encode("23456789Q", 850000, Currency.getInstance("MNT"), EmvQrTest.MN);

    static String decodePng(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void the_png_decodes_to_the_payload() throws Exception {
        byte[] png = QrImages.png(PAYLOAD, 8);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(PAYLOAD, decodePng(png));
    }

    @Test
    void the_svg_is_vector_paths_of_exactly_the_dark_modules() {
        String svg = QrImages.svg(PAYLOAD);
        assertTrue(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertFalse(svg.contains("<image"), "no embedded raster");
        assertFalse(svg.contains("base64"));
        BitMatrix m = QrImages.matrix(PAYLOAD);
        // redraw the matrix from the path's runs and compare module by module
        boolean[][] drawn = new boolean[m.getHeight()][m.getWidth()];
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            assertEquals(w, Integer.parseInt(run.group(4)));
            for (int i = 0; i < w; i++) {
                drawn[y][x + i] = true;
            }
            runs++;
        }
        assertTrue(runs > 100);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                assertEquals(m.get(x, y), drawn[y][x], "module " + x + "," + y);
            }
        }
        assertTrue(svg.contains("viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight() + "\""));
    }

    @Test
    void the_quiet_zone_is_four_modules_wide() {
        BitMatrix m = QrImages.matrix(PAYLOAD);
        for (int i = 0; i < m.getWidth(); i++) {
            for (int q = 0; q < 4; q++) {
                assertFalse(m.get(i, q));
                assertFalse(m.get(q, i));
            }
        }
        assertTrue(m.get(4, 4), "finder pattern starts right after the quiet zone");
    }
}
