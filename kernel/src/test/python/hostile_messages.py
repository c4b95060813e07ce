"""Sends hostile messages to every channel of the grokkit kernel, each followed by a good request
that must still be answered: a wrong signature, malformed JSON in each frame, a missing or empty
header, an unknown msg_type, content of the wrong shape, bytes that are not UTF-8, deeply nested
JSON, too few frames, no delimiter, a huge frame; on shell and control also every request the
kernel handles without its fields or with fields of the wrong type; on stdin a message of the
wrong kind; on the heartbeat several frames and a huge one.

The hostile messages come from a separate socket (any local process that can reach the ports);
all but the wrong-signature one are signed with the session's real key, so they reach the
parser. Prints "ok: <channel>/<kind>" or "FAIL: <channel>/<kind>: why" for each case and exits 1
if any failed. Usage: hostile_messages.py (the kernelspec `java` must be on JUPYTER_PATH).
"""
import hashlib
import hmac
import json
import sys
import time
import uuid

import zmq

from protocol_check import Session

DELIMITER = b"<IDS|MSG>"
HUGE = 40 * 1024 * 1024  # above the kernel's 32 MiB frame limit


def header(msg_type="execute_request"):
    return {"msg_id": uuid.uuid4().hex, "username": "attacker", "session": uuid.uuid4().hex,
            "date": "2026-12-07T00:00:00.000000Z", "msg_type": msg_type, "version": "5.3"}


def as_json(value):
    return json.dumps(value).encode()


def signed(key, parts):
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return [DELIMITER, mac.hexdigest().encode()] + parts


def message(key, msg_type="execute_request", header_frame=None, parent=b"{}", metadata=b"{}", content=None):
    """A signed message of msg_type; any of its four JSON frames can be given as raw bytes."""
    parts = [header_frame if header_frame is not None else as_json(header(msg_type)), parent, metadata,
             content if content is not None else as_json({"code": "1", "silent": False, "value": "x"})]
    return signed(key, parts)


def message_kinds(key, msg_type):
    """Hostile multipart messages for a ROUTER channel (shell, control, stdin)."""
    return {
        "wrong signature": message(b"not-the-key", msg_type),
        "malformed JSON header": message(key, header_frame=b'{"msg_id": '),
        "malformed JSON parent header": message(key, msg_type, parent=b"{{"),
        "malformed JSON metadata": message(key, msg_type, metadata=b"[1,"),
        "malformed JSON content": message(key, msg_type, content=b'{"code": "1"'),
        "header is not an object": message(key, header_frame=b"[]"),
        "missing header": message(key, header_frame=b"{}"),
        "header without msg_type": message(key, header_frame=as_json({k: v for k, v in header().items()
                                                                 if k != "msg_type"})),
        "unknown msg_type": message(key, "no_such_request"),
        "content of the wrong shape": message(key, msg_type, content=b"[1, 2, 3]"),
        "bytes that are not UTF-8": message(key, msg_type, content=b"\xff\xfe\xfd"),
        "deeply nested JSON": message(key, msg_type, metadata=b"[" * 100000 + b"]" * 100000),
        "too few frames": [DELIMITER, b"", as_json(header(msg_type))],
        "no delimiter": [b"hello"],
        "empty frame only": [b""],
        "huge frame": message(key, msg_type, content=b" " * HUGE),
    }


# Every request the kernel handles but shutdown_request (which, well-formed, rightly ends it).
REQUESTS = ["execute_request", "inspect_request", "complete_request", "is_complete_request", "history_request",
            "comm_info_request", "comm_open", "comm_msg", "comm_close", "kernel_info_request", "interrupt_request"]
WRONG_TYPES = as_json({"code": 5, "cursor_pos": "x", "detail_level": [], "hist_access_type": 3, "comm_id": [],
                       "target_name": {}, "data": 7, "silent": "no", "user_expressions": [1], "allow_stdin": 2})


def request_kinds(key, msg_type):
    """message_kinds, and each request with content lacking its fields or holding fields of the wrong type."""
    kinds = message_kinds(key, msg_type)
    for request in REQUESTS:
        kinds[request + " without its fields"] = message(key, request, content=b"{}")
        kinds[request + " with fields of the wrong type"] = message(key, request, content=WRONG_TYPES)
    return kinds


