package org.baraza.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.db.Stores;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;

/** The benchmarks' media: a real WAV of silence, written where the simulator reads it and registered as an asset. */
final class Silence {

    /** Where FreeSWITCH finds Baraza's media: the production path, kept under the simulator's file root. */
    static final Path MEDIA_ROOT = Path.of("/var/lib/baraza/media");

    private Silence() {
    }

    /** Where {@link #MEDIA_ROOT} lies for a simulator whose file root is {@code fileRoot}. */
    static Path mediaUnder(Path fileRoot) {
        return fileRoot.resolve(MEDIA_ROOT.toString().substring(1));
    }

    /**
     * A WAV of silence (8 kHz, 16-bit mono) of {@code length}, written under {@code mediaDirectory} (the directory the
     * daemon's media root names, as the simulator reads it), registered in {@code network} as a piece of {@code kind}.
     */
    static MediaAsset register(Stores stores, NetworkId network, Path mediaDirectory, Duration length, MediaKind kind)
            throws IOException {
        int samples = (int) (length.toMillis() * 8);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        byte[] bytes = wav.array();
        String relative = "bench/silence-" + length.toMillis() + ".wav";
        Path file = mediaDirectory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return stores.media().register(network, new MediaAssetDetails(null, "Silence", kind, "en", relative,
                sha256(bytes), AudioFormat.WAV, (int) length.toMillis(), 8000, 1, bytes.length, null, null));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
