"""A search bot: `search_bot.py BASE RATE SECONDS` sends RATE random searches a second, each from
another loopback address (127.0.1.x), so a per-address limit alone cannot stop it: the bounded
backend must. Prints the answers it got by status."""

import random
import socket
import sys
import threading
import time
from collections import Counter

base, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
host, port = base.split("//")[1].split(":")
answers: Counter = Counter()
WORDS = ["helsinki", "hiring", "backend", "contract", "python", "team", "scale", "remote"]


def search(n: int) -> None:
    query = "+".join(random.sample(WORDS, 2)) + f"+{random.randint(1, 10**6)}"
    request = f"GET /search/?q={query} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    request += "User-Agent: Mozilla/5.0 (compatible; SearchBot/1.0)\r\n\r\n"
    try:
        with socket.create_connection(
            (host, int(port)), timeout=30, source_address=(f"127.0.1.{n % 250 + 1}", 0)
        ) as conn:
            conn.sendall(request.encode())
            status = conn.recv(64).split(b" ")[1].decode()
    except OSError:
        status = "error"
    answers[status] += 1


started, n = time.monotonic(), 0
while time.monotonic() - started < seconds:
    threading.Thread(target=search, args=(n,), daemon=True).start()
    n += 1
    time.sleep(max(0.0, started + n / rate - time.monotonic()))
time.sleep(2)
print(" ".join(f"{status}:{count}" for status, count in sorted(answers.items())))
