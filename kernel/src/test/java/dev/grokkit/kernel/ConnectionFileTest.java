package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection file given at start: every defect is named with the file, the key and the value. */
class ConnectionFileTest {

    private static final String GOOD = "{\"shell_port\": 5001, \"iopub_port\": 5002, \"stdin_port\": 5003, "
            + "\"control_port\": 5004, \"hb_port\": 5005, \"ip\": \"127.0.0.1\", \"key\": \"secret\", "
            + "\"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"java\"}";

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("kernel.json"), text);
    }

    private String refusal(Path file) {
        String message = assertThrows(IllegalArgumentException.class, () -> ConnectionFile.read(file)).getMessage();
        assertTrue(message.startsWith("connection file " + file.toAbsolutePath() + " "), message);
        return message.substring(("connection file " + file.toAbsolutePath() + " ").length());
    }

    @Test
    void aGoodFileGivesItsSettings() throws Exception {
        KernelConnectionProperties p = ConnectionFile.read(write(GOOD));
        assertEquals("127.0.0.1", p.getIp());
        assertEquals(5001, p.getShellPort());
        assertEquals(5002, p.getIopubPort());
        assertEquals(5003, p.getStdinPort());
        assertEquals(5004, p.getControlPort());
        assertEquals(5005, p.getHbPort());
        assertEquals("hmac-sha256", p.getSignatureScheme());
        assertEquals("secret", p.getKey());
    }

    @Test
    void missingUnreadableOrMalformedFilesAreNamed() throws Exception {
        assertEquals("does not exist", refusal(dir.resolve("absent.json")));
        assertEquals("is not a regular file", refusal(dir));
        assertTrue(refusal(write("{\"shell_port\": ")).startsWith("is not well-formed JSON: "));
        assertEquals("is not a JSON object", refusal(write("[1, 2]")));
        assertEquals("is not a JSON object", refusal(write("")));
        assertEquals("is not UTF-8 text", refusal(Files.write(dir.resolve("binary.json"),
                new byte[] {'{', (byte) 0xff, '}'})));
    }

    @Test
    void missingOrMistypedKeysAreNamed() throws Exception {
        assertEquals("has no 'shell_port'", refusal(write(GOOD.replace("\"shell_port\": 5001, ", ""))));
        assertEquals("has no 'ip'", refusal(write(GOOD.replace("\"ip\": \"127.0.0.1\", ", ""))));
        assertEquals("has no 'transport'", refusal(write(GOOD.replace("\"transport\": \"tcp\", ", ""))));
        assertEquals("'ip' must be a string, was 127", refusal(write(GOOD.replace("\"127.0.0.1\"", "127"))));
        assertEquals("has no 'key'", refusal(write(GOOD.replace("\"secret\"", "null"))));
        assertEquals("'key' must be a string, was 12", refusal(write(GOOD.replace("\"secret\"", "12"))));
    }

    @Test
    void badPortsAreNamedWithTheirValue() throws Exception {
        assertEquals("'hb_port' must be a port in 1..65535, was 70000", refusal(write(GOOD.replace("5005", "70000"))));
        assertEquals("'hb_port' must be a port in 1..65535, was 0", refusal(write(GOOD.replace("5005", "0"))));
        assertEquals("'hb_port' must be a port in 1..65535, was -3", refusal(write(GOOD.replace("5005", "-3"))));
        assertEquals("'hb_port' must be a port in 1..65535, was 50.5", refusal(write(GOOD.replace("5005", "50.5"))));
        assertEquals("'hb_port' must be a port number, was \"abc\"", refusal(write(GOOD.replace("5005", "\"abc\""))));
        assertEquals("'hb_port' and 'shell_port' are both 5001", refusal(write(GOOD.replace("5005", "5001"))));
    }

    @Test
    void unknownTransportOrSignatureSchemeIsNamed() throws Exception {
        assertEquals("transport 'udp' is not one of [tcp, ipc]", refusal(write(GOOD.replace("\"tcp\"", "\"udp\""))));
        assertEquals("signature_scheme 'hmac-nosuch' is not supported (use hmac-sha256)",
                refusal(write(GOOD.replace("hmac-sha256", "hmac-nosuch"))));
        assertEquals("signature_scheme 'rot13' is not supported (use hmac-sha256)",
                refusal(write(GOOD.replace("hmac-sha256", "rot13"))));
        KernelConnectionProperties unsigned = ConnectionFile.read(write(GOOD.replace("\"secret\"", "\"\"")
                .replace("hmac-sha256", "rot13")));
        assertEquals("", unsigned.getKey(), "without a key no message is signed, so the scheme is not used");
    }
}
