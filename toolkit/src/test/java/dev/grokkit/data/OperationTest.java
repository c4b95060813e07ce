package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

class OperationTest {

    private static final int P = 11;

    /** Each built-in operation written out with BigInteger; division by Fermat: y^-1 = y^(p-2) mod p. */
    private static final Map<Operation, BinaryOperator<BigInteger>> DIRECT = Map.of(
            Operation.ADD, BigInteger::add,
            Operation.SUBTRACT, BigInteger::subtract,
            Operation.MULTIPLY, BigInteger::multiply,
            Operation.DIVIDE, (x, y) -> x.multiply(y.modPow(BigInteger.valueOf(P - 2), BigInteger.valueOf(P))),
            Operation.X2_PLUS_Y2, (x, y) -> x.pow(2).add(y.pow(2)),
            Operation.X2_PLUS_XY_PLUS_Y2, (x, y) -> x.pow(2).add(x.multiply(y)).add(y.pow(2)),
            Operation.X2_PLUS_XY_PLUS_Y2_PLUS_X, (x, y) -> x.pow(2).add(x.multiply(y)).add(y.pow(2)).add(x),
            Operation.X3_PLUS_XY, (x, y) -> x.pow(3).add(x.multiply(y)),
            Operation.X3_PLUS_XY2_PLUS_Y, (x, y) -> x.pow(3).add(x.multiply(y.pow(2))).add(y));

    @Test
    void everyBuiltInMatchesDirectComputationOnAllPairs() {
        assertEquals(DIRECT.keySet(), Set.copyOf(Operation.builtIns()));
        BigInteger p = BigInteger.valueOf(P);
        for (Operation op : Operation.builtIns()) {
            for (int x = 0; x < P; x++) {
                for (int y = op.isDivision() ? 1 : 0; y < P; y++) {
                    BigInteger direct = DIRECT.get(op).apply(BigInteger.valueOf(x), BigInteger.valueOf(y));
                    int expected = direct.mod(p).intValueExact();
                    assertEquals(expected, op.apply(x, y, P), op + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void divisionUndoesMultiplication() {
        int p = 97;
        for (int y = 1; y < p; y++) {
            assertEquals(1, Math.floorMod(y * Operation.inverse(y, p), p), "inverse of " + y);
            for (int x = 0; x < p; x++) {
                assertEquals(x, Operation.DIVIDE.apply(Operation.MULTIPLY.apply(x, y, p), y, p));
            }
        }
        assertEquals(6, Operation.DIVIDE.apply(1, 2, 11)); // 2 * 6 = 12 = 1 mod 11
    }

    @Test
    void cubicsDoNotOverflowAtTheLargestModulus() {
        int p = ModularArithmetic.MAX_MODULUS;
        int x = p - 1;
        long expected = BigInteger.valueOf(x).pow(3).add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(x).pow(2)))
                .add(BigInteger.valueOf(x)).mod(BigInteger.valueOf(p)).longValueExact();
        assertEquals(expected, Operation.X3_PLUS_XY2_PLUS_Y.apply(x, x, p));
    }

    @Test
    void customOperationReducesWithFloorMod() {
        Operation op = Operation.custom(" x-2y ", (x, y) -> x - 2 * y);
        assertEquals("x-2y", op.name());
        assertEquals(Math.floorMod(1 - 2 * 6, 7), op.apply(1, 6, 7));
        assertEquals(3, op.apply(1, 6, 7));
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Operation.DIVIDE.apply(3, 0, 7));
        assertTrue(e.getMessage().contains("x/y") && e.getMessage().contains("y = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Operation.ADD.apply(7, 1, 7));
        assertTrue(e.getMessage().contains("x = 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Operation.custom(" ", (x, y) -> x));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Operation.inverse(4, 8));
        assertTrue(e.getMessage().contains("no inverse mod 8"), e.getMessage());
    }
}
