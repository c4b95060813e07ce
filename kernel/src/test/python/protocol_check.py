"""Drives the grokkit kernel through the Jupyter protocol with jupyter_client, as a notebook
front end does: execute, stream output (200,000 lines, none lost), a table and a chart as rich
display data, a live training display updated in place, a compile error, completion,
is-complete, inspection, and an interrupt that stops a long cell while the kernel and its
variables live on, a cell that survives even the hard stop (an error says to restart), and
System.exit in a cell, refused.

Usage: protocol_check.py  (the kernelspec `java` must be on JUPYTER_PATH). Exits 1 on the first
failed check, printing what was expected and what came back.
"""
import sys
import time

from jupyter_client.manager import KernelManager


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message.split(":")[0], flush=True)


class Session:
    def __init__(self):
        self.manager = KernelManager(kernel_name="java")
        self.manager.start_kernel()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=120)

    def execute(self, code, timeout=120, on_busy=None):
        """Runs code; returns (reply content, iopub messages of this request)."""
        msg_id = self.client.execute(code)
        if on_busy:
            on_busy()
        messages = []
        deadline = time.time() + timeout
        while True:
            message = self.client.get_iopub_msg(timeout=max(1, deadline - time.time()))
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                break
            messages.append(message)
        while True:
            reply = self.client.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"], messages

    def reply_to(self, msg_id, timeout=30):
        """The shell reply to a request already sent."""
        while True:
            reply = self.client.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def of_type(messages, kind):
    return [m["content"] for m in messages if m["msg_type"] == kind]


def main():
    s = Session()
    try:
        reply, messages = s.execute('System.out.println("hello"); 6 * 7')
        check(reply["status"] == "ok", "execute ok: %s" % reply)
        check(any("hello" in c["text"] for c in of_type(messages, "stream")), "stdout is streamed: %s" % messages)
        results = of_type(messages, "execute_result")
        check(results and results[0]["data"]["text/plain"] == "42", "trailing expression is the result: %s" % results)

        reply, messages = s.execute('for (int i = 0; i < 200000; i++) System.out.println("line " + i);',
                                    timeout=300)
        printed = "".join(c["text"] for c in of_type(messages, "stream") if c["name"] == "stdout").splitlines()
        expected = ["line %d" % i for i in range(200000)]
        check(reply["status"] == "ok" and printed == expected,
              "200,000 printed lines arrive complete and in order: %d arrived, first difference at %s" % (
                  len(printed), next((i for i, (a, b) in enumerate(zip(printed, expected)) if a != b),
                                     min(len(printed), len(expected)))))

        reply, messages = s.execute('Table.create("t", IntColumn.create("a", new int[] {1, 2, 3}))')
        data = of_type(messages, "execute_result")[0]["data"]
        check("text/html" in data and "<td>3</td>" in data["text/html"] and "text/plain" in data,
              "a table is HTML with a text fallback: %s" % data)

        reply, messages = s.execute(
            'var c = new XYChartBuilder().width(200).height(150).build();\n'
            'c.addSeries("y", new double[] {0, 1}, new double[] {1, 0});\n'
            'display(c);\n'
            'int afterDisplay = 1;')
        shown = of_type(messages, "display_data")
        check(shown and shown[0]["data"]["image/png"].startswith("iVBORw0KGgo"), "a chart displays as PNG: %s" % shown)

        reply, messages = s.execute(
            'var run = Experiment.builder().data(ModularArithmetic.builder().modulus(7).operation(Operation.ADD)'
            '.trainFraction(0.5).seed(0).form(ModularArithmetic.Form.PAIRS).build())'
            '.model(Models.embeddingMlp().embeddingDim(4).hidden(8)).optimizer(Optimizers.adamW().learningRate(1e-3))'
            '.steps(200).fullBatch().seed(0).logEvery(10).build().run();')
        first = of_type(messages, "display_data")
        updates = of_type(messages, "update_display_data")
        check(first and updates and all(u["transient"]["display_id"] == first[0]["transient"]["display_id"]
                                        for u in updates),
              "training shows a progress display updated in place: %d displays, %d updates" % (len(first), len(updates)))
        check("completed 200 steps" in updates[-1]["data"]["text/plain"], "the final update says how the run ended")

        reply, messages = s.execute('int broken = "text";')
        errors = of_type(messages, "error")
        check(reply["status"] == "error" and errors and "incompatible types" in "\n".join(errors[0]["traceback"]),
              "a compile error is reported readably: %s" % errors)

        reply = s.reply_to(s.client.complete("Syst", 4))
        check("System" in reply["matches"] and reply["cursor_start"] == 0, "completion: %s" % reply)

        reply = s.reply_to(s.client.is_complete("for (int i = 0; i < 3; i++) {"))
        check(reply["status"] == "incomplete", "is_complete sees an open block: %s" % reply)
        reply = s.reply_to(s.client.is_complete("int q = 1;"))
        check(reply["status"] == "complete", "is_complete sees a complete statement: %s" % reply)

        reply = s.reply_to(s.client.inspect("Math.max(", 9))
        check(reply["found"] and "max(" in reply["data"]["text/plain"], "inspection shows the signature: %s" % reply)

        def interrupt_soon():
            time.sleep(3)
            s.manager.interrupt_kernel()

        s.execute("long spins = 0;")
        reply, messages = s.execute("while (true) { spins++; }", timeout=60, on_busy=interrupt_soon)
        check(reply["status"] == "error" and reply["ename"] != "", "an interrupted cell ends with an error: %s" % reply)
        reply, messages = s.execute("spins > 0 && afterDisplay == 1")
        check(of_type(messages, "execute_result")[0]["data"]["text/plain"] == "true",
              "after the interrupt the kernel lives and keeps its variables")

        reply, messages = s.execute("for (;;) try { for (;;) try { Thread.sleep(5); } catch (Throwable t) { } }"
                                    " catch (Throwable t) { }", timeout=60, on_busy=interrupt_soon)
        check(reply["status"] == "error" and "restart the kernel" in reply["evalue"],
              "a cell that survives the hard stop ends with an error telling to restart: %s" % reply)
        reply, messages = s.execute("System.exit(1);")
        check(reply["status"] == "error" and "System.exit(1) was refused" in reply["evalue"],
              "System.exit in a cell is refused as the cell's error: %s" % reply)
        reply, messages = s.execute("spins > 0 && afterDisplay == 1")
        check(of_type(messages, "execute_result")[0]["data"]["text/plain"] == "true",
              "after both the kernel lives and keeps its variables")
    finally:
        s.close()
    print("protocol checks passed", flush=True)


if __name__ == "__main__":
    main()
