package dev.grokkit.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;

/**
 * The connection file Jupyter gives the kernel at start, read and checked whole before any
 * socket opens: a missing or unreadable file, JSON that is malformed or not an object, a missing
 * or mistyped key, a port outside 1..65535 or used twice, an unknown transport or signature
 * scheme is an {@link IllegalArgumentException} naming the file, the key and the value.
 */
final class ConnectionFile {

    private static final List<String> PORTS = List.of("shell_port", "control_port", "stdin_port", "hb_port",
            "iopub_port");
    private static final List<String> TRANSPORTS = List.of("tcp", "ipc");

    private ConnectionFile() {}

    static KernelConnectionProperties read(Path file) {
        JsonObject json = parse(file);
        String transport = string(file, json, "transport");
        if (!TRANSPORTS.contains(transport)) {
            throw bad(file, "transport '" + transport + "' is not one of " + TRANSPORTS);
        }
        Map<String, Integer> ports = new HashMap<>();
        Map<Integer, String> owners = new HashMap<>();
        for (String name : PORTS) {
            int port = port(file, json, name);
            String other = owners.put(port, name);
            if (other != null) {
                throw bad(file, "'" + name + "' and '" + other + "' are both " + port);
            }
            ports.put(name, port);
        }
        String key = json.has("key") ? string(file, json, "key") : "";
        String scheme = json.has("signature_scheme") ? string(file, json, "signature_scheme") : "hmac-sha256";
        if (!key.isEmpty()) {
            checkScheme(file, scheme);
        }
        return new KernelConnectionProperties(string(file, json, "ip"), ports.get("control_port"),
                ports.get("shell_port"), ports.get("stdin_port"), ports.get("hb_port"), ports.get("iopub_port"),
                transport, scheme, key);
    }

    private static JsonObject parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw bad(file, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw bad(file, "cannot be read: " + e);
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw bad(file, "is not well-formed JSON: " + e.getMessage());
        }
        if (!json.isJsonObject()) {
            throw bad(file, "is not a JSON object");
        }
        return json.getAsJsonObject();
    }

    private static String string(Path file, JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            throw bad(file, "has no '" + key + "'");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw bad(file, "'" + key + "' must be a string, was " + value);
        }
        return value.getAsString();
    }

    private static int port(Path file, JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            throw bad(file, "has no '" + key + "'");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw bad(file, "'" + key + "' must be a port number, was " + value);
        }
        double port = value.getAsDouble();
        if (port != Math.rint(port) || port < 1 || port > 65535) {
            throw bad(file, "'" + key + "' must be a port in 1..65535, was " + value);
        }
        return (int) port;
    }

    private static void checkScheme(Path file, String scheme) {
        try {
            if (!scheme.startsWith("hmac-")) {
                throw new NoSuchAlgorithmException(scheme);
            }
            Mac.getInstance(scheme.replace("-", ""));
        } catch (NoSuchAlgorithmException e) {
            throw bad(file, "signature_scheme '" + scheme + "' is not supported (use hmac-sha256)");
        }
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException("connection file " + file.toAbsolutePath() + " " + problem);
    }
}
