"""Real sockets for fault tests: a TCP proxy the test can cut, a server that never answers, and a
real SMTP server (aiosmtpd) that records or refuses what it is sent."""

import asyncio
import contextlib
import select
import socket
import threading
import time
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Listener:
    """A local TCP listener on its own thread; subclasses say what to do with a connection."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self.listener.getsockname()[1]
        self.listener.settimeout(0.2)
        self.stopped = False
        threading.Thread(target=self.accept_loop, daemon=True).start()

    def accept_loop(self) -> None:
        while not self.stopped:
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.handle(conn)

    def handle(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stopped = True
        self.listener.close()


class TcpProxy(Listener):
    """Forwards 127.0.0.1:<port> to a target; `cut()` drops every connection and refuses new
    ones (a server gone away), `freeze()` keeps every connection open and lets nothing through
    (a server that hangs), `restore()` brings it back."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.up = threading.Event()
        self.up.set()
        self.frozen = threading.Event()
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()
        super().__init__()

    def handle(self, client: socket.socket) -> None:
        if not self.up.is_set():
            client.close()  # connection refused, as far as the client can tell
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            client.close()
            return
        with self.lock:
            self.connections += [client, upstream]
        threading.Thread(target=self.pipe, args=(client, upstream), daemon=True).start()

    def pipe(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while self.up.is_set():
                if self.frozen.is_set():
                    time.sleep(0.05)
                    continue
                ready, _, _ = select.select([a, b], [], [], 0.2)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    (b if source is a else a).sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                s.close()

    def cut(self) -> None:
        self.up.clear()
        with self.lock:
            for s in self.connections:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self.connections.clear()

    def freeze(self) -> None:
        self.frozen.set()

    def restore(self) -> None:
        self.frozen.clear()
        self.up.set()

    def close(self) -> None:
        self.cut()
        super().close()


class SilentServer(Listener):
    """Accepts connections and never says a word: a hung mail or cache server."""

    def __init__(self):
        self.accepted: list[socket.socket] = []
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        self.accepted.append(conn)  # kept open, never answered

    def close(self) -> None:
        super().close()
        for conn in self.accepted:
            conn.close()


class Mailbox:
    """aiosmtpd handler: keeps every message; refuses recipients listed in `refuse`; while
    `hold` is set it keeps a message and never answers (a sender killed mid-send)."""

    def __init__(self, refuse: tuple[str, ...] = ()):
        self.refuse = refuse
        self.messages: list[Message] = []
        self.envelopes: list = []
        self.hold = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.envelopes.append(envelope)
        self.messages.append(message_from_bytes(envelope.content))
        while self.hold.is_set():
            await asyncio.sleep(0.1)
        return "250 Message accepted"


class SmtpServer:
    """A real SMTP server on a free local port."""

    def __init__(self, refuse: tuple[str, ...] = ()):
        self.mailbox = Mailbox(refuse)
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def messages(self) -> list[Message]:
        return self.mailbox.messages

    def close(self) -> None:
        self.controller.stop()
