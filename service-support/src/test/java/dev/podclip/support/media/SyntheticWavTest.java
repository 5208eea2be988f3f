package dev.podclip.support.media;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticWavTest {

    @Test
    void isAWavFileOfTheAskedLength() throws Exception {
        long durationMs = 90_000;
        byte[] whole = SyntheticWav.range(durationMs, 0, SyntheticWav.sizeBytes(durationMs));

        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(whole));

        assertThat(format.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(format.getFormat().getSampleRate()).isEqualTo(8_000f);
        assertThat(format.getFrameLength()).isEqualTo(durationMs * 8);
    }

    @Test
    void anyRangeEqualsTheSameBytesOfTheWholeFile() {
        long durationMs = 5_000;
        byte[] whole = SyntheticWav.range(durationMs, 0, SyntheticWav.sizeBytes(durationMs));

        byte[] middle = SyntheticWav.range(durationMs, 30, 9_000);

        for (int i = 0; i < middle.length; i++) {
            assertThat(middle[i]).isEqualTo(whole[30 + i]);
        }
    }

    @Test
    void refusesRangesOutsideTheFile() {
        assertThatThrownBy(() -> SyntheticWav.range(1_000, 0, SyntheticWav.sizeBytes(1_000) + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticWav.sizeBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