class Kernel(Session):
    """A started kernel (protocol_check's Session) with raw sockets of our own for hostile messages."""

    def __init__(self):
        super().__init__()
        self.info = self.manager.get_connection_info()
        self.key = self.info["key"] if isinstance(self.info["key"], bytes) else self.info["key"].encode()
        self.zmq = zmq.Context()

    def address(self, channel):
        return "%s://%s:%d" % (self.info["transport"], self.info["ip"], self.info[channel + "_port"])

    def attack(self, channel, frames):
        """Sends frames from a separate socket, as another local process would."""
        kind = zmq.REQ if channel == "hb" else zmq.DEALER
        sock = self.zmq.socket(kind)
        sock.linger = 2000
        sock.connect(self.address(channel))
        sock.send_multipart(frames)
        time.sleep(0.5)
        sock.close()

    def wait_reply(self, get, msg_id, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                reply = get(timeout=max(0.1, deadline - time.time()))
            except Exception:
                break
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply
        return None

    def shell_answers(self, n):
        msg_id = self.client.execute("%d + 1" % n)
        reply = self.wait_reply(self.client.get_shell_msg, msg_id, 30)
        return reply is not None and reply["content"]["status"] == "ok", "execute_reply: %s" % reply

    def control_answers(self, n):
        request = self.client.session.msg("kernel_info_request")
        self.client.control_channel.send(request)
        reply = self.wait_reply(self.client.get_control_msg, request["header"]["msg_id"], 30)
        return reply is not None and reply["msg_type"] == "kernel_info_reply", "kernel_info_reply: %s" % reply

    def stdin_answers(self, n):
        """A cell reads a line from System.in; the front end answers the input request."""
        typed = "typed-%d" % n
        msg_id = self.client.execute('new java.util.Scanner(System.in).nextLine()', allow_stdin=True)
        try:
            request = self.client.get_stdin_msg(timeout=30)
        except Exception:
            return False, "no input_request"
        self.client.input(typed)
        reply = self.wait_reply(self.client.get_shell_msg, msg_id, 30)
        if reply is None or reply["content"]["status"] != "ok":
            return False, "execute_reply: %s" % reply
        while True:
            try:
                output = self.client.get_iopub_msg(timeout=10)
            except Exception:
                return False, "no execute_result with %s" % typed
            if output["parent_header"].get("msg_id") == msg_id and output["msg_type"] == "execute_result":
                text = output["content"]["data"]["text/plain"]
                return typed in text, "the cell read %s, expected %s (input_request %s)" % (text, typed, request)

    def heartbeat_answers(self, n):
        sock = self.zmq.socket(zmq.REQ)
        sock.linger = 0
        sock.connect(self.address("hb"))
        ping = b"ping-%d" % n
        sock.send(ping)
        echoed = sock.recv() if sock.poll(10000) else None
        sock.close()
        return echoed == ping, "heartbeat echoed %r" % (echoed,)

    def close(self):
        super().close()
        self.zmq.destroy(linger=0)


def main():
    kernel = Kernel()
    failures = 0
    cases = []
    for kind, frames in request_kinds(kernel.key, "execute_request").items():
        cases.append(("shell", kind, frames, kernel.shell_answers))
    for kind, frames in request_kinds(kernel.key, "complete_request").items():
        cases.append(("control", kind, frames, kernel.control_answers))
    for kind, frames in message_kinds(kernel.key, "input_reply").items():
        cases.append(("stdin", kind, frames, kernel.stdin_answers))
    cases.append(("stdin", "a message of the wrong kind", message(kernel.key, "execute_request"),
                  kernel.stdin_answers))
    cases.append(("hb", "several frames", [b"a", b"b", b"c"], kernel.heartbeat_answers))
    cases.append(("hb", "huge frame", [b" " * HUGE], kernel.heartbeat_answers))
    try:
        for n, (channel, kind, frames, answers) in enumerate(cases):
            kernel.attack(channel, frames)
            good, detail = answers(n)
            if good:
                print("ok: %s/%s" % (channel, kind), flush=True)
            else:
                failures += 1
                print("FAIL: %s/%s: after it, a good request went unanswered: %s" % (channel, kind, detail),
                      flush=True)
    finally:
        kernel.close()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
