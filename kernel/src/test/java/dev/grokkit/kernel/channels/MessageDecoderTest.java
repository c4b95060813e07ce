package dev.grokkit.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every part of a wire message is checked before the kernel acts on it, and a refusal says
 * which part and why (the protocol test sends the same kinds to a running kernel).
 */
class MessageDecoderTest {

    private static final String HEADER = "{\"msg_id\": \"m1\", \"username\": \"u\", \"session\": \"s1\", "
            + "\"date\": \"2026-12-07T00:00:00.000000Z\", \"msg_type\": \"execute_request\", \"version\": \"5.3\"}";

    private final HMACGenerator signer;
    private final MessageDecoder decoder;

    MessageDecoderTest() throws Exception {
        signer = new HMACGenerator("hmac-sha256", "key");
        decoder = new MessageDecoder(signer);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<byte[]> signed(HMACGenerator by, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        List<byte[]> frames = new ArrayList<>(List.of(bytes("client-id"), bytes("<IDS|MSG>")));
        frames.add(bytes(by.calculateSignature(header, parent, metadata, content)));
        frames.addAll(List.of(header, parent, metadata, content));
        return frames;
    }

    private List<byte[]> message(String header, String parent, String metadata, String content) {
        return signed(signer, bytes(header), bytes(parent), bytes(metadata), bytes(content));
    }

    private String refusal(List<byte[]> frames) {
        return assertThrows(MessageDecoder.Refused.class, () -> decoder.decode(frames)).getMessage();
    }

    @Test
    void aGoodMessageIsDecoded() throws Exception {
        List<byte[]> frames = message(HEADER, "{}", "{}", "{\"code\": \"1 + 1\", \"silent\": false}");
        frames.add(bytes("a buffer"));
        Message<?> message = decoder.decode(frames);
        assertEquals(MessageType.EXECUTE_REQUEST, message.getHeader().getType());
        assertEquals("m1", message.getHeader().getId());
        assertEquals("1 + 1", ((ExecuteRequest) message.getContent()).getCode());
        assertEquals("client-id", new String(message.getIdentities().get(0), StandardCharsets.UTF_8));
        assertEquals(1, message.getBlobs().size());
    }

    @Test
    void aWrongSignatureIsRefused() throws Exception {
        HMACGenerator other = new HMACGenerator("hmac-sha256", "not-the-key");
        assertEquals("invalid signature", refusal(signed(other, bytes(HEADER), bytes("{}"), bytes("{}"), bytes("{}"))));
    }

    @Test
    void eachMalformedFrameIsNamed() {
        assertEquals("the header frame is not well-formed JSON: ",
                refusal(message("{\"msg_id\": ", "{}", "{}", "{}")).replaceAll("JSON: .*", "JSON: "));
        assertEquals("the parent header frame is not well-formed JSON: ",
                refusal(message(HEADER, "{{", "{}", "{}")).replaceAll("JSON: .*", "JSON: "));
        assertEquals("the metadata frame is not a JSON object: [1]", refusal(message(HEADER, "{}", "[1]", "{}")));
        assertEquals("the content frame is not a JSON object: null", refusal(message(HEADER, "{}", "{}", "null")));
        assertEquals("the content frame is not UTF-8", refusal(signed(signer, bytes(HEADER), bytes("{}"), bytes("{}"),
                new byte[] {(byte) 0xff, (byte) 0xfe})));
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals("the metadata frame is not well-formed JSON: ",
                refusal(message(HEADER, "{}", nested, "{}")).replaceAll("JSON: .*", "JSON: "));
    }

    @Test
    void aHeaderWithoutWhatNamesTheMessageIsRefused() {
        assertEquals("the header has no string 'msg_type': {}", refusal(message("{}", "{}", "{}", "{}")));
        assertEquals("the header has no string 'msg_id': ",
                refusal(message(HEADER.replace("\"msg_id\"", "\"other\""), "{}", "{}", "{}")).replaceAll(": \\{.*", ": "));
        assertEquals("unknown msg_type 'no_such_request'",
                refusal(message(HEADER.replace("execute_request", "no_such_request"), "{}", "{}", "{}")));
    }

    @Test
    void contentThatDoesNotFitItsTypeIsRefused() {
        String history = HEADER.replace("execute_request", "history_request");
        assertEquals("content does not fit msg_type 'history_request': ",
                refusal(message(history, "{}", "{}", "{}")).replaceAll("': .*", "': "));
        String inspect = HEADER.replace("execute_request", "inspect_request");
        assertEquals("content does not fit msg_type 'inspect_request': ",
                refusal(message(inspect, "{}", "{}", "{\"cursor_pos\": \"x\"}")).replaceAll("': .*", "': "));
    }

    @Test
    void aMessageWithTheWrongFramesIsRefused() {
        assertEquals("no <IDS|MSG> delimiter among its 1 frames", refusal(List.of(bytes("hello"))));
        assertEquals("2 frames after <IDS|MSG>; a message has at least 5 (signature, header, parent header, "
                + "metadata, content)", refusal(List.of(bytes("<IDS|MSG>"), bytes(""), bytes(HEADER))));
    }
}
