package dev.grokkit.kernel.channels;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.adapters.HistoryRequestAdapter;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zeromq.ZMQ;

/**
 * Reads one Jupyter wire message (identities, {@code <IDS|MSG>}, signature, header, parent
 * header, metadata, content, buffers) and checks all of it before anything acts on it: the
 * frame count, the signature, that every JSON frame is a well-formed UTF-8 object, and that the
 * header names the message. What fails is a {@link Refused} naming the problem; the whole
 * multipart message has been consumed either way, so the next message starts clean.
 */
final class MessageDecoder {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type MAP = new TypeToken<Map<String, Object>>() {}.getType();
    private static final Gson CONTENT = new GsonBuilder()
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE).create();

    /** A message that is dropped, with why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private final HMACGenerator signer;

    MessageDecoder(HMACGenerator signer) {
        this.signer = signer;
    }

    /** Every frame of the next multipart message on {@code socket} (blocks until one arrives). */
    static List<byte[]> receiveFrames(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(socket.recv());
        } while (socket.hasReceiveMore());
        return frames;
    }

    Message<?> decode(List<byte[]> frames) throws Refused {
        int delimiter = indexOfDelimiter(frames);
        int parts = frames.size() - delimiter - 1;
        if (parts < 5) {
            throw new Refused(parts + " frames after <IDS|MSG>; a message has at least 5 (signature, header, "
                    + "parent header, metadata, content)");
        }
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        checkSignature(frames.get(delimiter + 1), header, parent, metadata, content);

        JsonObject headerJson = object(header, "header");
        object(parent, "parent header");
        JsonObject metadataJson = object(metadata, "metadata");
        JsonObject contentJson = object(content, "content");
        String msgType = requiredString(headerJson, "msg_type");
        MessageType<?> type = MessageType.getType(msgType);
        if (type == MessageType.UNKNOWN) {
            throw new Refused("unknown msg_type '" + msgType + "'");
        }
        Header<?> parsedHeader = header(headerJson, type);
        Object parsedContent;
        Map<String, Object> parsedMetadata;
        try {
            parsedContent = CONTENT.fromJson(contentJson, type.getContentType());
            parsedMetadata = CONTENT.fromJson(metadataJson, MAP);
        } catch (RuntimeException e) {
            throw new Refused("content does not fit msg_type '" + msgType + "': " + abbreviated(firstLine(e)));
        }
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        List<byte[]> buffers = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        // the parent header of a request is not used by the kernel: checked above, not kept
        @SuppressWarnings({"unchecked", "rawtypes"})
        Message<?> message = new Message(identities, parsedHeader, null, parsedMetadata, parsedContent, buffers);
        return message;
    }

    private static int indexOfDelimiter(List<byte[]> frames) throws Refused {
        for (int i = 0; i < frames.size(); i++) {
            if (MessageDigest.isEqual(DELIMITER, frames.get(i))) {
                return i;
            }
        }
        throw new Refused("no <IDS|MSG> delimiter among its " + frames.size() + " frames");
    }

    private void checkSignature(byte[] received, byte[]... signed) throws Refused {
        String expected = signer.calculateSignature(signed);
        if (expected == null || expected.isEmpty()) {
            return; // the connection file has no key: messages are not signed
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), received)) {
            throw new Refused("invalid signature");
        }
    }

    private static JsonObject object(byte[] frame, String name) throws Refused {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(frame)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("the " + name + " frame is not UTF-8");
        }
        JsonElement element;
        try {
            element = JsonParser.parseString(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Refused("the " + name + " frame is not well-formed JSON: " + abbreviated(firstLine(e)));
        }
        if (!element.isJsonObject()) {
            throw new Refused("the " + name + " frame is not a JSON object: " + abbreviated(text));
        }
        return element.getAsJsonObject();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Header<?> header(JsonObject json, MessageType<?> type) throws Refused {
        String date = optionalString(json, "date");
        String id = requiredString(json, "msg_id");
        String session = requiredString(json, "session");
        try {
            return new Header(id, optionalString(json, "username"), session,
                    date == null ? KernelTimestamp.now() : new KernelTimestamp(date), type, optionalString(json, "version"));
        } catch (RuntimeException e) {
            throw new Refused("the header's date '" + abbreviated(date) + "' is not a timestamp: "
                    + abbreviated(firstLine(e)));
        }
    }

    private static String requiredString(JsonObject json, String key) throws Refused {
        String value = optionalString(json, key);
        if (value == null) {
            throw new Refused("the header has no string '" + key + "': " + abbreviated(json.toString()));
        }
        return value;
    }

    private static String optionalString(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : null;
    }

    private static String firstLine(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }
}
