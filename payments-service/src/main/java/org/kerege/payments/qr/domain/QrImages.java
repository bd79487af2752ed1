package org.kerege.payments.qr.domain;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR images of a payload: the module matrix from ZXing (error correction M, 4-module quiet zone), drawn
 * as a PNG or as a true vector SVG (one path of unit squares per run of dark modules, no raster inside).
 */
public final class QrImages {

    /** Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
    public static final int QUIET_ZONE = 4;

    private QrImages() {
    }

    /** The module matrix, quiet zone included, one bit per module. */
    public static BitMatrix matrix(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload cannot be put in a QR code: " + e.getMessage(), e);
        }
    }

    /** A black-on-white PNG, {@code modulePixels} pixels per module. */
    public static byte[] png(String payload, int modulePixels) {
        BitMatrix m = matrix(payload);
        int size = m.getWidth() * modulePixels;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, m.get(x / modulePixels, y / modulePixels) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG whose user units are modules: a white background rectangle and one black path made of a
     * horizontal rectangle per run of dark modules in each row ({@code M x y h w v 1 h -w z}).
     */
    public static String svg(String payload) {
        BitMatrix m = matrix(payload);
        int w = m.getWidth();
        int h = m.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && m.get(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 %d %d" width="%d" height="%d" \
                shape-rendering="crispEdges">
                <title>Payment QR code</title>
                <rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>
                <path fill="#000000" d="%s"/>
                </svg>
                """.formatted(w, h, w * 8, h * 8, w, h, path);
    }
}
