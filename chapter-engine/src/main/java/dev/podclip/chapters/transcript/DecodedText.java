package dev.podclip.chapters.transcript;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Warning;
import dev.podclip.chapters.WarningCode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bytes as published into text: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); without one, UTF-16 is sniffed
 * from zero bytes, then strict UTF-8 is tried, then Windows-1252 (what CRLF files from Windows tools are), the last
 * two guesses leaving {@code encoding-guessed}.
 *
 * @param text    the text, BOM removed
 * @param warning an {@code encoding-guessed} warning, or empty when the bytes said their encoding
 */
record DecodedText(String text, Optional<Warning> warning) {

    /** How many leading bytes the UTF-16 sniff looks at: enough for a few lines, cheap for large files. */
    private static final int SNIFF_BYTES = 512;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

    static DecodedText decode(byte[] bytes, int maxBytes) {
        if (bytes == null) {
            throw new ChapterEngineException(ErrorCode.UNREADABLE_ENCODING, "no input");
        }
        if (bytes.length > maxBytes) {
            throw new ChapterEngineException(ErrorCode.INPUT_TOO_LARGE,
                    "input is " + bytes.length + " bytes, the limit is " + maxBytes);
        }
        int n = bytes.length;
        if (n >= 4 && b(bytes, 0) == 0xFF && b(bytes, 1) == 0xFE && b(bytes, 2) == 0 && b(bytes, 3) == 0) {
            return exact(bytes, 4, UTF_32LE);
        }
        if (n >= 4 && b(bytes, 0) == 0 && b(bytes, 1) == 0 && b(bytes, 2) == 0xFE && b(bytes, 3) == 0xFF) {
            return exact(bytes, 4, UTF_32BE);
        }
        if (n >= 3 && b(bytes, 0) == 0xEF && b(bytes, 1) == 0xBB && b(bytes, 2) == 0xBF) {
            return exact(bytes, 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && b(bytes, 0) == 0xFF && b(bytes, 1) == 0xFE) {
            return exact(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && b(bytes, 0) == 0xFE && b(bytes, 1) == 0xFF) {
            return exact(bytes, 2, StandardCharsets.UTF_16BE);
        }
        Charset utf16 = sniffUtf16(bytes);
        if (utf16 != null) {
            return guessed(lenient(bytes, 0, utf16), "no byte order mark; read as " + utf16.name()
                    + " because every other byte is zero");
        }
        try {
            return new DecodedText(stripBom(strict(bytes, StandardCharsets.UTF_8)), Optional.empty());
        } catch (CharacterCodingException notUtf8) {
            return guessed(lenient(bytes, 0, WINDOWS_1252), "not valid UTF-8; read as Windows-1252");
        }
    }

    private static DecodedText exact(byte[] bytes, int offset, Charset charset) {
        return new DecodedText(stripBom(lenient(bytes, offset, charset)), Optional.empty());
    }

    private static DecodedText guessed(String text, String message) {
        return new DecodedText(stripBom(text), Optional.of(Warning.of(WarningCode.ENCODING_GUESSED, message)));
    }

    /** UTF-16 text of mostly ASCII has a zero in every other byte; which half says the byte order. */
    private static Charset sniffUtf16(byte[] bytes) {
        int limit = Math.min(bytes.length, SNIFF_BYTES) & ~1;
        if (limit < 4) {
            return null;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < limit; i += 2) {
            if (bytes[i] == 0) {
                zerosEven++;
            }
            if (bytes[i + 1] == 0) {
                zerosOdd++;
            }
        }
        int pairs = limit / 2;
        if (zerosOdd * 10 >= pairs * 7 && zerosEven * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (zerosEven * 10 >= pairs * 7 && zerosOdd * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String strict(byte[] bytes, Charset charset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    private static String lenient(byte[] bytes, int offset, Charset charset) {
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static int b(byte[] bytes, int i) {
        return bytes[i] & 0xFF;
    }
}
