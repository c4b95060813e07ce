package dev.grokkit.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Checks, when a Spark sweep is defined, that what its tasks carry survives Java serialization
 * (written and read back), so that a sweep that cannot be shipped is refused at once, naming
 * the part and the class that is not serializable, instead of failing later inside Spark.
 */
final class Shipping {

    private Shipping() {}

    /** Refuses {@code value} unless it serializes and deserializes; {@code what} names it in the error. */
    static void requireShippable(String sweep, String what, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw refused(sweep, what, value, "it holds an object of class " + e.getMessage()
                    + ", which is not Serializable", e);
        } catch (IOException | RuntimeException e) {
            throw refused(sweep, what, value, "serializing it failed: " + e, e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw refused(sweep, what, value, "reading it back failed: " + e, e);
        }
    }

    private static IllegalArgumentException refused(String sweep, String what, Object value, String why,
            Exception cause) {
        return new IllegalArgumentException(sweep + " cannot be shipped to Spark executors: " + what + " (class "
                + value.getClass().getName() + ") is not serializable: " + why + ". Define the experiments with a"
                + " named SweepFactory class whose fields are data (or a lambda capturing only serializable"
                + " values), and points that are records or strings of such data.", cause);
    }
}
